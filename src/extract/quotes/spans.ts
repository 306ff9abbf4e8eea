import type { Paragraph } from '../types.ts';

/** A quotation inside one paragraph: [open, close) are the offsets of its marks in the article. */
export interface QuoteSpan {
  /** Offset of the opening mark. */
  open: number;
  /** Offset just after the closing mark (paragraph end when the mark is missing). */
  close: number;
  text: string;
  /** Offset of the first character of `text`. */
  textStart: number;
  closed: boolean;
  paragraph: Paragraph;
}

const OPENERS = new Set(['“', '"', '‘']);
const CLOSERS_FOR: Record<string, string> = { '“': '”"', '"': '"”', '‘': '’', '”': '”"' };

/** A right double mark used as an opener (”I mean…): after a space or at the start, before a letter. */
function rightMarkOpens(t: string, i: number): boolean {
  return t[i] === '”' && (i === 0 || /[\s(]/.test(t.charAt(i - 1))) && /[\p{L}\d]/u.test(t[i + 1] ?? '');
}

/**
 * The double-quoted (and curly single-quoted) stretches of a paragraph. A doubled opening mark is one
 * quotation; a lone closing mark opens nothing; a quotation without its closing mark runs to the end
 * of the paragraph. Straight single marks are apostrophes and are ignored.
 */
export function findQuoteSpans(paragraph: Paragraph): QuoteSpan[] {
  const t = paragraph.text;
  const spans: QuoteSpan[] = [];
  let i = 0;
  while (i < t.length) {
    const c = t.charAt(i);
    // Only the four marks can open a quotation: skip every other character at once.
    if (c !== '“' && c !== '"' && c !== '‘' && c !== '”') {
      i++;
      continue;
    }
    // An inch mark (5'10") is not a quotation.
    const inch = c === '"' && /\d/.test(t[i - 1] ?? '');
    const opens =
      (OPENERS.has(c) && !inch && !(c === '‘' && i > 0 && !/[\s(—–-]/.test(t.charAt(i - 1)))) ||
      rightMarkOpens(t, i);
    if (!opens) {
      i++;
      continue;
    }
    let start = i + 1;
    while (t[start] === c) start++; // ““Defendants…
    const closers = CLOSERS_FOR[c] ?? ''; // c is one of its keys
    let end = start;
    while (end < t.length && !closers.includes(t.charAt(end))) {
      // A curly single closer inside "’s" is an apostrophe, not the end of a ‘…’ quotation.
      end++;
      if (c === '‘' && t[end] === '’' && /\p{L}/u.test(t[end + 1] ?? '')) end++;
    }
    if (c === '‘' && end >= t.length) {
      i = start;
      continue;
    }
    const closed = end < t.length;
    const raw = t.slice(start, end);
    const lead = raw.length - raw.trimStart().length;
    const text = raw.trim().replace(/,$/, '').trim();
    spans.push({
      open: paragraph.offset + i,
      close: paragraph.offset + (closed ? end + 1 : t.length),
      text,
      textStart: paragraph.offset + start + lead,
      closed,
      paragraph,
    });
    i = closed ? end + 1 : t.length;
  }
  return spans;
}

/** The paragraph text with every quotation's content blanked, so verbs and names inside never count. */
export function maskQuotes(paragraph: Paragraph, spans: QuoteSpan[]): string {
  let out = paragraph.text;
  for (const s of spans) {
    const a = s.open - paragraph.offset + 1;
    const b = s.close - paragraph.offset - (s.closed ? 1 : 0);
    out = out.slice(0, a) + '·'.repeat(Math.max(0, b - a)) + out.slice(b);
  }
  return out;
}
