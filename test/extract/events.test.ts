import { describe, expect, it } from 'vitest';
import { extractEvents } from '../../src/extract/events/events.ts';
import type { CaseEvent } from '../../src/facts.ts';
import { type FixturePerson, fixture } from './eventsFixture.ts';

const ROE: FixturePerson = { name: 'Jane Roe', role: 'defendant', gender: 'female' };
const DOE: FixturePerson = { name: 'John Doe', role: 'defendant', gender: 'male' };
const JUDGE: FixturePerson = { name: 'Maria Vance', role: 'judge', gender: 'female' };

/** Events of a made-up article published on Thursday 2023-03-09. */
function events(text: string, persons: FixturePerson[] = [ROE], published = '2023-03-09'): CaseEvent[] {
  const { doc, people } = fixture(text, published, persons);
  return extractEvents(doc, people);
}

function brief(e: CaseEvent): string {
  return `${e.type} ${e.who ?? '-'} ${e.date ?? 'null'} ${e.status}`;
}

describe('event types', () => {
  const cases: Array<[string, string]> = [
    [
      'Detectives searched her apartment under a search warrant on Friday, police said.',
      'investigation Jane Roe 2023-03-03 happened',
    ],
    ['Jane Roe was arrested on Tuesday at her office.', 'arrest Jane Roe 2023-03-07 happened'],
    ['A grand jury indicted Jane Roe on Wednesday.', 'charge Jane Roe 2023-03-08 happened'],
    [
      'On Monday, prosecutors dropped the weapons enhancement against Jane Roe.',
      'charge_dropped Jane Roe 2023-03-06 happened',
    ],
    [
      'A judge dismissed the case against Jane Roe with prejudice on Tuesday.',
      'dismissal Jane Roe 2023-03-07 happened',
    ],
    ['Jane Roe was denied bail at a detention hearing Wednesday.', 'bail Jane Roe 2023-03-08 happened'],
    ['Jane Roe pleaded not guilty to all counts on Monday.', 'plea Jane Roe 2023-03-06 happened'],
    [
      'Her lawyers filed a motion to suppress the evidence on Friday, arguing the search was illegal. Jane Roe denies wrongdoing.',
      'motion Jane Roe 2023-03-03 happened',
    ],
    [
      'Judge Maria Vance denied the defense request for a change of venue on Monday in the case of Jane Roe.',
      'ruling Jane Roe 2023-03-06 happened',
    ],
    ['Jane Roe is scheduled to be arraigned on March 20.', 'hearing Jane Roe 2023-03-20 scheduled'],
    ['Jury selection in the trial of Jane Roe began Monday.', 'trial Jane Roe 2023-03-06 happened'],
    [
      'A jury found Jane Roe guilty of second-degree murder on Wednesday.',
      'verdict Jane Roe 2023-03-08 happened',
    ],
    ['Jane Roe was sentenced to 12 years in prison on Tuesday.', 'sentence Jane Roe 2023-03-07 happened'],
    ['Attorneys for Jane Roe filed a notice of appeal on Monday.', 'appeal Jane Roe 2023-03-06 happened'],
    [
      'Jane Roe was released from jail on Wednesday after posting bond.',
      'release Jane Roe 2023-03-08 happened',
    ],
  ];
  for (const [sentence, expected] of cases) {
    it(expected.split(' ')[0] ?? expected, () => {
      expect(events(sentence, [ROE, JUDGE]).map(brief)).toContain(expected);
    });
  }
  it('lawsuit against an organisation only: about no one person (not the plaintiff)', () => {
    const plaintiff: FixturePerson = { name: 'Paul Kent', role: 'plaintiff', gender: 'male' };
    const got = events('Paul Kent filed a wrongful-death lawsuit against the studio on Tuesday.', [
      plaintiff,
    ]);
    expect(got.map(brief)).toEqual(['lawsuit - 2023-03-07 happened']);
  });
  it('a prosecutors\u2019 notice of dismissal is a dropped charge, not a dismissal', () => {
    const got = events('Prosecutors filed a notice of dismissal on Friday in the case against Jane Roe.');
    expect(got.map((e) => e.type)).toEqual(['charge_dropped']);
  });
});

describe('dates in past and future tense', () => {
  it('"sent home until Monday" is a scheduled date in the future', () => {
    const got = events('In the trial of Jane Roe, jurors were sent home until Monday.');
    expect(got.map(brief)).toContain('trial Jane Roe 2023-03-13 scheduled');
  });
  it('a month-only date gives YYYY-MM and is background', () => {
    const [e] = events('In January, Jane Roe was arrested in Ohio.');
    expect(e).toMatchObject({ type: 'arrest', date: '2023-01', new: false });
  });
  it('a filing made Friday and announced Monday is dated Friday', () => {
    const text =
      'Prosecutors announced Monday that they dropped the weapons enhancement against Jane Roe.\nThe amended complaint was filed Friday.';
    const got = events(text, [ROE], '2023-03-07');
    expect(got.filter((e) => e.type === 'charge_dropped').map((e) => e.date)).toEqual(['2023-03-03']);
  });
  it('"the following day" counts from the event before it', () => {
    const got = events(
      'Jane Roe was arrested on Monday, March 6.\nHer indictment was unsealed the following day.',
    );
    expect(got.map(brief)).toEqual([
      'arrest Jane Roe 2023-03-06 happened',
      'charge Jane Roe 2023-03-07 happened',
    ]);
  });
});

describe('who, status and news', () => {
  it('one event per defendant named together', () => {
    const got = events('Jane Roe and John Doe were indicted Tuesday on fraud charges.', [ROE, DOE]);
    expect(got.map(brief).sort()).toEqual([
      'charge Jane Roe 2023-03-07 happened',
      'charge John Doe 2023-03-07 happened',
    ]);
  });
  it('"both men" stands for the two defendants', () => {
    const text = 'Jane Roe and John Doe were indicted last year.\nBoth men were arraigned on Monday.';
    const got = events(text, [ROE, DOE]).filter((e) => e.type === 'hearing');
    expect(got.map(brief).sort()).toEqual([
      'hearing Jane Roe 2023-03-06 happened',
      'hearing John Doe 2023-03-06 happened',
    ]);
  });
  it('a person named in a relative clause is not the subject', () => {
    const got = events('John Doe, who drove Jane Roe to the bank, pleaded guilty on Monday.', [ROE, DOE]);
    expect(got.map(brief)).toEqual(['plea John Doe 2023-03-06 happened']);
  });
  it('scheduled versus happened', () => {
    const got = events(
      'Jane Roe appeared in court on Monday for a status conference.\nHer trial is set to begin on April 17.',
    );
    expect(got.map(brief)).toEqual([
      'hearing Jane Roe 2023-03-06 happened',
      'trial Jane Roe 2023-04-17 scheduled',
    ]);
  });
  it('stated intentions without a date are not events', () => {
    expect(events('Jane Roe plans to appeal the verdict.\nHer lawyers vowed to appeal.')).toEqual([]);
  });
  it('conditions are not events', () => {
    expect(events('If convicted, Jane Roe could be sentenced to life in prison.')).toEqual([]);
  });
  it('quoted speech triggers nothing', () => {
    expect(events('Her lawyer said, "We expect the judge to dismiss every single count next week."')).toEqual(
      [],
    );
  });
  it('the news of the week is new, recalled background is not', () => {
    const got = events(
      'Jane Roe was arrested on Tuesday.\nShe had pleaded not guilty to a theft charge in 2019.',
    );
    expect(got.map((e) => [e.type, e.new])).toEqual([
      ['arrest', true],
      ['plea', false],
    ]);
  });
  it('case-wide investigation steps have no person', () => {
    const got = events('The sheriff\u2019s office handed its final report to prosecutors on Monday.');
    expect(got.map(brief)).toEqual(['investigation - 2023-03-06 happened']);
  });
  it('mentions of one development merge, and each event has a short summary and provenance', () => {
    const text =
      'Jane Roe was arrested Tuesday.\nHer arrest came after a long inquiry; Jane Roe was arrested at home.';
    const got = events(text);
    expect(got).toHaveLength(1);
    expect(got[0]?.summary.length).toBeLessThanOrEqual(121);
    expect(got[0]?.provenance).toEqual({ sentence: 'Jane Roe was arrested Tuesday.', offset: 0 });
  });
});

describe('more phrasings', () => {
  it('a date in a relative clause dates only that clause', () => {
    const got = events('Jane Roe, who was arrested in January, has been held without bail since.');
    expect(got.map(brief)).toEqual(['arrest Jane Roe 2023-01 happened', 'bail Jane Roe null happened']);
  });
  it('a plea recalled in a relative clause is background, the court date is news', () => {
    const got = events('Jane Roe, who has pleaded not guilty, is due back in court on Friday.');
    expect(got.map((e) => [brief(e), e.new])).toEqual([
      ['plea Jane Roe null happened', false],
      ['hearing Jane Roe 2023-03-10 scheduled', true],
    ]);
  });
  it('"granted a motion to dismiss" is a dismissal; "asked the court to dismiss" a motion', () => {
    expect(
      events('The judge granted a motion to dismiss the case against Jane Roe on Monday.').map(brief),
    ).toEqual(['dismissal Jane Roe 2023-03-06 happened']);
    expect(events('Lawyers for Jane Roe asked the court to dismiss the case.').map((e) => e.type)).toEqual([
      'motion',
    ]);
  });
  it('the extradition waiver is one arrest event, not also a hearing', () => {
    const got = events('At a brief hearing on Tuesday, Jane Roe waived extradition.');
    expect(got.map(brief)).toEqual(['arrest Jane Roe 2023-03-07 happened']);
  });
  it('the summary drops the dateline', () => {
    const [e] = events('BOISE, Idaho (AP) — Jane Roe was arrested on Tuesday.');
    expect(e?.summary).toBe('Jane Roe was arrested on Tuesday.');
  });
  it('a postponement is a scheduled date', () => {
    const got = events(
      'Her trial was moved to June.\nThe next hearing for Jane Roe was postponed until Friday.',
    );
    expect(got.map(brief)).toEqual([
      'trial Jane Roe 2023-06 scheduled',
      'hearing Jane Roe 2023-03-10 scheduled',
    ]);
  });
  it('"a week later" and "later that day" chain from the dated event before', () => {
    const text =
      'Jane Roe was arrested on March 1.\nA week later, she was indicted.\nLater that day, a judge denied her bail.';
    expect(events(text).map(brief)).toEqual([
      'arrest Jane Roe 2023-03-01 happened',
      'charge Jane Roe 2023-03-08 happened',
      'bail Jane Roe 2023-03-08 happened',
    ]);
  });
});
