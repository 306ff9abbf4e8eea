/**
 * Text folding shared by the extractor, case knowledge, feeds and the CLI: the one place that says
 * how accents, case and typographic marks are compared, and how a word list is written.
 */

const MARKS = /[\u0300-\u036f]/g;

/** Accents removed ("Muñoz" → "Munoz"), compatibility forms made plain (NFKD), case kept. */
export function foldAccents(text: string): string {
  return text.normalize('NFKD').replace(MARKS, '');
}

/** Lower case, accents folded, typographic quotes and dashes made plain. */
export function fold(text: string): string {
  return foldAccents(text)
    .replace(/[\u2018\u2019\u02bc]/g, "'")
    .replace(/[\u2010-\u2015]/g, '-')
    .toLowerCase();
}

/**
 * Word tokens of folded text, Latin letters and digits only (hyphens and apostrophes split words).
 * Person keys stored with a case's knowledge are made of these, so the rule must not change.
 */
export function words(text: string): string[] {
  return fold(text).match(/[a-z0-9]+/g) ?? [];
}

/** Word tokens of folded text in any script: "Дело Петрова" keeps its two words. */
export function wordsAnyScript(text: string): string[] {
  return fold(text).match(/[\p{L}\p{M}\p{N}]+/gu) ?? [];
}

/** A word list written as whitespace-separated text (keeps long lexicons readable). */
export function wordList(text: string): string[] {
  return text.split(/\s+/).filter(Boolean);
}
