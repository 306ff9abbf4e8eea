import { foldAccents, wordsAnyScript } from '../text.ts';
import type { CaseDefinition } from './definition.ts';

/**
 * Which tracked cases an article is about. Terms come from the case's name, aliases and
 * defendants and match whole words, ignoring case and accents. One term is never enough unless it
 * identifies a defendant: a defendant's full name, or a long distinctive surname ("Kohberger",
 * "Gutierrez-Reed"), scores 2; any other term scores 1; an article needs 2. So a case called
 * "Rust" matches "Baldwin ... Rust" but not "the Rust Belt" nor "the Rust programming language",
 * and the same person named twice ("Alec Baldwin", "Baldwin") counts once. Single-word terms must
 * be capitalised in the article (a proper noun), so "rust" the word or "combs" the noun never count.
 */

const THRESHOLD = 2;
/** A surname alone identifies a defendant when it is at least this long (or hyphenated). */
const DISTINCTIVE_SURNAME = 8;

interface Term {
  /** Terms with the same key denote the same person or thing; each key counts once. */
  key: string;
  weight: number;
  pattern: RegExp;
}

/** Word tokens in any script (`words` is Latin-only): keys of non-Latin names stay apart. */
const words = wordsAnyScript;

/** Every term is literal text: `.`, `*`, `+` in an alias are characters, never regex syntax. */
function escapeRegex(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A middle name or initial a report may add to a tracked name ("Ryan Wesley Routh", "Rex A. Heuermann"). */
const MIDDLE = String.raw`(?:\s+\p{Lu}(?:\.|[\p{Ll}'’-]{1,20}))`;

/**
 * Whole-word pattern; hyphens and spaces interchangeable; single words must be capitalised. A
 * person's full name (`middle`) also matches with up to two capitalised middle names or initials.
 */
function termPattern(term: string, middle = false): RegExp | undefined {
  const parts = foldAccents(term)
    .trim()
    .split(/[\s\u2010-\u2015-]+/)
    .filter(Boolean);
  if (parts.length === 0) return undefined;
  const body = parts.map(escapeRegex).join('[\\s\\u2010-\\u2015-]+');
  if (parts.length === 1) {
    const word = parts[0] as string;
    const first = word[0] as string;
    const capital = `[${escapeRegex(first.toUpperCase())}]`;
    const rest = [...word.slice(1)].map(anyCase).join('');
    return new RegExp(`(?<![\\p{L}\\p{N}])${capital}${rest}(?![\\p{L}\\p{N}])`, 'u');
  }
  if (middle && parts.length === 2) {
    // Case-blind on the name's own words only: a middle word must be capitalised ("Ryan said Routh" is no name).
    const [first, last] = parts.map((w) => [...w].map(anyCase).join('')) as [string, string];
    return new RegExp(
      `(?<![\\p{L}\\p{N}])${first}${MIDDLE}{0,2}[\\s\\u2010-\\u2015-]+${last}(?![\\p{L}\\p{N}])`,
      'u',
    );
  }
  return new RegExp(`(?<![\\p{L}\\p{N}])${body}(?![\\p{L}\\p{N}])`, 'iu');
}

/** One character matching either case (Node 20 has no inline `(?i:)` groups). */
function anyCase(ch: string): string {
  const lower = ch.toLowerCase();
  const upper = ch.toUpperCase();
  return lower === upper ? escapeRegex(ch) : `[${escapeRegex(lower)}${escapeRegex(upper)}]`;
}

function termsOf(def: CaseDefinition): Term[] {
  const terms: Term[] = [];
  const add = (key: string, weight: number, text: string, middle = false) => {
    const pattern = termPattern(text, middle);
    if (pattern) terms.push({ key, weight, pattern });
  };
  const personKeys: Array<{ key: string; tokens: string[] }> = [];
  for (const d of def.defendants) {
    const key = `defendant:${words(d).join(' ')}`;
    const tokens = words(d);
    personKeys.push({ key, tokens });
    add(key, 2, d, true);
    const surname = d.trim().split(/\s+/).at(-1) ?? '';
    if (surname && surname !== d.trim()) {
      const distinctive = surname.includes('-') || surname.length >= DISTINCTIVE_SURNAME;
      add(key, distinctive ? 2 : 1, surname);
    }
  }
  // The case name is one more alias ("Rust" named and aliased is still one term).
  const names = def.name.length <= 80 ? [...def.aliases, def.name] : def.aliases;
  for (const alias of names) {
    const tokens = words(alias);
    // An alias that is part of a defendant's name, or of another alias, is the same term.
    const owner = personKeys.find((p) => tokens.every((t) => p.tokens.includes(t)));
    const group = names
      .map((a) => words(a))
      .filter((t) => tokens.every((x) => t.includes(x)))
      .sort((a, b) => b.length - a.length)[0];
    add(owner?.key ?? `alias:${(group ?? tokens).join(' ')}`, owner ? weightFor(alias, def) : 1, alias);
  }
  return terms;
}

/** An alias that is a defendant's full name weighs like it. */
function weightFor(alias: string, def: CaseDefinition): number {
  const tokens = words(alias).join(' ');
  return def.defendants.some((d) => words(d).join(' ') === tokens) ? 2 : 1;
}

const termCache = new WeakMap<CaseDefinition, Term[]>();

/** How strongly an article is about a case (0 = not at all). */
export function caseScore(article: { title: string; text: string }, def: CaseDefinition): number {
  let terms = termCache.get(def);
  if (!terms) {
    terms = termsOf(def);
    termCache.set(def, terms);
  }
  const text = foldAccents(`${article.title}\n${article.text}`);
  const best = new Map<string, number>();
  for (const t of terms) {
    if ((best.get(t.key) ?? 0) >= t.weight) continue;
    if (t.pattern.test(text)) best.set(t.key, t.weight);
  }
  let score = 0;
  for (const w of best.values()) score += w;
  return score;
}

/** The slugs of the cases an article is about, best match first. */
export function matchCases(article: { title: string; text: string }, cases: CaseDefinition[]): string[] {
  return cases
    .map((c) => ({ slug: c.slug, score: caseScore(article, c) }))
    .filter((c) => c.score >= THRESHOLD)
    .sort((a, b) => b.score - a.score)
    .map((c) => c.slug);
}
