import { describe, expect, it } from 'vitest';
import { feedLinks } from '../../src/feeds/discover.ts';
import { passesFilters } from '../../src/feeds/filters.ts';

describe('feed discovery from a page’s <link rel="alternate">', () => {
  it('lists RSS and Atom feeds in page order, resolved against the page, only http(s)', () => {
    const html = `<!doctype html><html><head>
      <link rel="stylesheet" href="/s.css">
      <LINK REL="alternate" TYPE="application/rss+xml" TITLE="Courts &amp; Crime" HREF="/rss/courts.xml">
      <link rel='alternate' type='application/atom+xml; charset=utf-8' href='https://other.example/atom'>
      <link rel="alternate" type="text/html" hreflang="fr" href="/fr/">
      <link rel="alternate" type="application/rss+xml" href="javascript:alert(1)">
      <link rel="alternate" type="application/rss+xml" href="/rss/courts.xml">
      <link rel="alternate" type="application/rss+xml">
    </head><body><a rel="alternate" type="application/rss+xml" href="/not-a-link-tag">x</a></body></html>`;
    expect(feedLinks(html, 'https://news.example/section/page.html')).toEqual([
      { url: 'https://news.example/rss/courts.xml', title: 'Courts & Crime', format: 'rss' },
      { url: 'https://other.example/atom', format: 'atom' },
    ]);
  });

  it('finds nothing in a page without feed links', () => {
    expect(feedLinks('<html><head><title>x</title></head></html>', 'https://a.example/')).toEqual([]);
  });
});

describe('feed keyword filters', () => {
  const item = { title: 'Jury returns verdict', text: 'The café owner was found guilty.' };
  it('match words and phrases whole, in any case and accents; exclude wins', () => {
    expect(passesFilters(item, {})).toBe(true);
    expect(passesFilters(item, { include: ['VERDICT'] })).toBe(true);
    expect(passesFilters(item, { include: ['found guilty'] })).toBe(true);
    expect(passesFilters(item, { include: ['cafe'] })).toBe(true);
    expect(passesFilters(item, { include: ['verd'] })).toBe(false);
    expect(passesFilters(item, { include: ['sentencing'] })).toBe(false);
    expect(passesFilters(item, { include: ['verdict'], exclude: ['jury'] })).toBe(false);
    expect(passesFilters(item, { exclude: ['sports'] })).toBe(true);
  });
});
