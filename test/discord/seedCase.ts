import type { Emulator } from '../../emulator/index.ts';
import type { CaseDefinition } from '../../src/cases/definition.ts';
import { extractFacts } from '../../src/extract/index.ts';
import type { Article, Facts } from '../../src/facts.ts';
import { ingestArticle } from '../../src/ingest.ts';
import { createCaseStore } from '../../src/store/cases.ts';
import type { Store } from '../../src/store/types.ts';
import { MILLBROOK, millbrookArticles } from './millbrookArticles.ts';

/** The Millbrook case tracked by the server through /case track, its articles ingested. */
export async function trackMillbrook(emu: Emulator, store: Store): Promise<void> {
  await emu.command('case', {
    subcommand: 'track',
    options: { name: MILLBROOK.name, aliases: MILLBROOK.aliases, defendants: MILLBROOK.defendants },
  });
  await ingestInto(store, MILLBROOK.slug, millbrookArticles);
}

/** Ingests articles into a tracked case through the real pipeline seam (extractor included). */
export async function ingestInto(
  store: Store,
  slug: string,
  articles: Article[],
  extract: (a: Article) => Facts = extractFacts,
): Promise<CaseDefinition> {
  const definition = await createCaseStore(store).get(slug);
  if (!definition) throw new Error(`case ${slug} is not defined`);
  for (const article of articles) {
    await ingestArticle(article, { store, extract, cases: [definition], history: false, matched: true });
  }
  return definition;
}

const WORDS =
  'harbor ledger witness motion filing docket county appeal ruling record ferry permit crane audit'.split(
    ' ',
  );

/** Text long enough to hit every limit, distinct per `n` so no two developments merge. */
export function longText(n: number, length: number): string {
  const out: string[] = [];
  let i = n;
  while (out.join(' ').length < length) {
    out.push(`${WORDS[i % WORDS.length]}${(i * 7919) % 1000}`);
    i += 3;
  }
  return out.join(' ');
}

/** A day `n` × 3 days after 2020-01-01: far enough apart that developments stay distinct. */
export function dayAfter(n: number): string {
  return new Date(Date.UTC(2020, 0, 1) + n * 3 * 86_400_000).toISOString().slice(0, 10);
}

const TYPES = ['motion', 'ruling', 'hearing', 'investigation', 'bail'] as const;

/**
 * Synthetic facts for the stress test: one long development per article (a distinct type-day
 * pair), 30 defendants with long charge names, and long quotes from a few people.
 */
export function hugeFacts(n: number, defendants: string[]): Facts {
  const type = TYPES[n % TYPES.length] ?? 'motion';
  return {
    people: [
      ...defendants.map((name) => ({ name, role: 'defendant' as const })),
      { name: 'Quoted Spokesperson Annabel Whitfield-Montgomery', role: 'official' as const },
    ],
    quotes: [{ speaker: 'Quoted Spokesperson Annabel Whitfield-Montgomery', text: longText(n, 1500) }],
    events: [
      {
        type,
        date: dayAfter(n),
        status: 'happened',
        who: null,
        summary: `${n} ${longText(n, 900)}`,
        new: true,
      },
    ],
    charges: defendants.map((d, i) => ({
      defendant: d,
      charge: `aggravated ${longText(i, 120)}`,
      status: 'pending' as const,
    })),
    penalties: [],
  };
}
