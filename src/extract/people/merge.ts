import {
  nameTokens,
  normaliseName,
  sameFirstName,
  similarSurname,
  swappedLetters,
} from '../lexicon/names.ts';
import type { NameRun } from './nameRuns.ts';

/** A person being assembled from name runs: every written variant and its count. */
export interface Draft {
  id: number;
  variants: Map<string, { count: number; first: number; words: number }>;
  /** Comparable tokens of the fullest variant so far. */
  tokens: string[];
  nickname?: string | undefined;
}

/** Whether a name (comparable tokens) can be a mention of a draft person. */
export function matchesDraft(tokens: string[], draft: Draft): boolean {
  const d = draft.tokens;
  if (tokens.length === 0 || d.length === 0) return false;
  const joinedT = tokens.join('');
  const joinedD = d.join('');
  if (joinedT === joinedD) return true;
  // Two numbered pseudonyms ("Jane Doe 1", "Jane Doe 3") are two people.
  const numT = tokens.find((t) => /^\d$/.test(t));
  const numD = d.find((t) => /^\d$/.test(t));
  if (numT && numD && numT !== numD) return false;
  // Contiguous part of the fuller name that includes the surname end ("Gutierrez Reed", "Reed").
  if (tokens.length < d.length && isSuffix(tokens, d)) return true;
  if (d.length < tokens.length && isSuffix(d, tokens)) return true;
  // First name plus the first part of a double surname ("Hannah Gutierrez" ~ "Hannah Gutierrez-Reed").
  if (tokens.length >= 2 && d.length > tokens.length && tokens.every((t, k) => t === d[k])) return true;
  if (d.length >= 2 && tokens.length > d.length && d.every((t, k) => t === tokens[k])) return true;
  // Same first name, surname equal up to a misspelling or a nickname ("Dave Halls", "Alec Bladwin").
  if (tokens.length >= 2 && d.length >= 2) {
    const surT = tokens.slice(1).join(' ');
    const surD = d.slice(1).join(' ');
    const firstT = tokens[0] ?? ''; // both have two tokens at least
    const firstD = d[0] ?? '';
    if (sameFirstName(firstT, firstD) && similarSurname(surT, surD)) return true;
    // The same surname with a mistyped first name ("Hananh Gutierrez-Reed").
    if (surT === surD && swappedLetters(firstT, firstD)) return true;
  }
  return false;
}

function isSuffix(short: string[], long: string[]): boolean {
  const off = long.length - short.length;
  return short.every((t, k) => t === long[off + k]);
}

/** Adds a person-like run to the drafts, merging it with a matching draft when there is one. */
export function addToDrafts(drafts: Draft[], run: NameRun): Draft {
  const tokens = nameTokens(run.name);
  const found = drafts.find((d) => matchesDraft(tokens, d));
  const draft: Draft = found ?? { id: drafts.length, variants: new Map(), tokens };
  if (!found) drafts.push(draft);
  const v = draft.variants.get(run.name) ?? { count: 0, first: run.start, words: run.words.length };
  v.count++;
  draft.variants.set(run.name, v);
  if (tokens.length > draft.tokens.length) draft.tokens = tokens;
  if (run.nickname) draft.nickname = run.nickname;
  return draft;
}

/**
 * The fullest written form; among equally full forms, the surname spelled most often (an obvious
 * misspelling gives way to the spelling used elsewhere), then the earliest.
 */
export function fullestName(draft: Draft): string {
  const entries = [...draft.variants.entries()];
  const surnameCount = new Map<string, number>();
  for (const [name, v] of entries) {
    const last = nameTokens(name).at(-1) ?? '';
    surnameCount.set(last, (surnameCount.get(last) ?? 0) + v.count);
  }
  const score = (name: string) => surnameCount.get(nameTokens(name).at(-1) ?? '') ?? 0;
  entries.sort(
    ([na, a], [nb, b]) =>
      nameTokens(nb).length - nameTokens(na).length ||
      b.words - a.words ||
      score(nb) - score(na) ||
      a.first - b.first,
  );
  return entries[0]?.[0] ?? '';
}

/**
 * A full name with its surname as the article spells it most often (`surnames`: each written
 * last word and how often): "Alec Bladwin" once and "Baldwin" twice is Alec Baldwin.
 */
export function respelledSurname(chosen: string, surnames: Map<string, number>): string {
  const words = chosen.split(/\s+/);
  const own = words.at(-1) ?? '';
  const last = nameTokens(own).join('');
  let best: { word: string; count: number } | undefined;
  for (const [word, count] of surnames) {
    const token = nameTokens(word).join('');
    if (token !== last && similarSurname(token, last) && count > (best?.count ?? surnames.get(own) ?? 1))
      best = { word, count };
  }
  return best && words.length >= 2 ? [...words.slice(0, -1), best.word].join(' ') : chosen;
}

/** Keys under which a single word may refer to a draft: surname parts, first name, nickname. */
export function singleWordKeys(draft: Draft): WordKeys {
  const cached = keyCache.get(draft);
  if (cached && cached.tokens === draft.tokens) return cached.keys;
  const t = draft.tokens;
  const surnames = t.length >= 2 ? t.slice(1) : t;
  const keys = { surnames: [...surnames, surnames.join('')], first: t.length >= 2 ? t[0] : undefined };
  keyCache.set(draft, { tokens: t, keys });
  return keys;
}

interface WordKeys {
  surnames: string[];
  first: string | undefined;
}

/** Keys per draft, recomputed only when the draft's fullest name changes. */
const keyCache = new WeakMap<Draft, { tokens: string[]; keys: WordKeys }>();

export { normaliseName };
