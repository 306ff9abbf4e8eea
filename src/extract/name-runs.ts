import { isCommonWord, isFirstName, lexTag, NON_PERSON_WORDS, SUFFIXES } from './names.ts';
import { TITLE_WORDS } from './roles.ts';
import { quotedSpans } from './segment.ts';
import type { ArticleDoc, Sentence } from './types.ts';

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

/** Only capitalised words and name particles matter; skipping the rest keeps the scan fast. */
const WORD = /\p{Lu}[\p{L}\p{M}'’.-]*|(?<= )(?:de|da|del|della|di|van|von|der|la|le|du|bin|al|dos)(?= )/gu;
const NICKNAME = /(?<=\p{L} )([“"‘'])(\p{Lu}[\p{L}\p{M} .]{0,20}?)([”"’'])(?= \p{Lu})/gu;
const PARTICLES = new Set(
  words(`
  de da del della di van von der la le du bin al dos
`),
);
const FUNCTION_TAGS = new Set(
  words(`
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

function tokenise(text: string, base: number): Tok[] {
  const toks: Tok[] = [];
  for (const m of text.matchAll(WORD)) {
    let t = m[0];
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
    const at = base + (m.index ?? 0);
    toks.push({ text: t, start: at, end: at + t.length, possessive });
  }
  return toks;
}

const INITIAL = /^(?:\p{Lu}\.)+$/u;

const isCap = (w: string) =>
  /^\p{Lu}/u.test(w) && !(w.length > 1 && w === w.toUpperCase() && !w.includes('.'));

/** All capitalised runs of the article, sentence by sentence. */
export function findNameRuns(doc: ArticleDoc): NameRun[] {
  const runs: NameRun[] = [];
  for (const paragraph of doc.paragraphs) {
    const quotes = quotedSpans(paragraph.text).map(([s, e]) => [s + paragraph.offset, e + paragraph.offset]);
    for (const sentence of paragraph.sentences) {
      const nicknames = new Map<number, string>();
      // Blank out nicknames between two name words so that Sean “Diddy” Combs is one run.
      const masked = !/[“"‘']/.test(sentence.text)
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
        if (!cap(toks[i]!.text)) {
          i++;
          continue;
        }
        let j = i;
        while (j + 1 < toks.length && !toks[j]!.possessive) {
          const gap = masked.slice(toks[j]!.end - sentence.offset, toks[j + 1]!.start - sentence.offset);
          const next = toks[j + 1]!.text;
          if (!/^ +$/.test(gap) && !(gap === ', ' && SUFFIXES.has(next.toLowerCase().replace('.', ''))))
            break;
          if (cap(next)) j++;
          else if (PARTICLES.has(next) && j + 2 < toks.length && cap(toks[j + 2]!.text)) j++;
          else break;
        }
        const run = makeRun(toks.slice(i, j + 1), sentence, doc.text, nicknames);
        if (run) {
          run.inQuote = quotes.some(([s, e]) => run.start > s! && run.start < e!);
          runs.push(run);
        }
        i = j + 1;
      }
    }
  }
  return runs;
}

function isHeadline(toks: Tok[], text: string): boolean {
  const capitalised = toks.filter((t) => t.text.length >= 4 && isCap(t.text)).length;
  if (capitalised < 4) return false;
  const words = text.split(/\s+/).filter((w) => w.replace(/[^\p{L}]/gu, '').length >= 4).length;
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
  const lower = toks.map((t) => t.text.toLowerCase().replace(/\.$/, ''));
  // The rightmost title word that still leaves a name after it ("District Judge John Judge").
  let cut = 0;
  for (let k = toks.length - 2; k >= 0; k--) {
    if (TITLE_WORDS.has(lower[k]!)) {
      cut = k + 1;
      break;
    }
  }
  const atStart =
    toks[0]!.start === sentence.offset || /[“"‘(—–:]\s*$/.test(text.slice(sentence.offset, toks[0]!.start));
  // Drop leading ordinary words: any at the start of a sentence, function words anywhere.
  while (cut < toks.length - 1 && !isFirstName(toks[cut]!.text)) {
    const tag = lexTag(lower[cut]!);
    const common = isCommonWord(toks[cut]!.text);
    // A run that starts with a place or organisation word ("Santa Fe", "Los Angeles") is no name.
    if (NON_PERSON_WORDS.has(lower[cut]!) && !TITLE_WORDS.has(lower[cut]!)) return null;
    // "Rancher Walter Pemberton …" at a sentence start: the word before a first name is a title.
    const beforeFirstName = cut === 0 && atStart && isFirstName(toks[cut + 1]!.text);
    if ((cut === 0 && atStart && common) || beforeFirstName || (tag && FUNCTION_TAGS.has(tag))) cut++;
    else break;
  }
  // "Det Ch Insp Helen Price": short title abbreviations before a first name belong to the title.
  for (let k = cut + 1; k < toks.length - 1 && k <= cut + 3; k++) {
    if (!isFirstName(toks[k]!.text)) continue;
    const between = lower.slice(cut, k);
    if (between.every((w) => TITLE_WORDS.has(w) || (w.length <= 4 && !isFirstName(w)))) cut = k;
    break;
  }
  const nameToks = toks.slice(cut);
  // "Harmon County Prosecutor’s Office": a lone title word left after the cut names no one.
  if (nameToks.length === 1 && (cut > 0 || nameToks[0]!.possessive) && TITLE_WORDS.has(lower[cut]!))
    return null;
  const first = nameToks[0];
  const last = nameToks[nameToks.length - 1];
  if (!first || !last) return null;
  const words = nameToks.map((t) => t.text);
  const nickname = [...nicknames.entries()].find(([at]) => at > first.start && at < last.end)?.[1];
  const looksLikeName = judgeName(words, atStart && cut === 0, cut > 0);
  return {
    start: first.start,
    end: last.end,
    name: words.join(' ').replace(/ ((?:Jr|Sr)\.?)$/, ' $1'),
    words,
    title: toks
      .slice(0, cut)
      .map((t) => t.text)
      .join(' '),
    titleStart: toks[0]!.start,
    possessive: last.possessive,
    nickname,
    sentence,
    inQuote: false,
    looksLikeName,
  };
}

/** Place or institution words that are also common surnames. */
const SURNAME_PLACE_WORDS = new Set(words('park law post may lake street bay house hall king'));

/** Could these words be a person's name (ignoring context)? */
function judgeName(words: string[], sentenceInitial: boolean, titled: boolean): boolean {
  const lower = words.map((w) => w.toLowerCase().replace(/\.$/, ''));
  // "Governor Ellen Park", "Officer Park": a common surname that is also a place word, after a title
  // (or alone, when it can only join a person already found).
  const surnameOk = (w: string, k: number) =>
    SURNAME_PLACE_WORDS.has(w) && k === lower.length - 1 && (titled || lower.length === 1);
  if (lower.some((w, k) => NON_PERSON_WORDS.has(w) && !(k === 0 && isFirstName(w)) && !surnameOk(w, k)))
    return false;
  if (words.some((w) => /\d/.test(w) || /-\p{Ll}/u.test(w))) return false;
  // A single capitalised word only ever joins a person already found, so keep it even at a sentence start.
  if (words.length === 1) return !(sentenceInitial && FUNCTION_TAGS.has(lexTag(lower[0]!) ?? ''));
  return true;
}

/** Characters from the start of the run's title to the start of its name ("Sgt. " is 5). */
export function titleLength(run: NameRun): number {
  return run.start - run.titleStart;
}

/** A word list written as whitespace-separated text (keeps long lexicons readable). */
function words(text: string): string[] {
  return text.split(/\s+/).filter(Boolean);
}
