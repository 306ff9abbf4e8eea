import { openStore } from '../../src/store/index.ts';
import { reportMemory } from './childRss.ts';
import { seedStore } from './seed.ts';

/**
 * RSS of a process that ingested BENCH_ARTICLES synthetic articles (ten facts each, fixed
 * extractor) through ingestArticle into STORE_URL, the knowledge of its 20 cases still cached as
 * the running bot keeps it. Also the peak RSS on the way (maxRSS).
 */
const store = await openStore(process.env.STORE_URL ?? 'memory://');
const seeded = await seedStore(store, {
  prefix: process.env.BENCH_PREFIX ?? 'bench-child',
  caseCount: 20,
  articles: Number(process.env.BENCH_ARTICLES ?? 1000),
});
await reportMemory({
  articles: seeded.articles,
  facts: seeded.facts,
  seconds: seeded.seconds,
  peakRss: process.resourceUsage().maxRSS * 1024,
});
await store.close();
process.exit(0);
