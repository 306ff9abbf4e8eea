import { describe, expect, it } from 'vitest';
import { extractFacts } from '../../src/extract/index.ts';
import { nameTokens, normaliseName, sameFirstName } from '../../src/extract/lexicon/names.ts';
import { fold } from '../../src/text.ts';

// The extractor's half of rules that existed twice (src/cases/names.ts had its own nickname table,
// four functions folded accents): each check failed with the extractor's old copy.

describe('names in the extractor', () => {
  it('knows the short forms the case knowledge knew', () => {
    expect(sameFirstName('stephen', 'steven')).toBe(true);
    expect(sameFirstName('billy', 'william')).toBe(true);
    expect(sameFirstName('kathy', 'katherine')).toBe(true);
    expect(sameFirstName('ken', 'kenneth')).toBe(true);
    expect(sameFirstName('ken', 'kevin')).toBe(false);
  });

  it('folds accents and compatibility forms as everywhere else', () => {
    const written = 'Ｊｏｓé Muñoz';
    expect(normaliseName(written)).toBe(fold(written));
    expect(nameTokens('Ｊｏｓé Muñoz Jr.')).toEqual(['jose', 'munoz']);
  });

  it('one person for two spellings of a first name', () => {
    const text =
      'Stephen Okafor, a warehouse manager, was charged with theft on Monday. Steven Okafor appeared in court on Tuesday.';
    const facts = extractFacts({ title: 'Warehouse theft', text, published: '2025-03-05T12:00:00Z' });
    expect(facts.people.filter((p) => p.name.endsWith('Okafor'))).toHaveLength(1);
  });
});
