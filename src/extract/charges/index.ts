// charges/: offences a defendant faces and their status (charged, dropped, convicted…), and penalties
// (sentence lengths, fines) tied to a defendant; offence names come from lexicon/legalTerms.ts.
export { extractCharges, findOffenceMentions, type OffenceMention } from './charges.ts';
export { extractPenalties } from './penalties.ts';
