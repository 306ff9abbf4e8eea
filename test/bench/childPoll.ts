import { parseConfig } from '../../src/config.ts';
import { createFeedPoller } from '../../src/feeds/poller.ts';
import { createCaseTriage } from '../../src/feeds/triage.ts';
import { silentLogger } from '../../src/log.ts';
import { createArticleHandler } from '../../src/pipeline.ts';
import { createFeedStore } from '../../src/store/feeds.ts';
import { openStore } from '../../src/store/index.ts';
import { type FeedServer, startFeedServer } from './feedServer.ts';

/**
 * One process polling BENCH_FEEDS feeds from a loopback server with the real poller and the real
 * article handler and the bot's triage (no case is tracked, so every new item is checked against
 * the seen store and the case terms, recorded as seen, and never fetched nor handed off):
 * the first poll (history), a cycle where every feed answers 304, and one where every feed has
 * 20 new items. Beside them, plain fetch() of the same feeds with the same per-host limit.
 */
const count = Number(process.env.BENCH_FEEDS ?? 1000);
const server = await startFeedServer(count, {
  prefix: process.env.BENCH_PREFIX,
  hosts: Number(process.env.BENCH_HOSTS ?? 1),
});
const config = parseConfig({ ...process.env, ALLOW_PRIVATE_URLS: '1', LOG_LEVEL: 'silent' });
const store = await openStore(config.STORE_URL);
const feeds = createFeedStore(store);
const urls = Array.from({ length: count }, (_, n) => server.url(n));
for (const url of urls) await feeds.add(url, { addedAt: new Date().toISOString() }, 1);
const handle = createArticleHandler({ store, logger: silentLogger });
const poller = createFeedPoller({
  store,
  config,
  logger: silentLogger,
  triage: createCaseTriage(store),
  onArticle: async (article, meta) => {
    await handle(article, { history: meta.history, feedUrl: meta.feedUrl });
  },
});

async function cycle(name: string, run: () => Promise<Array<{ status: string }> | number>) {
  const before = { ...server.requests };
  let peak = process.memoryUsage().rss;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 10);
  const started = performance.now();
  const results = await run();
  const seconds = (performance.now() - started) / 1000;
  clearInterval(sampler);
  peak = Math.max(peak, process.memoryUsage().rss);
  const statuses: Record<string, number> = {};
  if (Array.isArray(results)) for (const r of results) statuses[r.status] = (statuses[r.status] ?? 0) + 1;
  return {
    name,
    seconds,
    requests: server.requests.feeds - before.feeds + server.requests.pages - before.pages,
    notModified: server.requests.notModified - before.notModified,
    peakRss: peak,
    statuses,
  };
}

/** fetch() every feed with its ETag, `limit` at a time per host (the poller's rule). */
async function plainFetch(etags: Map<string, string>, limit: number): Promise<number> {
  const byHost = new Map<string, string[]>();
  for (const url of urls) byHost.set(new URL(url).host, [...(byHost.get(new URL(url).host) ?? []), url]);
  await Promise.all(
    [...byHost.values()].flatMap((list) =>
      Array.from({ length: limit }, async () => {
        for (let url = list.shift(); url; url = list.shift()) {
          const headers: Record<string, string> = etags.has(url)
            ? { 'if-none-match': etags.get(url) as string }
            : {};
          const res = await fetch(url, { headers });
          etags.set(url, res.headers.get('etag') ?? '');
          await res.arrayBuffer();
        }
      }),
    ),
  );
  return 0;
}

const baseRss = process.memoryUsage().rss;
const first = await cycle('first poll (history)', () => poller.pollAll());
const notModified = await cycle('all 304', () => poller.pollAll());
const etags = new Map<string, string>();
await plainFetch(etags, config.FEED_HOST_CONCURRENCY);
const reference = await cycle('plain fetch, all 304', () => plainFetch(etags, config.FEED_HOST_CONCURRENCY));
server.changeAll();
const changed = await cycle('all changed', () => poller.pollAll());
process.stdout.write(
  `${JSON.stringify({ hostConcurrency: config.FEED_HOST_CONCURRENCY, baseRss, cycles: [first, notModified, changed], reference })}\n`,
);
await closeAll(server);
process.exit(0);

async function closeAll(s: FeedServer) {
  await poller.stop();
  await s.close();
  await store.close();
}
