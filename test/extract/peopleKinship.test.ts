import { describe, expect, it } from 'vitest';
import { buildPersonRegistry } from '../../src/extract/people/people.ts';
import { segment } from '../../src/extract/segment.ts';

/** Relatives who are co-accused, counsel named by side, custody as a sign of the accused (invented sentences). */
const registry = (text: string) => buildPersonRegistry(segment({ text, title: '', published: '2024-03-01' }));
const roles = (text: string) => Object.fromEntries(registry(text).people.map((p) => [p.name, p.role]));

describe('relatives who share the verb of the accused', () => {
  it('"X and his father, Y, 55, of …, have denied murdering Z": both deny, Z is the victim', () => {
    expect(
      roles(
        'Owen Tarrant and his father, Glyn Tarrant, 55, both of Mill Lane, Hexham, have denied murdering Roy Abbot last summer.',
      ),
    ).toMatchObject({ 'Owen Tarrant': 'defendant', 'Glyn Tarrant': 'defendant', 'Roy Abbot': 'victim' });
  });

  it('a relative added after the victim keeps a relative role', () => {
    expect(
      roles('The victim, Sam Pryor, and his mother, Rita Pryor, spoke to reporters after the hearing.'),
    ).toMatchObject({ 'Rita Pryor': 'family' });
  });

  it('"X, 34, denies murder, two counts of …": the plea follows the age directly', () => {
    expect(roles('Ivor Penhale, 34, denies murder, two counts of wounding and affray.')).toMatchObject({
      'Ivor Penhale': 'defendant',
    });
  });
});

describe('counsel named by side before the name', () => {
  it('"Prosecution counsel", "Crown counsel", "Defence barrister" at a sentence start or inside', () => {
    expect(
      roles(
        'Prosecution counsel Mabel Cray KC said the texts were plain. The jury then heard from Crown counsel Ned Farrow. ' +
          'Defence barrister Lucy Ambler QC said her client was sorry.',
      ),
    ).toMatchObject({
      'Mabel Cray': 'prosecutor',
      'Ned Farrow': 'prosecutor',
      'Lucy Ambler': 'defense_attorney',
    });
  });
});

describe('custody names the accused', () => {
  it('"X and Y are in the county jail" makes both defendants; working in a jail does not', () => {
    expect(
      roles(
        'Dwayne Corliss, 21, and Lonnie Maddox, 33, found the car. Corliss and Maddox are in the Pell County Jail. ' +
          'Nora Quill works in the county jail.',
      ),
    ).toMatchObject({ 'Dwayne Corliss': 'defendant', 'Lonnie Maddox': 'defendant', 'Nora Quill': 'other' });
  });
});

describe('who killed is the accused', () => {
  it('"serial killer X", "convicted murderer X", "her killer, X"; a student of killers is not', () => {
    expect(
      roles(
        'Suspected serial killer Rex Dunmore will return to court Tuesday. Criminologist Ann Lee, who studies serial killers, said the case was unusual. ' +
          'Her killer, Tom Ruiz, was never found. Convicted murderer Ed Vance spoke from prison.',
      ),
    ).toMatchObject({
      'Rex Dunmore': 'defendant',
      'Ann Lee': 'expert',
      'Tom Ruiz': 'defendant',
      'Ed Vance': 'defendant',
    });
  });
});

describe('single words that name no one', () => {
  it('"the first Ohio mayor", "the former Acme chief": a modifier before a noun is no title', () => {
    const names = registry(
      'Rob Dell, the first Ohio mayor to lose a bribery trial, was sentenced. Ann Bay, the former Acme chief, testified.',
    ).people.map((p) => p.name);
    expect(names).not.toContain('Ohio');
    expect(names).not.toContain('Acme');
  });
});

describe('a relative the facts accuse', () => {
  it('a son named by kinship who is charged is a defendant', async () => {
    const { extractFacts } = await import('../../src/extract/index.ts');
    const people = extractFacts({
      title: '',
      published: '2024-03-01',
      text: 'Rob Dell and his son, Kyle Dell, were charged with arson on Monday. Their neighbour, Tina Moss, said she was shocked.',
    }).people;
    expect(Object.fromEntries(people.map((p) => [p.name, p.role]))).toMatchObject({
      'Rob Dell': 'defendant',
      'Kyle Dell': 'defendant',
      'Tina Moss': 'other',
    });
  });
});

describe('names in lists the lexicon reads as words', () => {
  it('"Hunter Rose, Dean Price and Carl Brill were charged": every member is a person', () => {
    expect(roles('Hunter Rose, Dean Price and Carl Brill were charged with fraud on Monday.')).toMatchObject({
      'Hunter Rose': 'defendant',
      'Dean Price': 'defendant',
      'Carl Brill': 'defendant',
    });
  });

  it('a short sentence of names with ages is prose, not a headline', () => {
    const names = registry(
      'Two men have been charged with robbery. They are Jordan Banks, 24, and Carl Brill, 31, both of Leeds.',
    ).people.map((p) => p.name);
    expect(names).toEqual(expect.arrayContaining(['Jordan Banks', 'Carl Brill']));
  });
});

describe('old-style court reports', () => {
  it('"The magistrate, Mr. X", "the prosecuting counsel, Mr. Y, QC,", "X, 56, and his son Z, 20, … are among the defendants"', () => {
    expect(
      roles(
        'The magistrate, Mr. E. J. Crowe, freed two of the men once the prosecuting counsel, Mr. E. S. Fane, QC, for the Crown, had offered no evidence. ' +
          'Abel Darby, 61, and his son Ronald, 24, both of Hillcote, Kent, are among the defendants.',
      ),
    ).toMatchObject({
      'E. J. Crowe': 'judge',
      'E. S. Fane': 'prosecutor',
      'Abel Darby': 'defendant',
      'Ronald Darby': 'defendant',
    });
  });
});

describe('relatives counted or added by the sentence of an act', () => {
  const facts = async (text: string) => {
    const { extractFacts } = await import('../../src/extract/index.ts');
    return extractFacts({ title: '', published: '2024-03-01', text });
  };

  it('"the brothers were arrested and each charged" counts both brothers, one named as the other\'s brother', async () => {
    const f = await facts(
      'Colin and Cyril Marr stayed in custody over the weekend. A bail review for Colin, 25, and his 19-year-old brother, Cyril, comes next week. ' +
        'The brothers were arrested and each charged with arson after a barn fire, police said.',
    );
    expect(Object.fromEntries(f.people.map((p) => [p.name, p.role]))).toMatchObject({
      'Colin Marr': 'defendant',
      'Cyril Marr': 'defendant',
    });
  });

  it('"He and his wife were charged" adds the wife named earlier; a wife only mentioned stays family', async () => {
    const charged = await facts(
      'Rob Dunne, a former county treasurer, was convicted in May along with his estranged wife, Mara. He and his wife were charged with hiding gifts from a contractor.',
    );
    expect(charged.events.filter((e) => e.type === 'charge').map((e) => e.who)).toContain('Mara');
    const mentioned = await facts(
      'Rob Dunne was charged with fraud on Monday. His wife, Mara, said he was innocent. He and his wife have been married 20 years.',
    );
    expect(Object.fromEntries(mentioned.people.map((p) => [p.name, p.role]))).toMatchObject({
      Mara: 'family',
    });
  });
});
