import { nameTokens, normaliseName, similarSurname } from '../lexicon/names.ts';
import { HONORIFIC_GENDER } from '../lexicon/roles.ts';
import type { PersonEntry, PersonMention, PersonRegistry } from '../types.ts';
import { type Draft, matchesDraft, singleWordKeys } from './merge.ts';

/** The person a name (one or more words) refers to among the drafts: full name, surname, first name, nickname, misspelling. */
export function resolveWords(words: string[], drafts: Draft[]): Draft | undefined {
  const tokens = nameTokens(words.join(' '));
  if (tokens.length === 0) return undefined;
  if (tokens.length >= 2) {
    const joined = tokens.join(' ');
    // A nickname of two words ("Deamonte “Yak Gotti” Kendrick", later "Yak Gotti").
    return (
      drafts.find((d) => matchesDraft(tokens, d)) ??
      drafts.find((d) => d.nickname && nameTokens(d.nickname).join(' ') === joined)
    );
  }
  const t = tokens[0] ?? ''; // tokens is not empty
  const byFirst = drafts.filter((d) => singleWordKeys(d).first === t);
  const bySurname = drafts.find((d) => singleWordKeys(d).surnames.includes(t));
  if (bySurname) return bySurname;
  if (byFirst.length === 1) return byFirst[0];
  const byNick = drafts.find(
    (d) => d.nickname && (normaliseName(d.nickname) === t || nameTokens(d.nickname).at(-1) === t),
  );
  if (byNick) return byNick;
  // A misspelt surname ("Bladwin").
  return drafts.find((d) => singleWordKeys(d).surnames.some((s) => similarSurname(s, t)));
}

/** The registry API over the finished people and their sorted mentions. */
export function makeRegistry(
  people: PersonEntry[],
  mentions: PersonMention[],
  drafts: Draft[],
  entries: Map<Draft, PersonEntry>,
): PersonRegistry {
  // Mentions are sorted by start: binary search keeps lookups cheap on long articles.
  const lowerBound = (offset: number) => {
    let lo = 0;
    let hi = mentions.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const m = mentions[mid];
      if (m && m.start < offset)
        lo = mid + 1; // mid lies within the list
      else hi = mid;
    }
    return lo;
  };
  const slice = (start: number, end: number) => mentions.slice(lowerBound(start), lowerBound(end));
  // The registry is final: a surface form asked again (every quote's speaker) resolves as before.
  const resolvedSurfaces = new Map<string, PersonEntry | undefined>();
  const resolveSurface = (surface: string) => {
    const words = surface
      .replace(/[’']s?$/, '')
      .split(/\s+/)
      .filter((w) => w && !HONORIFIC_GENDER[w.toLowerCase().replace('.', '')]);
    const d = resolveWords(words, drafts);
    return d ? entries.get(d) : undefined;
  };
  return {
    people,
    mentions,
    resolve(surface) {
      if (resolvedSurfaces.has(surface)) return resolvedSurfaces.get(surface);
      const found = resolveSurface(surface);
      resolvedSurfaces.set(surface, found);
      return found;
    },
    mentionedIn(start, end) {
      const out: PersonEntry[] = [];
      for (const m of slice(start, end)) if (!out.includes(m.person)) out.push(m.person);
      return out;
    },
    mentionsIn(start, end) {
      return slice(start, end);
    },
    antecedent(offset, gender) {
      for (let k = lowerBound(offset) - 1; k >= 0; k--) {
        const m = mentions[k];
        if (!m || m.start >= offset || m.inQuote) continue;
        if (!gender || m.person.gender === gender) return m.person;
      }
      return undefined;
    },
    defendants() {
      return people.filter((p) => p.role === 'defendant');
    },
  };
}
