import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Emulator, startEmulator } from '../emulator/index.ts';
import { TEST_TOKEN } from '../support/bot.ts';

describe('npm run start:sharded', () => {
  let emu: Emulator;
  beforeAll(async () => {
    emu = await startEmulator({
      shards: 2,
      guilds: [
        { name: 'Alpha', channels: [{ name: 'general' }] },
        { name: 'Beta', channels: [{ name: 'general' }] },
      ],
    });
  });
  afterAll(async () => {
    await emu?.close();
  });

  it('runs one process per shard and answers commands in every server', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cw-shards-'));
    const proc = spawn(process.execPath, ['src/bin/casewatch.mjs', 'start', '--sharded'], {
      env: {
        ...process.env,
        DISCORD_TOKEN: TEST_TOKEN,
        DISCORD_API_URL: emu.apiUrl,
        STORE_URL: `sqlite://${join(dir, 'casewatch.sqlite')}`,
        SHARD_COUNT: 'auto', // asked of the configured API: the emulator recommends 2
        LOG_LEVEL: 'info',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let log = '';
    proc.stdout?.on('data', (d) => {
      log += String(d);
    });
    proc.stderr?.on('data', (d) => {
      log += String(d);
    });
    const exit = new Promise<number | null>((resolve) => proc.on('exit', (code) => resolve(code)));
    try {
      await emu.waitFor(() => log.includes('all shards ready'), {
        timeout: 75_000,
        message: log.slice(-3000),
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
