import { describe, expect, it } from 'vitest';
import { caseStatus } from '../../src/cases/status.ts';
import { DALE, itemMaker, knowledgeOf, LFS } from './statusFixtures.ts';

/** The next date after a date is called off or moved (issue 12, item 3); invented articles. */

const item = itemMaker('next');
const nextOf = (items: Parameters<typeof knowledgeOf>[0], asOf: string) =>
  caseStatus(knowledgeOf(items), asOf).next?.date ?? null;

const sentencingSet = item('2025-01-20', {
  events: [
    { type: 'verdict', who: LFS, date: '2025-01-17', summary: 'A jury convicted her of theft' },
    {
      type: 'hearing',
      who: LFS,
      status: 'scheduled',
      date: '2025-03-03',
      hearingKind: 'sentencing',
      summary: 'Her sentencing is set for March 3',
    },
  ],
});
const trialSet = item('2025-01-20', {
  events: [
    {
      type: 'trial',
      who: LFS,
      status: 'scheduled',
      date: '2025-06-02',
      trialNotUnderWay: true,
      summary: 'Her trial is scheduled to begin June 2',
    },
  ],
});

describe('a date called off or moved', () => {
  it('a sentencing reported postponed with no new date is no longer next', () => {
    const postponed = item('2025-02-10', {
      events: [
        {
          type: 'hearing',
          who: LFS,
          status: 'scheduled',
          date: '2025-03-03',
          hearingKind: 'sentencing',
          summary: 'Her sentencing, set for March 3, was postponed, a court spokesman said',
        },
      ],
    });
    expect(nextOf([sentencingSet], '2025-02-10')).toBe('2025-03-03');
    expect(nextOf([sentencingSet, postponed], '2025-02-10')).toBeNull();
  });

  it('a trial "postponed indefinitely" or its date vacated leaves no trial date', () => {
    const off = (summary: string) =>
      item('2025-04-01', {
        events: [{ type: 'trial', who: LFS, trialNotUnderWay: true, summary }],
      });
    expect(
      nextOf([trialSet, off('Her trial was postponed indefinitely on Monday')], '2025-04-01'),
    ).toBeNull();
    expect(nextOf([trialSet, off('The judge vacated her trial date on Monday')], '2025-04-01')).toBeNull();
    expect(nextOf([trialSet, off('Her trial was adjourned until further notice')], '2025-04-01')).toBeNull();
  });

  it('a date moved to another keeps the new one', () => {
    const moved = (summary: string) =>
      item('2025-04-01', {
        events: [
          {
            type: 'trial',
            who: LFS,
            status: 'scheduled',
            date: '2025-09-08',
            trialNotUnderWay: true,
            summary,
          },
        ],
      });
    for (const summary of [
      'Her trial was pushed back to September 8',
      'Her trial, postponed twice, is now set for September 8',
      'The trial was postponed until September 8 at the request of the defence',
    ])
      expect(nextOf([trialSet, moved(summary)], '2025-04-01')).toBe('2025-09-08');
  });
});

describe('a date of the whole case', () => {
  const hearingSet = item('2025-03-01', {
    events: [
      { type: 'charge', who: LFS, date: '2025-02-27', summary: 'Both were charged with fraud' },
      { type: 'charge', who: DALE, date: '2025-02-27', summary: 'Both were charged with fraud' },
      {
        type: 'hearing',
        status: 'scheduled',
        date: '2025-05-10',
        summary: 'A hearing on the defence motions in the case is set for May 10',
      },
    ],
  });
  const dismissed = (who: string) =>
    item('2025-04-02', {
      events: [
        { type: 'dismissal', who, date: '2025-04-01', scope: 'all', summary: 'The judge dismissed the case' },
      ],
    });

  it('is dropped once the case is over for every defendant, and kept while one still faces trial', () => {
    expect(nextOf([hearingSet, dismissed(LFS)], '2025-04-02')).toBe('2025-05-10');
    expect(nextOf([hearingSet, dismissed(LFS), dismissed(DALE)], '2025-04-02')).toBeNull();
  });
});
