import { fold } from '../text.ts';
import type { CaseDefinition } from './definition.ts';
import type { KnowledgeStore } from './knowledgeStore.ts';
import { closestPeople, personIdIn } from './peopleView.ts';
import type { CasePerson, QuoteRecord, Source } from './types.ts';

/**
 * One statement said once, whatever outlets did to it: a second outlet quoting it again, one that
 * trims it, cuts it with an ellipsis, or splits it around "she said" is the same statement, shown
 * once in its longest wording with every outlet that carried it. Two different statements of one
 * speaker stay two, even when they share a phrase.
 */

export interface QuoteView extends QuoteRecord {
  /** Every report of the statement, earliest first (the quote's own url and outlet among them). */
  sources: Source[];
}

/** A fragment shorter than this is too common a phrase to be taken for part of a statement. */
const MIN_WORDS = 4;
/** Outlets that change a word or two of a long statement: shared words over all words. */
const SAME_WORDS = 0.8;

const NEGATIONS = new Set(['not', 'never', 'no', 'nothing', 'nobody', 'none', 'nor', 't', 'cannot']);

function plain(text: string): string {
  return fold(text)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** A quotation's text made comparable once: plain words, their set, its ellipsis-cut pieces. */
interface Prepared {
  padded: string;
  words: Set<string>;
  pieces: string[];
  count: number;
}

function prepare(text: string): Prepared {
  const p = plain(text);
  const pieces = text
    .split(/\.{3}|…/)
    .map(plain)
    .filter(Boolean);
  return {
    padded: ` ${p} `,
    words: new Set(p.split(' ').filter(Boolean)),
    pieces,
    count: pieces.join(' ').split(' ').length,
  };
}

/** `part` appears in `whole`: as one run, or as ellipsis-cut pieces in order. */
function within(part: Prepared, whole: Prepared): boolean {
  if (part.count < MIN_WORDS) return false;
  let from = 0;
  for (const piece of part.pieces) {
    const at = whole.padded.indexOf(` ${piece} `, from);
    if (at < 0) return false;
    from = at + piece.length + 1;
  }
  return true;
}

function same(a: Prepared, b: Prepared): boolean {
  const [short, long] = a.padded.length <= b.padded.length ? [a, b] : [b, a];
  if (within(short, long)) return true;
  const A = a.words;
  const B = b.words;
  const least = Math.min(A.size, B.size);
  // Shared words are at most the smaller set's, all words at least the larger's: most pairs of a
  // speaker's statements are told apart by their sizes alone (this runs for every pair).
  if (least < MIN_WORDS || least / Math.max(A.size, B.size) < SAME_WORDS) return false;
  let shared = 0;
  for (const x of A) if (B.has(x)) shared++;
  if (shared / (A.size + B.size - shared) < SAME_WORDS) return false;
  // "was done" and "was never done" are two statements, however many words they share.
  for (const x of A) if (NEGATIONS.has(x) && !B.has(x)) return false;
  for (const x of B) if (NEGATIONS.has(x) && !A.has(x)) return false;
  return true;
}

/** The same statement: one inside the other (trimmed, cut or split), or nearly the same words. */
export function sameStatement(a: string, b: string): boolean {
  return same(prepare(a), prepare(b));
}

/** One view per statement of one speaker's quotes, newest statement first. */
export function distinctQuotes(quotes: QuoteRecord[]): QuoteView[] {
  const items = quotes
    .map((q) => ({ q, p: prepare(q.text) }))
    .sort((a, b) => b.p.padded.length - a.p.padded.length);
  const groups: Array<typeof items> = [];
  // Word -> groups holding it: a statement is only compared with groups sharing its words.
  const byWord = new Map<string, Set<number>>();
  for (const item of items) {
    const candidates = new Set<number>();
    for (const w of item.p.words) for (const g of byWord.get(w) ?? []) candidates.add(g);
    const found = [...candidates]
      .sort((a, b) => a - b)
      .find((g) => {
        const group = groups[g] as typeof items;
        return (
          sameSpeaker((group[0] as (typeof items)[number]).q, item.q) && group.some((o) => same(o.p, item.p))
        );
      });
    const index = found ?? groups.push([]) - 1;
    (groups[index] as typeof items).push(item);
    for (const w of item.p.words) {
      const set = byWord.get(w) ?? new Set<number>();
      set.add(index);
      byWord.set(w, set);
    }
  }
  return groups
    .map((members) => {
      const g = members.map((m) => m.q);
      const byDate = [...g].sort((a, b) => a.published.localeCompare(b.published));
      const sources: Source[] = [];
      for (const q of byDate)
        if (!sources.some((s) => s.url === q.url))
          sources.push({ outlet: q.outlet, url: q.url, published: q.published });
      const first = byDate[0] as QuoteRecord;
      // The fullest wording, dated and sourced by the first outlet that carried the statement.
      return { ...(g[0] as QuoteRecord), published: first.published, sources };
    })
    .sort((a, b) => b.published.localeCompare(a.published));
}

function sameSpeaker(a: QuoteRecord, b: QuoteRecord): boolean {
  return a.person !== null ? a.person === b.person : b.person === null && a.speaker === b.speaker;
}

/** A person's quotes in the cases searched: what /quotes and `casewatch quotes` both read. */
export interface PersonQuotes {
  /** The name the first case that knows the person gives them; undefined: nobody by that name. */
  name: string | undefined;
  /** Per case that knows the person: its slug, the person's name there, their quote records. */
  byCase: Array<{ slug: string; name: string; quotes: QuoteRecord[] }>;
  /** Everyone the searched cases know (for "Known: …"). */
  people: CasePerson[];
  /** Up to three names nearest to the one asked for, from the cases that do not know it. */
  closest: string[];
}

/** Who `person` is in each of `cases` (any variant of the name) and what they said there. */
export async function quotesOf(
  knowledgeStore: KnowledgeStore,
  cases: CaseDefinition[],
  person: string,
): Promise<PersonQuotes> {
  const out: PersonQuotes = { name: undefined, byCase: [], people: [], closest: [] };
  for (const def of cases) {
    const knowledge = await knowledgeStore.get(def.slug);
    out.people.push(...knowledge.people);
    const id = personIdIn(knowledge, person);
    if (!id) {
      out.closest.push(...closestPeople(knowledge, person));
      continue;
    }
    const name = knowledge.people.find((p) => p.id === id)?.name ?? person;
    out.name ??= name;
    out.byCase.push({ slug: def.slug, name, quotes: await knowledgeStore.quotes(def.slug, id) });
  }
  out.closest = [...new Set(out.closest)].slice(0, 3);
  return out;
}

/** Statements across every case searched (/quotes): a report filed in two cases counts once. */
export function statementsAcrossCases(found: PersonQuotes): QuoteView[] {
  const quotes: QuoteRecord[] = [];
  for (const c of found.byCase)
    for (const q of c.quotes) if (!quotes.some((o) => o.url === q.url && o.text === q.text)) quotes.push(q);
  return distinctQuotes(quotes);
}

/** Statements case by case (`casewatch quotes`), each tagged with its case and the person's name there. */
export function statementsPerCase(found: PersonQuotes): Array<QuoteView & { case: string; name: string }> {
  return found.byCase.flatMap((c) =>
    distinctQuotes(c.quotes).map((q) => ({ ...q, case: c.slug, name: c.name })),
  );
}

/** The quotes whose text contains `words`, case-insensitively (all of them for no words). */
export function containing<Q extends { text: string }>(quotes: Q[], words: string | undefined): Q[] {
  const needle = (words ?? '').toLowerCase();
  return needle ? quotes.filter((q) => q.text.toLowerCase().includes(needle)) : quotes;
}
