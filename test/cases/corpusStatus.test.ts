import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { type EvalReport, evalCorpus } from '../../src/eval/statusReplay.ts';
import { extractFacts } from '../../src/extract/index.ts';
import { checkFloors } from '../support/floors.ts';

const repoRoot = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const corpus = resolve(repoRoot, '../shared/corpus');
const present = existsSync(resolve(corpus, 'cases'));
if (!present)
  console.log(`skipping the corpus status floors: no labelled corpus at ${corpus} (the team's, optional)`);

const ratio = (a: number, b: number) => (b === 0 ? undefined : a / b);

/** Each case's status-field agreement, alert precision and recall, and the totals. */
function measuredByCase(r: EvalReport): Record<string, Record<string, number | undefined>> {
  const out: Record<string, Record<string, number | undefined>> = {};
  for (const c of r.cases) {
    out[c.case] = {
      statusFields: ratio(c.agreed, c.fields),
      alertPrecision: ratio(c.matched, c.alerts),
      alertRecall: ratio(c.matched, c.goldNew),
    };
    console.log(
      `${r.source.padEnd(9)} ${c.case.padEnd(18)} status ${c.agreed}/${c.fields}  alerts ${c.matched} right of ${c.alerts}, of ${c.goldNew} developments`,
    );
  }
  out.all = { statusFields: r.fieldAgreement, alertPrecision: r.precision, alertRecall: r.recall };
  return out;
}

// Replaying each case's articles in publication order, per case: the figures may only rise
// (test/corpusFloors.json). With the gold facts this measures the case-status rules alone; with
// the extractor, what a user sees.
describe.skipIf(!present)('case status and alerts per case on ../shared/corpus', () => {
  it('with the gold facts: no case below its floor', async () => {
    const r = await evalCorpus(corpus, 'gold');
    expect(r.cases.length).toBeGreaterThanOrEqual(13);
    expect(checkFloors('status-gold', measuredByCase(r))).toEqual([]);
  });

  it('with the extractor: no case below its floor', async () => {
    const r = await evalCorpus(corpus, 'extractor', extractFacts);
    expect(r.cases.length).toBeGreaterThanOrEqual(13);
    // The extractor must produce developments at all: a replay with no alerts scores nothing.
    expect(r.cases.reduce((n, c) => n + c.alerts, 0)).toBeGreaterThan(0);
    expect(checkFloors('status-extractor', measuredByCase(r))).toEqual([]);
  });
});

// The held-out fictional cases (in the repo) guard against rules fitted to the development cases.
const heldout = resolve(repoRoot, 'test/fixtures/heldout');
describe('case status on the held-out fictional cases', () => {
  it('with the gold facts: ≥ 97 % of checkpoint fields, alert precision and recall ≥ 0.95', async () => {
    const r = await evalCorpus(heldout, 'gold');
    console.log(`held-out gold facts: status fields ${(100 * r.fieldAgreement).toFixed(1)}%`);
    expect(r.fieldAgreement).toBeGreaterThanOrEqual(0.97);
    expect(r.precision).toBeGreaterThanOrEqual(0.95);
    expect(r.recall).toBeGreaterThanOrEqual(0.95);
  });
});
