import { describe, expect, it } from 'vitest';
import { extractFacts } from '../../src/extract/index.ts';
import type { CaseEvent } from '../../src/facts.ts';

/**
 * Events of made-up wire copy through the whole extractor (real segmentation and person registry):
 * the court words of every-day reports, clause structure (fronted clauses, restrictive relatives,
 * attributive participles), defendants counted as a group and listed by name, victims named after
 * the crime. Thursday 2023-03-09 unless a test says otherwise.
 */
function events(text: string, published = '2023-03-09'): string[] {
  return extractFacts({ title: '', published, text }).events.map(brief).sort();
}

function brief(e: CaseEvent): string {
  return `${e.type} ${e.who ?? '-'} ${e.date ?? 'null'} ${e.status}${e.new ? '' : ' (old)'}`;
}

describe('court words of every-day reports', () => {
  it('a long title between "found" and "guilty" still reports a verdict', () => {
    expect(
      events(
        'A county jury found longtime school board treasurer Jane Roe guilty of embezzlement on Tuesday.',
      ),
    ).toEqual(['verdict Jane Roe 2023-03-07 happened']);
  });
  it('"was convicted Monday" is a verdict; "moved for an acquittal" asks for one', () => {
    expect(
      events(
        'His lawyer moved for an acquittal on Tuesday, but Judge Ann Marsh denied the motion. John Doe was convicted Monday.',
      ),
    ).toEqual([
      'motion John Doe 2023-03-07 happened',
      'ruling John Doe 2023-03-07 happened',
      'verdict John Doe 2023-03-06 happened',
    ]);
  });
  it('walking out of a named jail is a release', () => {
    expect(events('John Doe walked out of the Pine County Jail on Wednesday after posting bond.')).toEqual([
      'release John Doe 2023-03-08 happened',
    ]);
  });
  it('a quoted plea is entered; plea deals accepted by three listed people are three pleas', () => {
    expect(events('John Doe entered a "not guilty" plea to all counts on Tuesday.')).toEqual([
      'plea John Doe 2023-03-07 happened',
    ]);
    expect(events('Mark Lee, Paul Kent and Sam Ortiz accepted plea deals on Monday.')).toEqual([
      'plea Mark Lee 2023-03-06 happened',
      'plea Paul Kent 2023-03-06 happened',
      'plea Sam Ortiz 2023-03-06 happened',
    ]);
  });
  it('a return to court, a court date set and a hearing that takes place are hearings', () => {
    expect(events('John Doe will return to court on March 20.')).toEqual([
      'hearing John Doe 2023-03-20 scheduled',
    ]);
    expect(
      events('John Doe was back in court Wednesday. The judge set the next court date for April 4.'),
    ).toContain('hearing John Doe 2023-03-08 happened');
    expect(events('The next hearing for John Doe will not take place until May 2.')).toEqual([
      'hearing John Doe 2023-05-02 scheduled',
    ]);
  });
  it('a new trial ordered and a request declined are rulings', () => {
    expect(events('A judge ordered a new trial Wednesday for John Doe.')).toEqual([
      'ruling John Doe 2023-03-08 happened',
    ]);
    expect(events('Judge Ann Marsh on Monday declined the request by John Doe to move the trial.')).toEqual([
      'ruling John Doe 2023-03-06 happened',
    ]);
  });
  it('charges handed up by a grand jury are a charge; a surrender at the courthouse an arrest', () => {
    expect(events('The charges against John Doe were handed up by a grand jury on Monday.')).toEqual([
      'charge John Doe 2023-03-06 happened',
    ]);
  });
  it('"the five charged thefts" names offences; it reports no charge', () => {
    expect(
      events('The lawyers for John Doe asked the judge to try the five charged thefts separately.'),
    ).toEqual(['motion John Doe 2023-03-09 happened']);
  });
  it('"Supreme Court Justice" before a name is a trial judge, not an appeal', () => {
    expect(
      events('Lawyers for John Doe have asked State Supreme Court Justice Ann Marsh to suppress the search.'),
    ).not.toContainEqual(expect.stringMatching(/^appeal/));
  });
});

describe('clauses that date or background an act', () => {
  it('an opening "After ...ing ... Monday," clause dates only its own act; the lede act is the news day', () => {
    expect(
      events('After surrendering at the courthouse Monday, John Doe was arraigned. He pleaded not guilty.'),
    ).toEqual([
      'arrest John Doe 2023-03-06 happened',
      'hearing John Doe 2023-03-09 happened',
      'plea John Doe 2023-03-09 happened',
    ]);
  });
  it('a date after another act told by its verb dates that act; a hearing noun keeps its day', () => {
    expect(
      events('John Doe surrendered at the county jail to face charges handed up by a grand jury on Jan. 5.'),
    ).toEqual(['arrest John Doe 2023-03-09 happened', 'charge John Doe 2023-01-05 happened (old)']);
    expect(events('Jane Roe stood silent during an arraignment hearing Monday.')).toEqual([
      'hearing Jane Roe 2023-03-06 happened',
      'plea Jane Roe 2023-03-06 happened',
    ]);
  });
  it('an opening time phrase without a verb dates the whole sentence', () => {
    expect(
      events('After Wednesday’s lunch break, the jury said it had reached a verdict on John Doe.'),
    ).toEqual(['verdict John Doe 2023-03-08 happened']);
  });
  it('an act in a restrictive relative clause is background and takes no date of the main clause', () => {
    expect(
      events(
        'A judge on Wednesday ordered a new trial for two former deputies who were convicted of assault. Mark Lee and Paul Kent had appealed.',
      ),
    ).toEqual([
      'appeal Mark Lee null happened (old)',
      'appeal Paul Kent null happened (old)',
      'ruling Mark Lee 2023-03-08 happened',
      'ruling Paul Kent 2023-03-08 happened',
      'verdict Mark Lee null happened (old)',
      'verdict Paul Kent null happened (old)',
    ]);
  });
  it('"earlier this week" in a Friday story at a month\'s turn is the month of Monday to Thursday', () => {
    expect(events('Mark Lee pleaded guilty earlier this week.', '2024-11-01')).toEqual([
      'plea Mark Lee 2024-10 happened',
    ]);
  });
});

describe('schedules and tenses of court news', () => {
  it('"is to stand trial on" is a trial set; "will then return to court" is a hearing set', () => {
    expect(
      events(
        'Jane Roe was charged with arson. Jane Roe is to stand trial at the county court on June 3. She will then return to court for a status hearing on April 8.',
      ),
    ).toEqual([
      'charge Jane Roe 2023-03-09 happened',
      'hearing Jane Roe 2023-04-08 scheduled',
      'trial Jane Roe 2023-06-03 scheduled',
    ]);
  });
  it('a trial set with words before "trial" is a trial', () => {
    expect(
      events('Judge Ann Marsh set a provisional county court trial for October 25 for John Doe.'),
    ).toEqual(['trial John Doe 2023-10-25 scheduled']);
  });
  it('"remanded ... and is expected to appear on November 7": the date is the appearance\'s, not the remand\'s', () => {
    expect(
      events(
        'John Doe was remanded to jail and is expected to make his next court appearance on November 7.',
      ),
    ).toEqual(['bail John Doe 2023-03-09 happened', 'hearing John Doe 2023-11-07 scheduled']);
  });
  it('a future in an opening "Though ... will" clause does not make the main clause\'s past act scheduled', () => {
    expect(
      events(
        'Though John Doe will appeal his conviction, the sentence ends a case that peaked in September when a jury convicted him of fraud.',
      ),
    ).toEqual(['verdict John Doe 2022-09 happened (old)']);
  });
});

describe('a motion to dismiss is no dismissal', () => {
  it('a denied motion "by X\'s lawyers to dismiss" is a ruling; "motions to dismiss ... were denied" dismiss nothing', () => {
    expect(
      events('The judge denied a motion by the lawyers for John Doe to dismiss the charges on Monday.'),
    ).toEqual(['ruling John Doe 2023-03-06 happened']);
    expect(
      events(
        'All motions to dismiss the charges against John Doe were denied Thursday and a trial date was set for April 1.',
      ),
    ).not.toContainEqual(expect.stringMatching(/^dismissal/));
  });
  it('charges a filing argues "should be dismissed" are not dismissed', () => {
    expect(
      events('Lawyers for John Doe filed motions last week, arguing that the charges should be dismissed.'),
    ).toEqual(['motion John Doe 2023-03-09 happened']);
  });
});

describe('who: groups, lists and victims', () => {
  it('"Three former county jail guards" are the three people the next sentence names', () => {
    expect(
      events(
        'Three former county jail guards were indicted Tuesday in the death of an inmate. Mark Lee, Paul Kent and Sam Ortiz are due in court next week.',
      ),
    ).toEqual([
      'charge Mark Lee 2023-03-07 happened',
      'charge Paul Kent 2023-03-07 happened',
      'charge Sam Ortiz 2023-03-07 happened',
      'hearing Mark Lee 2023-03 scheduled',
      'hearing Paul Kent 2023-03 scheduled',
      'hearing Sam Ortiz 2023-03 scheduled',
    ]);
  });
  it('a person named after a dash in the sentence is no subject of its act', () => {
    expect(
      events(
        'John Doe was sentenced Thursday. The next hearing will not take place until May 2 — a date chosen by Judge Ann Marsh, a donor to Senator Bob Hale.',
      ),
    ).toEqual(['hearing John Doe 2023-05-02 scheduled', 'sentence John Doe 2023-03-09 happened']);
  });
  it('the women named as the victims of the killings are never what an act is about', () => {
    const found = events(
      'The man was charged in the killings of two women, Mary Poe and Ann Vale. Police said Mary Poe and Ann Vale were last seen in 2019. The suspect will return to court on March 20.',
    );
    expect(found.join(' ')).not.toMatch(/Poe|Vale/);
    expect(found).toContain('hearing - 2023-03-20 scheduled');
  });
});
