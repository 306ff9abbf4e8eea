// The admin rule has one source: a command's declared default member permissions. Discord uses
// them to hide the command; the dispatcher enforces them server-side (a server can override the
// defaults), for the command, its autocomplete and its buttons. Commands are guild-only by
// `contexts`, not the deprecated dm_permission.
import {
  Client,
  GatewayIntentBits,
  InteractionContextType,
  PermissionFlagsBits,
  SlashCommandBuilder,
} from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Emulator, startEmulator } from '../../emulator/index.ts';
import { parseConfig } from '../../src/config.ts';
import type { Command } from '../../src/discord/command.ts';
import { attachDispatcher } from '../../src/discord/dispatcher.ts';
import { loadCommands } from '../../src/discord/loader.ts';
import { silentLogger } from '../../src/log.ts';
import { openStore } from '../../src/store/index.ts';
import type { Store } from '../../src/store/types.ts';

const MEMBER = PermissionFlagsBits.ViewChannel | PermissionFlagsBits.SendMessages;
const ran: string[] = [];

/** Declared like any admin command, with no other flag: the declaration alone must protect it. */
const secret: Command = {
  data: new SlashCommandBuilder()
    .setName('secret')
    .setDescription('Server settings')
    .setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild)
    .setContexts(InteractionContextType.Guild)
    .addStringOption((o) => o.setName('which').setDescription('Which').setAutocomplete(true)),
  async execute(interaction) {
    ran.push('execute');
    await interaction.reply({ content: 'the settings', allowedMentions: { parse: [] } });
  },
  async autocomplete(interaction) {
    ran.push('autocomplete');
    await interaction.respond([{ name: 'private feed', value: 'https://private.example/feed' }]);
  },
};

describe('the admin rule, from the command declaration', () => {
  let emu: Emulator;
  let client: Client;
  let store: Store;

  beforeAll(async () => {
    emu = await startEmulator();
    store = await openStore('memory://');
    client = new Client({ intents: [GatewayIntentBits.Guilds], ...emu.clientOptions() });
    const ctx = { store, config: parseConfig({}), logger: silentLogger, now: () => new Date() };
    attachDispatcher(client, new Map([['secret', secret]]), ctx);
    await client.login(emu.token);
    await emu.waitForReady();
    await client.application?.commands.set([secret.data.toJSON()]);
  });

  afterAll(async () => {
    await client?.destroy();
    await emu?.close();
    await store?.close();
  });

  it('refuses a member without the declared permission, and hides the choices from them', async () => {
    const refused = await emu.command('secret', { permissions: MEMBER });
    expect(refused.content).toMatch(/You need the \*\*Manage Server\*\* permission/);
    expect(refused.ephemeral).toBe(true);
    expect(
      await emu.autocomplete('secret', { options: { which: 'p' }, focused: 'which', permissions: MEMBER }),
    ).toEqual([]);
    expect(ran).toEqual([]);
    const allowed = await emu.command('secret', { permissions: PermissionFlagsBits.ManageGuild });
    expect(allowed.content).toBe('the settings');
    expect(ran).toEqual(['execute']);
  });

  it('every shipped command is guild-only by contexts, and the admin ones declare Manage Server', async () => {
    const commands = await loadCommands();
    const declared = [...commands.values()].map((c) => c.data.toJSON());
    for (const json of declared) {
      expect(json.contexts, json.name).toEqual([InteractionContextType.Guild]);
      expect(json.dm_permission, json.name).toBeUndefined();
    }
    const admin = declared.filter(
      (json) => json.default_member_permissions !== undefined && json.default_member_permissions !== null,
    );
    expect(admin.map((json) => json.name).sort()).toEqual(['alerts', 'case', 'correct', 'feed']);
    for (const json of admin)
      expect(json.default_member_permissions).toBe(String(PermissionFlagsBits.ManageGuild));
  });
});
