import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Emulator, startEmulator } from '../../emulator/index.ts';
import { TEST_TOKEN } from '../support/bot.ts';
import { checkMentionsAfterEach } from '../support/mentions.ts';
import { closeAll } from '../support/suite.ts';
import { spawnCasewatch } from './support.ts';

describe('casewatch start, then SIGTERM', () => {
  let emu: Emulator;
  checkMentionsAfterEach(() => emu);
  beforeAll(async () => {
    emu = await startEmulator();
  });
  afterAll(() => closeAll(emu));

  it('serves, then stops scheduling, closes the gateway and the store, and exits 0', async () => {
    const { proc, out, exit } = spawnCasewatch(['start'], {
      DISCORD_TOKEN: TEST_TOKEN,
      DISCORD_API_URL: emu.apiUrl,
      HEALTH_PORT: '0',
    });
    await emu.waitFor(() => out.log.includes('slash commands registered'), {
      timeout: 20_000,
      message: out.log,
    });
    const reply = await emu.command('case', { subcommand: 'list' });
    expect(reply.content).toMatch(/tracks no case yet/);
    const health = out.log.match(/"port":(\d+),"msg":"health server listening"/);
    expect(health).not.toBeNull();
    const res = await fetch(`http://127.0.0.1:${health?.[1]}/healthz`);
    expect(res.status).toBe(200);
    const metrics = await (await fetch(`http://127.0.0.1:${health?.[1]}/metrics`)).text();
    expect(metrics).toMatch(/casewatch_interaction_duration_seconds_count\{command="case"\} 1/);

    proc.kill('SIGTERM');
    expect(await exit).toBe(0);
    expect(out.log).toMatch(/shutting down/);
    expect(out.log).toMatch(/"msg":"stopped"/);
    expect(out.log).not.toContain(TEST_TOKEN);
  }, 40_000);
});
