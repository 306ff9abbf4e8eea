import { decodeFeed } from './decode.ts';
import { fetchLimits, fetchUrl } from './fetch.ts';
import type { PollConfig } from './poller.ts';

/** A feed a web page names in its head: `<link rel="alternate" type="application/rss+xml" href>`. */
export interface FeedLink {
  url: string;
  title?: string;
  format: 'rss' | 'atom';
}

/** The page's first part is enough: link tags live in the head. */
const HEAD_BYTES = 256 * 1024;
const TYPES: Record<string, FeedLink['format']> = {
  'application/rss+xml': 'rss',
  'application/atom+xml': 'atom',
};

/**
 * The feeds a page advertises, in page order, resolved against the page's URL; only http(s).
 * Linear scans (no DOM): the page is untrusted and may be huge.
 */
export function feedLinks(html: string, pageUrl: string): FeedLink[] {
  const out: FeedLink[] = [];
  for (const tag of html.slice(0, HEAD_BYTES).match(/<link\b[^>]*>/gi) ?? []) {
    const attrs = new Map<string, string>();
    for (const m of tag.matchAll(/([a-z-]+)\s*=\s*("[^"]*"|'[^']*'|[^\s"'>]+)/gi))
      attrs.set(
        (m[1] as string).toLowerCase(),
        decodeEntities((m[2] as string).replace(/^["']|["']$/g, '').trim()),
      );
    const rel = (attrs.get('rel') ?? '').toLowerCase().split(/\s+/);
    const format = TYPES[(attrs.get('type') ?? '').toLowerCase().split(';')[0]?.trim() ?? ''];
    const href = attrs.get('href');
    if (!rel.includes('alternate') || !format || !href) continue;
    let url: URL;
    try {
      url = new URL(href, pageUrl);
    } catch {
      continue;
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') continue;
    if (out.some((l) => l.url === url.href)) continue;
    const title = attrs.get('title');
    out.push({ url: url.href, format, ...(title && { title }) });
  }
  return out;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", '#39': "'" };
const decodeEntities = (s: string) =>
  s.replace(/&(amp|lt|gt|quot|apos|#39);/g, (_, e: string) => ENTITIES[e] ?? _);

/** Fetches a page (same limits and address checks as a feed) and lists the feeds it advertises. */
export async function discoverFeeds(pageUrl: string, config: PollConfig): Promise<FeedLink[]> {
  const res = await fetchUrl(pageUrl, fetchLimits(config));
  return feedLinks(decodeFeed(res.body, res.contentType).text, res.url);
}
