import { describe, expect, it } from 'vitest';
import { extractFacts } from '../../src/extract/index.ts';

/** Many-defendant cases, charges listed once for a group, offences sharing one noun (made-up articles). */
const facts = (text: string) => extractFacts({ text, title: '', published: '2024-05-10' });
const chargesOf = (text: string) =>
  facts(text)
    .charges.map((c) => `${c.defendant}: ${c.charge} (${c.status})`)
    .sort();
const rolesOf = (text: string) => Object.fromEntries(facts(text).people.map((p) => [p.name, p.role]));

describe('names in a list of defendants', () => {
  it('a surname that is also a common word still names a listed defendant', () => {
    const text =
      'Jail records show that Tavorious Bean, Michael Harmon and Julia Fenwick were in custody on Monday. ' +
      'All three are charged with arson and burglary.';
    const roles = rolesOf(text);
    expect(roles['Tavorious Bean']).toBe('defendant');
    expect(chargesOf(text)).toContain('Tavorious Bean: arson (pending)');
  });

  it('a generational suffix does not break the list', () => {
    const text =
      'Daniel Korver, Samuel Pritt III and Oliver Mandel were in custody on Friday. ' +
      'The three are charged with robbery.';
    expect(chargesOf(text)).toEqual([
      'Daniel Korver: robbery (pending)',
      'Oliver Mandel: robbery (pending)',
      'Samuel Pritt: robbery (pending)',
    ]);
  });

  it('"are the accused" makes every listed name a defendant', () => {
    const roles = rolesOf(
      'Karl Ostrow and Peter Lindqvist are the accused in the case and appear in court next week.',
    );
    expect(roles['Karl Ostrow']).toBe('defendant');
    expect(roles['Peter Lindqvist']).toBe('defendant');
  });

  it('a place that describes someone is no person', () => {
    const people = facts('Longtime Cedar Grove resident Walter Brisk, 61, was charged with murder.').people;
    expect(people.map((p) => p.name)).toEqual(['Walter Brisk']);
  });
});

describe('victims named inside a harm phrase', () => {
  it('"charged with the killing of X were indicted": X is the victim, not a defendant', () => {
    const text =
      'Two guards charged with the killing of inmate Robert Tully were indicted on Tuesday. ' +
      'Jurors heard that Tully had asked for help.';
    const roles = rolesOf(text);
    expect(roles['Robert Tully']).toBe('victim');
    expect(chargesOf(text).some((c) => c.startsWith('Robert Tully'))).toBe(false);
  });

  it('"the killings of X and Y" makes both victims', () => {
    const roles = rolesOf('He is on trial for the killings of Ada Morrow and Lena Hartwell in 2019.');
    expect(roles['Ada Morrow']).toBe('victim');
    expect(roles['Lena Hartwell']).toBe('victim');
  });
});

describe('offences sharing one noun', () => {
  it('"civil rights, conspiracy and obstruction offenses" are three offences', () => {
    const list = chargesOf(
      'A grand jury charged Nora Vance with civil rights, conspiracy and obstruction offenses.',
    );
    expect(list).toHaveLength(3);
    expect(list).toContain('Nora Vance: conspiracy (pending)');
    expect(list.some((c) => c.includes('civil rights'))).toBe(true);
    expect(list.some((c) => c.includes('obstruction'))).toBe(true);
  });

  it('"two first-degree and two second-degree murder counts" gives both degrees, once each', () => {
    expect(
      chargesOf(
        'Hugo Brandt was charged with the murders of two hikers. He was arraigned on four counts: two first degree and two second degree murder charges.',
      ),
    ).toEqual(['Hugo Brandt: first degree murder (pending)', 'Hugo Brandt: second degree murder (pending)']);
  });

  it('an idiom before "charges" names no offence', () => {
    const names = facts(
      'After some back and forth over theft charges, Nora Vance was charged on Monday.',
    ).charges.map((c) => c.charge);
    expect(names).toEqual(['theft']);
  });
});

describe('charges wished for are not charges', () => {
  it('"pushed for murder charges" adds no charge', () => {
    const list = chargesOf(
      'Ian Croft is charged with manslaughter. The victim’s family had pushed for first-degree murder charges.',
    );
    expect(list).toEqual(['Ian Croft: manslaughter (pending)']);
  });

  it('"the accused officers stopped him for speeding" is no charge of the officers', () => {
    const list = chargesOf(
      'Officers Lee Marsh and Dana Colt are charged with assault. The accused officers had stopped Tom Reyes for alleged reckless driving.',
    );
    expect(list.some((c) => c.includes('reckless driving'))).toBe(false);
  });
});
