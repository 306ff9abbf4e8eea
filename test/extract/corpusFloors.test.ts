import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { evaluateByCase, formatByCase } from '../../src/eval/byCase.ts';
import { checkFloors } from '../support/floors.ts';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const corpus = path.resolve(repoRoot, '../shared/corpus');
const present = existsSync(path.join(corpus, 'articles'));
if (!present)
  console.log(`skipping the corpus floors: no labelled corpus at ${corpus} (the team's, optional)`);

// Each case's extraction scores on the team's labelled development corpus may only rise
// (test/corpusFloors.json; see test/support/floors.ts for how to raise them).
describe.skipIf(!present)('extraction per case on ../shared/corpus', () => {
  it('no case falls below its floor on any measure', () => {
    const report = evaluateByCase(corpus);
    console.log(formatByCase(report));
    expect(report.cases.length).toBeGreaterThanOrEqual(13);
    const measured = Object.fromEntries(report.cases.map((c) => [c.case, c.measures]));
    measured.macro = report.macro;
    expect(checkFloors('extraction', measured)).toEqual([]);
  });
});
