import { createHash } from 'node:crypto';

const TRACKING = /^(utm_.*|fbclid|gclid|dclid|msclkid|mc_cid|mc_eid|ref|ref_src|igshid|_hsenc|_hsmi)$/i;

/**
 * The canonical form of an article link, so the same article reached through a newsletter
 * (utm_*), a share button (fbclid) or an anchor is one article: scheme and host lower-cased, default
 * port, fragment and tracking parameters removed, remaining parameters sorted.
 */
export function canonicalLink(raw: string): string | undefined {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
  url.hash = '';
  const kept = [...url.searchParams]
    .filter(([k]) => !TRACKING.test(k))
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  url.search = new URLSearchParams(kept).toString();
  return url.href; // URL already lower-cases scheme and host and drops the default port
}

export interface IdentityInput {
  guid?: string;
  link?: string;
  title?: string;
  published?: string;
  text?: string;
}

/** `guid:…`, else `link:<canonical>`, else `hash:<sha256(title + date)>`. */
export function itemIdentity(item: IdentityInput): string {
  const guid = item.guid?.trim();
  if (guid) return `guid:${guid}`;
  const link = item.link ? canonicalLink(item.link) : undefined;
  if (link) return `link:${link}`;
  const basis = `${item.title ?? ''}\n${item.published ?? ''}${item.title ? '' : `\n${item.text ?? ''}`}`;
  return `hash:${createHash('sha256').update(basis).digest('hex')}`;
}
