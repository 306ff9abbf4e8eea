import { extractFacts } from '../../src/extract/index.ts';
import type { Article } from '../../src/facts.ts';
import { ingestArticle } from '../../src/ingest.ts';
import { openStore } from '../../src/store/index.ts';
import { BACKENDS, cleanStore, RUN_ID, tryOpen } from './backends.ts';
import { notAvailable, perSecond, type Row, ratio } from './report.ts';
import { countFacts } from './seed.ts';
import { rng, type SynthCase, synthArticle, synthCases } from './synth.ts';

const SECTION = '3 ingest';

/**
 * The same path on cases of its own into a throwaway memory store first: the reference, measured
 * first, otherwise also paid for compiling the extractor and the merge (it read slower than SQLite).
 */
async function warmUp(articles: number) {
  const cases = synthCases(`${RUN_ID}-warmup`, 5, 3);
  const r = rng(7);
  const store = await openStore('memory://');
  try {
    for (let i = 0; i < articles; i++) {
      const c = cases[i % cases.length] as SynthCase;
      await ingestArticle(synthArticle(c, r, i), {
        store,
        extract: extractFacts,
        cases: [c.definition],
        matched: true,
        history: false,
      });
    }
  } finally {
    await store.close();
  }
}

/**
 * Articles per second through ingestArticle (real extractor, merge, store, alert decision), one
 * article after another as the poller hands them over, into each backend; memory:// is the
 * reference, so the ratio is what the store costs.
 */
export async function ingestThroughput(options: { articles: number }): Promise<Row[]> {
  const cases = synthCases(`${RUN_ID}-ingest`, 5, 3);
  const r = rng(11);
  const work = Array.from({ length: options.articles }, (_, i) => {
    const c = cases[i % cases.length] as SynthCase;
    return { c, article: synthArticle(c, r, i) };
  });
  await warmUp(Math.max(20, Math.round(options.articles / 10)));
  const rows: Row[] = [];
  let reference = Number.NaN;
  for (const [name, url] of [
    ['memory', 'memory://'],
    ['sqlite', BACKENDS.sqlite()],
    ['redis', BACKENDS.redis()],
    ['postgres', BACKENDS.postgres()],
  ] as const) {
    const store = await tryOpen(url);
    if (typeof store === 'string') {
      rows.push(notAvailable(SECTION, `ingestArticle → ${name}`, store));
      continue;
    }
    try {
      let facts = 0;
      let alerts = 0;
      const extract = (a: Article) => {
        const f = extractFacts(a);
        facts += countFacts(f);
        return f;
      };
      const started = performance.now();
      for (const { c, article } of work) {
        const result = await ingestArticle(article, {
          store,
          extract,
          cases: [c.definition],
          matched: true,
          history: false,
        });
        alerts += result.alerts.length;
      }
      const seconds = (performance.now() - started) / 1000;
      const rate = work.length / seconds;
      if (name === 'memory') reference = rate;
      rows.push({
        section: SECTION,
        measure: `ingestArticle → ${name}`,
        value: perSecond(work.length, seconds, 'articles'),
        ratio: name === 'memory' ? 'reference' : `${ratio(rate, reference)} of memory`,
        note: `${work.length} generated articles, ${(facts / work.length).toFixed(1)} facts and ${(alerts / work.length).toFixed(2)} alerts each`,
      });
    } finally {
      await cleanStore(store);
      await store.close();
    }
  }
  return rows;
}
