import { extractFacts } from '../extract/index.ts';
import type { Article, Facts } from '../facts.ts';
import { type EvalReport, evaluate, listCases } from './extraction.ts';

/**
 * The extractor scored case by case: a rule fitted to one case shows up as a gap between cases,
 * which the corpus-wide (micro) totals hide. Each case's headline measures, their macro average
 * over the cases where a measure applies, and the worst case per measure.
 */

export const MEASURES = [
  'eventsF1',
  'eventsAnyDateF1',
  'eventDates',
  'quoteAttributionP',
  'quoteAttributionR',
  'peopleF1',
  'roleAccuracy',
  'chargesF1',
  'penaltiesF1',
] as const;
export type Measure = (typeof MEASURES)[number];

/** A case's measures; a measure is absent where the case gives it nothing to score. */
export type CaseMeasures = Partial<Record<Measure, number>>;

export interface CaseReport {
  case: string;
  articles: number;
  measures: CaseMeasures;
}

export interface ByCaseReport {
  cases: CaseReport[];
  micro: EvalReport;
  macro: CaseMeasures;
  worst: Partial<Record<Measure, { case: string; value: number }>>;
}

/** A case's measures as the team's per-case table gives them (every measure, even with nothing to score). */
export function headlineMeasures(r: EvalReport): CaseMeasures {
  return {
    eventsF1: r.events.f1,
    eventsAnyDateF1: r.events.anyDate.f1,
    eventDates: r.events.dateAccuracy,
    quoteAttributionP: r.quotes.attributionPrecision,
    quoteAttributionR: r.quotes.attributionRecall,
    peopleF1: r.people.f1,
    roleAccuracy: r.people.roleAccuracy,
    chargesF1: r.charges.f1,
    penaltiesF1: r.penalties.f1,
  };
}

export function evaluateByCase(
  corpusDir: string,
  extract: (a: Article) => Facts = extractFacts,
): ByCaseReport {
  const cases = listCases(corpusDir).map((c) => {
    const r = evaluate(corpusDir, extract, [c]);
    return { case: c, articles: r.articles, measures: headlineMeasures(r) };
  });
  const macro: CaseMeasures = {};
  const worst: ByCaseReport['worst'] = {};
  for (const m of MEASURES) {
    const values = cases.flatMap((c) =>
      c.measures[m] === undefined ? [] : [{ case: c.case, value: c.measures[m] }],
    );
    if (!values.length) continue;
    macro[m] = values.reduce((n, v) => n + v.value, 0) / values.length;
    worst[m] = values.reduce((a, b) => (b.value < a.value ? b : a));
  }
  return { cases, micro: evaluate(corpusDir, extract), macro, worst };
}

const HEADERS: Record<Measure, string> = {
  eventsF1: 'events',
  eventsAnyDateF1: 'anyDate',
  eventDates: 'dates',
  quoteAttributionP: 'attrP',
  quoteAttributionR: 'attrR',
  peopleF1: 'people',
  roleAccuracy: 'roles',
  chargesF1: 'charges',
  penaltiesF1: 'penalt.',
};

/** The per-case table: one row per case, then the macro average and the worst case per measure. */
export function formatByCase(r: ByCaseReport): string {
  const cell = (x: number | undefined) => (x === undefined ? '—' : x.toFixed(2)).padStart(8);
  const width = Math.max(18, ...r.cases.map((c) => c.case.length + 2));
  const lines = [
    `${'case'.padEnd(width)}${'art.'.padStart(5)}${MEASURES.map((m) => HEADERS[m].padStart(8)).join('')}`,
  ];
  for (const c of r.cases)
    lines.push(
      `${c.case.padEnd(width)}${String(c.articles).padStart(5)}${MEASURES.map((m) => cell(c.measures[m])).join('')}`,
    );
  lines.push(`${'macro'.padEnd(width)}${''.padStart(5)}${MEASURES.map((m) => cell(r.macro[m])).join('')}`);
  const micro = headlineMeasures(r.micro);
  lines.push(
    `${'micro'.padEnd(width)}${String(r.micro.articles).padStart(5)}${MEASURES.map((m) => cell(micro[m])).join('')}`,
  );
  lines.push(
    `worst: ${MEASURES.flatMap((m) => {
      const w = r.worst[m];
      return w ? [`${HEADERS[m]} ${w.case} ${w.value.toFixed(2)}`] : [];
    }).join(', ')}`,
  );
  return lines.join('\n');
}
