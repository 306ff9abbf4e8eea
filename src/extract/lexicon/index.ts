// lexicon/: shared word lists with no extraction logic — offence names (legalTerms), number words (numbers),
// first names (names, which loads compromise's lexicon), name normalisation and comparison (nameForms,
// re-exported by names), role nouns, titles and honorifics (roles).
export * from './legalTerms.ts';
export * from './names.ts';
export * from './numbers.ts';
export * from './roles.ts';
