import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Emulator, startEmulator } from '../../emulator/index.ts';
import { TEST_TOKEN } from '../support/bot.ts';
import { checkMentionsAfterEach } from '../support/mentions.ts';
import { closeAll } from '../support/suite.ts';
import { spawnCasewatch } from './support.ts';

describe('npm run start:sharded', () => {
  let emu: Emulator;
  checkMentionsAfterEach(() => emu);
  beforeAll(async () => {
    emu = await startEmulator({
      shards: 2,
      guilds: [
        { name: 'Alpha', channels: [{ name: 'general' }] },
        { name: 'Beta', channels: [{ name: 'general' }] },
      ],
    });
  });
  afterAll(() => closeAll(emu));

  it('runs one process per shard and answers commands in every server', async () => {
    const { proc, out, exit } = spawnCasewatch(['start', '--sharded'], {
      DISCORD_TOKEN: TEST_TOKEN,
      DISCORD_API_URL: emu.apiUrl,
      SHARD_COUNT: 'auto', // asked of the configured API: the emulator recommends 2
    });
    try {
      await emu.waitFor(() => out.log.includes('all shards ready'), {
        timeout: 75_000,
        message: out.log.slice(-3000),
      });
      await emu.waitForReady();
      for (const guild of emu.guilds) {
        const reply = await emu.command('case', { subcommand: 'list', guildId: guild.id });
        expect(reply.content, guild.name).toMatch(/tracks no case yet/);
      }
      expect(emu.gateway.stats.identifies).toBeGreaterThanOrEqual(2);
    } finally {
      proc.kill('SIGTERM');
    }
    expect(await exit).toBe(0);
  }, 100_000);
});
