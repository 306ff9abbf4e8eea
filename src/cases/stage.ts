import type { Stage } from '../facts.ts';
import type { ChargeView } from './charges.ts';
import { isDay } from './dates.ts';
import type { Development, DevelopmentReport } from './types.ts';

/**
 * A defendant's stage from the developments about them (corpus README, "Case files"):
 * investigation before any charge; charged once charges are filed or announced (or an arrest);
 * pretrial after a plea, a hearing held, an arraignment or trial date set; trial from jury
 * selection until the verdict (a mistrial goes back to pretrial); verdict after a verdict, a
 * guilty plea or an accepted no-contest plea (any charge convicted); sentenced; dismissed when
 * every charge is dropped or dismissed (or a court dismissal); appeal after a conviction is
 * appealed, or while the state appeals a dismissal; closed once a dismissal is final or an appeal
 * is withdrawn. Stages only move forward (background reports arrive in any order).
 */

const RANK: Stage[] = ['investigation', 'charged', 'pretrial', 'trial', 'verdict', 'sentenced', 'appeal'];

export interface VisibleDevelopment {
  dev: Development;
  reports: DevelopmentReport[];
}

/**
 * The stage one development shows for its defendant (index into RANK), or -1 for none.
 * `pleaAccepted`: the court took the plea (a charge convicted, or a sentencing set).
 */
function rankOf(v: VisibleDevelopment, pleaAccepted: boolean): number {
  const { type, status } = v.dev;
  // An act dated after every article that reports it cannot have happened yet: it is scheduled.
  const happened = status === 'happened' && !datedAhead(v);
  // Reporting to prison to serve a sentence shows the sentence imposed, whatever the type.
  if (
    happened &&
    (type === 'arrest' || type === 'bail' || type === 'release') &&
    v.reports.some((r) => r.serving)
  )
    return 5;
  switch (type) {
    case 'investigation':
      return 0;
    case 'lawsuit':
      // A suit settled or ended in bankruptcy shows nothing; liability decided is a verdict.
      if (v.reports.some((r) => r.lawsuit === 'ended')) return -1;
      return happened && v.reports.some((r) => r.lawsuit === 'liable') ? 4 : 1;
    case 'arrest':
    case 'charge':
    case 'charge_dropped':
    case 'motion':
      return 1;
    case 'bail':
      // Police bail while an investigation goes on is not a court step.
      if (v.reports.some((r) => r.policeBail)) return 0;
      return happened ? 2 : 1;
    case 'ruling':
      return happened ? 2 : 1;
    case 'hearing':
      // A hearing held, or an arraignment / preliminary hearing set, is a pretrial proceeding.
      return happened ||
        v.reports.some((r) => r.hearingKind === 'arraignment' || r.hearingKind === 'preliminary')
        ? 2
        : 1;
    case 'plea': {
      if (!happened) return 1;
      // "agreed to plead guilty" / "signed a plea agreement" is a deal ('deal'), not a plea entered.
      const kinds = new Set(v.reports.map((r) => r.plea));
      if (kinds.has('not_guilty')) return 2;
      if (kinds.has('guilty')) return 4;
      // A no-contest plea convicts once the court accepts it; under a deal pending approval it
      // is only a plea entered.
      if (kinds.has('no_contest')) return pleaAccepted && !awaitingApproval(v) ? 4 : 2;
      return kinds.has('entered') ? 2 : 1;
    }
    case 'trial':
      // A trial date set, moved or vacated is pretrial; jury selection on is trial.
      if (!happened || v.reports.some((r) => r.trialNotUnderWay)) return 2;
      return mistrial(v) ? 2 : 3;
    case 'verdict':
      return happened ? 4 : 3;
    case 'sentence':
      return happened ? 5 : 4;
    default:
      return -1;
  }
}

/** A trial that ended in a mistrial or a hung jury. */
function mistrial(v: VisibleDevelopment): boolean {
  return v.reports.some((r) => r.mistrial);
}

/** A plea under a deal the court has not yet accepted. */
function awaitingApproval(v: VisibleDevelopment): boolean {
  return v.dev.type === 'plea' && v.reports.some((r) => r.awaitingApproval);
}

/** Some report of the development says it covers every charge of its person. */
export function coversAll(v: VisibleDevelopment): boolean {
  return v.reports.some((r) => r.scope === 'all');
}

function datedAhead(v: VisibleDevelopment): boolean {
  return v.reports.every((r) => isDay(r.date) && (r.date as string) > r.published);
}

/** A sentencing hearing set: the court has taken a plea or verdict. */
function sentencingSet(visible: VisibleDevelopment[]): boolean {
  return visible.some(
    (v) =>
      v.dev.status === 'scheduled' &&
      (v.dev.type === 'sentence' ||
        (v.dev.type === 'hearing' && v.reports.some((r) => r.hearingKind === 'sentencing'))),
  );
}

/**
 * When a development took place: its earliest reported date; undated, the day it was first
 * reported as news, or a month before the first report that recalled it as background.
 */
function atOf(v: VisibleDevelopment): string {
  const dated = v.reports.map((x) => x.date).filter((d): d is string => d !== null);
  if (dated.length > 0) return dated.sort()[0] as string;
  const first = v.reports.map((x) => x.published).sort()[0] ?? '';
  return v.reports.some((r) => r.news) ? first : shiftDays(first, -UNDATED_BACKGROUND_DAYS);
}

const UNDATED_BACKGROUND_DAYS = 30;

/**
 * Every report recalls the act without a date: it happened some time before, and cannot be
 * placed after a dated act (it never brings a case back, re-decides or outdates a later act).
 */
function recalledOnly(v: VisibleDevelopment): boolean {
  return v.reports.every((r) => r.date === null && !r.news);
}

function shiftDays(day: string, n: number): string {
  const t = Date.parse(`${day}T00:00:00Z`);
  return Number.isNaN(t) ? day : new Date(t + n * 86_400_000).toISOString().slice(0, 10);
}

/** When a development was first reported (a scheduled act counts from its announcement). */
function reportedAt(v: VisibleDevelopment): string {
  return v.dev.status === 'scheduled' ? (v.reports.map((r) => r.published).sort()[0] ?? '') : atOf(v);
}

/** `a` is not before `b`, comparing only as precisely as both are dated ("2025-10" vs a day). */
function notBefore(a: string, b: string): boolean {
  const n = Math.min(a.length, b.length);
  return a.slice(0, n) >= b.slice(0, n);
}

/**
 * A fresh start in the proceeding: a conviction overturned or a new trial ordered after a verdict
 * (pretrial again), or the charges refiled after the whole case was dropped (charged again).
 * Stages move forward only from the newest fresh start.
 */
export interface Restart {
  at: string;
  floor: number;
  /** The conviction was undone: convicted charges reported up to `at` are pending again. */
  overturned: boolean;
  /** The proceeding whose conviction was undone, when its words name one. */
  proceeding?: string;
  /**
   * Another court's verdict came after the first sentence and before the conviction was undone:
   * only charges first reported convicted before that day are the undone conviction's.
   */
  convictedBefore?: string;
}

export function restartOf(visible: VisibleDevelopment[]): Restart | undefined {
  let firstDecidedAt = '';
  let wholeCaseEndedAt = '';
  let sentencedAt = '';
  let firstSentencedAt = '';
  for (const v of visible) {
    if (v.dev.status !== 'happened') continue;
    if (v.dev.type === 'sentence') {
      sentencedAt = max(sentencedAt, atOf(v));
      firstSentencedAt = firstSentencedAt && firstSentencedAt < atOf(v) ? firstSentencedAt : atOf(v);
    }
    if (
      v.dev.type === 'verdict' ||
      v.dev.type === 'sentence' ||
      (v.dev.type === 'plea' && v.reports.some((r) => r.plea === 'guilty'))
    )
      firstDecidedAt = firstDecidedAt && firstDecidedAt < atOf(v) ? firstDecidedAt : atOf(v);
    if ((v.dev.type === 'dismissal' || v.dev.type === 'charge_dropped') && coversAll(v))
      wholeCaseEndedAt = max(wholeCaseEndedAt, atOf(v));
  }
  let best: Restart | undefined;
  const offer = (r: Restart) => {
    if (!best || r.at > best.at) best = r;
  };
  // Convictions undone (an appeal or ruling overturning them), each with what it undid.
  const undone: Restart[] = [];
  for (const v of visible) {
    if (!overturns(v)) continue;
    const at = reportedAt(v);
    const other = otherCourtVerdict(visible, firstSentencedAt, at);
    const proceeding = v.reports.find((r) => r.proceeding)?.proceeding;
    undone.push({
      at,
      floor: 2,
      overturned: true,
      ...(proceeding ? { proceeding } : {}),
      ...(other ? { convictedBefore: other } : {}),
    });
  }
  undone.sort((a, b) => a.at.localeCompare(b.at));
  for (const r of undone) offer(r);
  for (const v of visible) {
    const at = reportedAt(v);
    if (overturns(v)) continue;
    if (
      firstDecidedAt &&
      at > firstDecidedAt &&
      ['trial', 'ruling', 'motion', 'hearing'].includes(v.dev.type) &&
      v.reports.some((r) => r.retrial) &&
      rankOf(v, false) <= 2 &&
      // A mistrial in the retrial is not a new trial ordered: the counts it decided stand.
      !(v.dev.type === 'trial' && mistrial(v))
    )
      // A new trial ordered before any sentence sets the verdict aside (the trial court grants
      // it); after the sentence, without an appeal overturning it, the retrial is of counts the
      // jury left undecided and the convictions stand.
      offer(retrialAfter(at, !(firstSentencedAt && firstSentencedAt < at), undone));
    else if (
      v.dev.type === 'charge' &&
      v.dev.status === 'happened' &&
      !recalledOnly(v) &&
      wholeCaseEndedAt &&
      at > wholeCaseEndedAt
    )
      offer({ at, floor: 1, overturned: false });
  }
  // A verdict after the sentence, with nothing reopening the first case in between, is another
  // proceeding's (another court's charges): the stage is that proceeding's, verdict.
  if (sentencedAt && (!best || (best as Restart).at < sentencedAt)) {
    for (const v of visible) {
      const at = atOf(v);
      if (
        v.dev.type === 'verdict' &&
        v.dev.status === 'happened' &&
        !recalledOnly(v) &&
        !notBefore(sentencedAt, at)
      )
        offer({ at, floor: 4, overturned: false });
    }
  }
  return best;
}

/** An appeal or ruling that overturned a conviction. */
function overturns(v: VisibleDevelopment): boolean {
  return (
    (v.dev.type === 'appeal' || v.dev.type === 'ruling') &&
    v.dev.status === 'happened' &&
    decision(v.reports) === 'overturned'
  );
}

/**
 * A retrial set at `at`: it sets the verdict aside when ordered before any sentence, or when an
 * appeal overturned the conviction before it (then it is of that conviction's counts).
 */
function retrialAfter(at: string, beforeSentence: boolean, undone: Restart[]): Restart {
  const overturn = undone.filter((u) => u.at <= at).at(-1);
  if (overturn) return { ...overturn, at };
  return { at, floor: 2, overturned: beforeSentence };
}

/** The first verdict after the first sentence and before `until` (another proceeding's), or ''. */
function otherCourtVerdict(visible: VisibleDevelopment[], sentencedAt: string, until: string): string {
  if (!sentencedAt) return '';
  let first = '';
  for (const v of visible) {
    if (v.dev.type !== 'verdict' || v.dev.status !== 'happened' || recalledOnly(v)) continue;
    const at = atOf(v);
    if (at > sentencedAt && at < until && (!first || at < first)) first = at;
  }
  return first;
}

function max(a: string, b: string): string {
  return b > a ? b : a;
}

/** An appeal under way as far as the stage goes: when it was reported and what it says. */
interface AppealItem {
  at: string;
  /** An appeal development (which may also be decided or withdrawn), not a mention in another. */
  appeal: boolean;
  outcome: 'affirmed' | 'overturned' | 'pending';
  ended: DevelopmentReport['appealEnded'];
}

/** What an appeal's reports say was decided: one that affirms outweighs one that overturns. */
function decision(reports: DevelopmentReport[]): AppealItem['outcome'] {
  if (reports.some((r) => r.appealOutcome === 'affirmed')) return 'affirmed';
  return reports.some((r) => r.appealOutcome === 'overturned') ? 'overturned' : 'pending';
}

/** How the appeal ended by its reports: withdrawn by any, else refused by any. */
function endedBy(reports: DevelopmentReport[]): AppealItem['ended'] {
  if (reports.some((r) => r.appealEnded === 'withdrawn')) return 'withdrawn';
  return reports.some((r) => r.appealEnded === 'rejected') ? 'rejected' : undefined;
}

/** Appeals, and other reports showing one under way ("bail pending appeal", "while he appeals"). */
function appealItems(v: VisibleDevelopment): AppealItem[] {
  if (v.dev.status !== 'happened') return [];
  if (v.dev.type === 'appeal')
    return [{ at: atOf(v), appeal: true, outcome: decision(v.reports), ended: endedBy(v.reports) }];
  if (!['bail', 'motion', 'ruling', 'release'].includes(v.dev.type)) return [];
  // Per report: an undated mention may have been merged into an older development of its type.
  return v.reports
    .filter((r) => r.appealPending)
    .map((r) => ({
      at: r.date ?? (r.news ? r.published : shiftDays(r.published, -UNDATED_BACKGROUND_DAYS)),
      appeal: false,
      outcome: 'pending',
      ended: r.appealEnded,
    }));
}

export function stageOf(visible: VisibleDevelopment[], charges: ChargeView[]): Stage {
  // A plea deal still awaiting the court's approval convicts no one yet, whatever a charge says.
  const underDeal = visible.some(awaitingApproval);
  const convicted = charges.some((c) => c.status === 'convicted') && !underDeal;
  const pleaAccepted = convicted || sentencingSet(visible);
  const restart = restartOf(visible);
  // A conviction (by verdict or an accepted plea) is at least the verdict stage.
  let rank = restart ? restart.floor : convicted ? 4 : charges.length > 0 ? 1 : 0;
  let mistrialAt = '';
  let trialOrLaterAt = '';
  let dismissal = false;
  let endedAt = '';
  let convictedAt = '';
  let sentenced = false;
  const allAppeals: AppealItem[] = [];
  for (const v of visible) {
    // Appeals are read last: whose appeal it is depends on the stage reached without them.
    allAppeals.push(...appealItems(v));
    if (v.dev.type === 'appeal') continue;
    const r = rankOf(v, pleaAccepted);
    const at = atOf(v);
    if (r >= 5) sentenced = true;
    if (r >= 4 && at > convictedAt && !recalledOnly(v)) convictedAt = at;
    // Before the newest fresh start, a development no longer sets the stage; nor does one only
    // recalled without a date (told as history, it is taken to be from before it).
    if (restart && (at < restart.at || recalledOnly(v))) continue;
    // After a fresh start, a sentence needs the new verdict first (one told beside the retrial
    // order is the old sentence recalled).
    if (restart && r >= 5 && convictedAgainAfter(visible, restart.at) === '') continue;
    if (v.dev.type === 'trial' && mistrial(v)) mistrialAt = at > mistrialAt ? at : mistrialAt;
    else if (r >= 3 && at > trialOrLaterAt) trialOrLaterAt = at;
    if (v.dev.type === 'dismissal' && v.dev.status === 'happened') dismissal = true;
    if ((v.dev.type === 'dismissal' || v.dev.type === 'charge_dropped') && v.dev.status === 'happened')
      endedAt = at > endedAt ? at : endedAt;
    if (r > rank) rank = r;
  }
  // Only an appeal after the act it challenges counts (not an earlier pretrial appeal).
  const after = (since: string) => allAppeals.filter((a) => notBefore(a.at, since));
  const pending = charges.some((c) => c.status === 'pending');
  const allGone =
    charges.length > 0 && charges.every((c) => c.status === 'dropped' || c.status === 'dismissed');
  if (allGone || (dismissal && !pending && rank < 4)) {
    // The state's appeal of a dismissal: the case is open again until it is withdrawn or fails.
    const appeals = after(endedAt);
    if (appeals.some((a) => a.ended)) return 'closed';
    return appeals.length > 0 ? 'appeal' : 'dismissed';
  }
  // A defendant's appeal of a conviction comes once sentenced; withdrawn, the conviction stands
  // for good; decided, the stage is what the decision leaves.
  const appeals = after(convictedAt).sort((a, b) => a.at.localeCompare(b.at) || decided(a) - decided(b));
  const standing = rank >= 4 || (convicted && !restart?.overturned);
  if (standing && sentenced && appeals.length > 0) {
    if (appeals.some((a) => a.appeal && a.ended === 'withdrawn')) return 'closed';
    const newest = appeals[appeals.length - 1] as AppealItem;
    if (!newest.appeal || newest.outcome === 'pending') return 'appeal';
  }
  if (mistrialAt && mistrialAt >= trialOrLaterAt && rank === 3) return 'pretrial';
  return RANK[rank] ?? 'investigation';
}

/** 1 for an appeal decided (it reads after a filing reported the same day), else 0. */
function decided(a: AppealItem): number {
  return a.appeal && a.outcome !== 'pending' ? 1 : 0;
}

/** The day a sentence was last imposed on the defendant ('' when none was). */
export function lastSentencedAt(visible: VisibleDevelopment[]): string {
  let at = '';
  for (const v of visible)
    if (v.dev.type === 'sentence' && v.dev.status === 'happened') at = max(at, atOf(v));
  return at;
}

/** The defendant was sentenced at some point (a sentence imposed, or serving one). */
export function sentenceEvidenced(visible: VisibleDevelopment[]): boolean {
  return visible.some((v) => rankOf(v, true) >= 5);
}

/** The newest verdict, guilty plea or sentence of a defendant (for "a trial set before it is moot"). */
export function decidedAt(visible: VisibleDevelopment[]): string {
  let at = '';
  for (const v of visible) if (rankOf(v, true) >= 4) at = max(at, atOf(v));
  return at;
}

/**
 * The first day after `since` a verdict was returned or a guilty plea entered ('' when none was):
 * after a conviction is overturned, only such a new act convicts again.
 */
export function convictedAgainAfter(visible: VisibleDevelopment[], since: string): string {
  let first = '';
  for (const v of visible) {
    if (v.dev.status !== 'happened' || recalledOnly(v)) continue;
    const convicts =
      v.dev.type === 'verdict' || (v.dev.type === 'plea' && v.reports.some((r) => r.plea === 'guilty'));
    const at = atOf(v);
    if (convicts && at > since && (!first || at < first)) first = at;
  }
  return first;
}
