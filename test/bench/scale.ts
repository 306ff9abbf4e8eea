import { type ChildProcess, spawn } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createBullQueue } from '../../src/queue/bullmq.ts';
import { createFeedStore } from '../../src/store/feeds.ts';
import { openStore } from '../../src/store/index.ts';
import { RUN_ID } from './backends.ts';
import { notAvailable, type Row, ratio } from './report.ts';

const SECTION = '7 scale';
const HERE = dirname(fileURLToPath(import.meta.url));
const REDIS = () => process.env.BENCH_SCALE_REDIS_URL ?? 'redis://127.0.0.1:6379/10';

/** Loopback feeds spread over `hosts` ports; every answer (a 304) comes after `delayMs`. */
async function slowFeedServer(hosts: number, delayMs: number) {
  const requests = new Map<string, number>();
  const servers: Server[] = [];
  const origins: string[] = [];
  for (let i = 0; i < hosts; i++) {
    const server = createServer((req, res) => {
      requests.set(req.url ?? '', (requests.get(req.url ?? '') ?? 0) + 1);
      setTimeout(() => res.writeHead(304, { etag: '"v1"' }).end(), delayMs);
    });
    servers.push(server);
    origins.push(
      await new Promise<string>((done) =>
        server.listen(0, '127.0.0.1', () =>
          done(`http://127.0.0.1:${(server.address() as AddressInfo).port}`),
        ),
      ),
    );
  }
  return {
    url: (round: string, n: number) => `${origins[n % hosts]}/${RUN_ID}/${round}/feed/${n}.xml`,
    requests,
    async close() {
      for (const s of servers) {
        s.closeAllConnections();
        await new Promise<void>((done) => s.close(() => done()));
      }
    },
  };
}

function startWorker(env: Record<string, string>): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(HERE, 'childScale.ts')], {
    cwd: resolve(HERE, '../..'),
    env: { ...process.env, LOG_LEVEL: 'silent', ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let err = '';
  child.stderr?.on('data', (d) => {
    err = (err + String(d)).slice(-500);
  });
  return new Promise((done, fail) => {
    child.stdout?.on('data', (d) => {
      if (String(d).includes('READY')) done(child);
    });
    child.once('exit', (code) => fail(new Error(`scale worker exited ${code}: ${err.split('\n')[0]}`)));
  });
}

/**
 * 1, 2 and 3 worker processes on one Redis (store and BullMQ queue), each running the clock every
 * 10 s, against `feeds` feeds that all fall due at once and answer after `delayMs`: how long until
 * every feed was polled once, as feeds per minute, its ratio to one process, and how many feeds
 * were requested more than once (must be 0).
 */
export async function scaleSection(options: {
  feeds: number;
  processes: number[];
  delayMs: number;
  hosts: number;
  concurrency: number;
}): Promise<Row[]> {
  const what = `${options.feeds.toLocaleString('en')} feeds, ${options.delayMs} ms each`;
  let store: Awaited<ReturnType<typeof openStore>>;
  try {
    store = await openStore(REDIS());
  } catch (err) {
    return [notAvailable(SECTION, what, (err as Error).message)];
  }
  const server = await slowFeedServer(options.hosts, options.delayMs);
  const feeds = createFeedStore(store);
  const rows: Row[] = [];
  let one: number | undefined;
  try {
    for (const n of options.processes) {
      const round = `p${n}`;
      // This section's own database: only this round's feeds are in it.
      await store.kv('feeds').clear();
      await store.kv('feedstate').clear();
      const urls = Array.from({ length: options.feeds }, (_, i) => server.url(round, i));
      for (let i = 0; i < urls.length; i += 200) {
        await Promise.all(
          urls.slice(i, i + 200).map(async (url) => {
            await feeds.add(url, { addedAt: new Date().toISOString() }, 60);
            // Known feeds (their ETag stored): each poll is one conditional request, answered 304.
            await feeds.updateState(url, (s) => ({ ...s, initialized: true, etag: '"v1"', nextPollAt: 0 }));
          }),
        );
      }
      const prefix = `${RUN_ID}-${round}`;
      const queue = createBullQueue({ url: REDIS(), prefix, leaseMs: 30_000 });
      const env = {
        STORE_URL: REDIS(),
        BENCH_QUEUE_PREFIX: prefix,
        BENCH_CONCURRENCY: String(options.concurrency),
      };
      const workers = await Promise.all(Array.from({ length: n }, () => startWorker(env)));
      const before = new Map(server.requests);
      const started = performance.now();
      for (const w of workers) w.stdin?.write('GO\n');
      let done = 0;
      const deadline = Date.now() + 10 * 60_000;
      while (done < options.feeds && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 100));
        done = (await queue.counts('poll')).completed;
      }
      const seconds = (performance.now() - started) / 1000;
      await new Promise((r) => setTimeout(r, 11_000)); // one more clock tick each: nothing is due again
      const mine = urls.map((u) => new URL(u).pathname);
      const counts = mine.map((p) => (server.requests.get(p) ?? 0) - (before.get(p) ?? 0));
      const twice = counts.filter((c) => c > 1).length;
      const missed = counts.filter((c) => c === 0).length;
      await Promise.all(
        workers.map(
          (w) =>
            new Promise((r) => {
              w.once('exit', r);
              w.kill('SIGTERM');
              setTimeout(() => w.kill('SIGKILL'), 10_000).unref();
            }),
        ),
      );
      await queue.close();
      // The round's queue keys go (finished jobs would otherwise stay until they age out).
      const { Queue } = await import('bullmq');
      const raw = new Queue('poll', { connection: { url: REDIS() }, prefix });
      await raw.obliterate({ force: true }).catch(() => undefined);
      await raw.close();
      const perMinute = (done / seconds) * 60;
      one ??= perMinute;
      rows.push({
        section: SECTION,
        measure: `${n} worker process${n > 1 ? 'es' : ''}, ${what}`,
        value: `${Math.round(perMinute).toLocaleString('en')} feeds/min (${done} in ${seconds.toFixed(1)} s)`,
        ratio: n === 1 ? 'reference' : ratio(perMinute, one),
        goal: n === 1 ? '' : `≥ ${(0.8 * n).toFixed(1)}×`,
        note: `duplicates: ${twice} feeds requested twice, ${missed} not polled; ${options.concurrency} polls at a time per process, ${options.hosts} hosts; load average ${(await import('node:os')).loadavg()[0]?.toFixed(1)}`,
      });
    }
  } finally {
    await store.kv('feeds').clear();
    await store.kv('feedstate').clear();
    await store.close();
    await server.close();
  }
  return rows;
}
