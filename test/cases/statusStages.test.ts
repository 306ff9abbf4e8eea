import { describe, expect, it } from 'vitest';
import { nameAgreement } from '../../src/cases/names.ts';
import { caseStatus } from '../../src/cases/status.ts';
import { article, facts } from './helpers.ts';
import { DALE, type Item, indicted, knowledgeOf, LFS } from './statusFixtures.ts';

/** Trial, appeal, next-date and person-name rules beyond the development corpus. */

describe('trial, mistrial and appeals', () => {
  const trial = (published: string, date: string, summary: string): Item => [
    article(`https://g.example/${published}`, published),
    facts({ events: [{ type: 'trial', who: LFS, date, summary }] }),
  ];

  it('trial from jury selection; a mistrial goes back to pretrial; a postponement is not a trial', () => {
    const postponed = trial('2025-05-01', '2025-04-30', 'Trial postponed to September');
    const k = knowledgeOf([
      indicted,
      postponed,
      trial('2025-09-02', '2025-09-01', 'Jury selection began'),
      trial('2025-09-20', '2025-09-19', 'Judge declared a mistrial after the jury deadlocked'),
    ]);
    expect(caseStatus(k, '2025-05-01').defendants[LFS]?.stage).toBe('pretrial');
    expect(caseStatus(k, '2025-09-02').defendants[LFS]?.stage).toBe('trial');
    expect(caseStatus(k, '2025-09-20').defendants[LFS]?.stage).toBe('pretrial');
  });

  it('a ruling that someone is to stand trial, or a trial "happened" on a later day, is not a trial under way', () => {
    const k = knowledgeOf([
      indicted,
      trial('2025-04-15', '2025-04-14', 'Judge ruled there is enough evidence for her to stand trial'),
      trial('2025-05-01', '2025-10-06', 'Trial opens Oct. 6'),
    ]);
    expect(caseStatus(k, '2025-05-01').defendants[LFS]?.stage).toBe('pretrial');
  });

  it("the state's appeal of a dismissal reopens the case until it is withdrawn", () => {
    const dismissed: Item = [
      article('https://h.example/dismissed', '2025-06-10'),
      facts({
        events: [{ type: 'dismissal', who: DALE, date: '2025-06-06', summary: 'Judge dismissed the case' }],
        charges: [
          { defendant: DALE, charge: 'theft', status: 'dismissed' },
          { defendant: DALE, charge: 'forgery', status: 'dismissed' },
        ],
      }),
    ];
    const appealed: Item = [
      article('https://h.example/appealed', '2025-07-01'),
      facts({
        events: [{ type: 'appeal', who: DALE, date: '2025-06-30', summary: 'State appealed the dismissal' }],
      }),
    ];
    const withdrawn: Item = [
      article('https://h.example/withdrawn', '2025-11-01'),
      facts({
        events: [
          { type: 'appeal', who: DALE, date: '2025-10-30', summary: 'Prosecutors withdrew their appeal' },
        ],
      }),
    ];
    const k = knowledgeOf([indicted, dismissed, appealed, withdrawn]);
    expect(caseStatus(k, '2025-06-10').defendants[DALE]?.stage).toBe('dismissed');
    expect(caseStatus(k, '2025-07-01').defendants[DALE]?.stage).toBe('appeal');
    expect(caseStatus(k, '2025-11-01').defendants[DALE]?.stage).toBe('closed');
  });

  it('an appeal taken before the conviction (a pretrial appeal) does not make the stage appeal', () => {
    const pretrialAppeal: Item = [
      article('https://i.example/pretrial-appeal', '2025-03-01'),
      facts({
        events: [{ type: 'appeal', who: LFS, date: '2025-02-27', summary: 'Appealed the bail ruling' }],
      }),
    ];
    const verdict: Item = [
      article('https://i.example/guilty', '2025-10-25'),
      facts({
        events: [{ type: 'verdict', who: LFS, date: '2025-10-24', summary: 'Found guilty of theft' }],
        charges: [{ defendant: LFS, charge: 'theft', status: 'convicted' }],
      }),
    ];
    const k = knowledgeOf([indicted, pretrialAppeal, verdict]);
    expect(caseStatus(k, '2025-10-25').defendants[LFS]?.stage).toBe('verdict');
  });

  it('an appeal reported before the conviction article still counts once the conviction is known', () => {
    // Background order: the appeal arrives first, the verdict only in a later article.
    const appeal: Item = [
      article('https://i.example/appeal', '2026-02-04'),
      facts({
        events: [{ type: 'appeal', who: LFS, date: '2026-02-03', summary: 'Notice of appeal filed' }],
      }),
    ];
    const verdict: Item = [
      article('https://i.example/verdict', '2026-02-05'),
      facts({
        events: [
          { type: 'verdict', who: LFS, date: '2025-10', summary: 'Convicted in October', new: false },
          { type: 'sentence', who: LFS, date: '2026-01', summary: 'Sentenced in January', new: false },
        ],
        charges: [{ defendant: LFS, charge: 'theft', status: 'convicted' }],
      }),
    ];
    expect(caseStatus(knowledgeOf([indicted, appeal, verdict]), '2026-02-05').defendants[LFS]?.stage).toBe(
      'appeal',
    );
  });
});

describe('next date', () => {
  const set = (published: string, date: string, summary: string): Item => [
    article(`https://j.example/${published}`, published),
    facts({ events: [{ type: 'hearing', who: LFS, date, status: 'scheduled', summary }] }),
  ];

  it('a new date for the same kind of hearing supersedes the old one', () => {
    const k = knowledgeOf([
      indicted,
      set('2025-04-01', '2025-05-01', 'Sentencing set for May 1'),
      set('2025-04-20', '2025-06-15', 'Sentencing moved to June 15'),
      set('2025-04-21', '2025-05-20', 'Hearing on the motion to suppress'),
    ]);
    expect(caseStatus(k, '2025-04-22').next).toEqual({
      date: '2025-05-20',
      what: 'Hearing on the motion to suppress',
    });
    expect(caseStatus(k, '2025-05-21').next).toEqual({
      date: '2025-06-15',
      what: 'Sentencing moved to June 15',
    });
  });

  it('a sentence imposed makes a pending sentencing date moot', () => {
    const sentenced: Item = [
      article('https://j.example/sentenced', '2025-05-03'),
      facts({ events: [{ type: 'sentence', who: LFS, date: '2025-04', summary: 'Sentenced in April' }] }),
    ];
    const k = knowledgeOf([
      indicted,
      set('2025-04-01', '2025-06-01', 'Sentencing set for June 1'),
      sentenced,
    ]);
    expect(caseStatus(k, '2025-05-03').next).toBeNull();
  });
});

describe('person names', () => {
  it('people sharing one part of a hyphenated surname, or a surname, are different people', () => {
    expect(nameAgreement('Amara Northcott-Harcourt', 'Amara Abernethy-Harcourt')).toBe(0);
    expect(nameAgreement('Defendant Number0 X', 'Defendant Number1 X')).toBe(0);
  });

  it('a surname part, a hyphen spelling or a nickname still denotes the same person', () => {
    expect(nameAgreement('Hannah Gutierrez', 'Hannah Gutierrez-Reed')).toBeGreaterThan(0);
    expect(nameAgreement('Hannah Gutierrez Reed', 'Hannah Gutierrez-Reed')).toBeGreaterThan(0);
    expect(nameAgreement('Dave Halls', 'David Halls')).toBeGreaterThan(0);
    expect(nameAgreement('Harcourt', 'Amara Abernethy-Harcourt')).toBeGreaterThan(0);
  });
});
