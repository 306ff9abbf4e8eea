import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFeedPoller, type PollConfig } from '../../src/feeds/poller.ts';
import { createFeedStore } from '../../src/store/feeds.ts';
import { openStore } from '../../src/store/index.ts';
import type { Store } from '../../src/store/types.ts';

const config: PollConfig = {
  FEED_MAX_BYTES: 256 * 1024,
  FEED_TIMEOUT_MS: 400,
  FEED_CONNECT_TIMEOUT_MS: 400,
  FEED_MAX_ITEMS: 50,
  FEED_FAILURES_BEFORE_PAUSE: 10,
  FEED_HOST_CONCURRENCY: 2,
  FULLTEXT_MIN_CHARS: 0,
  ALLOW_PRIVATE_URLS: true,
  CONTACT: 'test@example.com',
};

type Mode = 'stall' | 'error' | 'loop' | 'ok';

const feedXml = (n: number) =>
  `<?xml version="1.0"?><rss version="2.0"><channel><title>Courts</title>${Array.from(
    { length: n },
    (_, i) =>
      `<item><title>Story ${i}</title><link>https://news.example/${i}</link><guid>g${i}</guid><description>Text ${i}</description></item>`,
  ).join('')}</channel></rss>`;

/** A news site that misbehaves in the ways real ones do, then comes back. */
function startFlakySite() {
  let mode: Mode = 'ok';
  let items = 1;
  const server: Server = createServer((req, res) => {
    if (mode === 'stall') {
      res.writeHead(200, { 'content-type': 'application/rss+xml' });
      res.write('<?xml version="1.0"?><rss version="2.0"><channel><title>Courts</title>'); // …and nothing more
      return;
    }
    if (mode === 'error') return void res.writeHead(500).end('upstream broke');
    if (mode === 'loop') return void res.writeHead(302, { location: req.url === '/a' ? '/b' : '/a' }).end();
    res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(feedXml(items));
  });
  return new Promise<{ url: string; set(m: Mode): void; publish(n: number): void; close(): Promise<void> }>(
    (resolve) =>
      server.listen(0, '127.0.0.1', () =>
        resolve({
          url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/a`,
          set: (m) => {
            mode = m;
          },
          publish: (n) => {
            items = n;
          },
          close: () =>
            new Promise((r) => {
              server.closeAllConnections();
              server.close(() => r());
            }),
        }),
      ),
  );
}

describe('a feed server that stalls, fails and loops, then recovers', () => {
  let site: Awaited<ReturnType<typeof startFlakySite>>;
  let store: Store;
  beforeAll(async () => {
    site = await startFlakySite();
    store = await openStore('memory://');
  });
  afterAll(async () => {
    await store.close();
    await site.close();
  });

  it('records each failure with its reason, backs off exponentially, and recovers without losing items', async () => {
    let clock = Date.parse('2025-01-01T00:00:00Z');
    const handed: string[] = [];
    const poller = createFeedPoller({
      store,
      config,
      now: () => clock,
      random: () => 0,
      onArticle: async (article) => {
        handed.push(article.url);
      },
    });
    const feeds = createFeedStore(store);
    await feeds.add(site.url, { guildId: '1', addedAt: new Date(clock).toISOString() }, 1);
    expect((await poller.pollOnce(site.url)).status).toBe('ok'); // history: 1 item

    const reasons: string[] = [];
    const waits: number[] = [];
    for (const mode of ['stall', 'stall', 'error', 'error', 'loop', 'loop'] as const) {
      site.set(mode);
      const started = performance.now();
      const result = await poller.pollOnce(site.url);
      expect(performance.now() - started, `${mode} poll bounded in time`).toBeLessThan(3_000);
      reasons.push(result.error?.reason ?? result.status);
      const state = await feeds.getState(site.url);
      waits.push((state.nextPollAt ?? 0) - clock);
      clock += 1_000;
    }
    expect(reasons).toEqual([
      'timeout',
      'timeout',
      'http_status',
      'http_status',
      'too_many_redirects',
      'too_many_redirects',
    ]);
    // interval × 2^failures: 2, 4, 8, 16, 32, 64 minutes.
    expect(waits.map((w) => Math.round(w / 60_000))).toEqual([2, 4, 8, 16, 32, 64]);
    expect((await feeds.getState(site.url)).lastError?.reason).toBe('too_many_redirects');

    site.set('ok');
    site.publish(4);
    const back = await poller.pollOnce(site.url);
    expect(back.status).toBe('ok');
    expect(back.newItems).toBe(3);
    const state = await feeds.getState(site.url);
    expect(state.consecutiveFailures).toBe(0);
    expect(state.paused).toBe(false);
    expect(handed).toHaveLength(4);
    expect(new Set(handed).size).toBe(4);
  });
});
