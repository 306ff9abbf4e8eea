import { describe, expect, it } from 'vitest';
import { appealDetails, withActDetails } from '../../src/extract/events/index.ts';
import { extractFacts } from '../../src/extract/index.ts';

/** The facts contract's appeal fields, read from sentences we wrote. */

describe('what an event says about an appeal or a retrial', () => {
  it('an appeal under way named in another act', () => {
    expect(appealDetails('bail', 'A judge let Okafor stay free while she appeals')).toEqual({
      appealPending: true,
    });
    expect(appealDetails('bail', 'A judge granted Okafor bail of $50,000 on Monday')).toEqual({});
  });

  it('an appeal decided: affirmed, or a conviction undone', () => {
    expect(appealDetails('appeal', 'The state supreme court affirmed her conviction')).toEqual({
      appealOutcome: 'affirmed',
    });
    expect(
      appealDetails('appeal', 'An appeals panel vacated her conviction and ordered a new trial'),
    ).toEqual({
      appealOutcome: 'overturned',
      retrial: true,
    });
    // Asked for, not done.
    expect(appealDetails('appeal', 'Her lawyers asked the panel to overturn the conviction')).toEqual({});
    // Only appeals and rulings decide: a verdict's words are not an appeal's outcome.
    expect(appealDetails('verdict', 'The jury upheld the theory of the defence')).toEqual({});
  });

  it('a fresh trial ordered or granted is a retrial; one only asked for, or only talked of, is not', () => {
    expect(
      appealDetails('appeal', 'The appeals court quashed the verdict and ordered a fresh trial'),
    ).toEqual({
      appealOutcome: 'overturned',
      retrial: true,
    });
    expect(appealDetails('ruling', 'A fresh trial was granted to Okafor on Friday')).toEqual({
      appealOutcome: 'overturned',
      retrial: true,
    });
    expect(appealDetails('trial', 'Okafor was ordered to face a fresh trial in May')).toEqual({
      retrial: true,
    });
    expect(appealDetails('motion', 'Her lawyers asked for a fresh trial')).toEqual({});
    expect(appealDetails('trial', 'The first free date for a fresh trial is in May')).toEqual({});
  });

  it('an appeal withdrawn or refused', () => {
    expect(appealDetails('appeal', 'Okafor withdrew her appeal on Friday')).toEqual({
      appealEnded: 'withdrawn',
    });
    expect(appealDetails('appeal', 'The high court rejected the state’s appeal')).toEqual({
      appealEnded: 'rejected',
    });
    // "Dropped" said of charges is no appeal's end.
    expect(appealDetails('charge_dropped', 'Prosecutors dropped the arson count')).toEqual({});
  });

  it('a retrial ordered, not one asked for or refused', () => {
    expect(appealDetails('trial', 'The jury could not agree, and the judge set a retrial for May')).toEqual({
      retrial: true,
    });
    expect(appealDetails('motion', 'Her lawyers asked for a new trial')).toEqual({});
    expect(appealDetails('ruling', 'The judge refused to order a new trial')).toEqual({});
  });

  it('the extractor returns them on its events, and completes facts that lack them', () => {
    const text =
      'A state appeals court on Tuesday overturned the arson conviction of Dana Okafor and ordered a new trial.';
    const appeal = extractFacts({ title: 'Okafor appeal', published: '2026-03-05', text }).events.find(
      (e) => e.type === 'appeal',
    );
    expect([appeal?.appealOutcome, appeal?.retrial]).toEqual(['overturned', true]);
    // Hand labels without the fields get them from their words; a field given is kept.
    const label = {
      date: null,
      status: 'happened' as const,
      who: 'Dana Okafor',
      new: true,
      type: 'appeal' as const,
    };
    const events = [label, { ...label, appealOutcome: 'affirmed' as const }].map((e) => ({
      ...e,
      summary: text,
    }));
    const done = withActDetails({ people: [], quotes: [], charges: [], penalties: [], events });
    expect(done.events.map((e) => e.appealOutcome)).toEqual(['overturned', 'affirmed']);
  });
});
