// One worker instance of the scale section: the real poller on BullMQ (Redis), its clock ticking
// at GO and every 10 s after, as every instance's does (every minute in production), polling
// feeds that answer 304 after a fixed delay.
import { createFeedPoller } from '../../src/feeds/poller.ts';
import { createBullQueue } from '../../src/queue/bullmq.ts';
import { openStore } from '../../src/store/index.ts';

const url = process.env.STORE_URL ?? '';
const store = await openStore(url);
const queue = createBullQueue({ url, prefix: process.env.BENCH_QUEUE_PREFIX ?? 'bench', leaseMs: 30_000 });
const poller = createFeedPoller({
  store,
  queue,
  config: {
    FEED_MAX_BYTES: 1024 * 1024,
    FEED_TIMEOUT_MS: 15_000,
    FEED_CONNECT_TIMEOUT_MS: 5_000,
    FEED_MAX_ITEMS: 200,
    FEED_FAILURES_BEFORE_PAUSE: 8,
    FEED_HOST_CONCURRENCY: 2,
    FULLTEXT_MIN_CHARS: 0,
    ALLOW_PRIVATE_URLS: true,
    CONTACT: 'bench@example.com',
    QUEUE_POLL_CONCURRENCY: Number(process.env.BENCH_CONCURRENCY ?? 8),
  },
  onArticle: async () => undefined,
});
poller.work();
process.stdout.write('READY\n');
const tick = () => void poller.enqueueDue().catch(() => undefined);
let clock: NodeJS.Timeout | undefined;
process.stdin.on('data', (d) => {
  if (!String(d).includes('GO') || clock) return;
  tick();
  clock = setInterval(tick, 10_000);
});
process.on('SIGTERM', async () => {
  clearInterval(clock);
  await poller.stop();
  await queue.close();
  await store.close();
  process.exit(0);
});
