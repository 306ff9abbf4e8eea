import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Emulator, startEmulator } from '../emulator/index.ts';
import { TEST_TOKEN } from '../support/bot.ts';

describe('casewatch start, then SIGTERM', () => {
  let emu: Emulator;
  beforeAll(async () => {
    emu = await startEmulator();
  });
  afterAll(async () => {
    await emu?.close();
  });

  it('serves, then stops scheduling, closes the gateway and the store, and exits 0', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cw-start-'));
    const proc = spawn(process.execPath, ['src/bin/casewatch.mjs', 'start'], {
      env: {
        ...process.env,
        DISCORD_TOKEN: TEST_TOKEN,
        DISCORD_API_URL: emu.apiUrl,
        STORE_URL: `sqlite://${join(dir, 'casewatch.sqlite')}`,
        HEALTH_PORT: '0',
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
    await emu.waitFor(() => log.includes('slash commands registered'), { timeout: 20_000, message: log });
    const reply = await emu.command('case', { subcommand: 'list' });
    expect(reply.content).toMatch(/tracks no case yet/);
    const health = log.match(/"port":(\d+),"msg":"health server listening"/);
    expect(health).not.toBeNull();
    const res = await fetch(`http://127.0.0.1:${health?.[1]}/healthz`);
    expect(res.status).toBe(200);
    const metrics = await (await fetch(`http://127.0.0.1:${health?.[1]}/metrics`)).text();
    expect(metrics).toMatch(/casewatch_interaction_duration_seconds_count\{command="case"\} 1/);

    proc.kill('SIGTERM');
    expect(await exit).toBe(0);
    expect(log).toMatch(/shutting down/);
    expect(log).toMatch(/"msg":"stopped"/);
    expect(log).not.toContain(TEST_TOKEN);
  }, 40_000);
});
