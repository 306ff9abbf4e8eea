import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../src/extract/eval.ts';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const corpus = path.resolve(repoRoot, '../shared/corpus');

// The targets for events, charges and penalties on the labelled development corpus.
describe.skipIf(!existsSync(path.join(corpus, 'articles')))(
  'events, charges and penalties on ../shared/corpus',
  () => {
    const report = existsSync(path.join(corpus, 'articles')) ? evaluate(corpus) : undefined;
    it('events: micro-F1 at least 0.90 with date accuracy at least 0.95', () => {
      expect(report!.events.f1).toBeGreaterThanOrEqual(0.9);
      expect(report!.events.dateAccuracy).toBeGreaterThanOrEqual(0.95);
    });
    it('charges: F1 at least 0.90', () => {
      expect(report!.charges.f1).toBeGreaterThanOrEqual(0.9);
    });
    it('penalties: F1 at least 0.95', () => {
      expect(report!.penalties.f1).toBeGreaterThanOrEqual(0.95);
    });
  },
);
