import type { Article } from '../facts.ts';

/** An article as a source: its URL as an identity (idempotent merges) and the outlet shown for it. */

/** The URL as an identity: fragment and tracking parameters removed, host lower-cased. */
export function canonicalUrl(url: string): string {
  try {
    const u = new URL(url);
    // A fragment is dropped, except the poller's own "#item-<hash>" that tells apart link-less items
    // of one feed (they would otherwise merge into one article).
    if (!/^#item-[\w-]+$/.test(u.hash)) u.hash = '';
    for (const key of [...u.searchParams.keys()]) {
      if (/^(utm_|fbclid$|gclid$|mc_|ref$|cmpid$)/i.test(key)) u.searchParams.delete(key);
    }
    return u.toString();
  } catch {
    return url.trim();
  }
}

/** The outlet shown in source lists: the article's `outlet`, else the URL's host without www. */
export function outletOf(article: Pick<Article, 'url' | 'outlet'>): string {
  if (article.outlet?.trim()) return article.outlet.trim();
  try {
    return new URL(article.url).hostname.replace(/^www\./, '') || article.url;
  } catch {
    return article.url.split(':')[0] ?? article.url;
  }
}
