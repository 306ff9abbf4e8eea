import { describe, expect, it } from 'vitest';
import {
  actDetails,
  custodyDetails,
  dismissalDetails,
  hearingDetails,
  lawsuitDetails,
  pleaKind,
  trialDetails,
  withActDetails,
} from '../../src/extract/events/index.ts';
import { extractFacts } from '../../src/extract/index.ts';

/** The facts contract's plea kind and all-charges scope, on sentences we wrote. */

describe('plea kind and scope read from the sentence', () => {
  it('tells a plea entered (guilty, not guilty, no contest) from a deal only agreed', () => {
    expect(pleaKind('Okafor pleaded not guilty to both counts on Monday')).toBe('not_guilty');
    expect(pleaKind('She pleaded guilty to one count of arson')).toBe('guilty');
    expect(pleaKind('He entered a plea of no contest to the weapons charge')).toBe('no_contest');
    expect(pleaKind('Okafor agreed to plead guilty under a deal with prosecutors')).toBe('deal');
    expect(pleaKind('He was arraigned in county court on Tuesday')).toBe('entered');
    expect(actDetails('plea', 'She pleaded no contest under a deal pending the court’s approval')).toEqual({
      plea: 'no_contest',
      awaitingApproval: true,
    });
  });

  it('marks acts that cover every charge, with the outcome of a verdict or plea', () => {
    expect(actDetails('verdict', 'Jurors found Okafor guilty on all counts Friday')).toEqual({
      scope: 'all',
      outcome: 'convicted',
    });
    expect(actDetails('verdict', 'The jury acquitted her of all charges')).toEqual({
      scope: 'all',
      outcome: 'acquitted',
    });
    expect(actDetails('dismissal', 'A judge dismissed the case against Okafor')).toEqual({ scope: 'all' });
    expect(actDetails('charge_dropped', 'Prosecutors dropped the arson count')).toEqual({});
    expect(actDetails('verdict', 'Okafor was convicted of arson and acquitted of fraud')).toEqual({});
  });

  it('the extractor returns them on its events', () => {
    const facts = extractFacts({
      title: 'Okafor pleads not guilty',
      published: '2025-03-05',
      text: 'Dana Okafor pleaded not guilty on Tuesday to arson charges in the warehouse fire. Prosecutors later dropped all charges against Marcus Lind, her co-worker.',
    });
    const plea = facts.events.find((e) => e.type === 'plea');
    expect(plea?.plea).toBe('not_guilty');
    const drop = facts.events.find((e) => e.type === 'charge_dropped' || e.type === 'dismissal');
    expect(drop?.scope).toBe('all');
  });

  it('completes facts that lack the fields (hand labels) and leaves given fields alone', () => {
    const base = { date: null, status: 'happened' as const, who: 'Dana Okafor', new: true };
    const done = withActDetails({
      people: [],
      quotes: [],
      charges: [],
      penalties: [],
      events: [
        { ...base, type: 'plea', summary: 'Okafor pleaded guilty to all counts' },
        { ...base, type: 'plea', summary: 'Okafor pleaded guilty to all counts', plea: 'deal' },
      ],
    });
    expect(done.events.map((e) => [e.plea, e.scope, e.outcome])).toEqual([
      ['guilty', 'all', 'convicted'],
      ['deal', undefined, undefined],
    ]);
  });
});

describe('what a dismissal sentence states', () => {
  it('tells a dismissal asked for or refused from one done', () => {
    expect(
      dismissalDetails('Defense lawyers filed a motion asking the judge to dismiss the indictment'),
    ).toEqual({
      dismissalStated: 'motion',
    });
    expect(dismissalDetails('The judge denied a defense motion to dismiss the arson charges')).toEqual({
      dismissalStated: 'ruling',
    });
    expect(dismissalDetails('A judge dismissed the arson charges against Okafor')).toEqual({});
  });

  it('completes dismissal events and dismissed charges from their sentence only, keeping a given field', () => {
    const sentence = 'The judge denied a defense motion to dismiss the arson charges on Friday.';
    const done = withActDetails({
      people: [],
      quotes: [],
      penalties: [],
      events: [
        {
          type: 'dismissal',
          date: null,
          status: 'happened',
          who: 'Dana Okafor',
          new: true,
          summary: 'x',
          provenance: { sentence, offset: 0 },
        },
        {
          type: 'dismissal',
          date: null,
          status: 'happened',
          who: 'Dana Okafor',
          new: true,
          summary: sentence,
        },
      ],
      charges: [
        {
          defendant: 'Dana Okafor',
          charge: 'arson',
          status: 'dismissed',
          provenance: { sentence, offset: 0 },
        },
        {
          defendant: 'Dana Okafor',
          charge: 'arson',
          status: 'dismissed',
          provenance: { sentence: 'Dismissed.', offset: 0 },
          dismissalStated: 'motion',
        },
      ],
    });
    expect(done.events.map((e) => e.dismissalStated)).toEqual(['ruling', undefined]);
    expect(done.charges.map((c) => c.dismissalStated)).toEqual(['ruling', 'motion']);
  });
});

describe('custody the words tell', () => {
  it('police bail and a sentence being served', () => {
    expect(custodyDetails('Okafor was released on police bail pending further inquiries')).toEqual({
      policeBail: true,
    });
    expect(custodyDetails('Okafor reported to a federal prison to begin serving her sentence')).toEqual({
      serving: true,
    });
    expect(custodyDetails('A judge granted Okafor bail of $50,000 on Monday')).toEqual({});
  });
});

describe('what a lawsuit came to', () => {
  it('ended, liable, or neither', () => {
    expect(lawsuitDetails('The families settled their suit against the landlord in March')).toEqual({
      lawsuit: 'ended',
    });
    expect(lawsuitDetails('A jury ordered the landlord to pay $2 million to the tenants')).toEqual({
      lawsuit: 'liable',
    });
    expect(lawsuitDetails('The tenants sued the landlord in state court')).toEqual({});
  });
});

describe('a trial set or ended without verdict', () => {
  it('tells a trial only scheduled and a mistrial', () => {
    expect(trialDetails('The trial was postponed until the spring')).toEqual({ trialNotUnderWay: true });
    expect(trialDetails('The judge declared a mistrial after the jury deadlocked')).toEqual({
      mistrial: true,
    });
    expect(trialDetails('Opening statements began in the trial on Monday')).toEqual({});
  });
});

describe("a hearing's kind", () => {
  it('tells a sentencing, an arraignment, a preliminary hearing; a sentencing named with an arraignment wins', () => {
    expect(hearingDetails('Sentencing was set for June 2')).toEqual({ hearingKind: 'sentencing' });
    expect(hearingDetails('She will be arraigned on Friday')).toEqual({ hearingKind: 'arraignment' });
    expect(hearingDetails('A preliminary hearing is scheduled for May')).toEqual({
      hearingKind: 'preliminary',
    });
    expect(hearingDetails('At his arraignment the judge set sentencing for June 2')).toEqual({
      hearingKind: 'sentencing',
    });
    expect(hearingDetails('A status conference is set for Monday')).toEqual({});
  });
  it('is read from the whole sentence when facts come without it (a summary may be cut short)', () => {
    const sentence = `The judge, who heard from both sides for ${'nearly two hours and '.repeat(6)}then set the sentencing for June 2.`;
    const completed = withActDetails({
      people: [],
      quotes: [],
      charges: [],
      penalties: [],
      events: [
        {
          type: 'hearing',
          date: '2025-06-02',
          status: 'scheduled',
          who: 'Jane Roe',
          summary: sentence.slice(0, 60),
          new: true,
          provenance: { sentence, offset: 0 },
        },
      ],
    });
    expect(completed.events[0]?.hearingKind).toBe('sentencing');
  });
  it('the extractor fills it on the hearings it finds', () => {
    const facts = extractFacts({
      title: '',
      published: '2025-03-06',
      text: 'Jane Roe pleaded guilty to arson on Thursday. Her sentencing is scheduled for June 2.',
    });
    expect(facts.events.find((e) => e.type === 'hearing')?.hearingKind).toBe('sentencing');
  });
});
