import { words } from '../text.ts';

/** Summary similarity for the development merge (folding and words: src/text.ts). */

const STOPWORDS = new Set(
  'a an the and or of to in on at for by with from as is was were be been has have had his her its their he she they it that this who which after before over into than then not no also'.split(
    ' ',
  ),
);

/**
 * Content words of a summary, stemmed crudely (first 6 letters) so "charged"/"charges" agree.
 * Remembered per text (the set is shared: never mutate it): a merge compares each incoming event
 * with every report of its candidate developments, the same summaries again and again.
 */
export function contentStems(text: string): ReadonlySet<string> {
  let stems = remembered.get(text);
  if (!stems) {
    stems = stemsOf(text);
    if (remembered.size >= MAX_REMEMBERED) remembered.clear();
    remembered.set(text, stems);
  }
  return stems;
}
const remembered = new Map<string, Set<string>>();
const MAX_REMEMBERED = 20_000;

function stemsOf(text: string): Set<string> {
  const out = new Set<string>();
  for (const w of words(text)) {
    if (w.length < 3 || STOPWORDS.has(w)) continue;
    out.add(w.slice(0, 6));
  }
  return out;
}

/** Jaccard similarity of two stem sets (0..1). */
export function similarity(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  for (const x of a) if (b.has(x)) shared++;
  return shared / (a.size + b.size - shared);
}
