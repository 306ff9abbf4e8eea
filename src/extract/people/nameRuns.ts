import { wordList } from '../../text.ts';
import { isCommonWord, isFirstName, lexTag, NON_PERSON_WORDS, SUFFIXES } from '../lexicon/names.ts';
import { TITLE_WORDS } from '../lexicon/roles.ts';
import { quotedSpans } from '../segment.ts';
import type { ArticleDoc, Sentence } from '../types.ts';

/** A run of capitalised words in a sentence, split into a title prefix and a name part. */
export interface NameRun {
  /** Article offsets of the name part. */
  start: number;
  end: number;
  /** The name part as written, nickname removed ("Sean Combs" for Sean “Diddy” Combs). */
  name: string;
  /** Name words, without the trailing possessive. */
  words: string[];
  /** Capitalised title words before the name inside the run ("Santa Fe District Attorney"). */
  title: string;
  /** Article offset where the title part starts (= start when there is no title). */
  titleStart: number;
  possessive: boolean;
  nickname?: string | undefined;
  sentence: Sentence;
  /** Inside a quotation: usable as a mention, never creates a person. */
  inQuote: boolean;
  /** Whether the name part looks like a person name on its own. */
  looksLikeName: boolean;
}

const NICKNAME = /(?<=\p{L} )([“"‘'])(\p{Lu}[\p{L}\p{M} .]{0,20}?)([”"’'])(?= \p{Lu})/gu;
/**
 * What every NICKNAME match starts with (its look-behind tries every character: the test is much
 * cheaper, and most sentences with a quote mark or an apostrophe have no nickname).
 */
const NICKNAME_OPENING = / [“"‘']\p{Lu}/u;
const PARTICLES = new Set(
  wordList(`
  de da del della di van von der la le du bin al dos
`),
);
const FUNCTION_TAGS = new Set(
  wordList(`
  Preposition Conjunction Determiner Pronoun Adverb QuestionWord Possessive Negative Copula Modal
  Auxiliary Expression Adjective Comparable
`),
);

interface Tok {
  text: string;
  start: number;
  end: number;
  possessive: boolean;
}

const UPPER_LETTER = /^\p{Lu}$/u;
const WORD_CHAR = /^[\p{L}\p{M}'’.-]$/u;

const isAsciiWordChar = (d: number) =>
  (d >= 65 && d <= 90) || (d >= 97 && d <= 122) || d === 39 || d === 46 || d === 45;

/**
 * Only capitalised words and name particles matter; skipping the rest keeps the scan fast. The same
 * matches, in order, as /\p{Lu}[\p{L}\p{M}'’.-]*|(?<= )(?:de|da|…|dos)(?= )/gu, by hand: the regex tries its
 * look-behind at every character and was the extractor's hottest line.
 */
export function capitalisedWords(text: string): Array<[word: string, index: number]> {
  const out: Array<[string, number]> = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    let upperWidth = 0;
    if (c < 128) upperWidth = c >= 65 && c <= 90 ? 1 : 0;
    else {
      const ch = String.fromCodePoint(text.codePointAt(i) ?? c); // i < n: never the fallback
      if (UPPER_LETTER.test(ch)) upperWidth = ch.length;
    }
    if (upperWidth > 0) {
      let j = i + upperWidth;
      while (j < n) {
        const d = text.charCodeAt(j);
        if (d < 128) {
          if (!isAsciiWordChar(d)) break;
          j++;
        } else {
          const ch = String.fromCodePoint(text.codePointAt(j) ?? d); // j < n: never the fallback
          if (!WORD_CHAR.test(ch)) break;
          j += ch.length;
        }
      }
      out.push([text.slice(i, j), i]);
      i = j;
      continue;
    }
    if (c >= 97 && c <= 122 && i > 0 && text.charCodeAt(i - 1) === 32) {
      const space = text.indexOf(' ', i);
      if (space > i && space - i <= 5) {
        const word = text.slice(i, space);
        if (PARTICLES.has(word)) {
          out.push([word, i]);
          i = space;
          continue;
        }
      }
    }
    i++;
  }
  return out;
}

function tokenise(text: string, base: number): Tok[] {
  const toks: Tok[] = [];
  for (const [word, index] of capitalisedWords(text)) {
    let t = word;
    let possessive = false;
    const last = t[t.length - 1];
    if (last === '.' && !INITIAL.test(t) && t !== 'Jr.' && t !== 'Sr.') t = t.replace(/\.+$/, '');
    const end = t[t.length - 1];
    const prev = t[t.length - 2];
    if (end === 's' && (prev === '’' || prev === "'")) {
      t = t.slice(0, -2);
      possessive = true;
    } else if ((end === '’' || end === "'") && prev === 's') {
      t = t.slice(0, -1);
      possessive = true;
    } else if (end === '’' || end === "'" || end === '-') t = t.replace(/['’-]+$/, '');
    if (!t) continue;
    const at = base + index;
    toks.push({ text: t, start: at, end: at + t.length, possessive });
  }
  return toks;
}

const INITIAL = /^(?:\p{Lu}\.)+$/u;
const ROMAN_SUFFIX = /^(?:II|III|IV)$/;

const isCap = (w: string) => {
  const c = w.charCodeAt(0);
  // Fast path for the usual "Baldwin": an ASCII capital followed by an ASCII lower-case letter
  // cannot be all capitals, so the upper-casing comparison (an allocation per token) is skipped.
  if (c >= 65 && c <= 90 && w.length > 1) {
    const d = w.charCodeAt(1);
    if (d >= 97 && d <= 122) return true;
  }
  return /^\p{Lu}/u.test(w) && !(w.length > 1 && w === w.toUpperCase() && !w.includes('.'));
};

/** All capitalised runs of the article, sentence by sentence. */
export function findNameRuns(doc: ArticleDoc): NameRun[] {
  const runs: NameRun[] = [];
  for (const paragraph of doc.paragraphs) {
    const quotes = quotedSpans(paragraph.text).map(([s, e]): [number, number] => [
      s + paragraph.offset,
      e + paragraph.offset,
    ]);
    for (const sentence of paragraph.sentences) {
      const nicknames = new Map<number, string>();
      // Blank out nicknames between two name words so that Sean “Diddy” Combs is one run.
      const masked = !NICKNAME_OPENING.test(sentence.text)
        ? sentence.text
        : sentence.text.replace(NICKNAME, (all, _o, nick: string, _c, at: number) => {
            nicknames.set(sentence.offset + at, nick);
            return ' '.repeat(all.length);
          });
      const toks = tokenise(masked, sentence.offset);
      // In a title-case headline, ordinary words are capitalised too: they cannot be part of a name.
      const headline = isHeadline(toks, sentence.text);
      const cap = (w: string) => isCap(w) && !(headline && isCommonWord(w) && !isFirstName(w));
      let i = 0;
      while (i < toks.length) {
        const tok = toks[i];
        if (!tok || !cap(tok.text)) {
          i++;
          continue;
        }
        let j = i;
        while (j + 1 < toks.length) {
          const here = toks[j];
          const after = toks[j + 1];
          if (!here || !after || here.possessive) break;
          const gap = masked.slice(here.end - sentence.offset, after.start - sentence.offset);
          const next = after.text;
          if (!/^ +$/.test(gap) && !(gap === ', ' && SUFFIXES.has(next.toLowerCase().replace('.', ''))))
            break;
          if (cap(next)) j++;
          // "Emmitt Martin III": a generational suffix in capitals ends the name it follows.
          else if (ROMAN_SUFFIX.test(next) && !here.possessive && cap(here.text)) j++;
          else if (PARTICLES.has(next) && j + 2 < toks.length && cap(toks[j + 2]?.text ?? '')) j++;
          else break;
        }
        const run = makeRun(toks.slice(i, j + 1), sentence, doc.text, nicknames);
        if (run) numberPseudonym(run, doc.text);
        if (run) {
          run.inQuote = quotes.some(([s, e]) => run.start > s && run.start < e);
          runs.push(run);
        }
        i = j + 1;
      }
    }
  }
  return runs;
}

/** "Jane Doe 1", "John Doe 2": a court pseudonym's number is part of the name (each is another person). */
const PSEUDONYM_NUMBER = /^ (\d)(?!\w|\.\d)(['’]s\b)?/;

function numberPseudonym(run: NameRun, text: string): void {
  if (run.possessive || !/^(?:Jane|John) (?:Doe|Roe)$/.test(run.name)) return;
  const m = PSEUDONYM_NUMBER.exec(text.slice(run.end, run.end + 6));
  if (!m) return;
  const digit = m[1] ?? ''; // the group is not optional
  run.end += 1 + digit.length;
  run.name = `${run.name} ${digit}`;
  run.words = [...run.words, digit];
  run.possessive = m[2] !== undefined;
  run.looksLikeName = true;
}

const LETTER = /^\p{L}$/u;
const SPACE = /^\s$/;

/**
 * How many whitespace-separated words have at least four letters (UTF-16 units of \p{L}), the count
 * text.split(/\s+/).filter((w) => w.replace(/[^\p{L}]/gu, '').length >= 4) gave, without allocating.
 */
function wordsOfFourLetters(text: string): number {
  let count = 0;
  let letters = 0;
  for (let i = 0; i < text.length; ) {
    const c = text.charCodeAt(i);
    let width = 1;
    let space: boolean;
    let letter: boolean;
    if (c < 128) {
      space = c === 32 || (c >= 9 && c <= 13);
      letter = (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
    } else {
      const ch = String.fromCodePoint(text.codePointAt(i) ?? c); // i < n: never the fallback
      width = ch.length;
      space = SPACE.test(ch);
      letter = !space && LETTER.test(ch);
    }
    if (space) {
      if (letters >= 4) count++;
      letters = 0;
    } else if (letter) letters += width;
    i += width;
  }
  if (letters >= 4) count++;
  return count;
}

function isHeadline(toks: Tok[], text: string): boolean {
  // "They are Jordan Banks, 24, and Carl Brill, 31.": ages in commas are prose, whatever the capitals.
  if (/, \d{1,3},/.test(text)) return false;
  const capitalised = toks.filter((t) => t.text.length >= 4 && isCap(t.text)).length;
  if (capitalised < 4) return false;
  const words = wordsOfFourLetters(text);
  const share = capitalised / Math.max(words, 1);
  // Headlines rarely end with a full stop; a sentence needs a clearer majority.
  return share >= (/[.!?]["”’]?$/.test(text.trim()) ? 0.8 : 0.6);
}

function makeRun(
  toks: Tok[],
  sentence: Sentence,
  text: string,
  nicknames: Map<number, string>,
): NameRun | null {
  const titleTok = toks[0];
  if (!titleTok) return null; // a run has one token at least
  const lower = toks.map((t) => lowerNoDot(t.text));
  // "the Old Bailey", "Scotland Yard": institutions whose last word is also a surname.
  if (lower.length === 2 && INSTITUTIONS.has(`${lower[0]} ${lower[1]}`)) return null;
  // The rightmost title word that still leaves a name after it ("District Judge John Judge").
  let cut = 0;
  for (let k = toks.length - 2; k >= 0; k--) {
    if (TITLE_WORDS.has(lower[k] ?? '')) {
      cut = k + 1;
      break;
    }
  }
  const atStart =
    titleTok.start === sentence.offset || /[“"‘(—–:]\s*$/.test(text.slice(sentence.offset, titleTok.start));
  // Drop leading ordinary words: any at the start of a sentence, function words anywhere.
  while (cut < toks.length - 1) {
    const tok = toks[cut];
    const low = lower[cut];
    if (tok === undefined || low === undefined || isFirstName(tok.text)) break;
    const tag = lexTag(low);
    const common = isCommonWord(tok.text);
    // A run that starts with a place or organisation word ("Santa Fe", "Los Angeles") is no name.
    if (NON_PERSON_WORDS.has(low) && !TITLE_WORDS.has(low)) return null;
    // "Rancher Walter Pemberton …" at a sentence start, "the Irishman John Mackey" anywhere: a word
    // before a first name is a title (anywhere only when it is a word of the lexicon).
    // Only when a surname follows the first name: "Deamonte Kendrick" is a name, not a title + first name.
    const beforeFirstName =
      cut === 0 && (atStart || common) && cut + 2 < toks.length && isFirstName(toks[cut + 1]?.text ?? '');
    // "Hunter Rose, Dean Price and …": a sentence-initial word opening a two-word list member is a first name.
    const listHead = cut === 0 && toks.length === 2 && !beforeFirstName && opensNameList(toks, low, text);
    if ((cut === 0 && atStart && common && !listHead) || beforeFirstName || (tag && FUNCTION_TAGS.has(tag)))
      cut++;
    else break;
  }
  // "Det Ch Insp Helen Price": short title abbreviations before a first name belong to the title.
  for (let k = cut + 1; k < toks.length - 1 && k <= cut + 3; k++) {
    const tok = toks[k];
    if (!tok || !isFirstName(tok.text)) continue;
    const between = lower.slice(cut, k);
    if (between.every((w) => TITLE_WORDS.has(w) || (w.length <= 4 && !isFirstName(w)))) cut = k;
    break;
  }
  const nameToks = toks.slice(cut);
  // "Harmon County Prosecutor’s Office": a lone title word left after the cut names no one.
  const first = nameToks[0];
  const last = nameToks[nameToks.length - 1];
  if (!first || !last) return null;
  if (nameToks.length === 1 && (cut > 0 || first.possessive) && TITLE_WORDS.has(lower[cut] ?? ''))
    return null;
  const words = nameToks.map((t) => t.text);
  const nickname =
    nicknames.size === 0
      ? undefined
      : [...nicknames.entries()].find(([at]) => at > first.start && at < last.end)?.[1];
  const looksLikeName = judgeName(words, lower.slice(cut), atStart && cut === 0, cut > 0);
  return {
    start: first.start,
    end: last.end,
    name: words.join(' '),
    words,
    title: toks
      .slice(0, cut)
      .map((t) => t.text)
      .join(' '),
    titleStart: titleTok.start,
    possessive: last.possessive,
    nickname,
    sentence,
    inQuote: false,
    looksLikeName,
  };
}

/** Text after a run that continues a list of names (", 24, and Carl …", " and Carl …"). */
const NAME_LIST_AFTER = /^(?:,| and| &) \p{Lu}\p{Ll}+ \p{Lu}/u;

/** A two-word run whose first word may be a first name (no title, role or plural noun) and that a list of names continues. */
function opensNameList(toks: Tok[], low: string, text: string): boolean {
  const last = toks[toks.length - 1];
  if (!last || last.possessive || TITLE_WORDS.has(low) || NON_PERSON_WORDS.has(low)) return false;
  if (/s$/.test(low) || lexTag(low) === 'Plural') return false;
  return NAME_LIST_AFTER.test(text.slice(last.end, last.end + 40).replace(/^, \d{1,3}(?=,| and)/, ''));
}

const INSTITUTIONS = new Set(['old bailey', 'scotland yard', 'holloway prison', 'belmarsh prison']);

/** Lower case without one trailing period ("Jr." → "jr"). */
function lowerNoDot(w: string): string {
  const l = w.toLowerCase();
  return l.endsWith('.') ? l.slice(0, -1) : l;
}

/** Place or institution words that are also common surnames. */
const SURNAME_PLACE_WORDS = new Set(wordList('park law post may lake street bay house hall king'));

/** Could these words be a person's name (ignoring context)? `lower` is lowerNoDot of each word. */
function judgeName(words: string[], lower: string[], sentenceInitial: boolean, titled: boolean): boolean {
  // "Governor Ellen Park", "Officer Park": a common surname that is also a place word, after a title
  // (or alone, when it can only join a person already found).
  const surnameOk = (w: string, k: number) =>
    SURNAME_PLACE_WORDS.has(w) && k === lower.length - 1 && (titled || lower.length === 1);
  if (lower.some((w, k) => NON_PERSON_WORDS.has(w) && !(k === 0 && isFirstName(w)) && !surnameOk(w, k)))
    return false;
  if (words.some((w) => /\d/.test(w) || /-\p{Ll}/u.test(w))) return false;
  // A single capitalised word only ever joins a person already found, so keep it even at a sentence start.
  if (words.length === 1) return !(sentenceInitial && FUNCTION_TAGS.has(lexTag(lower[0] ?? '') ?? ''));
  return true;
}

/** Characters from the start of the run's title to the start of its name ("Sgt. " is 5). */
export function titleLength(run: NameRun): number {
  return run.start - run.titleStart;
}
