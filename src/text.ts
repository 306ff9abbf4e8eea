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

/**
 * What `[...text.matchAll(re)]` returns (re global; its lastIndex is left as it was), found with
 * `re.exec` on `re` itself. V8's matchAll builds a fresh RegExp per call through the species
 * constructor, which costs microseconds per call (tens for the long offence pattern); the
 * extractor calls it for every sentence, and this way the whole extraction runs about a quarter faster.
 */
export function allMatches(text: string, re: RegExp): RegExpExecArray[] {
  if (!re.global) throw new TypeError(`allMatches needs a global RegExp: /${re.source}/${re.flags}`);
  const saved = re.lastIndex;
  const out: RegExpExecArray[] = [];
  const wide = re.unicode || re.flags.includes('v');
  for (let m = re.exec(text); m; m = re.exec(text)) {
    out.push(m);
    // An empty match moves on by one character (a whole surrogate pair under the u or v flag).
    if (m[0] === '') re.lastIndex = advance(text, re.lastIndex, wide);
  }
  re.lastIndex = saved;
  return out;
}

function advance(text: string, index: number, wide: boolean): number {
  if (!wide || index + 1 >= text.length) return index + 1;
  const lead = text.charCodeAt(index);
  if (lead < 0xd800 || lead > 0xdbff) return index + 1;
  const trail = text.charCodeAt(index + 1);
  return trail >= 0xdc00 && trail <= 0xdfff ? index + 2 : index + 1;
}
