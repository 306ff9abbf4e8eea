import { describe, expect, it } from 'vitest';
import { FeedError } from '../../src/feeds/errors.ts';
import { parseFeed } from '../../src/feeds/parse.ts';

const opts = { maxItems: 50, baseUrl: 'https://news.example.com/feed.xml' };
const atom = (entries: string) =>
  `<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Atom news</title>${entries}</feed>`;
const entry = (n: number, extra = '') =>
  `<entry><id>urn:e${n}</id><title>Entry ${n}</title><link href="https://news.example.com/e${n}"/>${extra}</entry>`;

async function notAFeed(text: string): Promise<string> {
  const err = await parseFeed(text, opts).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(FeedError);
  expect((err as FeedError).reason).toBe('not_a_feed');
  return (err as FeedError).message;
}

describe('parseFeed', () => {
  it('keeps an Atom feed whose one entry has a bad date, and records the warning', async () => {
    const feed = await parseFeed(
      atom(
        entry(1, '<published>garbage</published>') + entry(2, '<published>2024-03-05T10:00:00Z</published>'),
      ),
      opts,
    );
    expect(feed.items.map((i) => i.title)).toEqual(['Entry 1', 'Entry 2']);
    expect(feed.items[1]?.published).toBe('2024-03-05T10:00:00.000Z');
    expect(feed.warnings.join('\n')).toMatch(/bad date/);
  });

  it('survives an empty <entry/> and a <link> without attributes', async () => {
    const feed = await parseFeed(
      atom(
        `<entry/>${entry(1)}<entry><id>x</id><title>No href</title><link>https://news.example.com/x</link></entry>`,
      ),
      opts,
    );
    expect(feed.items.map((i) => i.title)).toEqual(['Entry 1', 'No href']);
    expect(feed.items[1]?.link).toBe('https://news.example.com/x');
    expect(feed.warnings.join('\n')).toMatch(/empty <entry\/>/);
  });

  it('turns an xhtml title into text', async () => {
    const feed = await parseFeed(
      atom(
        `<entry><id>1</id><title type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">Judge <b>rules</b></div></title><link href="/a"/></entry>`,
      ),
      opts,
    );
    expect(typeof feed.items[0]?.title).toBe('string');
    expect(feed.items[0]?.title).toContain('Judge');
    expect(feed.items[0]?.link).toBe('https://news.example.com/a');
  });

  it('reads <rss> without a version, HTML entities XML does not know, and a bare &', async () => {
    const feed = await parseFeed(
      '<rss><channel><title>AT&T &mdash; news</title><item><title>Caf&eacute;&nbsp;owner charged</title><link>https://x.example/a?b=1&c=2</link></item></channel></rss>',
      opts,
    );
    expect(feed.title).toBe('AT&T — news');
    expect(feed.items[0]?.title).toBe('Café owner charged');
    expect(feed.items[0]?.link).toBe('https://x.example/a?b=1&c=2');
  });

  it('expands no declared entity: billion laughs and XXE stay inert', async () => {
    const laughs = `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;"><!ENTITY xxe SYSTEM "file:///etc/passwd">]><rss version="2.0"><channel><title>&lol2;</title><item><title>&xxe;</title><link>https://x.example/1</link></item></channel></rss>`;
    const feed = await parseFeed(laughs, opts);
    expect(JSON.stringify(feed)).not.toContain('lollol');
    expect(JSON.stringify(feed)).not.toContain('root:');
    expect(feed.items).toHaveLength(1);
  });

  it('strips NUL, control characters and illegal character references instead of failing', async () => {
    const feed = await parseFeed(
      '<rss version="2.0"><channel><title>T</title><item><title>A\u0000B\u001b[31mC&#0;D</title><link>https://x.example/1</link></item></channel></rss>',
      opts,
    );
    expect(feed.items[0]?.title).toBe('ABCD');
  });

  it('recovers the good items of a truncated feed', async () => {
    const feed = await parseFeed(
      '<rss version="2.0"><channel><title>T</title><item><title>One</title><link>https://x.example/1</link></item><item><title>Two</title><link>https://x.example/2</link></item><item><title>Thr',
      opts,
    );
    expect(feed.items.map((i) => i.title)).toEqual(['One', 'Two']);
    expect(feed.warnings.join('\n')).toMatch(/malformed/);
  });

  it('caps the number of items and says so', async () => {
    const items = Array.from(
      { length: 30 },
      (_, i) => `<item><title>n${i}</title><link>https://x.example/${i}</link></item>`,
    ).join('');
    const feed = await parseFeed(`<rss version="2.0"><channel><title>T</title>${items}</channel></rss>`, {
      ...opts,
      maxItems: 10,
    });
    expect(feed.items).toHaveLength(10);
    expect(feed.warnings.join('\n')).toMatch(/first 10 of 30/);
  });

  it('neutralises javascript:, data: and file: links', async () => {
    const links = [
      'javascript:alert(1)',
      ' JaVaScRiPt:alert(1)',
      'java\tscript:alert(1)',
      'data:text/html,x',
      'file:///etc/passwd',
      'vbscript:x',
    ];
    const items = links.map((l, i) => `<item><title>t${i}</title><link>${l}</link></item>`).join('');
    const feed = await parseFeed(
      `<rss version="2.0"><channel><title>T</title>${items}</channel></rss>`,
      opts,
    );
    expect(feed.items).toHaveLength(links.length);
    for (const item of feed.items) expect(item.link).toBeUndefined();
  });

  it('refuses HTML pages, JSON, empty bodies and <rss> without <channel> as not_a_feed', async () => {
    expect(await notAFeed('<!doctype html><html><body>Just a moment...</body></html>')).toMatch(/HTML/);
    expect(await notAFeed('{"version":"https://jsonfeed.org/version/1"}')).toMatch(/JSON/);
    expect(await notAFeed('   ')).toMatch(/empty/);
    expect(await notAFeed('<rss version="2.0"></rss>')).toMatch(/no <channel>/);
  });
});
