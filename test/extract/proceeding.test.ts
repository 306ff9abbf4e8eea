import { describe, expect, it } from 'vitest';
import { withActDetails } from '../../src/extract/events/index.ts';
import { proceedingOf } from '../../src/extract/events/proceeding.ts';
import { extractFacts } from '../../src/extract/index.ts';
import type { CaseEvent, Facts } from '../../src/facts.ts';

/** Which proceeding a sentence's court words name (issue 12: separate proceedings), on our sentences. */

describe('the proceeding a sentence names', () => {
  it('federal, a named state, or an unnamed state', () => {
    expect(proceedingOf('A federal grand jury in Omaha returned an indictment against Okafor')).toBe(
      'federal',
    );
    expect(proceedingOf('She was sentenced by a U.S. District Court judge on Monday')).toBe('federal');
    expect(proceedingOf('The Ninth Circuit upheld the conviction')).toBe('federal');
    expect(proceedingOf('An Ohio jury convicted Okafor of arson')).toBe('ohio');
    expect(proceedingOf("Ohio's appeals court reversed the verdict")).toBe('ohio');
    expect(proceedingOf('He was found guilty in Nevada of fraud')).toBe('nevada');
    expect(proceedingOf('A Chicago jury acquitted her')).toBe('illinois');
    expect(proceedingOf('A state jury acquitted Okafor on Friday')).toBe('state');
  });

  it('none when the words name no court, or several', () => {
    expect(proceedingOf('Okafor pleaded not guilty on Monday')).toBeUndefined();
    expect(proceedingOf('Federal and state prosecutors agreed on a ten-year term')).toBeUndefined();
    expect(
      proceedingOf('A Texas jury convicted him months after a federal jury had acquitted him'),
    ).toBeUndefined();
    // A federal court sits somewhere; a prison is not a court.
    expect(proceedingOf('A federal jury in Ohio convicted Okafor')).toBe('federal');
    expect(proceedingOf('She is serving her term at a prison in Texas')).toBeUndefined();
  });

  it('the extractor returns it on events and charges; facts without it get it from their words', () => {
    const facts = extractFacts({
      title: 'Okafor indicted on federal charges',
      published: '2025-03-14',
      text: 'Daniel Okafor was indicted Thursday by a federal grand jury on a charge of wire fraud. Okafor already faces state charges of arson.',
    });
    const indictment = facts.events.find((e) => e.type === 'charge' && e.proceeding === 'federal');
    expect(indictment?.who).toBe('Daniel Okafor');
    expect(facts.charges.find((c) => c.charge === 'wire fraud')?.proceeding).toBe('federal');

    const verdict = (extra: Partial<CaseEvent>): CaseEvent => ({
      type: 'verdict',
      date: null,
      status: 'happened',
      who: 'X',
      summary: 'A state jury acquitted X',
      new: true,
      ...extra,
    });
    const labelled: Facts = {
      people: [],
      quotes: [],
      charges: [],
      penalties: [],
      events: [verdict({}), verdict({ proceeding: 'federal' })],
    };
    expect(withActDetails(labelled).events.map((e) => e.proceeding)).toEqual(['state', 'federal']);
  });
});
