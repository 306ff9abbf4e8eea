import { describe, expect, it } from 'vitest';
import { extractFacts } from '../../src/extract/index.ts';

const roleOf = (text: string, name: string) =>
  extractFacts({ text, title: '', published: '2024-05-10' }).people.find((p) => p.name === name)?.role;

describe('roles from the article’s other facts', () => {
  it('whoever goes on trial on a charge is a defendant, though no word beside the name says so', () => {
    expect(
      roleOf(
        'Dana Pruitt, the former treasurer of the club, went on trial Monday on embezzlement charges.',
        'Dana Pruitt',
      ),
    ).toBe('defendant');
  });

  it('a title still wins over the facts: the judge of a trial stays the judge', () => {
    const text =
      'Judge Alma Reyes presided as Dana Pruitt went on trial Monday on embezzlement charges. Reyes told jurors to avoid the news.';
    expect(roleOf(text, 'Alma Reyes')).toBe('judge');
    expect(roleOf(text, 'Dana Pruitt')).toBe('defendant');
  });
});

describe('counsel named beside a suit', () => {
  it('the lawyer who filed the suits is neither sued nor made a defendant by the suit', () => {
    const facts = extractFacts({
      text:
        'Parents of two students sued radio host Dale Corrigan on Monday. ' +
        'The suits were filed in Travis County, where Corrigan lives, by Houston lawyer Mark Fenwick.',
      title: '',
      published: '2024-05-10',
    });
    expect(facts.people.find((p) => p.name === 'Mark Fenwick')?.role).toBe('other');
    expect(facts.events.filter((e) => e.who === 'Mark Fenwick')).toEqual([]);
  });
});
