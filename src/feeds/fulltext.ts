import { createHash } from 'node:crypto';
import type { Article } from '../facts.ts';
import { decodeFeed } from './decode.ts';
import { FeedError } from './errors.ts';
import { type FetchLimits, fetchUrl } from './fetch.ts';
import { itemIdentity } from './identity.ts';
import type { FeedItem } from './parse.ts';
import { extractMainTextBounded } from './sandbox.ts';
import { cleanText, htmlToText, MAX_TEXT_CHARS, safeLink } from './sanitize.ts';

export interface FullTextOptions {
  limits: FetchLimits;
  /** Below this many characters of item text, the page is fetched (0 turns page fetching off). */
  minChars: number;
}

/** Fetches an article page (same limits and URL safety as feeds) and extracts its main text. */
export async function fetchPageText(url: string, limits: FetchLimits): Promise<string | undefined> {
  const page = await fetchUrl(url, {
    ...limits,
    accept: 'text/html, application/xhtml+xml;q=0.9, */*;q=0.5',
  });
  if (page.notModified) return undefined;
  const html = decodeFeed(page.body, page.contentType).text;
  return await extractMainTextBounded(html, page.url);
}

/** Real article pages have a few thousand elements nested a few dozen deep. */
export const MAX_PAGE_ELEMENTS = 50_000;
export const MAX_PAGE_DEPTH = 128;
const VOID_OR_SIBLING =
  /^(?:area|base|br|col|embed|hr|img|input|link|meta|param|source|track|wbr|p|li|dt|dd|tr|td|th|option)$/i;

/**
 * Refuses, before any DOM is built, a page whose element count or nesting is far beyond a real
 * article's: Readability over linkedom is super-linear in depth (1,000 nested divs took 6.9 s,
 * 2,000 took 56 s). One linear pass over the tags; elements that never nest (void elements, and
 * those a parser closes at the next sibling, like <p> and <li>) do not deepen.
 */
export function assertPageShape(html: string): void {
  const tag = /<(\/?)([a-zA-Z][a-zA-Z0-9:-]*)[^>]*>/g;
  // Past the last `>` no tag can complete; leaving that tail out keeps the scan linear.
  const head = html.slice(0, html.lastIndexOf('>') + 1);
  let elements = 0;
  let depth = 0;
  let deepest = 0;
  for (let m = tag.exec(head); m; m = tag.exec(head)) {
    const nests = !VOID_OR_SIBLING.test(m[2] ?? '') && !m[0].endsWith('/>');
    if (m[1]) {
      if (nests && depth > 0) depth--;
      continue;
    }
    if (++elements > MAX_PAGE_ELEMENTS)
      throw new FeedError('too_large', `the page has more than ${MAX_PAGE_ELEMENTS} elements`);
    if (nests && ++depth > deepest) deepest = depth;
    if (deepest > MAX_PAGE_DEPTH)
      throw new FeedError('too_large', `the page nests elements more than ${MAX_PAGE_DEPTH} deep`);
  }
}

/** Loaded on the first page: a bot whose feeds carry full text never pays for a DOM. */
let domLibs: Promise<[typeof import('@mozilla/readability'), typeof import('linkedom')]> | undefined;

/** @mozilla/readability over a linkedom DOM; plain text with paragraphs, or undefined. */
export async function extractMainText(html: string, url: string): Promise<string | undefined> {
  domLibs ??= Promise.all([import('@mozilla/readability'), import('linkedom')]);
  assertPageShape(html);
  const [{ Readability }, { parseHTML }] = await domLibs;
  const { document } = parseHTML(html);
  try {
    // Readability reads the base URL from the document; linkedom has no URL, so set <base>.
    const base = document.createElement('base');
    base.setAttribute('href', url);
    document.head?.appendChild(base);
  } catch {
    // A page without a <head> is still readable.
  }
  const parsed = new Readability(document as unknown as ConstructorParameters<typeof Readability>[0], {
    charThreshold: 200,
  }).parse();
  if (!parsed?.content) return undefined;
  const text = htmlToText(parsed.content);
  return text ? cleanText(text, MAX_TEXT_CHARS, true) : undefined;
}

/** YYYY-MM-DD of an ISO date, else of `fallback` (the fetch time). */
function day(iso: string | undefined, fallback: Date): string {
  return (iso && /^\d{4}-\d{2}-\d{2}/.exec(iso)?.[0]) || fallback.toISOString().slice(0, 10);
}

/**
 * Item → Article. Short item text triggers a page fetch; any failure there falls back to the
 * feed's own text, so a slow or broken article page never loses the item.
 */
export async function buildArticle(
  item: FeedItem,
  feed: { url: string; title: string },
  options: FullTextOptions,
  now: Date,
  onPageError?: (err: unknown) => void,
): Promise<Article> {
  // No link: a guid that is a URL (RSS's isPermaLink default), else the feed URL with the item's
  // identity as fragment, so link-less items stay distinct articles.
  const url =
    item.link ?? safeLink(item.guid) ?? `${feed.url.split('#')[0]}#item-${shortHash(itemIdentity(item))}`;
  let text = item.text;
  let source: 'feed' | 'page' = 'feed';
  if (item.link && options.minChars > 0 && item.text.length < options.minChars) {
    try {
      const page = await fetchPageText(item.link, options.limits);
      if (page && page.length > item.text.length) {
        text = page;
        source = 'page';
      }
    } catch (err) {
      onPageError?.(err);
    }
  }
  const title = item.title || text.slice(0, 120);
  return {
    url,
    title,
    published: day(item.published, now),
    text,
    feed: feed.url,
    source,
    outlet: new URL(url).hostname.replace(/^www\./, ''),
  };
}

function shortHash(s: string): string {
  return createHash('sha256').update(s).digest('hex').slice(0, 12);
}
