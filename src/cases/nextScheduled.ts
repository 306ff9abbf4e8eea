import { HEARING_KINDS, type Stage } from '../facts.ts';
import { dateKey, isDay, isMonth, onOrAfter, overlaps, rangeOf } from './dates.ts';
import { bestDate, bestSummary } from './developments.ts';
import { decidedAt, type VisibleDevelopment } from './stage.ts';
import type { DevelopmentReport } from './types.ts';

/**
 * The case's next date: the earliest scheduled development dated on or after `asOf` that no
 * article up to `asOf` shows as done (the same act reported as happened, or a court event on a
 * hearing's day), superseded (a later article set a new date for the same kind of event for the
 * same person) or moot (the defendant's case is over, a trial overtaken by a plea or verdict, a
 * sentencing by the sentence).
 */

/** Court events that show a scheduled hearing took place on its day. */
const COURT_EVENTS = new Set([
  'hearing',
  'bail',
  'plea',
  'ruling',
  'dismissal',
  'sentence',
  'verdict',
  'trial',
  'motion',
]);
const AFTER_VERDICT = new Set<Stage>(['verdict', 'sentenced', 'appeal', 'closed']);
const AFTER_SENTENCE = new Set<Stage>(['sentenced', 'appeal', 'closed']);

/** Scheduled acts of which a person has one pending at a time (motions, bail, etc. can be many). */
const ONE_OF_A_KIND = new Set(['trial', 'charge', 'charge_dropped', 'plea', 'verdict']);

/** What kind of event a scheduled development is, when it can be told. */
export function scheduledKind(v: VisibleDevelopment): string | undefined {
  if (v.dev.type === 'sentence') return 'sentencing';
  if (ONE_OF_A_KIND.has(v.dev.type)) return v.dev.type;
  if (v.dev.type !== 'hearing') return undefined;
  // Hearings of no stated kind are never taken as rescheduled; of several, the first in HEARING_KINDS.
  return HEARING_KINDS.find((k) => v.reports.some((r) => r.hearingKind === k));
}

export function nextScheduled(
  visible: VisibleDevelopment[],
  asOf: string,
  stages: Map<string, Stage>,
): { date: string; what: string } | null {
  // A trial first set after a person's verdict is a new trial (a retrial, another suit's trial).
  const decided = new Map<string | null, string>();
  for (const who of new Set(visible.map((v) => v.dev.who)))
    decided.set(who, decidedAt(visible.filter((v) => v.dev.who === who)));
  const happened = visible.filter((v) => v.dev.status === 'happened');
  const scheduled = visible.filter((v) => v.dev.status === 'scheduled');
  const candidates: Array<{ date: string; what: string }> = [];
  for (const s of scheduled) {
    const date = currentDate(s);
    if (!date || !onOrAfter(date, asOf)) continue;
    if (happened.some((h) => fulfils(h, s, date))) continue;
    // Set in the very article that tells the verdict, for a later day ("the jury returns Tuesday"),
    // it comes after the verdict too.
    const decision = decided.get(s.dev.who) ?? '';
    const newTrial =
      scheduledKind(s) === 'trial' &&
      (after(firstReported(s), decision) || (firstReported(s) === decision && after(date, decision)));
    if (!newTrial && (s.dev.who ? moot(s, stages.get(s.dev.who)) : mootForAll(s, stages))) continue;
    if (superseded(s, date, scheduled)) continue;
    if (calledOff(s, visible)) continue;
    candidates.push({ date, what: bestSummary(s.reports) });
  }
  candidates.sort((a, b) => dateKey(a.date) - dateKey(b.date));
  return candidates[0] ?? null;
}

/**
 * The date a scheduled act is set for now: the newest reports' date (a later article moves it),
 * told as precisely as any report gives it ("in July" after "July 9" is still July 9).
 */
export function currentDate(s: VisibleDevelopment): string | null {
  const dated = s.reports.filter((r) => r.date !== null);
  const newest = dated
    .map((r) => r.published)
    .sort()
    .at(-1);
  const latest = bestDate(dated.filter((r) => r.published === newest));
  const range = rangeOf(latest);
  if (!latest || !range || isDay(latest)) return latest;
  const days = dated.filter(
    (r) => isDay(r.date) && overlaps(rangeOf(r.date) as NonNullable<typeof range>, range),
  );
  return days.length > 0 ? bestDate(days) : latest;
}

/** `a` is after `b` at the precision both are dated ("2025-04" is not after "2025-04-20"). */
function after(a: string, b: string): boolean {
  const n = Math.min(a.length, b.length);
  return a.slice(0, n) > b.slice(0, n);
}

function firstReported(v: VisibleDevelopment): string {
  return v.reports.map((r) => r.published).sort()[0] ?? '';
}

function moot(s: VisibleDevelopment, stage: Stage | undefined): boolean {
  if (!stage) return false;
  if (stage === 'dismissed' || stage === 'closed') return true;
  const kind = scheduledKind(s);
  if (kind === 'trial' && AFTER_VERDICT.has(stage)) return true;
  return kind === 'sentencing' && AFTER_SENTENCE.has(stage);
}

/** An act of the whole case is moot once it is moot for every defendant (the case is over). */
function mootForAll(s: VisibleDevelopment, stages: Map<string, Stage>): boolean {
  return stages.size > 0 && [...stages.values()].every((stage) => moot(s, stage));
}

function fulfils(h: VisibleDevelopment, s: VisibleDevelopment, date: string): boolean {
  if (s.dev.who !== null && h.dev.who !== s.dev.who) return false;
  const target = rangeOf(date);
  if (!target) return false;
  if (h.dev.type === s.dev.type) {
    return h.reports.some((r) => {
      // Undated news ("jury selection has begun") happened on its publication day.
      const rr = rangeOf(r.date ?? (r.news ? r.published : null));
      return rr !== undefined && overlaps(rr, target, isDay(r.date) && isDay(date) ? 3 : 0);
    });
  }
  return (
    s.dev.type === 'hearing' &&
    COURT_EVENTS.has(h.dev.type) &&
    h.reports.some((r) => r.date === date && isDay(date))
  );
}

/** A date called off: postponed, vacated, cancelled, adjourned (a new date given is a move). */
const CALLED_OFF =
  /\b(?:postpone[ds]?|vacate[ds]?|cancell?(?:ed|s)?|adjourn(?:ed|s)?|called off|scrapped|put off|delayed|pushed back)\b/i;
/** After the calling off, a new date: "to June 9", "until May", "now set for June 9". */
const NEW_DATE_AFTER =
  /^[^.;]{0,30}?\b(?:to|until|till)\s(?!further\b)|\b(?:set|scheduled|slated|rescheduled|moved|reset)\s+(?:for|to)\b/i;

function callsOff(r: DevelopmentReport): boolean {
  const text = r.sentence ?? r.summary;
  const m = CALLED_OFF.exec(text);
  return m !== null && !NEW_DATE_AFTER.test(text.slice(m.index + m[0].length));
}

/**
 * The newest word on a scheduled act calls it off with no new date: one of its own reports, or a
 * report of the same kind of act for the same person ("her trial was postponed indefinitely"),
 * published on or after the last report that set its date.
 */
function calledOff(s: VisibleDevelopment, visible: VisibleDevelopment[]): boolean {
  const kind = scheduledKind(s);
  const setAt =
    s.reports
      .filter((r) => r.date !== null && !callsOff(r))
      .map((r) => r.published)
      .sort()
      .at(-1) ?? '';
  return visible.some(
    (v) =>
      (v === s || (kind !== undefined && v.dev.who === s.dev.who && scheduledKind(v) === kind)) &&
      v.reports.some((r) => r.published >= setAt && callsOff(r)),
  );
}

/** A later article set another date for the same kind of event for the same person. */
function superseded(s: VisibleDevelopment, date: string, scheduled: VisibleDevelopment[]): boolean {
  const kind = scheduledKind(s);
  if (!kind) return false;
  const last =
    s.reports
      .map((r) => r.published)
      .sort()
      .at(-1) ?? '';
  const mine = rangeOf(date);
  return scheduled.some((o) => {
    if (o === s || o.dev.who !== s.dev.who || scheduledKind(o) !== kind) return false;
    const other = currentDate(o);
    const theirs = rangeOf(other);
    if (!other || other === date || !theirs || !mine) return false;
    // "in July" and "July 9" are one date told more or less precisely: the day wins.
    if (overlaps(mine, theirs)) return isMonth(date) && isDay(other);
    return o.reports.some((r) => r.published > last);
  });
}
