import { canonicalFirstName, SUFFIXES, similarSurname } from '../extract/lexicon/nameForms.ts';
import { words } from '../text.ts';

/**
 * Person-name comparison across articles: "Hannah Gutierrez Reed", "Gutierrez-Reed" and
 * "Hannah Gutierrez" are one person; "Dave Halls" is "David Halls"; "Steve Goncalves" is not
 * "Kaylee Goncalves".
 */

const TITLES = new Set(
  'esq mr mrs ms miss dr judge justice sheriff officer detective det sgt sergeant lt attorney prosecutor gov governor sen senator rep president chief agent prof professor'.split(
    ' ',
  ),
);

/**
 * Name tokens without titles, suffixes and middle initials. Not the extractor's `nameTokens`
 * (lexicon/nameForms.ts drops every initial and joins "O'Neil"): the person ids stored with a case's
 * knowledge are made of these, so this rule stays as it is; suffixes and nicknames are shared.
 */
function keyTokens(name: string): string[] {
  const raw = words(name).filter((w) => !TITLES.has(w) && !SUFFIXES.has(w));
  if (raw.length <= 2) return raw;
  const first = raw[0] as string;
  return [first, ...raw.slice(1).filter((w) => w.length > 1)];
}

/** The generational suffix a name carries ("jr", "iii"), if any. */
function generation(name: string): string | undefined {
  return words(name).find((w) => SUFFIXES.has(w));
}

/** A stable key for a name ("hannah gutierrez reed"). */
export function nameKey(name: string): string {
  return keyTokens(name).join(' ');
}

function firstNamesAgree(a: string, b: string): boolean {
  if (a === b) return true;
  const na = canonicalFirstName(a);
  const nb = canonicalFirstName(b);
  // An outlet's misspelling of a long first name ("Tadarius" for "Tadarrius") is the same name;
  // relatives sharing a surname have first names far apart ("Steve", "Kaylee").
  return na === nb || misspelt(na, nb);
}

/** A likely misspelling of one name by another; names with digits ("Number0") are ids, never misspelt. */
function misspelt(a: string, b: string): boolean {
  return /^[a-z]+$/.test(a) && /^[a-z]+$/.test(b) && similarSurname(a, b);
}

/**
 * How strongly two surface names denote the same person: 3 same name, 2 one extends the other
 * (first names agree, surnames overlap), 1 a lone surname matching the other's surname part,
 * 0 different people.
 */
export function nameAgreement(a: string, b: string): number {
  const ta = keyTokens(a);
  const tb = keyTokens(b);
  if (ta.length === 0 || tb.length === 0) return 0;
  // "Robert Vance Jr." and "Robert Vance III": a father and a son, whatever else their names share.
  const ga = generation(a);
  const gb = generation(b);
  if (ga && gb && ga !== gb) return 0;
  if (ta.join(' ') === tb.join(' ')) return 3;
  if (ta.length === 1 || tb.length === 1) {
    const [single, full] = ta.length === 1 ? [ta, tb] : [tb, ta];
    if (full.length === 1) return 0;
    // A lone word matches a surname part ("Reed", "Gutierrez"), never a first name alone.
    return full.slice(1).includes(single[0] as string) ? 1 : 0;
  }
  // A surname written alone, possibly hyphenated ("Gutierrez-Reed" within "Hannah Gutierrez Reed").
  const [short, long] = ta.length <= tb.length ? [ta, tb] : [tb, ta];
  if (short.length < long.length && short.every((w) => long.slice(1).includes(w))) return 1;
  if (!firstNamesAgree(ta[0] as string, tb[0] as string)) return 0;
  return surnamesCompatible(ta.slice(1), tb.slice(1)) ? 2 : 0;
}

/**
 * Full surnames (with middle names) are compatible when one's parts all appear in the other:
 * "Gutierrez" fits "Gutierrez Reed", but "Northcott-Harcourt" and "Abernethy-Harcourt" share a
 * part and still conflict, as do "Number0 X" and "Number1 X".
 */
function surnamesCompatible(a: string[], b: string[]): boolean {
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  if (short.length === 1 && long.length === 1)
    return short[0] === long[0] || misspelt(short[0] as string, long[0] as string);
  return short.length > 0 && short.every((w) => long.includes(w));
}

/** The fuller of two forms of one name (more tokens, then longer). */
export function fuller(a: string, b: string): string {
  const ta = keyTokens(a).length;
  const tb = keyTokens(b).length;
  if (ta !== tb) return ta > tb ? a : b;
  return b.length > a.length ? b : a;
}
