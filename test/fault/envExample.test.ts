import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseEnv } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Emulator, startEmulator } from '../../emulator/index.ts';
import { TEST_TOKEN } from '../support/bot.ts';
import { checkMentionsAfterEach } from '../support/mentions.ts';
import { closeAll } from '../support/suite.ts';
import { spawnCasewatch } from './support.ts';

/**
 * The settings of `cp .env.example .env`, as the process sees them once .env is loaded; but the
 * store, which stays the temporary one spawnCasewatch gives each process (the example's empty
 * STORE_URL means the project's data/ folder, which a test must not write to).
 */
const { STORE_URL: _store, ...example } = parseEnv(
  readFileSync(new URL('../../.env.example', import.meta.url), 'utf8'),
) as Record<string, string>;

describe('cp .env.example .env && npm start', () => {
  it('runs the offline demo and exits 0 (SHARD_COUNT=auto never reaches discord.js)', async () => {
    const { out, exit } = spawnCasewatch(['start'], example);
    expect(await exit).toBe(0);
    expect(out.log).toContain('running the offline demo');
    expect(out.log).toContain('Invite the bot to your server');
    expect(out.log).not.toMatch(/shardCount/);
  }, 90_000);

  describe('with a token, against the local emulator', () => {
    let emu: Emulator;
    checkMentionsAfterEach(() => emu);
    beforeAll(async () => {
      emu = await startEmulator();
    });
    afterAll(() => closeAll(emu));

    it('starts and serves /status', async () => {
      const { proc, out, exit } = spawnCasewatch(['start'], {
        ...example,
        DISCORD_TOKEN: TEST_TOKEN,
        DISCORD_API_URL: emu.apiUrl,
        LOG_LEVEL: 'info',
      });
      await emu.waitFor(() => out.log.includes('slash commands registered'), {
        timeout: 30_000,
        message: out.log,
      });
      const reply = await emu.command('status', {});
      expect(reply.content ?? reply.embeds?.[0]?.description ?? '').toMatch(/track/i);
      proc.kill('SIGTERM');
      expect(await exit).toBe(0);
    }, 60_000);
  });

  it('a start-up error is one line naming the setting, and the process exits instead of hanging', async () => {
    const missing = join('/nonexistent', `cw-${process.pid}`, 'dir');
    const { out, exit } = spawnCasewatch(['start'], {
      ...example,
      DISCORD_TOKEN: TEST_TOKEN,
      DISCORD_API_URL: 'http://127.0.0.1:9',
      STORE_URL: `sqlite://${missing}/x.sqlite`,
    });
    expect(await exit).toBe(1);
    expect(out.log.trim()).toBe(
      `casewatch start: STORE_URL: the folder ${missing} does not exist (create it, or fix the path)`,
    );
  }, 30_000);
});
