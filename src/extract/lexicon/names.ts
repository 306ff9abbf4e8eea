import nlp from 'compromise';
import { foldAccents, wordList } from '../../text.ts';

/**
 * Name-level helpers: the general English lexicon (compromise's, looked up word by word — no parse),
 * normalisation of names for comparison, and edit distance for misspellings.
 */

const lexicon = new Map(
  Object.entries((nlp.world() as { model: { one: { lexicon: Record<string, string> } } }).model.one.lexicon),
);

/** The lexicon tag of a word, looked up in lower case ("alec" → "MaleName", "court" → "Singular"). */
export function lexTag(word: string): string | undefined {
  // Most words arrive capitalised: remembering each spelling's tag saves a toLowerCase per lookup.
  if (tagCache.has(word)) return tagCache.get(word);
  const tag = lexicon.get(word.toLowerCase());
  if (tagCache.size > 50000) tagCache.clear();
  tagCache.set(word, tag);
  return tag;
}

const tagCache = new Map<string, string | undefined>();

const NAME_TAGS = new Set(['MaleName', 'FemaleName', 'FirstName', 'Person', 'LastName', 'Honorific']);

export function isFirstName(word: string): boolean {
  const tag = lexTag(word);
  return tag === 'MaleName' || tag === 'FemaleName' || tag === 'FirstName';
}

export function firstNameGender(word: string): 'male' | 'female' | undefined {
  const tag = lexTag(word);
  if (tag === 'MaleName') return 'male';
  if (tag === 'FemaleName') return 'female';
  return undefined;
}

/** A capitalised word that is also an ordinary English word ("Court", "Prosecutors", "The"). */
export function isCommonWord(word: string): boolean {
  const tag = lexTag(word);
  if (tag && !NAME_TAGS.has(tag)) return true;
  return COMMON_CAPITALISED.has(word.toLowerCase());
}

/** Words the lexicon lacks that start sentences or headlines and are never names. */
const COMMON_CAPITALISED = new Set(
  wordList(`
  prosecutors authorities officials investigators jurors lawyers attorneys according following
  despite instead however meanwhile earlier later once although though until upon wearing
  appearing initially specifically originally legal former accused live latest updates breaking
  published posted updated exclusive watch read more photo video court jury trial judge police
  sheriff state federal county district office
`),
);

/** Words that make a capitalised run an organisation, place, law or event rather than a person. */
export const NON_PERSON_WORDS = new Set(
  wordList(`
  office department county court courthouse university college school police state states center
  centre hotel township street avenue road act law news times post press unit jail prison bureau
  prisons investigations security entertainment park ranch city island agency service services
  association company corporation inc llc group network studios productions pictures records
  church hospital committee council commission congress senate house administration government
  republic kingdom united america american national international federal supreme appeals circuit
  division weekly magazine daily journal tribune herald gazette reporter deadline instagram
  twitter facebook tiktok youtube monday tuesday wednesday thursday friday saturday sunday january
  february march april may june july august september october november december creek river lake
  mountain valley beach bay airport detention correctional facility institute foundation fund
  party project program western eastern northern southern new santa san los las fort mount saint
  library museum guild union club team league festival awards award prize show film movie series
  season episode book album song tour amendment code rule rules constitution judicial covid fbi
  cia doj nypd lapd cnn abc nbc cbs fox bbc ap psp dna us u.s usa mdc rico pa ph.d phd
`),
);

/** Lower case, no diacritics, hyphens and dots as spaces, apostrophes and commas dropped. */
export function normaliseName(name: string): string {
  return foldAccents(name)
    .toLowerCase()
    .replace(/[’'`]/g, '')
    .replace(/[-‐–—.,]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The comparable tokens of a name: normalised, without initials and suffixes. */
export function nameTokens(name: string): string[] {
  let tokens = tokenCache.get(name);
  if (!tokens) {
    tokens = normaliseName(name)
      .split(' ')
      // A one-letter initial is no token; a pseudonym's number is ("Jane Doe 1" is not "Jane Doe 3").
      .filter((t) => (t.length > 1 || /^\d$/.test(t)) && !SUFFIXES.has(t));
    if (tokenCache.size > 20000) tokenCache.clear();
    tokenCache.set(name, tokens);
  }
  return tokens;
}

/** Names repeat within and across articles; normalising them is the registry's hottest path. */
const tokenCache = new Map<string, string[]>();

/**
 * Generational suffixes ("Jr.", "III"): part of a written name, not of its comparable tokens. "Esq."
 * is not one (a name run stops before it; the case knowledge drops it as a title).
 */
export const SUFFIXES = new Set(['jr', 'sr', 'ii', 'iii', 'iv']);

/** Optimal string alignment distance (Damerau–Levenshtein with adjacent transpositions). */
export function editDistance(a: string, b: string): number {
  const m = a.length;
  const n = b.length;
  if (Math.abs(m - n) > 2) return 3;
  const d: number[][] = Array.from({ length: m + 1 }, (_, i) =>
    Array.from({ length: n + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i <= m; i++) {
    for (let j = 1; j <= n; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        v = Math.min(v, d[i - 2]![j - 2]! + 1);
      d[i]![j] = v;
    }
  }
  return d[m]![n]!;
}

/** Same surname up to a likely misspelling: distance 1 for short names, 2 for long ones. */
export function similarSurname(a: string, b: string): boolean {
  if (a === b) return true;
  if (swappedLetters(a, b)) return true;
  if ((a.includes(' ') || b.includes(' ')) && a.replace(/ /g, '') === b.replace(/ /g, '')) return true;
  const len = Math.min(a.length, b.length);
  if (len < 5) return false;
  if (a[0] !== b[0]) return false;
  return editDistance(a, b) <= (len >= 7 ? 2 : 1);
}

/** One pair of neighbouring letters typed the wrong way round ("Hananh" for "Hannah"). */
export function swappedLetters(a: string, b: string): boolean {
  if (a.length !== b.length || a.length < 4 || a === b) return false;
  const diff: number[] = [];
  for (let k = 0; k < a.length; k++) if (a[k] !== b[k]) diff.push(k);
  return (
    diff.length === 2 &&
    diff[1] === diff[0]! + 1 &&
    a[diff[0]!] === b[diff[1]!] &&
    a[diff[1]!] === b[diff[0]!]
  );
}

/**
 * Common short forms of first names, both ways ("Dave" ~ "David"): the one table, read by the
 * extractor's person registry and by the case knowledge (src/cases/names.ts).
 */
const NICKNAMES: Record<string, string> = {
  dave: 'david',
  bill: 'william',
  will: 'william',
  billy: 'william',
  bob: 'robert',
  rob: 'robert',
  bobby: 'robert',
  jim: 'james',
  jimmy: 'james',
  mike: 'michael',
  steve: 'steven',
  stephen: 'steven',
  tom: 'thomas',
  tony: 'anthony',
  joe: 'joseph',
  dan: 'daniel',
  danny: 'daniel',
  chris: 'christopher',
  matt: 'matthew',
  nick: 'nicholas',
  alex: 'alexander',
  alec: 'alexander',
  sam: 'samuel',
  ben: 'benjamin',
  ed: 'edward',
  ted: 'edward',
  kate: 'katherine',
  katie: 'katherine',
  kathy: 'katherine',
  liz: 'elizabeth',
  beth: 'elizabeth',
  jen: 'jennifer',
  jenny: 'jennifer',
  sue: 'susan',
  pat: 'patrick',
  rick: 'richard',
  dick: 'richard',
  greg: 'gregory',
  jeff: 'jeffrey',
  jon: 'jonathan',
  andy: 'andrew',
  drew: 'andrew',
  larry: 'lawrence',
  ron: 'ronald',
  don: 'donald',
  doug: 'douglas',
  gene: 'eugene',
  hank: 'henry',
  jack: 'john',
  johnny: 'john',
  peggy: 'margaret',
  maggie: 'margaret',
  meg: 'margaret',
  ken: 'kenneth',
  tim: 'timothy',
  vicky: 'victoria',
};

/** The full form of a lower-case first name ("dave" → "david"; "david" stays). */
export function canonicalFirstName(word: string): string {
  return NICKNAMES[word] ?? word;
}

/** The same first name, or a short form of it (lower-case words). */
export function sameFirstName(a: string, b: string): boolean {
  return a === b || canonicalFirstName(a) === canonicalFirstName(b);
}
