/**
 * Matching rules of the scorer, the same as the team's (../shared/eval/score.mjs), so that the
 * project's figures are the ones the held-back cases are graded with: names by surname and first
 * name, quote text by containment or word overlap, offences by words and degree, penalties by
 * length, and matching that takes the predictions in order.
 */

/** Lower case, quote marks removed, every other non-alphanumeric character a space. */
export function norm(s: string | null | undefined): string {
  return (s ?? '')
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u2018\u2019\u201c\u201d"'`]/g, '')
    .replace(/[^a-z0-9 ]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

export function words(s: string | null | undefined): string[] {
  return norm(s).split(' ').filter(Boolean);
}

const SUFFIX = /\b(jr|sr|ii|iii)\b\.?/gi;

/**
 * One person: the same words; a single word found in the other name; or the same last name (or
 * each last name inside the other) and the same first name or initial.
 */
export function sameName(a: string | null | undefined, b: string | null | undefined): boolean {
  if (!a || !b) return false;
  const wa = words(a.replace(SUFFIX, ''));
  const wb = words(b.replace(SUFFIX, ''));
  if (!wa.length || !wb.length) return false;
  if (wa.join(' ') === wb.join(' ')) return true;
  const [fa = '', la = ''] = [wa[0], wa.at(-1)];
  const [fb = '', lb = ''] = [wb[0], wb.at(-1)];
  if (wa.length === 1) return wb.includes(fa);
  if (wb.length === 1) return wa.includes(fb);
  const sameLast = la === lb || (wa.includes(lb) && wb.includes(la));
  const sameFirst =
    fa === fb || (fa.length === 1 && fb.startsWith(fa)) || (fb.length === 1 && fa.startsWith(fb));
  return sameLast && sameFirst;
}

/** Shared distinct words over all distinct words of the two texts. */
export function jaccard(a: string, b: string): number {
  const A = new Set(words(a));
  const B = new Set(words(b));
  if (!A.size || !B.size) return 0;
  let shared = 0;
  for (const x of A) if (B.has(x)) shared++;
  return shared / (A.size + B.size - shared);
}

/** The same quotation: equal, one containing the other at 0.8 of its length, or 0.8 word overlap. */
export function quoteTextMatches(a: string, b: string): boolean {
  const na = norm(a);
  const nb = norm(b);
  if (!na || !nb) return false;
  if (na === nb) return true;
  const [short, long] = na.length < nb.length ? [na, nb] : [nb, na];
  if (long.includes(short) && short.length / long.length >= 0.8) return true;
  return jaccard(a, b) >= 0.8;
}

const degreeOf = (charge: string) =>
  norm(charge).match(/\b(first|second|third|fourth|1st|2nd|3rd|4th) degree\b/)?.[1] ?? null;

/**
 * The same offence: half the words shared or one name inside the other, and never two different
 * degrees ("first-degree rape" is not "third-degree rape").
 */
export function sameCharge(a: string, b: string): boolean {
  const da = degreeOf(a);
  const db = degreeOf(b);
  if (da !== null && db !== null && da !== db) return false;
  const na = norm(a);
  const nb = norm(b);
  return jaccard(a, b) >= 0.5 || na.includes(nb) || nb.includes(na);
}

/** A gold date that is null matches anything; a month matches any day in it. */
export function dateOk(pred: string | null | undefined, gold: string | null | undefined): boolean {
  if (gold == null) return true;
  if (pred == null) return false;
  return gold.length === 7 ? pred.startsWith(gold) : pred === gold;
}

/** A penalty's length in comparable terms: months, or life or death. */
export function penaltyLength(p: { max: number | null; unit: string }): number | string | null {
  if (p.unit === 'years') return p.max === null ? null : p.max * 12;
  if (p.unit === 'life' || p.unit === 'death') return p.unit;
  return p.max;
}

export function isBorderline(label: { note?: string }): boolean {
  return typeof label.note === 'string' && label.note.toLowerCase().startsWith('borderline');
}

/**
 * Greedy one-to-one matching in prediction order: each prediction takes the first unused gold
 * label it matches; with `better`, pairs for which it also holds are made in a first round.
 * Returns [prediction index, gold index] pairs.
 */
export function matchGreedy<P, G>(
  pred: P[],
  gold: G[],
  ok: (p: P, g: G) => boolean,
  better?: (p: P, g: G) => boolean,
): Array<[number, number]> {
  const usedGold = new Set<number>();
  const done = new Set<number>();
  const pairs: Array<[number, number]> = [];
  const round = (cond: (p: P, g: G) => boolean) =>
    pred.forEach((p, pi) => {
      if (done.has(pi)) return;
      const gi = gold.findIndex((g, j) => !usedGold.has(j) && cond(p, g));
      if (gi < 0) return;
      usedGold.add(gi);
      done.add(pi);
      pairs.push([pi, gi]);
    });
  if (better) round((p, g) => ok(p, g) && better(p, g));
  round(ok);
  return pairs.sort((a, b) => a[0] - b[0]);
}

/**
 * Matching against the scored (not borderline) gold labels; a prediction left unmatched that
 * matches a borderline label is dropped, neither rewarded nor penalised.
 */
export function matchNeutral<P, G extends { note?: string }>(
  pred: P[],
  gold: G[],
  ok: (p: P, g: G) => boolean,
  better?: (p: P, g: G) => boolean,
): { pred: P[]; gold: G[]; pairs: Array<[number, number]> } {
  const scored = gold.filter((g) => !isBorderline(g));
  const borderline = gold.filter(isBorderline);
  const pairs = matchGreedy(pred, scored, ok, better);
  const matched = new Set(pairs.map(([pi]) => pi));
  const kept: number[] = [];
  pred.forEach((p, pi) => {
    if (matched.has(pi) || !borderline.some((b) => ok(p, b))) kept.push(pi);
  });
  return {
    pred: kept.map((pi) => pred[pi]).filter((p): p is P => p !== undefined),
    gold: scored,
    pairs: pairs.map(([pi, gi]) => [kept.indexOf(pi), gi]),
  };
}

export interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

/** Precision, recall, F1; with nothing predicted, precision is 1 only when nothing was expected. */
export function prf(c: Counts): { precision: number; recall: number; f1: number } {
  const predicted = c.tp + c.fp;
  const expected = c.tp + c.fn;
  const precision = predicted ? c.tp / predicted : expected ? 0 : 1;
  const recall = expected ? c.tp / expected : 1;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1 };
}

/** The matched pairs as items, prediction first (a pair's indices point into its own lists). */
export function matchedPairs<P, G>(m: {
  pred: P[];
  gold: G[];
  pairs: Array<[number, number]>;
}): Array<[P, G]> {
  const out: Array<[P, G]> = [];
  for (const [pi, gi] of m.pairs) {
    const p = m.pred[pi];
    const g = m.gold[gi];
    if (p !== undefined && g !== undefined) out.push([p, g]);
  }
  return out;
}
