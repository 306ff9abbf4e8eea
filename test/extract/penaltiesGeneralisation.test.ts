import { describe, expect, it } from 'vitest';
import { extractPenalties } from '../../src/extract/charges/penalties.ts';
import { type FixturePerson, fixture } from './eventsFixture.ts';

const ROE: FixturePerson = { name: 'Jane Roe', role: 'defendant', gender: 'female' };
const DOE: FixturePerson = { name: 'John Doe', role: 'defendant', gender: 'male' };
const POE: FixturePerson = { name: 'Alan Poe', role: 'defendant', gender: 'male' };

function penalties(text: string, persons: FixturePerson[]): string[] {
  const { doc, people } = fixture(text, '2023-03-09', persons);
  return extractPenalties(doc, people)
    .map((p) => `${p.defendant}: ${p.max ?? '-'} ${p.unit}${p.current ? '' : ' (past)'}`)
    .sort();
}

describe('penalties of an offence', () => {
  it('go to the defendants charged with that offence', () => {
    const got = penalties(
      'Jane Roe and John Doe are each charged with arson. Alan Poe is charged with official misconduct. Arson carries up to 20 years in prison. Official misconduct is punishable by up to a year in jail.',
      [ROE, DOE, POE],
    );
    expect(got).toEqual(['Alan Poe: 1 years', 'Jane Roe: 20 years', 'John Doe: 20 years']);
  });
  it('"each man would face" gives every defendant the penalty', () => {
    const got = penalties(
      'John Doe and Alan Poe were charged with murder. If convicted, each man would face life in prison.',
      [DOE, POE],
    );
    expect(got).toEqual(['Alan Poe: - life', 'John Doe: - life']);
  });
  it('"33 years rather than 41": the replaced figure no longer applies', () => {
    expect(
      penalties('With the count gone, Jane Roe faces a maximum of 33 years rather than 41.', [ROE]),
    ).toEqual(['Jane Roe: 33 years', 'Jane Roe: 41 years (past)']);
  });
  it('a penalty the defendant "will not face" no longer applies; the one still faced does', () => {
    const got = penalties(
      'The ruling means John Doe will not face the death penalty. He still faces life in prison on the remaining counts.',
      [DOE],
    );
    expect(got).toEqual(['John Doe: - death (past)', 'John Doe: - life']);
  });
  it('a deal that takes the death penalty off the table', () => {
    expect(
      penalties('John Doe pleaded guilty in a deal that takes the death penalty off the table.', [DOE]),
    ).toEqual(['John Doe: - death (past)']);
  });
});

describe('the death penalty by eligibility', () => {
  it('"eligible for the death penalty" is a possible death sentence; parole eligibility is none', () => {
    expect(
      penalties('Jane Roe is charged with capital murder and is eligible for the death penalty.', [ROE]),
    ).toEqual(['Jane Roe: - death']);
    expect(penalties('John Doe will not be eligible for parole for 20 years.', [DOE])).toEqual([]);
  });
});
