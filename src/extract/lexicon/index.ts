// lexicon/: shared word lists with no extraction logic — offence names (legalTerms), number words (numbers),
// first names, name normalisation and comparison (names), role nouns, titles and honorifics (roles).
export * from './legalTerms.ts';
export * from './names.ts';
export * from './numbers.ts';
export * from './roles.ts';
