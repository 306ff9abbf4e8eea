import { describe, expect, it } from 'vitest';
import { extractFacts } from '../../src/extract/index.ts';

const events = (text: string) =>
  extractFacts({ title: 'Court', published: '2025-04-15', text }).events.map((e) => [e.type, e.status]);

describe('"to stand trial" is a ruling about a trial, not a trial', () => {
  it('binds a defendant over without scheduling anything', () => {
    expect(
      events('A judge ruled on Monday that there is enough evidence for Maria Lopes to stand trial.'),
    ).toEqual([['ruling', 'happened']]);
    expect(events('Judge Ann Cole found Peter Wren competent to stand trial on Friday.')).not.toContainEqual([
      'trial',
      'scheduled',
    ]);
  });
  it('still reads a trial that is under way', () => {
    expect(events('Peter Wren stands trial this week on charges of arson.')).toContainEqual([
      'trial',
      'scheduled',
    ]);
  });
});
