import { describe, expect, it } from 'vitest';
import { extractFacts } from '../../src/extract/index.ts';
import type { CaseEvent } from '../../src/facts.ts';

/**
 * Scheduled acts (what /status shows as next) as the whole extractor finds them, on made-up
 * articles. Thursday 2023-03-09 unless a test says otherwise.
 */
function scheduled(text: string, published = '2023-03-09'): string[] {
  return extractFacts({ title: '', published, text })
    .events.filter((e) => e.status === 'scheduled')
    .map(brief)
    .sort();
}

function brief(e: CaseEvent): string {
  return `${e.type} ${e.date ?? 'null'}${e.new ? '' : ' (old)'}`;
}

describe('a date being set, in the words courts and reporters use', () => {
  it('"set X\'s sentencing for" a day', () => {
    expect(
      scheduled('A judge on Thursday set Jane Roe’s sentencing in the arson case for April 20.'),
    ).toEqual(['hearing 2023-04-20']);
  });
  it('a judge who will hold a hearing on a weekday', () => {
    expect(
      scheduled('John Doe was convicted of fraud. The judge planned to hold a hearing Monday on his bail.'),
    ).toEqual(['hearing 2023-03-13']);
  });
  it('the first available date for a new trial', () => {
    expect(
      scheduled(
        'Jane Roe will face a retrial on one count. The judge said the first available date for a new trial was 2 October 2023.',
      ),
    ).toEqual(['trial 2023-10-02']);
  });
  it('a jury that returns on a later day, told in the body (the trial goes on: no newly set date)', () => {
    expect(
      scheduled(
        'A jury convicted John Doe of two counts on Thursday. Doe, 41, had denied the charges. Prosecutors called twelve witnesses. The jury will return Friday to hear more evidence.',
      ),
    ).toEqual(['trial 2023-03-10 (old)']);
  });
  it('a date to report to prison (after the sentence that set it: not news of its own)', () => {
    expect(
      scheduled(
        'John Doe was sentenced to six years on Thursday. He will report to prison on May 1 to begin his sentence.',
      ),
    ).toEqual(['arrest 2023-05-01 (old)']);
  });
});

describe('an ordinal day alone', () => {
  it('"due back in court on the 30th" is a hearing that month; "on the 2nd" the next month', () => {
    expect(
      scheduled('John Doe pleaded not guilty on Thursday. He is due back in court on the 30th.'),
    ).toEqual(['hearing 2023-03-30']);
    expect(scheduled('John Doe pleaded not guilty on Thursday. He is due back in court on the 2nd.')).toEqual(
      ['hearing 2023-04-02'],
    );
  });
});

describe('the day a date was set is not the date set', () => {
  it('"a judge on Thursday set ... for April 20": April 20', () => {
    expect(scheduled('A judge on Thursday set the sentencing of Jane Roe for April 20.')).toEqual([
      'hearing 2023-04-20',
    ]);
  });
  it('"set the trial date Friday" dates the setting: no trial date is known', () => {
    expect(scheduled('The judge set the trial date Friday after a short hearing.')).toEqual([]);
  });
});

describe('tense from the date', () => {
  it('an act dated after publication has not happened: it is scheduled', () => {
    expect(scheduled('The retrial of Jane Roe opens 14 August 2023 in the county court.')).toEqual([
      'trial 2023-08-14',
    ]);
  });
  it('"in May" after a preposition is the month, not the modal: the verdict happened', () => {
    const events = extractFacts({
      title: '',
      published: '2024-01-10',
      text: 'Jurors in May found John Doe guilty of arson.',
    }).events.map((e) => `${e.type} ${e.date} ${e.status}`);
    expect(events).toEqual(['verdict 2023-05 happened']);
  });
});

describe('a next date told of the trial or the sentencing, and whose it is', () => {
  const who = (text: string, published = '2023-03-09') =>
    extractFacts({ title: '', published, text })
      .events.filter((e) => e.status === 'scheduled')
      .map((e) => `${e.type} ${e.who ?? '-'} ${e.date ?? 'null'}`)
      .sort();
  it('"sentencing is slated to take place in May" after a verdict: the convicted defendant’s', () => {
    expect(
      who(
        'Jurors on Wednesday found Jane Roe guilty of manslaughter. Officers took Roe into custody after the verdict. Sentencing is slated to take place in May. Prosecutors said John Doe, who is charged in the same case, faces trial later.',
      ),
    ).toEqual(['hearing Jane Roe 2023-05']);
  });
  it('"the trial is expected to start" after "her trial": hers, not the most-named defendant’s', () => {
    expect(
      who(
        'A grand jury indicted John Doe on Thursday. Doe was charged before. Doe denies it. Jane Roe was also charged.\n\nJury selection in her trial is scheduled to begin on April 3. The trial is expected to start on April 4 and last two weeks.',
      ),
    ).toEqual(['trial Jane Roe 2023-04-03', 'trial Jane Roe 2023-04-04']);
  });
  it('"jury selection for X’s murder retrial will resume Tuesday": X is the defendant, not a victim', () => {
    expect(
      who('Jury selection for Jane Roe’s murder retrial will resume Tuesday at the county courthouse.'),
    ).toEqual(['trial Jane Roe 2023-03-14']);
  });
  it('"expected back in court on", "scheduled to face his manslaughter trial in July"', () => {
    expect(
      who(
        'John Doe pleaded not guilty to manslaughter on Wednesday. Doe is expected back in court on April 12. He is scheduled to face his manslaughter trial in July.',
      ),
    ).toEqual(['hearing John Doe 2023-04-12', 'trial John Doe 2023-07']);
  });
  it('a day still to come in the lede is not the day of its undated news', () => {
    expect(
      extractFacts({
        title: '',
        published: '2023-03-09',
        text: 'Jury selection in the trial of John Doe will resume Tuesday. Doe’s lawyers filed a motion to move the trial to another county.',
      })
        .events.filter((e) => e.type === 'motion')
        .map((e) => e.date),
    ).toEqual(['2023-03-09']);
  });
});

describe('a date set in the passive, or named as the next court date', () => {
  it('"a June 3 pretrial hearing was set Monday": June 3 ahead, not last June nor Monday', () => {
    expect(
      scheduled(
        'Four officers pleaded not guilty to negligent homicide. A June 3 pretrial hearing was set Monday.',
        '2021-03-29',
      ),
    ).toEqual(['hearing 2021-06-03']);
  });
  it('"a Dec. 13 trial date was set Monday" is a trial scheduled for Dec. 13', () => {
    expect(
      scheduled(
        'A Dec. 13 trial date was set Monday for John Doe, who faces a manslaughter charge.',
        '2021-03-29',
      ),
    ).toEqual(['trial 2021-12-13']);
  });
  it('"the judge set May 29 as the next court date" is a date ahead', () => {
    expect(
      scheduled(
        'John Doe made his first appearance in court Thursday. The judge set May 29 as the next court date.',
        '2012-04-12',
      ),
    ).toEqual(['hearing 2012-05-29']);
  });
});

describe('a date set earlier and told again may have passed', () => {
  it('"initially was set for the week of Nov. 18" in a March article: last November, not next', () => {
    expect(
      extractFacts({
        title: '',
        published: '2020-03-12',
        text: 'John Doe faces a murder charge. Doe’s trial initially was set for the week of Nov. 18.',
      })
        .events.filter((e) => e.type === 'trial')
        .map((e) => `${e.date} ${e.status}${e.new ? '' : ' (old)'}`)
        .sort(),
    ).toEqual(['2019-11-18 happened (old)']);
  });
  it('"originally scheduled for March 30", still ahead, stays ahead', () => {
    expect(
      scheduled('John Doe’s trial, originally scheduled for March 30, was moved to June.').sort(),
    ).toEqual(['trial 2023-03-30 (old)']);
  });
});

describe('a defendant expected in court', () => {
  it('"is expected in court Thursday for a bond hearing" is a hearing that day; being held without bond is a state', () => {
    expect(
      extractFacts({
        title: '',
        published: '2022-10-20',
        text: 'John Doe, accused of killing a professor, is expected in court Thursday for a bond hearing. Doe is currently being held in the county jail without bond.',
      }).events.map((e) => `${e.type} ${e.date} ${e.status}`),
    ).toEqual(['hearing 2022-10-20 scheduled']);
  });
  it('"during his initial appearance, prosecutors argued": no appearance reported', () => {
    expect(
      extractFacts({
        title: '',
        published: '2022-10-20',
        text: 'John Doe is expected to be in court Thursday. During Doe’s initial appearance, the prosecution argued he should stay locked up.',
      }).events.filter((e) => e.type === 'hearing' && e.status === 'happened'),
    ).toEqual([]);
  });
});

describe('a date moved: the act takes the new date, the old one is background', () => {
  it('"set for April 2, was pushed back to June 9"', () => {
    expect(
      scheduled(
        'Jane Roe is charged with arson. Her plea hearing, set for April 2, was pushed back to June 9.',
      ),
    ).toEqual(['hearing 2023-06-09']);
  });
  it('"sentencing was postponed until" a day', () => {
    expect(scheduled('Jane Roe was convicted of arson. Her sentencing was postponed until June 9.')).toEqual([
      'hearing 2023-06-09',
    ]);
  });
  it('"originally set for" one day, "rescheduled for" another', () => {
    expect(
      scheduled(
        'Jane Roe is charged with arson. Her trial, originally set for April 2, was rescheduled for June 9.',
      ),
    ).toEqual(['trial 2023-06-09 (old)']);
  });
  it('"postponed the trial from April 2 to June 9"', () => {
    expect(
      scheduled(
        'Jane Roe is charged with arson. Her trial was postponed from April 2 to June 9, the judge said.',
      ),
    ).toEqual(['trial 2023-06-09']);
  });
  it('a date moved in another clause does not move this act', () => {
    expect(
      scheduled(
        'Jane Roe is charged with arson. Her trial is set for April 2, and her plea hearing was moved to June 9.',
      ),
    ).toEqual(['hearing 2023-06-09', 'trial 2023-04-02']);
  });
});
