import { describe, expect, it } from 'vitest';
import { extractPenalties } from '../../src/extract/charges/penalties.ts';
import { type FixturePerson, fixture } from './eventsFixture.ts';

const ROE: FixturePerson = { name: 'Jane Roe', role: 'defendant', gender: 'female' };
const DOE: FixturePerson = { name: 'John Doe', role: 'defendant', gender: 'male' };

function penalties(text: string, persons: FixturePerson[] = [ROE]): string[] {
  const { doc, people } = fixture(text, '2023-03-09', persons);
  return extractPenalties(doc, people).map(
    (p) => `${p.defendant}: ${p.max ?? '-'} ${p.unit}${p.current ? '' : ' (past)'}`,
  );
}

describe('penalties', () => {
  it('a maximum in digits or words', () => {
    expect(penalties('If convicted, Jane Roe faces up to 20 years in prison.')).toEqual([
      'Jane Roe: 20 years',
    ]);
    expect(penalties('Jane Roe faces a possible five-year prison sentence.')).toEqual(['Jane Roe: 5 years']);
    expect(
      penalties('The charge is punishable by up to eighteen months in jail.\nJane Roe denies it.'),
    ).toEqual(['Jane Roe: 18 months']);
  });
  it('life and death', () => {
    expect(penalties('Jane Roe could face life in prison if convicted.')).toEqual(['Jane Roe: - life']);
    expect(penalties('Prosecutors said Jane Roe could face the death penalty.')).toEqual([
      'Jane Roe: - death',
    ]);
  });
  it('"will no longer face" and "would have carried" are not current', () => {
    expect(penalties('Jane Roe will no longer face a possible five-year prison sentence.')).toEqual([
      'Jane Roe: 5 years (past)',
    ]);
    expect(
      penalties(
        'Prosecutors dropped the enhancement, which would have carried a 10-year sentence, against Jane Roe.',
      ),
    ).toEqual(['Jane Roe: 10 years (past)']);
  });
  it('a penalty tied to a dropped charge is not current', () => {
    const text =
      'Prosecutors dropped the firearm enhancement against Jane Roe.\nThe firearm enhancement carried a mandatory three years in prison.';
    expect(penalties(text)).toEqual(['Jane Roe: 3 years (past)']);
  });
  it('imposed sentences, fines and ages are not penalties', () => {
    expect(penalties('Jane Roe, 42, was sentenced to 12 years in prison and fined $10,000.')).toEqual([]);
    expect(penalties('Jane Roe faces a $250,000 fine.')).toEqual([]);
  });
  it('each defendant named gets the penalty', () => {
    expect(penalties('Jane Roe and John Doe each face up to 10 years in prison.', [ROE, DOE])).toEqual([
      'Jane Roe: 10 years',
      'John Doe: 10 years',
    ]);
  });
  it('a plea deal sentence not yet imposed is recorded', () => {
    expect(penalties('Under the deal, Jane Roe agreed to serve six months of probation.')).toEqual([
      'Jane Roe: 6 months',
    ]);
  });
  it('"15 years to life" is life, and a range gives its top', () => {
    expect(penalties('The charge against Jane Roe carries a sentence of 15 years to life.')).toEqual([
      'Jane Roe: - life',
    ]);
    expect(penalties('If convicted, Jane Roe faces a sentence of 12 to 20 years.')).toEqual([
      'Jane Roe: 20 years',
    ]);
  });
  it('a death penalty prosecutors seek is a possible sentence', () => {
    expect(penalties('Prosecutors are seeking the death penalty against Jane Roe.')).toEqual([
      'Jane Roe: - death',
    ]);
  });
});
