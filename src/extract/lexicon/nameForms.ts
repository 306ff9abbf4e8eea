import { foldAccents } from '../../text.ts';

/**
 * Name forms without the English lexicon: normalisation of names for comparison, edit distance for
 * misspellings, first-name short forms. Kept apart from names.ts (which loads compromise's lexicon,
 * ~9 MB of heap) so that the case knowledge (src/cases) can compare names without loading it.
 */

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
  // Every cell read lies inside the (m + 1) × (n + 1) table: the fallback is never taken.
  const cell = (i: number, j: number): number => d[i]?.[j] ?? 0;
  for (let i = 1; i <= m; i++) {
    const row = d[i];
    if (!row) continue;
    for (let j = 1; j <= n; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(cell(i - 1, j) + 1, cell(i, j - 1) + 1, cell(i - 1, j - 1) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        v = Math.min(v, cell(i - 2, j - 2) + 1);
      row[j] = v;
    }
  }
  return cell(m, n);
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
  const [first, second] = diff;
  return (
    diff.length === 2 &&
    first !== undefined &&
    second === first + 1 &&
    a[first] === b[second] &&
    a[second] === b[first]
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
