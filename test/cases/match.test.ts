import { describe, expect, it } from 'vitest';
import type { CaseDefinition } from '../../src/cases/definition.ts';
import { matchCases } from '../../src/cases/match.ts';

const rust: CaseDefinition = {
  slug: 'rust',
  name: 'Rust',
  aliases: ['Rust', 'Halyna Hutchins', 'Hutchins', 'Bonanza Creek'],
  defendants: ['Alec Baldwin', 'Hannah Gutierrez-Reed', 'David Halls'],
};
const kohberger: CaseDefinition = {
  slug: 'kohberger',
  name: 'Idaho student murders',
  aliases: ['University of Idaho', 'Moscow, Idaho'],
  defendants: ['Bryan Kohberger'],
};
const combs: CaseDefinition = {
  slug: 'combs',
  name: 'Combs',
  aliases: ['Diddy', 'Sean Combs'],
  defendants: ['Sean Combs'],
};
const all = [rust, kohberger, combs];
const article = (title: string, text = '') => ({ title, text });

describe('matchCases', () => {
  it('matches a defendant full name, whatever the case and accents', () => {
    expect(matchCases(article('ALEC BALDWIN speaks out'), all)).toEqual(['rust']);
    expect(matchCases(article('Hannah Gutiérrez Reed sentenced'), all)).toEqual(['rust']);
  });

  it('matches a tracked full name told with a middle name or initial, not with another word between', () => {
    const routh: CaseDefinition = {
      slug: 'routh',
      name: 'Golf course plot',
      aliases: [],
      defendants: ['Ryan Routh'],
    };
    expect(matchCases(article('Ryan Wesley Routh appears in court'), [routh])).toEqual(['routh']);
    expect(matchCases(article('Jurors hear from Ryan W. Routh'), [routh])).toEqual(['routh']);
    expect(matchCases(article('RYAN ROUTH TRIAL OPENS'), [routh])).toEqual(['routh']);
    expect(matchCases(article('Ryan said Routh was not there'), [routh])).toEqual([]);
    expect(matchCases(article('Ryan Smith and Tom Routh open a bakery'), [routh])).toEqual([]);
  });
  it('matches a long distinctive surname alone', () => {
    expect(matchCases(article('Kohberger hearing moved'), all)).toEqual(['kohberger']);
    expect(matchCases(article('Gutierrez-Reed appeals'), all)).toEqual(['rust']);
  });

  it('does not match the false friends of a case called "Rust"', () => {
    expect(
      matchCases(article('Jobs return to the Rust Belt', 'Factories across the Rust Belt reopen.'), all),
    ).toEqual([]);
    expect(
      matchCases(
        article(
          'Why the Rust programming language is popular',
          'Rust has a borrow checker. Rust 1.80 shipped.',
        ),
        all,
      ),
    ).toEqual([]);
    expect(matchCases(article('How to remove rust from a bike chain'), all)).toEqual([]);
  });

  it('needs two distinct terms when none names a defendant', () => {
    expect(
      matchCases(article('Rust armorer trial', 'The shooting of Halyna Hutchins on the Rust set.'), all),
    ).toEqual(['rust']);
    // "Hutchins" and "Halyna Hutchins" are one person: still one term.
    expect(matchCases(article('Halyna Hutchins remembered', 'Hutchins was a cinematographer.'), all)).toEqual(
      [],
    );
  });

  it('counts a short surname or a common word only when capitalised', () => {
    expect(matchCases(article('Baldwin County votes'), all)).toEqual([]);
    expect(matchCases(article('Best hair combs of the year', 'Sean reviews combs.'), all)).toEqual([]);
    expect(matchCases(article('Diddy trial: Combs testifies'), all)).toEqual(['combs']);
  });

  it('requires whole words', () => {
    expect(matchCases(article('Kohbergerville news', 'Trusty Rusty tools'), all)).toEqual([]);
  });
});
