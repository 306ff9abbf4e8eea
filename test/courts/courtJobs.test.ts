// Court docket polls run on the job queue: however many instances tick, a court's feed is read once
// per poll interval (BullMQ on the machine's Redis, and the in-process queue with store claims that
// `start:sharded` uses on one SQLite file).
import { afterEach, describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config.ts';
import { checkDocketLink, createCourtPoller } from '../../src/courts/index.ts';
import { createBullQueue } from '../../src/queue/bullmq.ts';
import { createInProcessQueue } from '../../src/queue/inProcess.ts';
import type { JobQueue } from '../../src/queue/types.ts';
import { createCaseStore } from '../../src/store/cases.ts';
import { openStore } from '../../src/store/index.ts';
import type { Store } from '../../src/store/types.ts';
import { startServer } from '../feeds/server.ts';
import { courtFeedXml } from './courtFeed.ts';

const REDIS = 'redis://127.0.0.1:6379';
const INTERVAL_S = 600;
const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function until(check: () => boolean, ms = 10_000) {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** Two instances on one store and one queue, each with its own court poller and clock. */
async function twoInstances(makeQueue: (store: Store) => JobQueue) {
  const store = await openStore('memory://');
  const server = await startServer();
  cleanups.push(
    () => store.close(),
    () => server.close(),
  );
  server.route('/nysd.xml', (_req, res) =>
    res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(courtFeedXml([])),
  );
  const link = checkDocketLink('S.D.N.Y.', '1:24-cr-542');
  if (!link.ok) throw new Error(link.message);
  const cases = createCaseStore(store);
  await cases.put({
    slug: 'okafor',
    name: 'United States v. Okafor',
    aliases: [],
    defendants: ['Daniel Okafor'],
    dockets: [link.link],
  });
  const config = parseConfig({
    ALLOW_PRIVATE_URLS: '1',
    COURT_FEED_URLS: `nysd=${server.url('/nysd.xml')}`,
    COURT_POLL_SECONDS: String(INTERVAL_S),
  });
  let clock = Date.UTC(2024, 5, 10, 12, 0, 0);
  const pollers = [0, 1].map(() => {
    const queue = makeQueue(store);
    const poller = createCourtPoller({
      store,
      config,
      queue,
      onEntry: async () => undefined,
      now: () => clock,
    });
    cleanups.push(async () => {
      await poller.stop();
      await queue.close();
    });
    return poller;
  });
  return {
    pollers,
    reads: () => server.hits.get('/nysd.xml') ?? 0,
    advance: (ms: number) => {
      clock += ms;
    },
  };
}

const queues: Array<[string, (store: Store) => JobQueue]> = [
  [
    'BullMQ on Redis',
    (() => {
      const prefix = `cw-test-courts-${process.pid}-${Date.now().toString(36)}`;
      return () => createBullQueue({ url: REDIS, prefix, leaseMs: 5_000 });
    })(),
  ],
  [
    'in-process, claims in the shared store',
    (store) => createInProcessQueue({ claims: { kv: store.kv('job-claims'), leaseMs: 5_000 } }),
  ],
];

describe.each(queues)('court polls on the job queue: %s', (_name, makeQueue) => {
  it('reads a court once per interval however many instances tick, and again in the next interval', async () => {
    const t = await twoInstances(makeQueue);
    const [a, b] = t.pollers;
    if (!a || !b) throw new Error('two pollers expected');
    await Promise.all([a.enqueue(), b.enqueue(), a.enqueue()]);
    await until(() => t.reads() >= 1);
    await new Promise((r) => setTimeout(r, 300));
    expect(t.reads()).toBe(1);

    t.advance(INTERVAL_S * 1000);
    await Promise.all([b.enqueue(), a.enqueue()]);
    await until(() => t.reads() >= 2);
    await new Promise((r) => setTimeout(r, 300));
    expect(t.reads()).toBe(2);
  });
});
