import { describe, expect, it } from 'vitest';
import { extractFacts } from '../../src/extract/index.ts';

/**
 * An undated act the article reports as its news takes the article's news day; the facts say
 * whether that day is the one its lede states (`dateFromLede`) or only the publication day, which
 * src/cases trusts less (an outlet often publishes the morning after the act).
 */

const published = '2025-03-07T15:00:00Z';
const facts = (text: string) => extractFacts({ title: 'Bridge engineer news', published, text }).events;

describe("the lede's day for undated news", () => {
  it("an undated news act in an article whose lede dates its act takes that day, marked as the lede's", () => {
    const events = facts(
      'A federal judge on Thursday sentenced Marcus Dale to four years. Dale has been ordered to report to prison in May, and his bid for release pending appeal was denied. Prosecutors said Dale signed off on faulty welds.',
    );
    const inferred = events.filter((e) => e.dateInferred);
    expect(inferred.length).toBeGreaterThan(0);
    for (const e of inferred) {
      expect(e.date).toBe('2025-03-06');
      expect(e.dateFromLede).toBe(true);
    }
  });

  it("a day word of the opening sentences that dates no act of its own is the lede's day too", () => {
    const events = facts(
      'The appeals panel acted on Thursday. Marcus Dale lost his request to remain free on bail pending appeal of his tax fraud verdict.',
    );
    const bail = events.find((e) => e.type === 'bail');
    expect(bail?.date).toBe('2025-03-06');
    expect(bail?.dateFromLede).toBe(true);
  });

  it('with no day in the lede, the publication day is inferred but not marked as stated by the lede', () => {
    const events = facts(
      'Marcus Dale lost his request to remain free on bail pending appeal of his tax fraud verdict. Prosecutors said Dale hid income for years.',
    );
    const bail = events.find((e) => e.type === 'bail');
    expect(bail?.dateInferred).toBe(true);
    expect(bail?.date).toBe('2025-03-07');
    expect(bail?.dateFromLede).toBeUndefined();
  });
});
