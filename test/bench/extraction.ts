import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import nlp from 'compromise';
import { extractFacts } from '../../src/extract/index.ts';
import type { Article } from '../../src/facts.ts';
import { notAvailable, perSecond, type Row, ratio } from './report.ts';
import { rng, synthArticle, synthCases } from './synth.ts';

const SECTION = '2 extraction';
const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const CORPUS_DIR = resolve(REPO, '../shared/corpus/articles');

/** The development corpus, read at run time; generated articles when ../shared is absent. */
export function loadArticles(): { articles: Article[]; source: string } {
  if (existsSync(CORPUS_DIR)) {
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const path = join(dir, name);
        if (statSync(path).isDirectory()) walk(path);
        else if (name.endsWith('.json')) files.push(path);
      }
    };
    walk(CORPUS_DIR);
    const articles = files.map((f) => JSON.parse(readFileSync(f, 'utf8')) as Article).filter((a) => a.text);
    if (articles.length > 0) return { articles, source: `../shared/corpus (${articles.length} articles)` };
  }
  const cases = synthCases('bench-extract', 5);
  const r = rng(7);
  const articles = Array.from({ length: 50 }, (_, i) =>
    synthArticle(cases[i % 5] as (typeof cases)[number], r, i),
  );
  return { articles, source: 'generated text (../shared/corpus absent)' };
}

/** Runs `fn` over every article, round after round, for at least `seconds`; returns rounds and time. */
function timeRounds(articles: Article[], seconds: number, fn: (a: Article) => unknown) {
  for (const a of articles.slice(0, 5)) fn(a); // warm the JIT and lazy tables
  let rounds = 0;
  const started = performance.now();
  do {
    for (const a of articles) fn(a);
    rounds++;
  } while (performance.now() - started < seconds * 1000);
  return { rounds, seconds: (performance.now() - started) / 1000 };
}

/**
 * extractFacts on one core (this process, one thread) over the corpus, and compromise's plain
 * tokenisation of the same text as the reference: the ratio says how many tokenisations one
 * extraction costs, whatever the machine.
 */
export async function extractionThroughput(options: { seconds: number }): Promise<Row[]> {
  const { articles, source } = loadArticles();
  if (articles.length === 0) return [notAvailable(SECTION, 'extractFacts', 'no articles')];
  const bytes = articles.reduce((n, a) => n + Buffer.byteLength(a.text) + Buffer.byteLength(a.title), 0);
  const extract = timeRounds(articles, options.seconds, (a) => extractFacts(a));
  const tokenize = timeRounds(articles, options.seconds, (a) => nlp.tokenize(a.text));
  const rate = (t: { rounds: number; seconds: number }) => (bytes * t.rounds) / 1024 / 1024 / t.seconds;
  const extractRate = rate(extract);
  const tokenizeRate = rate(tokenize);
  return [
    {
      section: SECTION,
      measure: 'extractFacts, one core',
      value: `${extractRate.toFixed(2)} MB/s, ${perSecond(articles.length * extract.rounds, extract.seconds, 'articles')}`,
      ratio: `${ratio(tokenizeRate, extractRate)} tokenize's time`,
      goal: '≥ 1 MB/s',
      note: `${source}, ${(bytes / 1024).toFixed(0)} KB × ${extract.rounds} rounds`,
    },
    {
      section: SECTION,
      measure: 'compromise nlp.tokenize (reference)',
      value: `${tokenizeRate.toFixed(2)} MB/s, ${perSecond(articles.length * tokenize.rounds, tokenize.seconds, 'articles')}`,
      ratio: 'reference',
      note: `same text, ${tokenize.rounds} rounds`,
    },
  ];
}
