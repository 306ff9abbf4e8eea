/**
 * Matching rules of the scorer (../shared/facts-schema.md scoring notes): normalised names,
 * quote text matching, and one-to-one greedy matching.
 */

/** Lower case, no diacritics, hyphens as spaces, no punctuation. */
export function normName(name: string | null | undefined): string {
  if (!name) return '';
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[-‐–—_]/g, ' ')
    .replace(/[^\p{L}\p{N} ]/gu, '')
    .replace(/\s+/g, ' ')
    .trim();
}

export function normText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[‘’`]/g, "'")
    .replace(/[^\p{L}\p{N}' ]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

export function wordCount(text: string): number {
  return text.trim().split(/\s+/).filter(Boolean).length;
}

/** Normalised containment either way, or token overlap of at least 0.8 of the longer text. */
export function quoteTextMatches(a: string, b: string): boolean {
  const na = normText(a);
  const nb = normText(b);
  if (!na || !nb) return false;
  if (na.includes(nb) || nb.includes(na)) return true;
  return quoteSimilarity(a, b) >= 0.8;
}

export function isBorderline(label: { note?: string }): boolean {
  return typeof label.note === 'string' && label.note.trim().toLowerCase().startsWith('borderline');
}

/**
 * One-to-one greedy matching: all accepted (gold, prediction) pairs, best `score` first (ties in gold
 * order), each side used once.
 */
export function greedyMatch<G, P>(
  gold: G[],
  pred: P[],
  matches: (g: G, p: P) => boolean,
  score: (g: G, p: P) => number = () => 0,
): Array<[number, number]> {
  const candidates: Array<[number, number, number]> = [];
  for (let gi = 0; gi < gold.length; gi++) {
    for (let pi = 0; pi < pred.length; pi++) {
      if (matches(gold[gi]!, pred[pi]!)) candidates.push([gi, pi, score(gold[gi]!, pred[pi]!)]);
    }
  }
  candidates.sort((a, b) => b[2] - a[2] || a[0] - b[0] || a[1] - b[1]);
  const usedGold = new Set<number>();
  const usedPred = new Set<number>();
  const pairs: Array<[number, number]> = [];
  for (const [gi, pi] of candidates) {
    if (usedGold.has(gi) || usedPred.has(pi)) continue;
    usedGold.add(gi);
    usedPred.add(pi);
    pairs.push([gi, pi]);
  }
  return pairs.sort((a, b) => a[0] - b[0]);
}

/** How alike two quotation texts are: shared tokens over the longer one. */
export function quoteSimilarity(a: string, b: string): number {
  const ta = normText(a).split(' ');
  const tb = normText(b).split(' ');
  const counts = new Map<string, number>();
  for (const t of ta) counts.set(t, (counts.get(t) ?? 0) + 1);
  let common = 0;
  for (const t of tb) {
    const c = counts.get(t) ?? 0;
    if (c > 0) {
      common++;
      counts.set(t, c - 1);
    }
  }
  return common / Math.max(ta.length, tb.length);
}

export interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

export function prf(c: Counts): { precision: number; recall: number; f1: number } {
  const precision = c.tp + c.fp === 0 ? 1 : c.tp / (c.tp + c.fp);
  const recall = c.tp + c.fn === 0 ? 1 : c.tp / (c.tp + c.fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1 };
}
