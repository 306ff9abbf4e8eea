import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FeedError } from '../../src/feeds/errors.ts';
import { buildArticle, extractMainText, MAX_PAGE_DEPTH } from '../../src/feeds/fulltext.ts';
import { parseFeedBodyBounded } from '../../src/feeds/sandbox.ts';
import { rss, startServer, testLimits } from '../feeds/server.ts';

/** Finding 4: an article page (or a feed) can no longer keep the bot busy for minutes. */

const nested = (depth: number) =>
  `<html><body>${'<div>'.repeat(depth)}text${'</div>'.repeat(depth)}</body></html>`;
const article = (paragraphs: number) =>
  `<html><head><title>T</title></head><body><article>${'<p>The judge set a trial date for March, and the lawyers, who spoke outside, agreed to it. </p>'.repeat(paragraphs)}</article></body></html>`;

async function failure(p: Promise<unknown>): Promise<FeedError> {
  try {
    await p;
  } catch (err) {
    expect(err).toBeInstanceOf(FeedError);
    return err as FeedError;
  }
  throw new Error('expected a FeedError');
}

let server: Awaited<ReturnType<typeof startServer>>;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.close());

describe('article pages', () => {
  it('refuses 1,000 nested <div>s before building a DOM (6.9 s before), with the reason', async () => {
    const start = performance.now();
    const err = await failure(extractMainText(nested(1_000), 'https://n.example/a'));
    expect(performance.now() - start).toBeLessThan(1_000);
    expect(err.reason).toBe('too_large');
    expect(err.message).toContain(`more than ${MAX_PAGE_DEPTH} deep`);
  });

  it('still reads a real-shaped page, and one nested just under the limit', async () => {
    expect(await extractMainText(article(10), 'https://n.example/a')).toContain('trial date for March');
    const deepButFine = `<html><body>${'<div>'.repeat(MAX_PAGE_DEPTH - 10)}${article(10)}${'</div>'.repeat(MAX_PAGE_DEPTH - 10)}</body></html>`;
    expect(await extractMainText(deepButFine, 'https://n.example/a')).toContain('trial date for March');
  });

  it('a feed item linking to a hostile page keeps the feed text, and the page error says why', async () => {
    server.route('/deep', (_req, res) =>
      res.writeHead(200, { 'content-type': 'text/html' }).end(nested(400_000)),
    );
    const errors: unknown[] = [];
    const start = performance.now();
    const built = await buildArticle(
      { title: 'Short item', text: 'Only a teaser.', link: server.url('/deep') },
      { url: server.url('/feed'), title: 'F' },
      { limits: { ...testLimits, maxBytes: 10_000_000 }, minChars: 500 },
      new Date('2026-01-01T00:00:00Z'),
      (err) => errors.push(err),
    );
    expect(performance.now() - start).toBeLessThan(20_000);
    expect(built.text).toBe('Only a teaser.');
    expect(built.source).toBe('feed');
    expect((errors[0] as FeedError).reason).toBe('too_large');
  });
});

describe('the CPU deadline of the parsing worker', () => {
  const bigFeed = Buffer.from(
    rss(Array.from({ length: 20_000 }, (_, i) => ({ title: `item ${i}`, link: `https://n.example/${i}` }))),
  );

  it('stops a parse past its deadline with a timeout, keeps the event loop free, and recovers', async () => {
    let ticks = 0;
    const interval = setInterval(() => ticks++, 5);
    const err = await failure(
      parseFeedBodyBounded(bigFeed, 'application/rss+xml', { maxItems: 50_000 }, 200),
    );
    clearInterval(interval);
    expect(err.reason).toBe('timeout');
    expect(err.message).toContain('took more than 200 ms');
    // The main thread ticked while the worker parsed: it was never blocked.
    expect(ticks).toBeGreaterThan(5);
    const small = await parseFeedBodyBounded(
      Buffer.from(rss([{ title: 'after', link: 'https://n.example/after' }])),
      undefined,
      { maxItems: 10 },
    );
    expect(small.items.map((i) => i.title)).toEqual(['after']);
  });

  it('parses a normal feed in the worker as in-process parsing does', async () => {
    const parsed = await parseFeedBodyBounded(bigFeed, 'application/rss+xml', { maxItems: 3 });
    expect(parsed.items.map((i) => i.title)).toEqual(['item 0', 'item 1', 'item 2']);
    expect(parsed.warnings.join()).toContain('only the first 3');
  });
});
