import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { extractFacts } from '../extract/index.ts';
import type { Article, Facts } from '../facts.ts';
import { type Counts, prf } from './match.ts';
import { type ArticleScore, type GoldFacts, type KindScore, scoreArticle } from './score.ts';

/** Scores the extractor against a labelled corpus (`<dir>/articles/<case>/*.json` with `gold`). */

export interface Metric {
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
  f1: number;
}

export interface EvalReport {
  articles: number;
  people: Metric & { roleAccuracy: number };
  quotes: Metric & { attributionPrecision: number; attributionRecall: number };
  /** Type, person and a compatible date; `anyDate` ignores the date, `dateAccuracy` is its share of right dates. */
  events: Metric & { anyDate: Metric; dateAccuracy: number; byType: Record<string, Metric> };
  charges: Metric & { statusAccuracy: number };
  penalties: Metric;
  /** Per article: misses, false positives and wrong attributes, for --verbose. */
  details: Array<{ file: string; lines: string[] }>;
}

interface LabelledArticle extends Article {
  gold: GoldFacts;
}

/** The corpus's cases: the folders under `<dir>/articles`. */
export function listCases(corpusDir: string): string[] {
  const root = path.join(corpusDir, 'articles');
  return readdirSync(root)
    .sort()
    .filter((c) => statSync(path.join(root, c)).isDirectory());
}

export function listArticleFiles(corpusDir: string, cases = listCases(corpusDir)): string[] {
  const out: string[] = [];
  for (const c of cases) {
    const dir = path.join(corpusDir, 'articles', c);
    for (const f of readdirSync(dir).sort()) if (f.endsWith('.json')) out.push(path.join(dir, f));
  }
  return out;
}

/** Scores the whole corpus, or only the named cases. */
export function evaluate(
  corpusDir: string,
  extract: (a: Article) => Facts = extractFacts,
  cases?: string[],
): EvalReport {
  const files = listArticleFiles(corpusDir, cases);
  const scores: ArticleScore[] = [];
  const details: EvalReport['details'] = [];
  for (const file of files) {
    const article = JSON.parse(readFileSync(file, 'utf8')) as LabelledArticle;
    const score = scoreArticle(article.gold, extract(article));
    scores.push(score);
    details.push({ file: path.relative(corpusDir, file), lines: describe(score) });
  }
  const sum = (pick: (s: ArticleScore) => Counts & { agree?: number; compared?: number }) => {
    const total = { tp: 0, fp: 0, fn: 0, agree: 0, compared: 0 };
    for (const s of scores) {
      const k = pick(s);
      total.tp += k.tp;
      total.fp += k.fp;
      total.fn += k.fn;
      total.agree += k.agree ?? 0;
      total.compared += k.compared ?? 0;
    }
    return total;
  };
  const metric = (c: Counts): Metric => ({ tp: c.tp, fp: c.fp, fn: c.fn, ...prf(c) });
  // As the team's scorer: an attribute compared on no pair scores 0.
  const ratio = (a: number, b: number) => (b === 0 ? 0 : a / b);
  const people = sum((s) => s.people);
  const attribution = metric(sum((s) => s.attribution));
  const anyDate = sum((s) => s.eventsAnyDate);
  const charges = sum((s) => s.charges);
  const types = new Set(scores.flatMap((s) => [...s.eventsByType.keys()]));
  const byType: Record<string, Metric> = {};
  for (const t of [...types].sort())
    byType[t] = metric(sum((s) => s.eventsByType.get(t) ?? { tp: 0, fp: 0, fn: 0 }));
  return {
    articles: files.length,
    people: { ...metric(people), roleAccuracy: ratio(people.agree, people.compared) },
    quotes: {
      ...metric(sum((s) => s.quotes)),
      attributionPrecision: attribution.precision,
      attributionRecall: attribution.recall,
    },
    events: {
      ...metric(sum((s) => s.events)),
      anyDate: metric(anyDate),
      dateAccuracy: ratio(anyDate.agree, anyDate.compared),
      byType,
    },
    charges: { ...metric(charges), statusAccuracy: ratio(charges.agree, charges.compared) },
    penalties: metric(sum((s) => s.penalties)),
    details,
  };
}

function describe(s: ArticleScore): string[] {
  const lines: string[] = [];
  const kinds: Array<[string, KindScore]> = [
    ['people', s.people],
    ['quote', s.quotes],
    ['speaker', { ...s.attribution, misses: [], falsePositives: [] }],
    ['event', s.events],
    ['event date', { ...s.eventsAnyDate, misses: [], falsePositives: [] }],
    ['charge', s.charges],
    ['penalty', s.penalties],
  ];
  for (const [name, k] of kinds) {
    for (const m of k.misses) lines.push(`  MISS ${name}: ${m}`);
    for (const f of k.falsePositives) lines.push(`  FP   ${name}: ${f}`);
    for (const w of k.wrong) lines.push(`  WRONG ${name}: ${w}`);
  }
  return lines;
}

const pct = (x: number) => x.toFixed(3);

/** The report as a fixed-width table. */
export function formatReport(r: EvalReport, verbose = false): string {
  const row = (name: string, m: Metric, extra = '') =>
    `${name.padEnd(22)}${pct(m.precision).padStart(7)}${pct(m.recall).padStart(7)}${pct(m.f1).padStart(7)}${String(m.tp).padStart(5)}${String(m.fp).padStart(5)}${String(m.fn).padStart(5)}  ${extra}`;
  const lines = [`articles: ${r.articles}`, `${'kind'.padEnd(22)}      P      R     F1   tp   fp   fn`];
  lines.push(row('people', r.people, `role accuracy ${pct(r.people.roleAccuracy)}`));
  lines.push(
    row(
      'quotes',
      r.quotes,
      `attribution P ${pct(r.quotes.attributionPrecision)} R ${pct(r.quotes.attributionRecall)}`,
    ),
  );
  lines.push(row('events', r.events));
  lines.push(row('events, any date', r.events.anyDate, `date right ${pct(r.events.dateAccuracy)}`));
  for (const [t, m] of Object.entries(r.events.byType)) lines.push(row(`  ${t}`, m));
  lines.push(row('charges', r.charges, `status accuracy ${pct(r.charges.statusAccuracy)}`));
  lines.push(row('penalties', r.penalties));
  if (verbose) {
    for (const d of r.details) if (d.lines.length) lines.push('', d.file, ...d.lines);
  }
  return lines.join('\n');
}
