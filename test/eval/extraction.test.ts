import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../src/eval/extraction.ts';
import { quoteTextMatches, sameCharge, sameName } from '../../src/eval/match.ts';
import type { Facts } from '../../src/facts.ts';

function fixture(gold: object): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'eval-'));
  mkdirSync(path.join(dir, 'articles', 'c'), { recursive: true });
  const article = { url: 'u', title: 't', published: '2024-01-01', text: 'x', gold };
  writeFileSync(path.join(dir, 'articles', 'c', 'a.json'), JSON.stringify(article));
  return dir;
}

describe('evaluate', () => {
  it('scores names loosely, drops borderline labels and short quotes, and checks attribution', () => {
    const dir = fixture({
      people: [
        { name: 'José Gutiérrez-Lee', role: 'defendant' },
        { name: 'Ann Bo', role: 'judge', note: 'borderline: maybe' },
      ],
      quotes: [
        { speaker: 'José Gutiérrez-Lee', text: 'I did nothing wrong at all' },
        { speaker: null, text: 'too short' },
      ],
      events: [],
      charges: [],
      penalties: [],
    });
    const pred: Facts = {
      people: [
        { name: 'Jose Gutierrez Lee', role: 'victim' },
        { name: 'Ann Bo', role: 'other' },
        { name: 'Zed Quill', role: 'other' },
      ],
      quotes: [
        { speaker: 'Jose Gutierrez Lee', text: 'I did nothing wrong at all.' },
        { speaker: null, text: 'too short' },
      ],
      events: [],
      charges: [],
      penalties: [],
    };
    const r = evaluate(dir, () => pred);
    expect(r.people).toMatchObject({ tp: 1, fp: 1, fn: 0, roleAccuracy: 0 });
    expect(r.quotes).toMatchObject({ tp: 1, fp: 0, fn: 0, attributionPrecision: 1, attributionRecall: 1 });
  });

  it('matches quote text by near-containment or token overlap, as the team scorer does', () => {
    expect(quoteTextMatches('We will fight these charges', 'We will fight these charges.')).toBe(true);
    expect(
      quoteTextMatches(
        'we will fight every one of these charges',
        'We will fight every one of these charges in court',
      ),
    ).toBe(true);
    // a short piece of a long quotation is not the same quotation
    expect(
      quoteTextMatches('We will fight these charges', 'we will fight these charges, and we will win'),
    ).toBe(false);
    expect(quoteTextMatches('We will fight', 'Nothing like it at all here')).toBe(false);
  });

  it('pairs names by surname and first name or initial, offences never across degrees', () => {
    expect(sameName('Mary Ann Smith', 'Mary Smith')).toBe(true);
    expect(sameName('J. Smith', 'John Smith Jr.')).toBe(true);
    expect(sameName('Smith', 'John Smith')).toBe(true);
    expect(sameName('Jane Smith', 'John Smith')).toBe(false);
    expect(sameCharge('first-degree murder', 'murder')).toBe(true);
    expect(sameCharge('first-degree rape', 'third-degree rape')).toBe(false);
    expect(sameCharge('wire fraud', 'conspiracy to commit wire fraud')).toBe(true);
  });
});
