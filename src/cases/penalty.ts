import { sameOffence } from './charges.ts';
import { newestPublished } from './dates.ts';
import type { CaseKnowledge, PenaltyObservation } from './types.ts';

/**
 * The current maximum penalty of a defendant as of a day: the newest `current` figure stated for
 * them (per article its largest figure, then the majority of that day's articles; ties go to the
 * larger). A figure is retired when a newer article says it no longer applies — for this person,
 * or for a co-defendant in an article where the same offence ends for both (a dropped
 * enhancement's five years, stated for one co-defendant, retires the other's too; a co-defendant's
 * "had faced" figure does not retire a figure of someone whose other charges ended there).
 */

const UNIT_MONTHS: Record<string, number> = {
  day: 1 / 30,
  days: 1 / 30,
  week: 0.25,
  weeks: 0.25,
  month: 1,
  months: 1,
  year: 12,
  years: 12,
};

/** Comparable size of a figure in months (life and death above any term). */
export function severity(p: { max: number | null; unit: string }): number {
  const unit = p.unit.toLowerCase();
  if (unit === 'death') return 1e9;
  if (unit === 'life') return 1e8;
  return (p.max ?? 0) * (UNIT_MONTHS[unit] ?? 1);
}

export function maxPenaltyAsOf(
  knowledge: CaseKnowledge,
  person: string,
  asOf: string,
  /** The day a sentence was last imposed on the person: figures stated up to then are settled. */
  sentencedAt = '',
): { max: number | null; unit: string } | null {
  const known = knowledge.penalties.filter((p) => p.published <= asOf);
  const withdrawn = known.filter((p) => !p.current);
  const ended = knowledge.charges.filter((c) => c.status !== 'pending' && c.published <= asOf);
  /** In article `url` the same offence ended for this person and for `other`. */
  const endedTogether = (url: string, other: string) => {
    const theirs = ended.filter((c) => c.url === url && c.person === other);
    return ended.some(
      (c) => c.url === url && c.person === person && theirs.some((t) => sameOffence(t.charge, c.charge)),
    );
  };
  const retired = (p: PenaltyObservation) =>
    withdrawn.some(
      (q) =>
        q.published > p.published &&
        q.max === p.max &&
        q.unit === p.unit &&
        (q.person === p.person || endedTogether(q.url, q.person)),
    );
  const mine = known.filter(
    (p) => p.person === person && p.current && !retired(p) && !(sentencedAt && p.published <= sentencedAt),
  );
  if (mine.length === 0) return null;
  const newest = newestPublished(mine);
  const perArticle = new Map<string, PenaltyObservation>();
  for (const p of mine) {
    if (p.published !== newest) continue;
    const best = perArticle.get(p.url);
    if (!best || severity(p) > severity(best)) perArticle.set(p.url, p);
  }
  const votes = new Map<string, { figure: PenaltyObservation; n: number }>();
  for (const p of perArticle.values()) {
    const key = `${p.max}|${p.unit}`;
    const v = votes.get(key) ?? { figure: p, n: 0 };
    v.n++;
    votes.set(key, v);
  }
  const winner = [...votes.values()].sort((a, b) => b.n - a.n || severity(b.figure) - severity(a.figure))[0];
  return winner ? { max: winner.figure.max, unit: winner.figure.unit } : null;
}
