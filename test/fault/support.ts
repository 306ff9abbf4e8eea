import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { connect, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import type { DemoArticle } from '../../src/demo/feedServer.ts';

/** Reports of one new court date each: one development and one alert per article. */
export function courtDateBatch(count: number, prefix: string, defendant = 'Dana Whitfield'): DemoArticle[] {
  return Array.from({ length: count }, (_, i) => {
    const day = new Date(Date.UTC(2025, 5, 2) + i * 4 * 86_400_000);
    const when = day.toLocaleDateString('en-US', { month: 'long', day: 'numeric', timeZone: 'UTC' });
    return {
      outlet: 'Harlow Gazette',
      url: `https://gazette.example/${prefix}/${i}`,
      title: `Hearing set in Harlow bus crash case (${i})`,
      published: '2025-05-20',
      text:
        `Judge Nora Castellanos on Monday scheduled a status hearing for ${when} in the case against ${defendant}, ` +
        'the driver charged with vehicular manslaughter in the Harlow bus crash.\n\n' +
        `${defendant.split(' ').at(-1)} has pleaded not guilty.`,
    };
  });
}

export async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/**
 * A Redis server of the test's own (the machine's shared one must not be restarted under other
 * tests), persisting every write so a restart keeps the data, as a production Redis would.
 */
export async function startOwnRedis(port: number, dir = mkdtempSync(join(tmpdir(), 'cw-redis-'))) {
  const proc: ChildProcess = spawn(
    'redis-server',
    [
      '--port',
      String(port),
      '--bind',
      '127.0.0.1',
      '--appendonly',
      'yes',
      '--appendfsync',
      'always',
      '--save',
      '',
      '--dir',
      dir,
    ],
    { stdio: 'ignore' },
  );
  for (let i = 0; i < 100; i++) {
    if (await canConnect(port)) break;
    await new Promise((r) => setTimeout(r, 50));
  }
  return {
    dir,
    proc,
    async stop() {
      const exited = new Promise((r) => proc.once('exit', r));
      proc.kill('SIGTERM');
      await exited;
    },
  };
}

function canConnect(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/**
 * What the store says was alerted to a server for a case, checked against the messages the
 * emulator received: every recorded alert was posted (and not left half-done), each message is
 * one distinct development, and the articles' own news (their court dates) all got one.
 */
export async function auditAlerts(
  store: import('../../src/store/types.ts').Store,
  guildId: string,
  slug: string,
  messages: Array<{ id: string; embeds: Array<{ title?: string; fields?: unknown[] }> }>,
) {
  const records: Array<{ state: string; messageId?: string }> = [];
  const kv = store.kv('alerts');
  for await (const key of kv.keys()) {
    if (!key.startsWith(`${guildId}|${slug}|`)) continue;
    const r = await kv.get<{ state: string; messageId?: string }>(key);
    if (r) records.push(r);
  }
  const ids = new Set(messages.map((m) => m.id));
  const keys = messages.map((m) => `${m.embeds[0]?.title}|${JSON.stringify(m.embeds[0]?.fields?.[0])}`);
  return {
    records: records.length,
    halfDone: records.filter((r) => r.state !== 'posted').length,
    recordsWithoutMessage: records.filter((r) => !r.messageId || !ids.has(r.messageId)).length,
    duplicates: keys.length - new Set(keys).size,
    messages: messages.length,
    hearingAlerts: messages.filter((m) => /hearing/i.test(m.embeds[0]?.title ?? '')).length,
  };
}

/** The audit of a fault run: every article's alert posted once, none half-done or lost. */
export function expectAuditClean(audit: Awaited<ReturnType<typeof auditAlerts>>, articles: number): void {
  expect(audit.duplicates, 'no development alerted twice').toBe(0);
  expect(audit.halfDone, 'no alert left half-done').toBe(0);
  expect(audit.recordsWithoutMessage, 'every recorded alert reached Discord').toBe(0);
  expect(audit.messages).toBe(audit.records);
  expect(audit.hearingAlerts, 'every article’s court date alerted').toBeGreaterThanOrEqual(articles);
}

/** `casewatch <args>` as a real process on a fresh SQLite file, with its output collected. */
export function spawnCasewatch(args: string[], env: Record<string, string>) {
  const dir = mkdtempSync(join(tmpdir(), 'cw-proc-'));
  const proc = spawn(process.execPath, ['src/bin/casewatch.mjs', ...args], {
    env: {
      ...process.env,
      STORE_URL: `sqlite://${join(dir, 'casewatch.sqlite')}`,
      LOG_LEVEL: 'info',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const out = { log: '' };
  proc.stdout?.on('data', (d) => {
    out.log += String(d);
  });
  proc.stderr?.on('data', (d) => {
    out.log += String(d);
  });
  const exit = new Promise<number | null>((resolve) => proc.on('exit', (code) => resolve(code)));
  return { proc, out, exit };
}

/** Until no poll or delivery job is waiting, running or delayed (and `also` holds), or `ms` passed. */
export async function queueSettled(
  queue: import('../../src/queue/types.ts').JobQueue,
  also: () => Promise<boolean> | boolean = () => true,
  ms = 60_000,
): Promise<boolean> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    let busy = 0;
    for (const kind of ['poll', 'deliver'] as const) {
      const c = await queue.counts(kind).catch(() => undefined);
      busy += c ? c.waiting + c.active + c.delayed : 1;
    }
    if (busy === 0 && (await also())) return true;
    await new Promise((r) => setTimeout(r, 200));
  }
  return false;
}
