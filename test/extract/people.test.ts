import { describe, expect, it } from 'vitest';
import { buildPersonRegistry } from '../../src/extract/people/people.ts';
import { segment } from '../../src/extract/segment.ts';

const registry = (text: string) => buildPersonRegistry(segment({ text, title: '', published: '2024-03-01' }));
const roles = (text: string) => Object.fromEntries(registry(text).people.map((p) => [p.name, p.role]));

describe('buildPersonRegistry', () => {
  it('merges full name, surname, title plus surname and a misspelling into one person', () => {
    const r = registry(
      'Rancher Walter Pemberton was charged with arson on Monday. Mr. Pemberton denied it. Pembertn, 61, was released.',
    );
    expect(r.people.map((p) => p.name)).toEqual(['Walter Pemberton']);
    expect(r.people[0]?.mentions).toHaveLength(3);
    expect(r.resolve('Mr. Pemberton')?.name).toBe('Walter Pemberton');
    expect(r.people[0]?.gender).toBe('male');
  });

  it('reads roles from titles, appositions and what happened to the person', () => {
    const r = roles(
      'County Attorney Linda Marsh said the grocer, Tomas Ferreira, was charged with fraud. ' +
        'His lawyer, Grace Okafor, said he is innocent. Judge Peter Voss set bail. ' +
        'Ferreira is accused of killing Ruth Albers. Dan Hollis, a spokesman for the sheriff, confirmed the arrest.',
    );
    expect(r).toMatchObject({
      'Linda Marsh': 'prosecutor',
      'Tomas Ferreira': 'defendant',
      'Grace Okafor': 'defense_attorney',
      'Peter Voss': 'judge',
      'Dan Hollis': 'official',
    });
  });

  it('does not list bylines, places or organisations as people', () => {
    const r = registry(
      'By Jane Writer\nSANTA ROSA — The Santa Rosa Police Department said Hector Lund was arrested.',
    );
    expect(r.people.map((p) => p.name)).toEqual(['Hector Lund']);
  });

  it('drops a quoted nickname and composes a name given by relation', () => {
    const r = registry('Marcus “Big Mo” Lyle was arrested. Nina Reyes’ father, Raul, said he was relieved.');
    expect(r.people.map((p) => p.name)).toEqual(['Marcus Lyle', 'Nina Reyes', 'Raul Reyes']);
  });
});

describe('buildPersonRegistry, harder names', () => {
  it('merges hyphen and space variants and skips character names', () => {
    const r = registry(
      'Actress Dana Kovacs-Reid, who played Captain Mira Holt in the series, was charged. Kovacs Reid pleaded not guilty.',
    );
    expect(r.people.map((p) => [p.name, p.role])).toEqual([['Dana Kovacs-Reid', 'defendant']]);
  });
});

describe('a military rank is a title, not a first name', () => {
  it('"Airman Vance" later in the article is Colin Vance', () => {
    const r = registry('Colin Vance, an airman, was charged on Monday. Airman Vance pleaded not guilty.');
    expect(r.people.map((p) => p.name)).toEqual(['Colin Vance']);
  });
});

describe('stage names and legal names', () => {
  it('a stage name beside a legal name is one person, named by the legal name, whichever comes first', () => {
    for (const text of [
      'Rapper Lil Corvid, whose legal name is Marcus Dane Ellery, was charged with racketeering. Lil Corvid pleaded not guilty.',
      'Marcus Dane Ellery, better known as Lil Corvid, was charged with racketeering. Lil Corvid pleaded not guilty.',
    ]) {
      const r = registry(text);
      expect(r.people.map((p) => p.name)).toEqual(['Marcus Dane Ellery']);
      expect(r.people[0]?.mentions).toHaveLength(3);
    }
  });

  it('a two-word nickname given inside a name is that person when used alone later', () => {
    const r = registry(
      'Marcus “Big Corvid” Ellery was acquitted of murder. Afterwards Big Corvid hugged his lawyer, Ann Lee.',
    );
    expect(r.people.filter((p) => p.name.endsWith('Ellery'))).toHaveLength(1);
    expect(r.people.some((p) => p.name === 'Big Corvid')).toBe(false);
  });
});

describe('an article’s own misspelling of a name it spells right elsewhere', () => {
  it('takes the surname spelled most often, and joins a first name with two letters swapped', () => {
    const r = registry(
      'Actor Marlon Brandt was charged on Monday. Brandt pleaded not guilty. Marlon Bradnt, 61, and Brandt’s lawyer left.',
    );
    expect(r.people.map((p) => p.name)).toEqual(['Marlon Brandt']);
    const s = registry(
      'Armorer Hannah Okoro-Vance was found guilty. Hananh Okoro-Vance, 24, cried as the verdict was read.',
    );
    expect(s.people.map((p) => p.name)).toEqual(['Hannah Okoro-Vance']);
  });

  it('relatives with the same surname stay two people', () => {
    const r = registry(
      'Brothers Marlon Brandt and Curtis Brandt were both charged with fraud. Marlon Brandt pleaded guilty.',
    );
    expect(r.people.map((p) => p.name).sort()).toEqual(['Curtis Brandt', 'Marlon Brandt']);
  });
});
