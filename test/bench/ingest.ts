import { extractFacts } from '../../src/extract/index.ts';
import type { Article } from '../../src/facts.ts';
import { ingestArticle } from '../../src/ingest.ts';
import { openStore } from '../../src/store/index.ts';
import type { Store } from '../../src/store/types.ts';
import { BACKENDS, cleanStore, RUN_ID, tryOpen } from './backends.ts';
import { notAvailable, type Row, ratio } from './report.ts';
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
 * reference, so the ratio is what the store costs. With `repeat` > 1 every backend runs that many
 * times, interleaved (memory, sqlite, redis, postgres, memory, …, each run on cases of its own),
 * and each backend's best run is reported: on a shared machine the best run is the least disturbed.
 */
export async function ingestThroughput(options: {
  articles: number;
  backends?: string[];
  repeat?: number;
}): Promise<Row[]> {
  await warmUp(Math.max(20, Math.round(options.articles / 10)));
  const backends = (
    [
      ['memory', 'memory://'],
      ['sqlite', BACKENDS.sqlite()],
      ['redis', BACKENDS.redis()],
      ['postgres', BACKENDS.postgres()],
    ] as const
  ).filter(([name]) => name === 'memory' || !options.backends || options.backends.includes(name));
  const best = new Map<string, { rate: number; note: string; runs: number[] }>();
  const failed = new Map<string, string>();
  const repeat = options.repeat ?? 1;
  for (let run = 0; run < repeat; run++) {
    for (const [name, url] of backends) {
      if (failed.has(name)) continue;
      const store = await tryOpen(url);
      if (typeof store === 'string') {
        failed.set(name, store);
        continue;
      }
      try {
        const measured = await ingestRun(store, options.articles, `${RUN_ID}-ingest${run}`);
        const b = best.get(name) ?? { rate: 0, note: measured.note, runs: [] };
        b.runs.push(measured.rate);
        if (measured.rate > b.rate) Object.assign(b, measured);
        best.set(name, b);
      } finally {
        await cleanStore(store);
        await store.close();
      }
    }
  }
  const reference = best.get('memory')?.rate ?? Number.NaN;
  return backends.map(([name]): Row => {
    const reason = failed.get(name);
    const b = best.get(name);
    if (reason || !b) return notAvailable(SECTION, `ingestArticle → ${name}`, reason ?? 'no run');
    const runs = repeat > 1 ? `; best of ${repeat} (${b.runs.map((r) => r.toFixed(0)).join(', ')})` : '';
    return {
      section: SECTION,
      measure: `ingestArticle → ${name}`,
      value: `${b.rate.toFixed(b.rate >= 100 ? 0 : 1)} articles/s`,
      ratio: name === 'memory' ? 'reference' : `${ratio(b.rate, reference)} of memory`,
      goal: name === 'memory' ? '' : name === 'sqlite' ? '≥ 300/s, ≥ 0.8×' : '≥ 0.8×',
      note: `${b.note}${runs}`,
    };
  });
}

/** One measured run: `articles` generated articles of 5 cases of their own into `store`. */
async function ingestRun(store: Store, articles: number, prefix: string) {
  const cases = synthCases(prefix, 5, 3);
  const r = rng(11);
  const work = Array.from({ length: articles }, (_, i) => {
    const c = cases[i % cases.length] as SynthCase;
    return { c, article: synthArticle(c, r, i) };
  });
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
  return {
    rate: work.length / seconds,
    note: `${work.length} generated articles, ${(facts / work.length).toFixed(1)} facts and ${(alerts / work.length).toFixed(2)} alerts each`,
  };
}
