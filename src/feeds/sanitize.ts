import { HTML_ENTITIES } from './tables.ts';

/**
 * Feed text is hostile until proven otherwise: everything that leaves src/feeds/ for the store or
 * Discord is plain text (no markup, no control or invisible characters) and links are http(s) only.
 */

export const MAX_TITLE_CHARS = 300;
export const MAX_TEXT_CHARS = 100_000;

const DROPPED_NAMES = 'script|style|noscript|template|iframe|object|svg|math|head';
const DROPPED_OPEN = new RegExp(`<(${DROPPED_NAMES})\\b`, 'gi');
const BLOCK_TAGS =
  /<\/?(p|div|br|li|ul|ol|h[1-6]|blockquote|pre|tr|table|section|article|header|footer|figure|figcaption|hr)\b[^>]*>/gi;

/**
 * HTML (or text with stray markup) → plain text with paragraph breaks kept. Never longer than
 * `html` (parse.ts relies on it): every step removes, or replaces with fewer characters.
 */
export function htmlToText(html: string, maxChars = MAX_TEXT_CHARS): string {
  // Every pattern below starts with `<`: text without one (a plain summary) skips them all.
  if (!html.includes('<')) return cleanText(decodeEntities(html), maxChars, true);
  const stripped = html.replace(/<!--[\s\S]*?(-->|$)/g, ' ').replace(/<!\[CDATA\[([\s\S]*?)(\]\]>|$)/g, '$1');
  const dropped = dropElements(stripped);
  // `[^>]*>` fails, after scanning to the end, at every `<` past the last `>`: tags are removed
  // only up to it (the rest cannot hold a whole tag), so a tail of 100k `<p` stays linear.
  const tagsEnd = dropped.lastIndexOf('>') + 1;
  const text =
    dropped
      .slice(0, tagsEnd)
      .replace(BLOCK_TAGS, '\n')
      .replace(/<\/?[a-zA-Z][^>]*>/g, '')
      .replace(/<[!?/][^>]*>/g, '') + dropped.slice(tagsEnd);
  return cleanText(decodeEntities(text), maxChars, true);
}

/**
 * Replaces each `<script>…</script>` (and the other DROPPED_NAMES) with a space, in one pass: the
 * lazy regex this replaces rescanned the rest of the text for every unclosed `<script>` (quadratic:
 * 40k of them took 3.7 s). The next closing tag of each name is found once and reused until the
 * scan passes it; an element that is never closed is left for the tag stripper, as before.
 */
function dropElements(html: string): string {
  const nextClose = new Map<string, { from: number; at: number; end: number }>();
  const closeAfter = (name: string, from: number) => {
    const known = nextClose.get(name);
    if (known && known.from <= from && (known.at < 0 || from <= known.at)) return known;
    const close = new RegExp(`</${name}\\s*>`, 'gi');
    close.lastIndex = from;
    const m = close.exec(html);
    const found = { from, at: m ? m.index : -1, end: m ? m.index + m[0].length : -1 };
    nextClose.set(name, found);
    return found;
  };
  DROPPED_OPEN.lastIndex = 0;
  let out = '';
  let kept = 0;
  for (let m = DROPPED_OPEN.exec(html); m; m = DROPPED_OPEN.exec(html)) {
    const close = closeAfter((m[1] ?? '').toLowerCase(), m.index + m[0].length);
    if (close.at < 0) continue;
    out += `${html.slice(kept, m.index)} `;
    kept = close.end;
    DROPPED_OPEN.lastIndex = close.end;
  }
  return kept === 0 ? html : out + html.slice(kept);
}

/** One line of plain text (titles, names): markup removed, whitespace collapsed, capped. */
export function plainLine(value: string, maxChars = MAX_TITLE_CHARS): string {
  return cleanText(htmlToText(value, maxChars * 4), maxChars, false);
}

// ANSI/VT escape sequences (CSI and OSC), then C0/C1 controls, zero-width and bidi controls.
const ANSI = /\u001b(\[[0-?]*[ -/]*[@-~]|\][^\u0007\u001b]*(\u0007|\u001b\\)?|[@-_])/g;
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;
// U+034F (combining grapheme joiner) is handled apart: a class may not mix it with other characters.
const INVISIBLE =
  /[\u00ad\u061c\u115f\u1160\u17b4\u17b5\u180e\u200b-\u200f\u202a-\u202e\u2060-\u206f\ufeff\ufff9-\ufffb]|\u034f/g;

/** Any character ANSI, CONTROL or INVISIBLE removes. */
const UNWANTED =
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u00ad\u061c\u115f\u1160\u17b4\u17b5\u180e\u200b-\u200f\u202a-\u202e\u2060-\u206f\ufeff\ufff9-\ufffb]|\u034f/;
/** Whitespace other than a space or a line break (a tab, a no-break space). */
const OTHER_BLANK = /[^\S\n ]/;

/** Removes escapes, controls and invisible/bidi characters; collapses whitespace; caps the length. */
export function cleanText(value: string, maxChars: number, keepParagraphs: boolean): string {
  let text = value;
  // Most text holds none of these: one scan for any of them instead of a pass for each (an escape
  // sequence starts with ESC, a control character too).
  if (UNWANTED.test(text)) text = text.replace(ANSI, '').replace(CONTROL, '').replace(INVISIBLE, '');
  if (text.includes('\r')) text = text.replace(/\r\n?/g, '\n');
  // Lone surrogates go; most text has no surrogate at all, which a plain scan tells cheaply.
  if (/[\ud800-\udfff]/.test(text)) text = text.replace(/[\p{Cs}]/gu, '');
  if (keepParagraphs) {
    // Each run of blanks becomes one space and blanks around a line break go. The patterns match
    // only what changes (not every single space between two words, nor every bare line break):
    // replacing each of those with itself cost more than the rest of the feed's parse.
    // Each pass runs only when the text holds what it changes.
    if (text.includes('  ') || OTHER_BLANK.test(text))
      text = text.replace(/ [^\S\n]+|[^\S\n ][^\S\n]*/g, ' ');
    if (text.includes(' \n') || text.includes('\n ')) text = text.replace(/ +\n *|\n +/g, '\n');
    if (text.includes('\n\n\n')) text = text.replace(/\n{3,}/g, '\n\n');
    text = text.trim();
  } else {
    text = text.replace(/\s+/g, ' ').trim();
  }
  if (text.length > maxChars) text = `${Array.from(text.slice(0, maxChars)).slice(0, -1).join('')}…`;
  return text;
}

/** `&eacute;` `&#233;` `&#xE9;` `&amp;` → characters; unknown names stay as written. */
export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(
    /&(#[xX][0-9a-fA-F]{1,6}|#\d{1,7}|[a-zA-Z][a-zA-Z0-9]{1,31});?/g,
    (whole, ref: string) => {
      if (ref.startsWith('#')) {
        const cp =
          ref[1] === 'x' || ref[1] === 'X'
            ? Number.parseInt(ref.slice(2), 16)
            : Number.parseInt(ref.slice(1), 10);
        return isAllowedCodePoint(cp) ? String.fromCodePoint(cp) : '';
      }
      const named = XML_ENTITIES[ref] ?? HTML_ENTITIES.get(ref);
      return named ?? whole;
    },
  );
}

const XML_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Code points allowed in XML 1.0 text (no NUL, no C0 controls but tab/newline, no surrogates). */
export function isAllowedCodePoint(cp: number): boolean {
  if (!Number.isInteger(cp)) return false;
  if (cp === 0x9 || cp === 0xa || cp === 0xd) return true;
  if (cp < 0x20) return false;
  if (cp >= 0xd800 && cp <= 0xdfff) return false;
  if (cp === 0xfffe || cp === 0xffff) return false;
  return cp <= 0x10ffff;
}

/**
 * A link safe to store and show: resolved against the feed URL, http(s) only. `javascript:`,
 * `vbscript:`, `data:`, `file:` and anything else become undefined; protocol-relative links are
 * resolved against the feed's own scheme rather than trusted as written.
 */
export function safeLink(raw: unknown, base?: string): string | undefined {
  if (typeof raw !== 'string') return undefined;
  // Browsers ignore tabs/newlines inside a scheme ("java\tscript:"); so does URL, which is the point.
  const candidate = decodeEntities(raw).replace(CONTROL, '').replace(INVISIBLE, '').trim();
  if (!candidate || candidate.length > 2048) return undefined;
  let url: URL;
  try {
    url = new URL(candidate, base);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
  if (url.username || url.password) {
    url.username = '';
    url.password = '';
  }
  return url.href;
}
