import { describe, expect, it } from 'vitest';
import { type CaseDefinition, findCase } from '../../src/cases/definition.ts';
import { nameAgreement } from '../../src/cases/names.ts';
import { peopleOf } from '../../src/cases/peopleView.ts';
import type { CaseKnowledge, CasePerson } from '../../src/cases/types.ts';
import { ROLES, type Role } from '../../src/facts.ts';

// Rules that existed twice and disagreed; each check failed with one of the old copies.

const def = (slug: string, name: string, aliases: string[] = []): CaseDefinition => ({
  slug,
  name,
  aliases,
  defendants: [],
});

describe('case lookup: one function for the slash commands and the CLI', () => {
  const tracked = [
    def('quarry-fraud', 'Quarry fraud', ['Señora Ibáñez', 'D’Amato bribery']),
    def('harbor-fire', 'Harbor fire'),
  ];

  it('folds accents and typographic quotes in aliases as in names', () => {
    expect(findCase(tracked, 'senora ibanez')?.slug).toBe('quarry-fraud');
    expect(findCase(tracked, "D'Amato Bribery")?.slug).toBe('quarry-fraud');
    expect(findCase(tracked, '  HARBOR FIRE ')?.slug).toBe('harbor-fire');
    expect(findCase(tracked, 'harbor-fire')?.slug).toBe('harbor-fire');
  });

  it('finds nothing for an unknown name, and needs input when more than one case is tracked', () => {
    expect(findCase(tracked, 'orchard theft')).toBeUndefined();
    expect(findCase(tracked, '')).toBeUndefined();
    expect(findCase([def('solo', 'Solo case')], null)?.slug).toBe('solo');
  });
});

describe('first names: one nickname table for the extractor and the case knowledge', () => {
  it('knows the short forms either copy knew', () => {
    expect(nameAgreement('Alec Varga', 'Alexander Varga')).toBe(2);
    expect(nameAgreement('Stephen Varga', 'Steven Varga')).toBe(2);
    expect(nameAgreement('Peggy Lund', 'Margaret Lund')).toBe(2);
    expect(nameAgreement('Alec Varga', 'Peter Varga')).toBe(0);
  });

  it('drops "Esq." from a name as the extractor does not take it into one', () => {
    expect(nameAgreement('Dana Whitfield, Esq.', 'Dana Whitfield')).toBe(3);
  });
});

describe('relatives of one name', () => {
  it('a generational suffix tells a father from a son; one name with and without it is one person', () => {
    expect(nameAgreement('Robert Vance Jr.', 'Robert Vance III')).toBe(0);
    expect(nameAgreement('Vance III', 'Robert Vance Jr.')).toBe(0);
    expect(nameAgreement('Robert Vance III', 'Robert E. Vance III')).toBeGreaterThan(0);
    expect(nameAgreement('Robert Vance', 'Robert Vance Jr.')).toBe(3);
  });
});

describe('roles: the display order ranks every role of the contract', () => {
  const person = (name: string, role: string): CasePerson => ({
    id: name.toLowerCase(),
    name,
    role: role as Role,
    roles: {},
    aliases: [name],
    defendant: false,
    quotes: 0,
    firstSeen: '2025-01-01',
  });

  it('defendants first, a role the contract does not know (an older store) with "other", never first', () => {
    const people = [
      person('Una Quill', 'other'),
      person('Ivo Renn', 'attorney'),
      person('Ada Moss', 'defendant'),
    ];
    const order = peopleOf({ people } as unknown as CaseKnowledge).map((p) => p.name);
    expect(order[0]).toBe('Ada Moss');
    expect(order).toHaveLength(3);
  });

  it('every role of ROLES has its own place', () => {
    const people = ROLES.map((r, i) => person(`Person${String.fromCharCode(65 + i)} Test`, r));
    const roles = peopleOf({ people } as unknown as CaseKnowledge).map((p) => p.role);
    expect(new Set(roles).size).toBe(ROLES.length);
    expect(roles[0]).toBe('defendant');
    expect(roles.at(-1)).toBe('other');
  });
});
