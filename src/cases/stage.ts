import type { Stage } from '../facts.ts';
import type { ChargeView } from './charges.ts';
import { isDay } from './dates.ts';
import { bestSummary } from './developments.ts';
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

function text(v: VisibleDevelopment): string {
  return v.reports.map((r) => `${r.summary} ${r.sentence ?? ''}`).join(' \n ') || bestSummary(v.dev.reports);
}

const GUILTY_PLEA = /\b(plead(?:ed|s)?|pled|enter(?:ed|s)?|admit(?:ted|s)?)\b[^.;]{0,40}\bguilty\b/i;
const NOT_GUILTY = /\bnot\s+guilty\b|\bstood\s+silent\b/i;
/** A trial not (yet) under way: a date set, moved or vacated, or someone ordered to stand trial. */
const NOT_UNDER_WAY =
  /\b(?:postpon|delay|vacat|reschedul)\w*|\bpushed\s+back\b|\bto\s+stand\s+trial\b|\bbound\s+over\b|\bheads?\s+to\s+trial\b|\bwill\s+(?:stand|go\s+to)\s+trial\b|\bgoe?s?\s+on\s+trial\b|\b(?:set|scheduled|slated)\s+(?:[^.;]{0,60}\s)?for\b|\b(?:set|scheduled|slated)\s+to\s+(?:begin|start|open)\b/i;
const NO_CONTEST = /\bno[\s-]+contest\b|\bnolo\b/i;
/** A plea under a deal the court has not yet accepted (corpus README: stays `pretrial`). */
const AWAITING_APPROVAL =
  /\bpending\s+(?:the\s+)?(?:court(?:'s)?\s+|judge(?:'s)?\s+)?(?:approval|acceptance)\b|\bnot\s+yet\s+(?:been\s+)?(?:accepted|approved)\b|\bawaiting\s+(?:the\s+)?(?:court|judge)/i;
const PLEA_ENTERED =
  /\bplead(?:ed|s|ing)?\b|\bpled\b|\bplea[s]?\s+(?:was|were|of)\b|\bentered\b[^.;]{0,40}\bplea|\bplea[s]?\b[^.;]{0,20}\bentered\b|\barraign|\bstood\s+silent\b|\bno\s+contest\b/i;
const AGREEMENT =
  /\bagree(?:d|s|ment)?\s+to\s+plead(?:\s+(?:guilty|no\s+contest))?|\bsign(?:ed|s|ing)?\b[^.;]{0,20}\bplea\s+(?:agreement|deal)/gi;

/**
 * The stage one development shows for its defendant (index into RANK), or -1 for none.
 * `pleaAccepted`: the court took the plea (a charge convicted, or a sentencing set).
 */
function rankOf(v: VisibleDevelopment, pleaAccepted: boolean): number {
  const { type, status } = v.dev;
  // An act dated after every article that reports it cannot have happened yet: it is scheduled.
  const happened = status === 'happened' && !datedAhead(v);
  const t = text(v);
  switch (type) {
    case 'investigation':
      return 0;
    case 'arrest':
    case 'charge':
    case 'charge_dropped':
    case 'motion':
      return 1;
    case 'bail':
    case 'ruling':
      return happened ? 2 : 1;
    case 'hearing':
      // A hearing held, or an arraignment / preliminary hearing set, is a pretrial proceeding.
      return happened || /\barraign|\bpreliminary\s+(?:hearing|examination)/i.test(t) ? 2 : 1;
    case 'plea': {
      if (!happened) return 1;
      // "agreed to plead guilty" / "signed a plea agreement" is a deal, not a plea entered.
      const entered = t.replace(AGREEMENT, ' ');
      if (NOT_GUILTY.test(entered)) return 2;
      if (GUILTY_PLEA.test(entered)) return 4;
      // A no-contest plea convicts once the court accepts it; under a deal pending approval it
      // is only a plea entered.
      if (NO_CONTEST.test(entered)) return pleaAccepted && !AWAITING_APPROVAL.test(t) ? 4 : 2;
      return PLEA_ENTERED.test(entered) ? 2 : 1;
    }
    case 'trial':
      // A trial date set, moved or vacated is pretrial; jury selection on is trial.
      if (!happened || NOT_UNDER_WAY.test(t)) return 2;
      return MISTRIAL.test(t) ? 2 : 3;
    case 'verdict':
      return happened ? 4 : 3;
    case 'sentence':
      return happened ? 5 : 4;
    default:
      return -1;
  }
}

function datedAhead(v: VisibleDevelopment): boolean {
  return v.reports.every((r) => isDay(r.date) && (r.date as string) > r.published);
}

/** A sentencing hearing set: the court has taken a plea or verdict. */
function sentencingSet(visible: VisibleDevelopment[]): boolean {
  return visible.some(
    (v) =>
      v.dev.status === 'scheduled' &&
      (v.dev.type === 'sentence' || (v.dev.type === 'hearing' && /\bsentenc/i.test(text(v)))),
  );
}

/** When a development took place: its earliest reported date, else its first report's day. */
function atOf(v: VisibleDevelopment): string {
  return v.reports.map((x) => x.date ?? x.published).sort()[0] ?? '';
}

/** `a` is not before `b`, comparing only as precisely as both are dated ("2025-10" vs a day). */
function notBefore(a: string, b: string): boolean {
  const n = Math.min(a.length, b.length);
  return a.slice(0, n) >= b.slice(0, n);
}

/** An appeal that ended without a decision on the merits, or a state's appeal that failed. */
const WITHDRAWN = /\bwithdr[ae]wn?\b|\bwithdrawing\b|\bdropp?ed\b|\babandon/i;
const REJECTED = /\bdenied\b|\brejected\b|\bupheld\s+the\s+dismissal\b|\baffirmed\s+the\s+dismissal\b/i;
const MISTRIAL = /\bmistrial\b|\bhung\s+jury\b/i;

export function stageOf(visible: VisibleDevelopment[], charges: ChargeView[]): Stage {
  // A plea deal still awaiting the court's approval convicts no one yet, whatever a charge says.
  const awaitingApproval = visible.some((v) => v.dev.type === 'plea' && AWAITING_APPROVAL.test(text(v)));
  const convicted = charges.some((c) => c.status === 'convicted') && !awaitingApproval;
  const pleaAccepted = convicted || sentencingSet(visible);
  // A conviction (by verdict or an accepted plea) is at least the verdict stage.
  let rank = convicted ? 4 : charges.length > 0 ? 1 : 0;
  let mistrialAt = '';
  let trialOrLaterAt = '';
  let dismissal = false;
  let endedAt = '';
  let convictedAt = '';
  const allAppeals: VisibleDevelopment[] = [];
  for (const v of visible) {
    // Appeals are read last: whose appeal it is depends on the stage reached without them.
    if (v.dev.type === 'appeal') {
      if (v.dev.status === 'happened') allAppeals.push(v);
      continue;
    }
    const r = rankOf(v, pleaAccepted);
    const at = atOf(v);
    if (v.dev.type === 'trial' && MISTRIAL.test(text(v))) mistrialAt = at > mistrialAt ? at : mistrialAt;
    else if (r >= 3 && at > trialOrLaterAt) trialOrLaterAt = at;
    if (v.dev.type === 'dismissal' && v.dev.status === 'happened') dismissal = true;
    if ((v.dev.type === 'dismissal' || v.dev.type === 'charge_dropped') && v.dev.status === 'happened')
      endedAt = at > endedAt ? at : endedAt;
    if (r >= 4 && at > convictedAt) convictedAt = at;
    if (r > rank) rank = r;
  }
  // Only an appeal after the act it challenges counts (not an earlier pretrial appeal).
  const after = (since: string) => allAppeals.filter((v) => notBefore(atOf(v), since));
  const pending = charges.some((c) => c.status === 'pending');
  const allGone =
    charges.length > 0 && charges.every((c) => c.status === 'dropped' || c.status === 'dismissed');
  if (allGone || (dismissal && !pending && rank < 4)) {
    // The state's appeal of a dismissal: the case is open again until it is withdrawn or fails.
    const appeals = after(endedAt);
    if (appeals.some((v) => WITHDRAWN.test(text(v)) || REJECTED.test(text(v)))) return 'closed';
    return appeals.length > 0 ? 'appeal' : 'dismissed';
  }
  // A defendant's appeal counts after a conviction; withdrawn, the conviction stands for good.
  const appeals = after(convictedAt);
  if (rank >= 4 && appeals.length > 0)
    return appeals.some((v) => WITHDRAWN.test(text(v))) ? 'closed' : 'appeal';
  if (mistrialAt && mistrialAt >= trialOrLaterAt && rank === 3) return 'pretrial';
  return RANK[rank] ?? 'investigation';
}
