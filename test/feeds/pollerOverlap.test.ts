// The poll tick does not stack: while one tick is still working (a slow store), the next scheduled
// tick is skipped instead of starting a second pass over every feed.
import { afterEach, describe, expect, it } from 'vitest';
import { createFeedPoller } from '../../src/feeds/poller.ts';
import { openStore } from '../../src/store/index.ts';
import type { KV, Store } from '../../src/store/types.ts';

/** A real store whose reads of the feed list take `delayMs` and are counted. */
function slowFeedList(store: Store, delayMs: number) {
  const counter = { listReads: 0 };
  const wrapped: Store = {
    ...store,
    description: store.description,
    ping: () => store.ping(),
    close: () => store.close(),
    kv(namespace: string): KV {
      const kv = store.kv(namespace);
      if (namespace !== 'feeds') return kv;
      return {
        ...kv,
        keys: kv.keys.bind(kv),
        getMany: (async (keys: string[]) => {
          counter.listReads++;
          await new Promise((resolve) => setTimeout(resolve, delayMs));
          return kv.getMany(keys);
        }) as KV['getMany'],
      };
    },
  };
  return { store: wrapped, counter };
}

describe('poller schedule', () => {
  let close: (() => Promise<void>) | undefined;
  afterEach(async () => {
    await close?.();
  });

  it('skips a tick while the previous one is still running', async () => {
    const base = await openStore('memory://');
    close = () => base.close();
    const { store, counter } = slowFeedList(base, 1_500);
    const poller = createFeedPoller({
      store,
      config: {
        FEED_MAX_BYTES: 1024,
        FEED_TIMEOUT_MS: 1000,
        FEED_CONNECT_TIMEOUT_MS: 1000,
        FEED_MAX_ITEMS: 5,
        FEED_FAILURES_BEFORE_PAUSE: 3,
        FEED_HOST_CONCURRENCY: 1,
        FULLTEXT_MIN_CHARS: 0,
        ALLOW_PRIVATE_URLS: true,
        CONTACT: 'test@example.com',
      },
      onArticle: async () => {},
      schedule: '* * * * * *', // every second: ticks come faster than one tick takes
    });
    poller.start();
    await new Promise((resolve) => setTimeout(resolve, 3_300));
    await poller.stop();
    // The first tick runs 0-1.5 s, the one at 2 s runs to 3.5 s; those at 1 s and 3 s are skipped.
    expect(counter.listReads).toBeLessThanOrEqual(2);
    expect(counter.listReads).toBeGreaterThanOrEqual(1);
  });
});
