import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Article } from '../../src/facts.ts';
import { backoffMs, createFeedPoller, type HandOffMeta, type PollConfig } from '../../src/feeds/poller.ts';
import { createCaseTriage } from '../../src/feeds/triage.ts';
import { createCaseStore } from '../../src/store/cases.ts';
import { createFeedStore } from '../../src/store/feeds.ts';
import { openStore } from '../../src/store/index.ts';
import type { Store } from '../../src/store/types.ts';
import { rss, startServer } from './server.ts';

const config: PollConfig = {
  FEED_MAX_BYTES: 256 * 1024,
  FEED_TIMEOUT_MS: 2000,
  FEED_CONNECT_TIMEOUT_MS: 1000,
  FEED_MAX_ITEMS: 50,
  FEED_FAILURES_BEFORE_PAUSE: 3,
  FEED_HOST_CONCURRENCY: 2,
  FULLTEXT_MIN_CHARS: 0,
  ALLOW_PRIVATE_URLS: true,
  CONTACT: 'test@example.com',
};

let server: Awaited<ReturnType<typeof startServer>>;
const stores: Store[] = [];
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.close());
afterEach(async () => {
  for (const s of stores.splice(0)) await s.close();
});

async function setup(
  path: string,
  storeUrl = 'memory://',
  overrides: Partial<PollConfig> = {},
  withTriage = false,
) {
  const store = await openStore(storeUrl);
  stores.push(store);
  const received: Array<{ article: Article; meta: HandOffMeta }> = [];
  const paused: string[] = [];
  let clock = Date.parse('2024-06-01T12:00:00Z');
  const poller = createFeedPoller({
    store,
    config: { ...config, ...overrides },
    now: () => clock,
    random: () => 0,
    ...(withTriage ? { triage: createCaseTriage(store) } : {}),
    onArticle: async (article, meta) => {
      received.push({ article, meta });
    },
    onPaused: (_feed, reason) => {
      paused.push(reason);
    },
  });
  const feeds = createFeedStore(store);
  await feeds.add(server.url(path), { guildId: '1', addedAt: new Date(clock).toISOString() }, 5);
  return {
    store,
    poller,
    feeds,
    received,
    paused,
    url: server.url(path),
    advance: (ms: number) => (clock += ms),
  };
}

const item = (n: number) => ({
  title: `Story ${n}`,
  link: `https://news.example.com/${n}`,
  guid: `g${n}`,
  description: `Text ${n}`,
});

describe('FeedPoller', () => {
  it('hands the first poll over as history and later items as news, each once', async () => {
    let body = rss([item(2), item(1)]);
    server.route('/news', (_q, res) =>
      res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(body),
    );
    const t = await setup('/news');
    expect((await t.poller.pollOnce(t.url)).newItems).toBe(2);
    expect(t.received.map((r) => [r.article.title, r.meta.history])).toEqual([
      ['Story 1', true],
      ['Story 2', true],
    ]);
    body = rss([item(3), item(2), item(1)]);
    const second = await t.poller.pollOnce(t.url);
    expect(second.newItems).toBe(1);
    expect(t.received.at(-1)?.meta).toMatchObject({ history: false, feedUrl: t.url });
    expect(t.received.at(-1)?.article).toMatchObject({
      title: 'Story 3',
      url: 'https://news.example.com/3',
      source: 'feed',
      outlet: 'news.example.com',
    });
    expect((await t.feeds.getState(t.url)).itemsSeen).toBe(3);
  });

  it('skips parsing on 304 and on an unchanged body hash', async () => {
    const body = rss([item(1)]);
    server.route('/etag', (req, res) => {
      if (req.headers['if-none-match'] === '"e1"') return void res.writeHead(304).end();
      res.writeHead(200, { etag: '"e1"' }).end(body);
    });
    server.route('/same', (_q, res) => res.writeHead(200).end(body));
    const a = await setup('/etag');
    await a.poller.pollOnce(a.url);
    expect((await a.poller.pollOnce(a.url)).status).toBe('not_modified');
    const b = await setup('/same');
    await b.poller.pollOnce(b.url);
    expect((await b.poller.pollOnce(b.url)).status).toBe('unchanged');
    expect(b.received).toHaveLength(1);
  });

  it('backs off exponentially, pauses after N failures with the reason (alerted once), and a success resets', async () => {
    let status = 503;
    server.route('/flaky', (_q, res) =>
      status === 200 ? res.writeHead(200).end(rss([item(1)])) : res.writeHead(status).end(),
    );
    const t = await setup('/flaky');
    const start = Date.parse('2024-06-01T12:00:00Z');
    for (let n = 1; n <= 4; n++) {
      const r = await t.poller.pollOnce(t.url);
      expect(r.error).toMatchObject({ reason: 'http_status' });
      const s = await t.feeds.getState(t.url);
      expect(s.consecutiveFailures).toBe(n);
      expect(s.nextPollAt).toBe(start + backoffMs(5, n));
    }
    expect(backoffMs(5, 1)).toBe(10 * 60_000);
    expect(backoffMs(5, 20)).toBe(24 * 3600_000);
    const state = await t.feeds.getState(t.url);
    expect(state.paused).toBe(true);
    expect(state.pausedReason).toBe('http_status: the server answered HTTP 503');
    expect(t.paused).toEqual(['http_status: the server answered HTTP 503']);
    expect(await t.poller.pollAll()).toEqual([]); // paused feeds are not polled
    status = 200;
    await t.feeds.resume(t.url);
    expect((await t.poller.pollOnce(t.url)).status).toBe('ok');
    expect(await t.feeds.getState(t.url)).toMatchObject({ paused: false, consecutiveFailures: 0 });
  });

  it('never re-ingests across a restart on the same SQLite file', async () => {
    const file = `sqlite://${join(mkdtempSync(join(tmpdir(), 'cw-feeds-')), 'x.sqlite')}`;
    let body = rss([item(2), item(1)]);
    server.route('/restart', (_q, res) => res.writeHead(200).end(body));
    const first = await setup('/restart', file);
    await first.poller.pollOnce(first.url);
    await first.poller.stop();
    await first.store.close();
    stores.splice(stores.indexOf(first.store), 1);
    body = rss([item(3), item(2), item(1)]);
    const second = await setup('/restart', file);
    const r = await second.poller.pollOnce(second.url);
    expect(second.received.map((x) => [x.article.title, x.meta.history])).toEqual([['Story 3', false]]);
    expect(r.newItems).toBe(1);
  });

  it('retries an item whose hand-off failed, and only that one', async () => {
    server.route('/retry', (_q, res) => res.writeHead(200, { etag: '"same"' }).end(rss([item(2), item(1)])));
    const store = await openStore('memory://');
    stores.push(store);
    await createFeedStore(store).add(server.url('/retry'), { addedAt: '2024-06-01' }, 5);
    const got: string[] = [];
    let failOnce = true;
    const poller = createFeedPoller({
      store,
      config,
      onArticle: async (a) => {
        if (a.title === 'Story 2' && failOnce) {
          failOnce = false;
          throw new Error('store down');
        }
        got.push(a.title);
      },
    });
    expect((await poller.pollOnce(server.url('/retry'))).handOffFailures).toBe(1);
    expect((await poller.pollOnce(server.url('/retry'))).status).toBe('ok'); // not 304: the body must be reparsed
    expect(got).toEqual(['Story 1', 'Story 2']);
  });

  it('never runs the same feed twice at once, and two pollers on one store hand each item off once', async () => {
    server.route('/slow', (_q, res) =>
      setTimeout(() => res.writeHead(200).end(rss([item(1), item(2), item(3)])), 150),
    );
    const t = await setup('/slow');
    const [a, b] = await Promise.all([t.poller.pollOnce(t.url), t.poller.pollOnce(t.url)]);
    expect([a.status, b.status].sort()).toEqual(['busy', 'ok']);
    const got: string[] = [];
    const other = createFeedPoller({
      store: t.store,
      config,
      onArticle: async (x) => void got.push(x.title),
    });
    const third = createFeedPoller({
      store: t.store,
      config,
      onArticle: async (x) => void got.push(x.title),
    });
    await t.feeds.add(server.url('/slow2'), { addedAt: 'x' }, 5);
    server.route('/slow2', (_q, res) =>
      setTimeout(() => res.writeHead(200).end(rss([item(1), item(2), item(3)])), 50),
    );
    await Promise.all([other.pollOnce(server.url('/slow2')), third.pollOnce(server.url('/slow2'))]);
    expect(got.sort()).toEqual(['Story 1', 'Story 2', 'Story 3']);
  });

  it('start() polls due feeds right away on its schedule and stop() waits for the poll in flight', async () => {
    server.route('/scheduled', (_q, res) => setTimeout(() => res.writeHead(200).end(rss([item(1)])), 100));
    const t = await setup('/scheduled');
    t.poller.start();
    await t.poller.stop(); // returns only after the poll that start() began has finished
    expect(t.received.map((r) => r.article.title)).toEqual(['Story 1']);
    expect((await t.feeds.getState(t.url)).lastSuccessAt).toBeDefined();
  });

  it('fetches the article page through Readability when the item text is short', async () => {
    const paragraph =
      'The judge denied the motion to dismiss the involuntary manslaughter charge on Tuesday. ';
    server.route('/article', (_q, res) =>
      res
        .writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
        .end(
          `<html><head><title>x</title><script>var tracking=1</script></head><body><nav>Home | Sports</nav><article><h1>Ruling</h1><p>${paragraph.repeat(8)}</p><p>${paragraph.repeat(6)}</p></article><footer>© paper</footer></body></html>`,
        ),
    );
    server.route('/short', (_q, res) =>
      res
        .writeHead(200)
        .end(
          rss([{ title: 'Ruling', link: server.url('/article'), guid: 'r1', description: 'Short summary.' }]),
        ),
    );
    const t = await setup('/short', 'memory://', { FULLTEXT_MIN_CHARS: 500 });
    await t.poller.pollOnce(t.url);
    const article = t.received[0]?.article;
    expect(article?.source).toBe('page');
    expect(article?.text).toContain('denied the motion to dismiss');
    expect(article?.text).not.toContain('tracking');
    // A page that fails falls back to the feed's summary.
    server.route('/short2', (_q, res) =>
      res
        .writeHead(200)
        .end(
          rss([{ title: 'Gone', link: server.url('/missing'), guid: 'r2', description: 'Only a summary.' }]),
        ),
    );
    const u = await setup('/short2', 'memory://', { FULLTEXT_MIN_CHARS: 500 });
    await u.poller.pollOnce(u.url);
    expect(u.received[0]?.article).toMatchObject({ source: 'feed', text: 'Only a summary.' });
  });

  it('with the case triage, fetches pages and hands off only items that name a tracked case', async () => {
    let pages = 0;
    server.route('/tri-page', (_q, res) => {
      pages++;
      res
        .writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
        .end(
          `<html><body><article><p>${'Dorian Vesk appeared before the county court to answer the fraud charge. '.repeat(10)}</p></article></body></html>`,
        );
    });
    let body = rss([
      {
        title: 'Harbor budget vote delayed',
        link: server.url('/tri-page?a'),
        guid: 't1',
        description: 'A vote.',
      },
      { title: 'Vesk in court', link: server.url('/tri-page?b'), guid: 't2', description: 'A hearing.' },
    ]);
    server.route('/tri', (_q, res) =>
      res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(body),
    );
    const t = await setup('/tri', 'memory://', { FULLTEXT_MIN_CHARS: 500 }, true);
    await createCaseStore(t.store).put({
      slug: 'vesk',
      name: 'Vesk fraud case',
      aliases: [],
      defendants: ['Dorian Vesk'],
    });
    const first = await t.poller.pollOnce(t.url);
    // Only the item naming the defendant was fetched and handed over; both count as seen.
    expect(t.received.map((r) => r.article.title)).toEqual(['Vesk in court']);
    expect(t.received[0]?.article.source).toBe('page');
    expect(pages).toBe(1);
    expect(first.newItems).toBe(1);
    expect((await t.feeds.getState(t.url)).itemsSeen).toBe(2);
    // The ruled-out item is seen for good: a changed feed does not bring it back.
    body = rss([
      { title: 'Vesk trial set', link: server.url('/tri-page?c'), guid: 't3', description: 'A date.' },
      {
        title: 'Harbor budget vote delayed',
        link: server.url('/tri-page?a'),
        guid: 't1',
        description: 'A vote.',
      },
    ]);
    t.advance(60 * 60_000);
    await t.poller.pollOnce(t.url);
    expect(t.received.map((r) => r.article.title)).toEqual(['Vesk in court', 'Vesk trial set']);
    expect(pages).toBe(2);
  });
});
