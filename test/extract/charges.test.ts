import { describe, expect, it } from 'vitest';
import { extractCharges } from '../../src/extract/charges/charges.ts';
import { type FixturePerson, fixture } from './eventsFixture.ts';

const ROE: FixturePerson = { name: 'Jane Roe', role: 'defendant', gender: 'female' };
const DOE: FixturePerson = { name: 'John Doe', role: 'defendant', gender: 'male' };

function charges(text: string, persons: FixturePerson[] = [ROE]): string[] {
  const { doc, people } = fixture(text, '2023-03-09', persons);
  return extractCharges(doc, people)
    .map((c) => `${c.defendant}: ${c.charge} (${c.status})`)
    .sort();
}

describe('charges', () => {
  it('names each offence once, in lower case, counts not separate', () => {
    const got = charges(
      'Jane Roe was charged with three counts of Wire Fraud and one count of money laundering.',
    );
    expect(got).toEqual(['Jane Roe: money laundering (pending)', 'Jane Roe: wire fraud (pending)']);
  });
  it('a list after "charges of" shares the charging context', () => {
    const got = charges(
      'Jane Roe pleaded not guilty to charges of racketeering conspiracy, sex trafficking and arson.',
    );
    expect(got).toEqual([
      'Jane Roe: arson (pending)',
      'Jane Roe: racketeering conspiracy (pending)',
      'Jane Roe: sex trafficking (pending)',
    ]);
  });
  it('"gun enhancement" is written "firearm enhancement", and dropped', () => {
    expect(charges('Prosecutors dropped the gun enhancement against Jane Roe on Friday.')).toEqual([
      'Jane Roe: firearm enhancement (dropped)',
    ]);
  });
  it('dismissed by a judge, convicted and acquitted', () => {
    expect(charges('A judge dismissed the kidnapping charge against Jane Roe.')).toEqual([
      'Jane Roe: kidnapping (dismissed)',
    ]);
    expect(charges('A jury found Jane Roe guilty of second-degree murder.')).toEqual([
      'Jane Roe: second-degree murder (convicted)',
    ]);
    expect(charges('Jane Roe was acquitted of arson but convicted of insurance fraud.')).toEqual([
      'Jane Roe: arson (acquitted)',
      'Jane Roe: insurance fraud (convicted)',
    ]);
  });
  it('a drop told after a participle phrase ("charges first filed against X were later dropped")', () => {
    expect(
      charges(
        'Arson charges originally filed in the county case against Jane Roe were eventually dropped in the spring.',
      ),
    ).toEqual(['Jane Roe: arson (dropped)']);
  });
  it('a drop that is only expected leaves the charge pending', () => {
    expect(charges('The manslaughter charge against Jane Roe is expected to be dropped next week.')).toEqual([
      'Jane Roe: manslaughter (pending)',
    ]);
  });
  it('a bare name joins the fuller one of the article; the furthest status wins', () => {
    const got = charges(
      'Jane Roe was charged with involuntary manslaughter in May.\nA judge later dismissed the manslaughter case against her.',
    );
    expect(got).toEqual(['Jane Roe: involuntary manslaughter (dismissed)']);
  });
  it('alleged predicate acts and offences without a charging context are not charges', () => {
    expect(
      charges('The indictment describes crimes including kidnapping, arson and bribery by Jane Roe.'),
    ).toEqual([]);
    expect(charges('Jane Roe became a murder suspect after the search.')).toEqual([]);
  });
  it('one charge per defendant named', () => {
    const got = charges('Jane Roe and John Doe each face a burglary charge.', [ROE, DOE]);
    expect(got).toEqual(['Jane Roe: burglary (pending)', 'John Doe: burglary (pending)']);
  });
  it('a guilty plea convicts', () => {
    expect(charges('Jane Roe pleaded guilty on Monday to two counts of theft.')).toEqual([
      'Jane Roe: theft (convicted)',
    ]);
  });
});
