import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config.ts';
import { deployCommands } from '../../src/discord/deploy.ts';
import { loadCommands } from '../../src/discord/loader.ts';
import { openStore } from '../../src/store/index.ts';
import { startTestBot, TEST_TOKEN, type TestBot } from '../support/bot.ts';
import { type Emulator, startEmulator } from '../support/emulator.ts';
import { withOutage } from '../support/faultyStore.ts';
import { checkMentionsAfterEach, expectNobodyPinged } from '../support/mentions.ts';
import { closeAll } from '../support/suite.ts';

const MANAGE_GUILD = 0x20n;
const MEMBER = (0x400n | 0x800n).toString(); // view channels + send messages, no Manage Server

describe('the bot through the real discord.js client and the emulator', () => {
  let emu: Emulator;
  let t: TestBot;
  let store: Awaited<ReturnType<typeof withOutage>>;

  checkMentionsAfterEach(() => emu);

  beforeAll(async () => {
    store = withOutage(await openStore('memory://'));
    emu = await startEmulator();
    t = await startTestBot(emu.apiUrl, { store });
    await emu.waitForReady();
  });
  afterAll(() => closeAll(t, emu));

  it('logs in and registers every command in commands/', async () => {
    const names = emu.commands.global.map((c) => c.name).sort();
    const files = [...(await loadCommands()).keys()].sort();
    expect(names).toEqual(files);
    expect(names).toEqual(expect.arrayContaining(['case', 'status']));
  });

  it('tracks a case with /case track, then /status finds it by autocomplete', async () => {
    const tracked = await emu.command('case', {
      subcommand: 'track',
      options: {
        name: 'Rust shooting',
        aliases: 'Rust, Rust film',
        defendants: 'Alec Baldwin, Hannah Gutierrez-Reed',
      },
    });
    expect(tracked.ephemeral).toBe(true);
    expect(tracked.content).toMatch(/Now tracking \*\*Rust shooting\*\* \(`rust-shooting`\)/);

    const choices = await emu.autocomplete('status', { options: { case: 'rus' }, focused: 'case' });
    expect(choices).toEqual([{ name: 'Rust shooting (rust-shooting)', value: 'rust-shooting' }]);
    const none = await emu.autocomplete('status', { options: { case: 'kohb' }, focused: 'case' });
    expect(none).toEqual([]);

    const status = await emu.command('status', { options: { case: 'rust-shooting' } });
    expect(status.embeds[0]?.title).toBe('Rust shooting');
    expect(status.text).toContain('Alec Baldwin, Hannah Gutierrez-Reed');
    expect(status.text).toMatch(/No articles yet/);
  });

  it('lists tracked cases for admins', async () => {
    const list = await emu.command('case', { subcommand: 'list' });
    expect(list.content).toContain('rust-shooting');
    expect(list.ephemeral).toBe(true);
  });

  it('refuses admin commands to a member without Manage Server, whatever the defaults say', async () => {
    const refused = await emu.command('case', {
      subcommand: 'track',
      options: { name: 'Another case' },
      permissions: MEMBER,
    });
    expect(refused.ephemeral).toBe(true);
    expect(refused.content).toMatch(/Manage Server/);
    expect(await t.store.kv('cases').get('another-case')).toBeUndefined();
    expect(BigInt(emu.commands.global.find((c) => c.name === 'case')?.default_member_permissions ?? 0)).toBe(
      MANAGE_GUILD,
    );
  });

  it('answers an unknown case politely and names the tracked ones', async () => {
    const reply = await emu.command('status', { options: { case: 'kohberger' } });
    expect(reply.ephemeral).toBe(true);
    expect(reply.content).toMatch(/No tracked case matches "kohberger"/);
    expect(reply.content).toContain('rust-shooting');
  });

  it('answers an error inside a command ephemerally, logs it, and serves the next interaction', async () => {
    store.down = true;
    const failed = await emu.command('status', { options: { case: 'rust-shooting' } }).finally(() => {
      store.down = false;
    });
    const apology = failed.followUps[0]?.content ?? failed.content;
    expect(apology).toMatch(/something went wrong/i);
    expect((failed.followUps[0]?.flags ?? failed.flags) & 64).toBe(64);
    expect(t.log.text()).toMatch(/interaction failed/);
    expect(t.log.text()).toMatch(/store unavailable/);

    const next = await emu.command('status', { options: { case: 'rust-shooting' } });
    expect(next.embeds[0]?.title).toBe('Rust shooting');
  });

  it('defers a slow command in time, and still apologises privately when it then fails', async () => {
    store.down = true;
    store.delayMs = 2_500;
    const failed = await emu
      .command('status', { options: { case: 'rust-shooting' }, timeout: 8_000 })
      .finally(() => {
        store.down = false;
        store.delayMs = 0;
      });
    expect(failed.deferred).toBe(true);
    await emu.waitFor(() => failed.followUps.length > 0, {
      message: 'no apology after the deferred failure',
    });
    expect(failed.problems).toEqual([]);
    const apology = failed.followUps.at(-1);
    expect(apology?.content).toMatch(/something went wrong/i);
    expect((apology?.flags ?? 0) & 64).toBe(64);
  });

  it('sends text containing @everyone with mentions disabled', async () => {
    const reply = await emu.command('case', {
      subcommand: 'track',
      options: { name: '@everyone look', defendants: '<@&123456789012345678>, @here' },
    });
    expect(reply.content).toContain('@everyone');
    expect(reply.allowedMentions).toEqual(expect.objectContaining({ parse: [] }));
    expectNobodyPinged(emu);
  });

  it('never writes the token to the log', () => {
    expect(t.log.text().length).toBeGreaterThan(0);
    expect(t.log.text()).not.toContain(TEST_TOKEN);
  });
});

describe('npm run deploy-commands', () => {
  it('registers guild-scoped commands when DISCORD_GUILD_ID is set, global otherwise', async () => {
    const emu = await startEmulator();
    try {
      const commands = await loadCommands();
      const base = { DISCORD_TOKEN: TEST_TOKEN, DISCORD_API_URL: emu.apiUrl };
      const guild = await deployCommands(parseConfig({ ...base, DISCORD_GUILD_ID: emu.guildId }), commands);
      expect(guild.scope).toBe('guild');
      expect(
        emu.commands.guild
          .get(emu.guildId)
          ?.map((c) => c.name)
          .sort(),
      ).toEqual([...commands.keys()].sort());
      const global = await deployCommands(parseConfig(base), commands);
      expect(global.scope).toBe('global');
      expect(emu.commands.global).toHaveLength(commands.size);
    } finally {
      await emu.close();
    }
  });
});
