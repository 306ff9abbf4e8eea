import type Parser from 'rss-parser';
import { fixAtom, toIsoDate } from './atomFix.ts';
import { decodeFeed } from './decode.ts';
import { FeedError } from './errors.ts';
import { type FeedFormat, precleanXml } from './preclean.ts';
import { htmlToText, plainLine, safeLink } from './sanitize.ts';

/** One item as it leaves src/feeds/: plain text, safe link, ISO date or none. */
export interface FeedItem {
  guid?: string;
  link?: string;
  title: string;
  /** ISO 8601, when the item had a readable date. */
  published?: string;
  /** Plain text of the richest of content:encoded / content / summary / description. */
  text: string;
  /**
   * The description's markup as the feed gave it (entities decoded once), only with
   * `keepDescriptionHtml`: court docket feeds put the document link and number in it. Never shown.
   */
  descriptionHtml?: string;
}

export interface ParsedFeed {
  title: string;
  items: FeedItem[];
  warnings: string[];
  format: FeedFormat;
}

export interface ParseOptions {
  /** Base for relative links: the feed's URL. */
  baseUrl?: string;
  maxItems: number;
  /** Keep each item's raw description markup (src/courts reads document links from it). */
  keepDescriptionHtml?: boolean;
}

type RawItem = Record<string, unknown>;

/** rss-parser (and xml2js under it) load with the first feed, not when the bot starts. */
let parserPromise: Promise<Parser<Record<string, unknown>, RawItem>> | undefined;
function getParser() {
  parserPromise ??= import('rss-parser').then(
    ({ default: RssParser }) =>
      new RssParser<Record<string, unknown>, RawItem>({
        defaultRSS: 2,
        customFields: { item: ['dc:date', 'published', 'updated', 'id'] },
      }),
  );
  return parserPromise;
}

/**
 * Decoded text → items, never losing the feed to one bad item: the text is pre-cleaned, Atom's
 * throwing cases are fixed up front, and when rss-parser still rejects the document each item is
 * parsed on its own inside a minimal copy of the feed, so only the broken ones are lost (and
 * recorded in `warnings`). Throws FeedError('not_a_feed') when nothing feed-like is there.
 */
export async function parseFeed(text: string, options: ParseOptions): Promise<ParsedFeed> {
  const cleaned = precleanXml(text);
  const warnings = [...cleaned.warnings];
  const xml = cleaned.format === 'atom' ? fixAtom(cleaned.xml, warnings) : cleaned.xml;
  let title = '';
  let rawItems: RawItem[];
  try {
    const out = await (await getParser()).parseString(xml);
    title = plainLine(textOf(out.title));
    rawItems = out.items ?? [];
  } catch (err) {
    const recovered = await parseItemByItem(xml, cleaned.format, options.maxItems, warnings);
    if (!recovered) throw new FeedError('not_a_feed', `the XML cannot be read: ${errorText(err)}`);
    warnings.push(`the feed is malformed (${errorText(err)}); items were recovered one by one`);
    ({ title, rawItems } = recovered);
  }
  if (rawItems.length > options.maxItems) {
    warnings.push(`only the first ${options.maxItems} of ${rawItems.length} items were read`);
    rawItems = rawItems.slice(0, options.maxItems);
  }
  const items: FeedItem[] = [];
  rawItems.forEach((raw, i) => {
    const item = toFeedItem(raw, options.baseUrl, warnings, i + 1);
    if (item && options.keepDescriptionHtml)
      item.descriptionHtml = textOf(raw.description) || textOf(raw.content);
    if (item) items.push(item);
  });
  return { title, items, warnings, format: cleaned.format };
}

function toFeedItem(
  raw: RawItem,
  base: string | undefined,
  warnings: string[],
  n: number,
): FeedItem | undefined {
  const title = plainLine(textOf(raw.title));
  const link = safeLink(textOf(raw.link), base);
  const guid = plainLine(textOf(raw.guid) || textOf(raw.id), 500) || undefined;
  const bodies = [raw['content:encoded'], raw.content, raw.summary, raw.description, raw.contentSnippet];
  // The longest text wins, the first of equally long ones. rss-parser copies the description into
  // `content` (each distinct markup is cleaned once) and derives `contentSnippet` from it; as
  // htmlToText never lengthens its input, a body no longer than the best text so far cannot win
  // and is not cleaned at all (a feed's snippet usually is not).
  let text = '';
  for (const body of new Set(bodies.map((b) => textOf(b)))) {
    if (body.length <= text.length) continue;
    const cleaned = htmlToText(body);
    if (cleaned.length > text.length) text = cleaned;
  }
  // RSS allows an item with only a description; only an item with nothing at all is dropped.
  if (!title && !link && !text && !guid) {
    warnings.push(`item ${n} skipped: no link, title, text or guid`);
    return undefined;
  }
  const rawDate =
    textOf(raw.isoDate) || textOf(raw.pubDate) || textOf(raw['dc:date']) || textOf(raw.published);
  const published = rawDate ? toIsoDate(rawDate) : undefined;
  if (rawDate && !published) warnings.push(`item ${n}: bad date "${plainLine(rawDate, 60)}"`);
  return { guid, link, title, published, text };
}

/**
 * Text of an xml2js value: strings as they are, arrays by their first element, objects (an xhtml
 * title, a title with naked markup) by the text they contain; attributes (`$`) never count.
 */
export function textOf(value: unknown, depth = 0): string {
  if (value == null || depth > 50) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return value.map((v) => textOf(v, depth + 1)).join(' ');
  if (typeof value === 'object') {
    const parts: string[] = [];
    for (const [key, v] of Object.entries(value)) if (key !== '$') parts.push(textOf(v, depth + 1));
    return parts.join(' ');
  }
  return '';
}

/**
 * The `<item>…</item>` (or `<entry>`, or self-closing) blocks of a document, in one pass: the
 * regex this replaces rescanned the rest of the document for every unclosed `<item>` (quadratic).
 * A block runs from its tag to the first closing tag after it; the next `>` and the next closing
 * tag are found once and reused until the scan passes them.
 */
export function itemBlocks(xml: string, tag: 'item' | 'entry', max: number): string[] {
  const open = new RegExp(`<${tag}(?=[\\s/>])`, 'g');
  const close = new RegExp(`</${tag}\\s*>`, 'g');
  const blocks: string[] = [];
  let gt = -1;
  let closeAt = -2; // -2: not looked for yet; -1: none after `closeFrom`
  let closeEnd = -1;
  for (let m = open.exec(xml); m && blocks.length < max; m = open.exec(xml)) {
    if (gt < m.index) gt = xml.indexOf('>', m.index);
    if (gt < 0) break;
    if (xml[gt - 1] === '/') {
      blocks.push(xml.slice(m.index, gt + 1));
      open.lastIndex = gt + 1;
      continue;
    }
    if (closeAt !== -1 && closeAt <= gt) {
      close.lastIndex = gt + 1;
      const c = close.exec(xml);
      closeAt = c ? c.index : -1;
      closeEnd = c ? c.index + c[0].length : -1;
    }
    if (closeAt < 0) continue; // never closed: only a self-closing tag can still follow
    blocks.push(xml.slice(m.index, closeEnd));
    open.lastIndex = closeEnd;
  }
  return blocks;
}

/** The fallback: each item in a minimal document that keeps the root's namespace declarations. */
async function parseItemByItem(
  xml: string,
  format: FeedFormat,
  maxItems: number,
  warnings: string[],
): Promise<{ title: string; rawItems: RawItem[] } | undefined> {
  const root = /<(rss|feed|rdf:RDF|RDF)\b[^>]*>/i.exec(xml);
  if (!root) return undefined;
  const rootName = root[1] ?? '';
  const blocks = itemBlocks(xml, format === 'atom' ? 'entry' : 'item', maxItems);
  const firstItem = xml.search(format === 'atom' ? /<entry[\s/>]/ : /<item[\s/>]/);
  const head = firstItem < 0 ? xml : xml.slice(0, firstItem);
  const title = plainLine(titleIn(head));
  const wrap = (block: string) =>
    format === 'rss'
      ? `${root[0]}<channel><title>x</title>${block}</channel></${rootName}>`
      : format === 'rdf'
        ? `${root[0]}<channel><title>x</title></channel>${block}</${rootName}>`
        : `${root[0]}<title>x</title>${block}</${rootName}>`;
  const rawItems: RawItem[] = [];
  for (const [i, block] of blocks.entries()) {
    try {
      const out = await (await getParser()).parseString(wrap(block));
      rawItems.push(...(out.items ?? []));
    } catch (err) {
      warnings.push(`item ${i + 1} skipped: ${errorText(err)}`);
    }
  }
  return { title, rawItems };
}

/** The first `<title>…</title>` of a feed's head, found in linear time (no match: ''). */
function titleIn(head: string): string {
  const openTag = /<title\b[^>]*>/i.exec(head.slice(0, head.lastIndexOf('>') + 1));
  if (!openTag) return '';
  const close = /<\/title\s*>/i;
  const from = openTag.index + openTag[0].length;
  const end = head.slice(from).search(close);
  return end < 0 ? '' : head.slice(from, from + end);
}

function errorText(err: unknown): string {
  const message = err instanceof Error ? err.message : String(err);
  return (message.split('\n')[0] ?? '').slice(0, 200);
}

/** Bytes as fetched → parsed feed: refuses raw gzip, decodes the charset, then parses. */
export async function parseFeedBody(
  body: Buffer,
  contentType: string | undefined,
  options: ParseOptions,
): Promise<ParsedFeed & { encoding: string }> {
  if (body[0] === 0x1f && body[1] === 0x8b) {
    throw new FeedError('not_a_feed', 'the body is gzip data sent without Content-Encoding');
  }
  const decoded = decodeFeed(body, contentType);
  const feed = await parseFeed(decoded.text, options);
  return { ...feed, encoding: decoded.encoding };
}
