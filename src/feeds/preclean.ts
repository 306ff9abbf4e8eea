import { FeedError } from './errors.ts';
import { isAllowedCodePoint } from './sanitize.ts';
import { HTML_ENTITIES } from './tables.ts';

export type FeedFormat = 'rss' | 'atom' | 'rdf';

export interface CleanedXml {
  xml: string;
  format: FeedFormat;
  warnings: string[];
}

const ROOT = /<(rss|feed|rdf:RDF|RDF)\b/i;

/**
 * Makes a decoded document safe and palatable for rss-parser (xml2js/sax), which rejects a whole
 * feed for one undeclared entity or control character:
 * - refuses bodies that are not feeds (gzip, JSON, HTML pages, empty) with `not_a_feed`;
 * - cuts junk before the declaration or root element;
 * - removes characters XML 1.0 forbids (NUL, C0 controls, ANSI escapes) and references to them;
 * - drops DOCTYPE and its ENTITY declarations, so billion-laughs, XXE and parameter entities expand
 *   nothing: their references end up as literal text;
 * - turns HTML named entities into characters and escapes bare `&`.
 */
export function precleanXml(input: string): CleanedXml {
  const warnings: string[] = [];
  const trimmed = input.replace(/^[\s\uFEFF]+/, '');
  if (trimmed.length === 0) throw new FeedError('not_a_feed', 'the body is empty');
  if (trimmed.charCodeAt(0) === 0x1f && trimmed.charCodeAt(1) === 0x8b) {
    throw new FeedError('not_a_feed', 'the body is gzip data sent without Content-Encoding');
  }
  if (/^[{[]/.test(trimmed)) throw new FeedError('not_a_feed', 'the body is JSON, not RSS or Atom');
  const root = ROOT.exec(trimmed);
  if (!root) {
    const what = /<html\b|<!doctype html/i.test(trimmed) ? 'an HTML page' : 'not an RSS or Atom document';
    throw new FeedError('not_a_feed', `the body is ${what}`);
  }
  const name = (root[1] ?? '').toLowerCase();
  const format: FeedFormat = name === 'feed' ? 'atom' : name === 'rss' ? 'rss' : 'rdf';
  if (/<html\b/i.test(trimmed.slice(0, root.index)))
    throw new FeedError('not_a_feed', 'the body is an HTML page');
  if (format !== 'atom' && !/<channel[\s/>]/.test(trimmed)) {
    throw new FeedError('not_a_feed', `the <${root[1]}> document has no <channel>`);
  }

  let xml = trimmed;
  const decl = /<\?xml\b/i.exec(xml);
  const start = decl && decl.index < root.index ? decl.index : root.index;
  if (
    start > 0 &&
    xml
      .slice(0, start)
      .replace(/<!--[\s\S]*?(?:-->|$)/g, '')
      .trim()
  ) {
    warnings.push('removed junk before the XML document');
  }
  xml = xml.slice(start).replace(/^<\?XML/i, '<?xml');

  const beforeDoctype = xml.length;
  xml = stripDoctypes(xml);
  if (xml.length !== beforeDoctype) warnings.push('removed DOCTYPE (entity declarations are never expanded)');
  xml = xml.replace(/<!ENTITY\b[^>]*>/gi, '');

  xml = xml
    .replace(/\u001b\[[0-?]*[ -/]*[@-~]/g, '')
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
    .replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '');
  xml = fixEntities(xml);
  return { xml, format, warnings };
}

/**
 * Removes `<!DOCTYPE …>` declarations, internal subset (`[…]`) included, in one pass. A scanner, not a
 * regular expression: the nested-quantifier pattern it replaces backtracked exponentially on
 * `<!DOCTYPE x [][][]…` (a 62-byte feed froze the bot). An unterminated declaration is left as
 * written, and so is everything after it (scanning on would make the pass quadratic).
 */
export function stripDoctypes(xml: string): string {
  const open = /<!DOCTYPE\b/gi;
  let out = '';
  let kept = 0;
  for (let m = open.exec(xml); m; m = open.exec(xml)) {
    const end = doctypeEnd(xml, m.index + m[0].length);
    if (end < 0) break;
    out += xml.slice(kept, m.index);
    kept = end;
    open.lastIndex = end;
  }
  return kept === 0 ? xml : out + xml.slice(kept);
}

/** Index just past the `>` closing a DOCTYPE whose body starts at `i`; -1 when there is none. */
function doctypeEnd(xml: string, i: number): number {
  while (i < xml.length) {
    const c = xml.charCodeAt(i);
    if (c === 0x3e) return i + 1; // >
    if (c === 0x5b) {
      // [ … ]: the internal subset, where `>` ends declarations, not the DOCTYPE.
      const close = xml.indexOf(']', i + 1);
      if (close < 0) return -1;
      i = close + 1;
    } else i++;
  }
  return -1;
}

// Entity references outside CDATA sections and comments (whose contents are left alone).
const ENTITY_OR_AMP = /&(?:(#[xX][0-9a-fA-F]+|#[0-9]+|[A-Za-z_][\w.-]*);)?/g;
const SKIPPED = [
  { open: '<![CDATA[', close: ']]>' },
  { open: '<!--', close: '-->' },
] as const;

/**
 * Copies CDATA sections and comments as they are and fixes entities in the text between. A scan
 * with indexOf, not a lazy regex (`<!--[\s\S]*?(?:-->|$)`), which keeps backtracking state for
 * every character of the section (an unterminated megabyte took ×5 the time of half of it). An
 * unterminated section runs to the end (scanning on would be quadratic). Each opener's next
 * position is searched again only once the scan has passed it, so many sections cost one pass.
 */
function fixEntities(xml: string): string {
  const next = SKIPPED.map((s) => xml.indexOf(s.open));
  let out = '';
  let i = 0;
  while (i < xml.length) {
    let which: (typeof SKIPPED)[number] | undefined;
    let at = -1;
    for (const [k, section] of SKIPPED.entries()) {
      let pos = next[k] ?? -1;
      if (pos >= 0 && pos < i) pos = next[k] = xml.indexOf(section.open, i);
      if (pos >= 0 && (at < 0 || pos < at)) [which, at] = [section, pos];
    }
    if (!which) break;
    const { open, close } = which;
    const closeAt = xml.indexOf(close, at + open.length);
    const end = closeAt < 0 ? xml.length : closeAt + close.length;
    out += fixEntityRefs(xml.slice(i, at)) + xml.slice(at, end);
    i = end;
  }
  return out + fixEntityRefs(xml.slice(i));
}

function fixEntityRefs(text: string): string {
  return text.replace(ENTITY_OR_AMP, (whole, ref: string | undefined) => {
    if (ref === undefined) return '&amp;';
    if (ref.startsWith('#')) {
      const cp =
        ref[1] === 'x' || ref[1] === 'X'
          ? Number.parseInt(ref.slice(2), 16)
          : Number.parseInt(ref.slice(1), 10);
      return isAllowedCodePoint(cp) ? whole : '';
    }
    if (ref === 'amp' || ref === 'lt' || ref === 'gt' || ref === 'quot' || ref === 'apos') return whole;
    const char = HTML_ENTITIES.get(ref);
    if (char === undefined) return `&amp;${ref};`;
    // Keep markup-significant characters escaped; others become the character itself.
    return char === '<' ? '&lt;' : char === '>' ? '&gt;' : char === '&' ? '&amp;' : char;
  });
}
