import { describe, expect, it } from 'vitest';
import { findDateMentions, resolveMention, type Tense } from '../../src/extract/dates/resolve.ts';

/** Resolves the first date word of `text` against `published`. */
function resolve(text: string, published: string, tense: Tense = 'past'): string | null {
  const m = findDateMentions(text)[0];
  if (!m) throw new Error(`no date word in: ${text}`);
  return resolveMention(m, published, tense).date;
}

describe('weekday names', () => {
  // 2023-02-23 is a Thursday.
  it('resolve to the past for something that happened', () => {
    expect(resolve('On Monday, the office withdrew the count.', '2023-02-23')).toBe('2023-02-20');
  });
  it('resolve to the future for something scheduled', () => {
    expect(resolve('The jury was sent home until Monday.', '2023-02-23', 'future')).toBe('2023-02-27');
  });
  it('give the publication day when it is that weekday', () => {
    expect(resolve('He pleaded guilty Thursday.', '2023-02-23')).toBe('2023-02-23');
    expect(resolve('The hearing is set for Thursday afternoon.', '2023-02-23', 'future')).toBe('2023-02-23');
  });
  it('honour "last" and "next"', () => {
    expect(resolve('It happened last Thursday.', '2023-02-23')).toBe('2023-02-16');
    expect(resolve('It resumes next Thursday.', '2023-02-23', 'future')).toBe('2023-03-02');
  });
});

describe('month and day', () => {
  it('a weekday with a month and day is that exact day', () => {
    expect(resolve('She will appear on Friday, March 3.', '2023-02-23', 'future')).toBe('2023-03-03');
  });
  it('a day without a year lies before publication for the past, after it for the future', () => {
    expect(resolve('He was arrested Dec. 30.', '2023-01-04')).toBe('2022-12-30');
    expect(resolve('Trial is scheduled to begin Oct. 2.', '2023-05-22', 'future')).toBe('2023-10-02');
  });
  it('a full date keeps its year', () => {
    expect(resolve('She was charged on June 5, 2019.', '2023-02-23')).toBe('2019-06-05');
  });
});

describe('month only', () => {
  it('gives YYYY-MM, the most recent such month for the past', () => {
    expect(resolve('In January, the suspect was indicted.', '2023-02-20')).toBe('2023-01');
    expect(resolve('He was charged in November.', '2023-02-20')).toBe('2022-11');
  });
  it('gives the next such month for the future', () => {
    expect(resolve('Sentencing is expected in November.', '2023-02-20', 'future')).toBe('2023-11');
  });
  it('does not take the modal "may" for a month', () => {
    expect(findDateMentions('The charges may be refiled later.')).toEqual([]);
  });
  it('"earlier this month" and "last month"', () => {
    expect(resolve('Earlier this month, the lawyers filed a brief.', '2023-02-20')).toBe('2023-02');
    expect(resolve('The raid took place last month.', '2023-01-10')).toBe('2022-12');
  });
});

describe('vague and relative words', () => {
  it('a year or a season alone gives no date', () => {
    expect(resolve('He was arrested in 2021.', '2023-02-20')).toBeNull();
    expect(resolve('She was detained in the fall of 2024.', '2025-10-04')).toBeNull();
    expect(resolve('The suit was settled last year.', '2025-10-04')).toBeNull();
  });
  it('"this week" gives the month when the whole week lies in it', () => {
    expect(resolve('The trial began this week.', '2024-07-12')).toBe('2024-07');
    expect(resolve('The trial began this week.', '2024-07-31')).toBeNull();
  });
  it('"yesterday" and "today"', () => {
    expect(resolve('The jury deadlocked yesterday.', '2024-03-01')).toBe('2024-02-29');
    expect(resolve('She was released today.', '2024-03-01')).toBe('2024-03-01');
  });
  it('numeric dates through chrono', () => {
    expect(resolve('The motion was filed on 2023-02-10.', '2023-02-20')).toBe('2023-02-10');
  });
});

describe('counted and mid-month words', () => {
  it('"three days ago" counts back from publication', () => {
    expect(resolve('She was arrested three days ago.', '2023-03-09')).toBe('2023-03-06');
  });
  it('"mid-January" is the month', () => {
    expect(resolve('The indictment came in mid-January.', '2023-03-09')).toBe('2023-01');
  });
  it('a season word used as a verb is not a date', () => {
    expect(findDateMentions('Charges could fall under a different statute.')).toEqual([]);
  });
});

describe('words that only look like dates', () => {
  it('a month name inside a personal name is no date', () => {
    expect(findDateMentions('The court upheld the conviction of Jane Roe and Maya Lund.')).toEqual([]);
  });
  it('"earlier that month" refers to another event, not to the publication date', () => {
    const [m] = findDateMentions('Earlier that month, she had pleaded guilty.');
    expect(m?.kind).toBe('sameMonth');
    expect(m && resolveMention(m, '2023-03-09', 'past').date).toBeNull();
  });
});

describe('counts from publication, ranges and "next"', () => {
  // 2023-03-09 is a Thursday.
  it('"eight weeks from now" and "in two weeks" give the month; "in two days" the day', () => {
    expect(resolve('A ruling is expected eight weeks from now.', '2023-03-09', 'future')).toBe('2023-05');
    expect(resolve('The trial is set to begin in two weeks.', '2023-03-09', 'future')).toBe('2023-03');
    expect(resolve('The jury returns in two days.', '2023-03-09', 'future')).toBe('2023-03-11');
    expect(resolve('He was indicted two months ago.', '2023-03-09')).toBe('2023-01');
  });
  it('"next March" in March is the coming year', () => {
    expect(resolve('Sentencing is set for next March.', '2023-03-09', 'future')).toBe('2024-03');
  });
  it('a range gives its first day; a possessive weekday and a time of day keep the day', () => {
    expect(resolve('The hearings run July 10–12.', '2023-03-09', 'future')).toBe('2023-07-10');
    expect(resolve("At Wednesday's hearing, the judge spoke.", '2023-03-09')).toBe('2023-03-08');
    expect(resolve('He was arrested on Friday afternoon.', '2023-03-09')).toBe('2023-03-03');
  });
  it('"earlier in the week" is this week (its month when the week lies in one)', () => {
    expect(resolve('She pleaded guilty earlier in the week.', '2023-03-09')).toBe('2023-03');
  });
});

describe('an ordinal day alone ("on the 30th")', () => {
  // 2023-03-09 is a Thursday.
  it('is a day of the publication month, the next month when scheduled and already past', () => {
    expect(resolve('He is due back in court on the 30th.', '2023-03-09', 'future')).toBe('2023-03-30');
    expect(resolve('The hearing is set for the 2nd of next month.', '2023-03-09', 'future')).toBe(
      '2023-04-02',
    );
    expect(resolve('He is to return on the 2nd.', '2023-03-09', 'future')).toBe('2023-04-02');
    expect(resolve('The ruling is due by the 20th of this month.', '2023-03-09', 'future')).toBe(
      '2023-03-20',
    );
  });
  it('the previous month when it happened and the day is still to come this month', () => {
    expect(resolve('The motion was argued on the 20th.', '2023-03-09')).toBe('2023-02-20');
  });
  it('an ordinal of something else is no date', () => {
    expect(findDateMentions('The ruling cited the 5th Amendment and the 2nd Circuit.')).toEqual([]);
    expect(findDateMentions('They met on the 30th anniversary of the fire.')).toEqual([]);
    expect(resolve('The hearing is set for the 31st.', '2023-04-09', 'future')).toBeNull();
  });
});

describe('a year said in words after a month and day', () => {
  it('"March 30 next year", "of the following year": the year after publication, whatever the tense', () => {
    expect(resolve('The trial is set for March 30 next year.', '2026-02-18', 'future')).toBe('2027-03-30');
    expect(resolve('The earliest date was March 30 of the following year.', '2026-02-18', 'future')).toBe(
      '2027-03-30',
    );
  });
  it('"on 2 June last year": the year before', () => {
    expect(resolve('He was arrested on 2 June last year.', '2023-03-09')).toBe('2022-06-02');
  });
});

describe('the nearer reading, for a schedule told again', () => {
  it('a day months past is nearer than the same day next year', () => {
    expect(resolve('The trial initially was set for Nov. 18.', '2020-03-12', 'near')).toBe('2019-11-18');
  });
  it('a day weeks ahead is nearer than the same day last year', () => {
    expect(resolve('The hearing originally set for April 2 was moved.', '2020-03-12', 'near')).toBe(
      '2020-04-02',
    );
  });
  it('a month alone: the nearer one', () => {
    expect(resolve('It was originally scheduled for October.', '2020-03-12', 'near')).toBe('2019-10');
    expect(resolve('It was originally scheduled for May.', '2020-03-12', 'near')).toBe('2020-05');
  });
});
