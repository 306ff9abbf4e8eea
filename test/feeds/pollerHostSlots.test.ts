// A host's request slots (FEED_HOST_CONCURRENCY) are held for requests only: the parse and the
// hand-off of one feed never keep the other feeds of its host waiting, and the limit still holds
// for every request to the host, article pages included.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createFeedPoller, type PollConfig } from '../../src/feeds/poller.ts';
import { createFeedStore } from '../../src/store/feeds.ts';
import { openStore } from '../../src/store/index.ts';
import type { Store } from '../../src/store/types.ts';
import { rss, startServer } from './server.ts';

const config: PollConfig = {
  FEED_MAX_BYTES: 256 * 1024,
  FEED_TIMEOUT_MS: 5000,
  FEED_CONNECT_TIMEOUT_MS: 1000,
  FEED_MAX_ITEMS: 50,
  FEED_FAILURES_BEFORE_PAUSE: 3,
  FEED_HOST_CONCURRENCY: 1,
  FULLTEXT_MIN_CHARS: 0,
  ALLOW_PRIVATE_URLS: true,
  CONTACT: 'test@example.com',
};

let server: Awaited<ReturnType<typeof startServer>>;
let store: Store | undefined;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.close());
afterEach(async () => {
  await store?.close();
  store = undefined;
});

async function feedsAt(paths: string[]) {
  store = await openStore('memory://');
  const feeds = createFeedStore(store);
  for (const path of paths) await feeds.add(server.url(path), { guildId: '1', addedAt: '2024-06-01' }, 5);
  return store;
}

const PAGE = `<html><body><article>${'<p>The hearing was moved to the spring after the defence asked for more time to read the filings.</p>'.repeat(8)}</article></body></html>`;

describe('poller host slots', () => {
  it("does not keep a host's other feeds waiting while one feed's articles are handed off", async () => {
    for (const name of ['a', 'b'])
      server.route(`/slots/${name}.xml`, (_req, res) =>
        res.end(
          rss([{ title: `Story ${name}`, link: `https://news.example.com/${name}`, description: 'Text' }]),
        ),
      );
    const s = await feedsAt(['/slots/a.xml', '/slots/b.xml']);
    const requested = () => server.hits.get('/slots/b.xml') ?? 0;
    let otherFetchedMeanwhile: boolean | undefined;
    const poller = createFeedPoller({
      store: s,
      config,
      onArticle: async (_article, meta) => {
        if (!meta.feedUrl.endsWith('/a.xml')) return;
        // One request slot for the host: the other feed can only be fetched if this hand-off
        // does not hold it. Wait (a while at most) to see whether it is.
        const until = Date.now() + 3_000;
        while (requested() === 0 && Date.now() < until) await new Promise((r) => setTimeout(r, 10));
        otherFetchedMeanwhile = requested() > 0;
      },
    });
    const results = await poller.pollAll();
    expect(results.map((r) => r.status)).toEqual(['ok', 'ok']);
    expect(otherFetchedMeanwhile).toBe(true);
  });

  it('never has more requests in flight to one host than FEED_HOST_CONCURRENCY, pages included', async () => {
    let inFlight = 0;
    let most = 0;
    const slow = (body: string) => (_req: unknown, res: import('node:http').ServerResponse) => {
      inFlight++;
      most = Math.max(most, inFlight);
      res.on('close', () => inFlight--);
      setTimeout(() => res.end(body), 30);
    };
    const paths: string[] = [];
    for (let n = 0; n < 6; n++) {
      paths.push(`/limit/${n}.xml`);
      server.route(`/limit/page-${n}`, slow(PAGE));
      // A short item text: the poller fetches the article page, on the same host.
      server.route(
        `/limit/${n}.xml`,
        slow(rss([{ title: `Story ${n}`, link: server.url(`/limit/page-${n}`), description: 'Short' }])),
      );
    }
    const s = await feedsAt(paths);
    const articles: string[] = [];
    const poller = createFeedPoller({
      store: s,
      config: { ...config, FEED_HOST_CONCURRENCY: 2, FULLTEXT_MIN_CHARS: 200 },
      onArticle: async (article) => {
        articles.push(article.text);
      },
    });
    await poller.pollAll();
    expect(articles).toHaveLength(6);
    expect(articles.every((t) => t.includes('The hearing was moved'))).toBe(true);
    expect(most).toBe(2);
  });
});
