import type { Article } from '../facts.ts';
import { allMatches, wordList } from '../text.ts';
import type { ArticleDoc, Paragraph, Sentence } from './types.ts';

/** Abbreviations after which a period never ends a sentence (titles bind to the next word). */
const TITLE_ABBREVIATIONS = new Set(
  wordList(`
  mr mrs ms dr st gov sen rep lt sgt det capt col gen prof rev atty supt cmdr insp hon pres v vs
  mt ft no nos
`),
);

/** Abbreviations that usually continue the sentence but may end it ("... in the U.S. He said"). */
const SOFT_ABBREVIATIONS = new Set(
  wordList(`
  jr sr u.s u.k u.n jan feb mar apr jun jul aug sep sept oct nov dec inc co corp ltd bros ave blvd
  a.m p.m etc approx dept univ est n.m n.y calif fla wash pa ariz colo conn mass mich minn tenn
  tex va
`),
);

/** Words that start a new sentence often enough to break after a soft abbreviation. */
const SENTENCE_STARTERS = new Set(
  wordList(`
  the he she it they we i but a an in on his her their this that there after before prosecutors
  police authorities if when
`),
);

const CLOSERS = '"”’\')]';

/** Splits an article into paragraphs (one per non-empty line) and sentences, with text offsets. */
export function segment(article: Pick<Article, 'text' | 'title' | 'published'>): ArticleDoc {
  const text = article.text;
  const paragraphs: Paragraph[] = [];
  const sentences: Sentence[] = [];
  const lineRe = /[^\n]+/g;
  for (const m of allMatches(text, lineRe)) {
    const raw = m[0];
    const lead = raw.length - raw.trimStart().length;
    const body = raw.trim();
    if (!body) continue;
    const offset = (m.index ?? 0) + lead;
    const paragraph: Paragraph = { text: body, offset, index: paragraphs.length, sentences: [] };
    for (const [start, end] of splitSentences(body)) {
      const sentence: Sentence = {
        text: body.slice(start, end),
        offset: offset + start,
        paragraph: paragraph.index,
        index: sentences.length,
      };
      paragraph.sentences.push(sentence);
      sentences.push(sentence);
    }
    paragraphs.push(paragraph);
  }
  return { text, title: article.title, published: article.published, paragraphs, sentences };
}

/** The sentence containing an article offset (binary search; sentences are sorted), if any. */
export function sentenceAt(doc: ArticleDoc, offset: number): Sentence | undefined {
  const list = doc.sentences;
  let lo = 0;
  let hi = list.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = list[mid];
    if (!s) break; // mid lies within the list
    if (offset < s.offset) hi = mid - 1;
    else if (offset >= s.offset + s.text.length) lo = mid + 1;
    else return s;
  }
  return undefined;
}

/** [start, end) spans of the double-quoted stretches of a paragraph that open and close in it. */
export function quotedSpans(text: string): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  let open = -1;
  for (let i = 0; i < text.length; i++) {
    // Most characters are no quote mark: compare char codes before building a one-character string.
    const code = text.charCodeAt(i);
    if (code !== 0x201c && code !== 0x201d && code !== 34) continue;
    const c = text.charAt(i);
    if (c === '“') {
      if (open < 0) open = i;
    } else if (c === '”') {
      // A right mark after a space and before a letter opens a quotation in sloppy copy.
      if (open < 0 && (i === 0 || /\s/.test(text.charAt(i - 1))) && /\p{L}/u.test(text[i + 1] ?? ''))
        open = i;
      else if (open >= 0) {
        spans.push([open, i + 1]);
        open = -1;
      }
    } else if (c === '"') {
      if (open < 0 && /\d/.test(text[i - 1] ?? '')) continue; // an inch mark
      if (open < 0) open = i;
      else {
        spans.push([open, i + 1]);
        open = -1;
      }
    }
  }
  return spans;
}

function insideSpan(pos: number, spans: Array<[number, number]>): boolean {
  return spans.some(([s, e]) => pos > s && pos < e);
}

/** Sentence spans [start, end) inside one paragraph. */
export function splitSentences(text: string): Array<[number, number]> {
  const spans = quotedSpans(text).filter(([s, e]) => e - s < 800);
  const out: Array<[number, number]> = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code !== 46 && code !== 33 && code !== 63) continue; // . ! ?
    const c = text.charAt(i);
    let end = i + 1;
    while (end < text.length && (CLOSERS.includes(text.charAt(end)) || '.!?'.includes(text.charAt(end))))
      end++;
    if (end >= text.length || !/\s/.test(text.charAt(end))) continue;
    let next = end;
    while (next < text.length && /\s/.test(text.charAt(next))) next++;
    const nextChar = text[next] ?? '';
    if (!/[A-Z0-9“"‘'(]/.test(nextChar) && !/\p{Lu}/u.test(nextChar)) continue;
    if (insideSpan(end, spans)) continue;
    if (c === '.' && !periodEndsSentence(text, i, next)) continue;
    out.push([start, end]);
    start = next;
    i = next - 1;
  }
  if (start < text.length) {
    const rest = text.slice(start).trimEnd();
    if (rest) out.push([start, start + rest.length]);
  }
  return out;
}

function periodEndsSentence(text: string, dot: number, next: number): boolean {
  const word = wordBefore(text, dot);
  if (!word) return true;
  const lower = word.toLowerCase();
  if (/^[A-Z]$/.test(word)) return false; // an initial: "Kari T. Morrissey", "R. Kelly"
  if (lower === 'no' || lower === 'nos') return !/\d/.test(text[next] ?? '');
  if (TITLE_ABBREVIATIONS.has(lower)) return false;
  const nextWord = (/^[“"‘(]*([A-Za-z]+)/.exec(text.slice(next))?.[1] ?? '').toLowerCase();
  if (SOFT_ABBREVIATIONS.has(lower) || /^([a-z]\.)+[a-z]$/i.test(word)) {
    return SENTENCE_STARTERS.has(nextWord);
  }
  return true;
}

const isAsciiLetter = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);

/**
 * The trailing /[A-Za-z][A-Za-z.]*$/ of text[0, dot), found by scanning back from the period: the
 * regex on the prefix rescans the whole paragraph for every period (quadratic on long paragraphs).
 */
function wordBefore(text: string, dot: number): string {
  let from = dot;
  while (from > 0) {
    const c = text.charCodeAt(from - 1);
    if (!isAsciiLetter(c) && c !== 46) break;
    from--;
  }
  while (from < dot && text.charCodeAt(from) === 46) from++; // the word starts at a letter
  return text.slice(from, dot);
}
