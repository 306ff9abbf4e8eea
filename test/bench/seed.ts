import type { Facts } from '../../src/facts.ts';
import { ingestArticle } from '../../src/ingest.ts';
import { createCaseStore } from '../../src/store/cases.ts';
import { openStore } from '../../src/store/index.ts';
import type { Store } from '../../src/store/types.ts';
import { rng, type SynthCase, synthArticle, synthCases, synthFacts } from './synth.ts';

export interface Seeded {
  cases: SynthCase[];
  articles: number;
  facts: number;
  seconds: number;
}

/**
 * Fills a store with `articles` synthetic articles (ten facts each) spread over `caseCount` cases,
 * through the real ingest path (merge, quote lists, log) but with a fixed extractor, so filling
 * is fast and the knowledge is what real ingestion would have built. Cases run concurrently.
 */
export async function seedStore(
  store: Store,
  options: { prefix: string; caseCount: number; articles: number; guildId?: string },
): Promise<Seeded> {
  const cases = synthCases(options.prefix, options.caseCount);
  const caseStore = createCaseStore(store);
  for (const c of cases) {
    await caseStore.put(c.definition);
    if (options.guildId) await caseStore.track(options.guildId, c.definition.slug);
  }
  const perCase = Math.ceil(options.articles / cases.length);
  let facts = 0;
  let written = 0;
  const started = performance.now();
  await Promise.all(
    cases.map(async (c, ci) => {
      const r = rng(1000 + ci);
      for (let n = 0; n < perCase && written < options.articles; n++) {
        written++;
        const article = synthArticle(c, r, n);
        const articleFacts: Facts = synthFacts(c, r, article.published);
        facts += countFacts(articleFacts);
        await ingestArticle(article, {
          store,
          extract: () => articleFacts,
          cases: [c.definition],
          matched: true,
          history: true,
        });
      }
    }),
  );
  return { cases, articles: written, facts, seconds: (performance.now() - started) / 1000 };
}

/** Every namespace the ingest path and the case store write. */
const NAMESPACES = ['cases', 'guild_cases', 'case_guilds', 'case-log', 'case-snapshot', 'case-quotes'];

/**
 * Seeds in memory through the real ingest path, then copies the resulting rows into `store`: the
 * same keys and values ingestion writes, in about a tenth of the writes (ingesting article by
 * article into SQLite costs a lock and a commit per quote list and per log entry; section 3
 * measures that path).
 */
export async function seedStoreFast(
  store: Store,
  options: { prefix: string; caseCount: number; articles: number; guildId?: string },
): Promise<Seeded> {
  const started = performance.now();
  const memory = await openStore('memory://');
  const seeded = await seedStore(memory, options);
  for (const ns of NAMESPACES) {
    const from = memory.kv(ns);
    const to = store.kv(ns);
    const keys: string[] = [];
    for await (const key of from.keys()) keys.push(key);
    for (let i = 0; i < keys.length; i += 100) {
      const batch = keys.slice(i, i + 100);
      const values = await from.getMany(batch);
      await Promise.all(
        batch.map((k, j) =>
          ns === 'cases' && k === '~all' ? mergeIndex(to, values[j]) : to.set(k, values[j]),
        ),
      );
    }
  }
  await memory.close();
  return { ...seeded, seconds: (performance.now() - started) / 1000 };
}

/** The case index is shared with whatever else the store holds: add our slugs, keep the rest. */
async function mergeIndex(kv: ReturnType<Store['kv']>, ours: unknown) {
  await kv.update<string[]>('~all', (list) =>
    [...new Set([...(list ?? []), ...((ours as string[]) ?? [])])].sort(),
  );
}

export function countFacts(f: Facts): number {
  return f.people.length + f.quotes.length + f.events.length + f.charges.length + f.penalties.length;
}
