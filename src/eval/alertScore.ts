import { meetsThreshold } from '../alerts/settings.ts';
import type { AlertDecision } from '../alerts/types.ts';
import type { CaseEvent, Facts } from '../facts.ts';

/**
 * Scoring rules of the team's replay (../shared/eval/replay.mjs), so that `casewatch eval-status`
 * and the team's figures agree: names compared loosely, charges matched by words within one degree,
 * penalties in months, and the gold developments = distinct non-borderline `new` events (type,
 * person, date) across a case's articles, each matched by at most one 'new' alert.
 */

// The replay compares names more simply than score.mjs (no suffixes, no initials): its own copy.
const norm = (s: string | null | undefined) =>
  (s ?? '')
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9 ]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
const words = (s: string | null | undefined) => norm(s).split(' ').filter(Boolean);

export function sameName(a: string | null | undefined, b: string | null | undefined): boolean {
  if (!a || !b) return false;
  const wa = words(a);
  const wb = words(b);
  if (!wa.length || !wb.length) return false;
  if (wa.join(' ') === wb.join(' ')) return true;
  if (wa.length === 1) return wb.includes(wa[0] as string);
  if (wb.length === 1) return wa.includes(wb[0] as string);
  return wa[wa.length - 1] === wb[wb.length - 1] && wa[0] === wb[0];
}

export function penaltyMonths(
  p: { max: number | null; unit: string } | null | undefined,
): number | string | null {
  if (!p) return null;
  if (p.unit === 'years') return (p.max ?? 0) * 12;
  if (p.unit === 'months') return p.max;
  return p.unit;
}

export interface AlertScore {
  alerts: number;
  goldNew: number;
  matched: number;
  /** Alerts of the right type and person whatever their date, and gold developments so alerted. */
  matchedAnyDate: number;
  goldAlertedAnyDate: number;
  misses: string[];
}

interface GoldDevelopment {
  type: string;
  who: string | null;
  date: string | null;
  matched: boolean;
  matchedAnyDate: boolean;
}

/** The case's gold developments, from its articles in publication order. */
export function goldDevelopments(articles: Array<{ gold: Facts }>): GoldDevelopment[] {
  const out: GoldDevelopment[] = [];
  for (const a of articles)
    for (const e of a.gold.events as Array<CaseEvent & { note?: string }>) {
      if (!e.new || (e.note ?? '').startsWith('borderline')) continue;
      if (
        !out.some(
          (d) => d.type === e.type && (d.who === e.who || sameName(d.who, e.who)) && d.date === e.date,
        )
      )
        out.push({ type: e.type, who: e.who, date: e.date, matched: false, matchedAnyDate: false });
    }
  return out;
}

/** Scores one batch of alerts against the case's gold developments (marking those matched). */
export function scoreAlertBatch(gold: GoldDevelopment[], alerts: AlertDecision[], score: AlertScore): void {
  for (const alert of alerts) {
    // What a server with the default threshold is shown.
    if (alert.kind !== 'new' || !meetsThreshold(alert)) continue;
    const d = alert.development;
    score.alerts++;
    const fits = (x: GoldDevelopment) => x.type === d.type && (x.who == null || sameName(x.who, d.who));
    const exact = gold.find(
      (x) => !x.matched && fits(x) && (x.date == null || String(d.date ?? '').startsWith(x.date)),
    );
    const loose = gold.find((x) => !x.matchedAnyDate && fits(x));
    if (loose) {
      loose.matchedAnyDate = true;
      score.matchedAnyDate++;
    }
    if (exact) {
      exact.matched = true;
      score.matched++;
    } else score.misses.push(`alert without a gold development: ${d.type} ${d.who} ${d.date} ${d.summary}`);
  }
}

/** Closes the case's alert score: gold developments, and those never alerted. */
export function finishAlertScore(gold: GoldDevelopment[], score: AlertScore): void {
  score.goldNew = gold.length;
  score.goldAlertedAnyDate = gold.filter((g) => g.matchedAnyDate).length;
  for (const g of gold)
    if (!g.matched) score.misses.push(`gold development not alerted: ${g.type} ${g.who} ${g.date}`);
}
