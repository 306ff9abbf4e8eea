import type { Stage } from '../facts.ts';
import type { ChargeView } from './charges.ts';
import { bestSummary } from './developments.ts';
import type { Development, DevelopmentReport } from './types.ts';

/**
 * A defendant's stage from the developments about them (corpus README, "Case files"):
 * investigation before any charge; charged once charges are filed or announced (or an arrest);
 * pretrial after a plea, a hearing held or a trial date; trial from jury selection; verdict after a
 * verdict or a guilty plea; sentenced; dismissed when every charge is dropped or dismissed (or a
 * court dismissal); closed once a dismissal is final; appeal after a conviction is appealed.
 * Stages only move forward (background reports arrive in any order), except a mistrial.
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
const NOT_GUILTY = /\bnot\s+guilty\b|\bstood\s+silent\b|\bno\s+contest\b|\bnolo\b/i;
const PLEA_ENTERED =
  /\bplead(?:ed|s|ing)?\b|\bpled\b|\bplea[s]?\s+(?:was|were|of)\b|\bentered\b[^.;]{0,40}\bplea|\bplea[s]?\b[^.;]{0,20}\bentered\b|\barraign|\bstood\s+silent\b|\bno\s+contest\b/i;
const AGREEMENT =
  /\bagree(?:d|s|ment)?\s+to\s+plead(?:\s+(?:guilty|no\s+contest))?|\bsign(?:ed|s|ing)?\b[^.;]{0,20}\bplea\s+(?:agreement|deal)/gi;

/** The stage one development shows for its defendant (index into RANK), or -1 for none. */
function rankOf(v: VisibleDevelopment): number {
  const { type, status } = v.dev;
  const happened = status === 'happened';
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
      return happened ? 2 : 1;
    case 'plea': {
      if (!happened) return 1;
      // "agreed to plead guilty" / "signed a plea agreement" is a deal, not a plea entered.
      const entered = t.replace(AGREEMENT, ' ');
      if (GUILTY_PLEA.test(entered) && !NOT_GUILTY.test(entered)) return 4;
      return NOT_GUILTY.test(entered) || PLEA_ENTERED.test(entered) ? 2 : 1;
    }
    case 'trial':
      if (!happened) return 2;
      return /\bmistrial\b/i.test(t) ? 2 : 3;
    case 'verdict':
      return happened ? 4 : 3;
    case 'sentence':
      return happened ? 5 : 4;
    case 'appeal':
      return happened ? 6 : -1;
    default:
      return -1;
  }
}

export function stageOf(visible: VisibleDevelopment[], charges: ChargeView[]): Stage {
  let rank = charges.length > 0 ? 1 : 0;
  let mistrialAt = '';
  let trialOrLaterAt = '';
  let dismissal = false;
  let finalDismissal = false;
  for (const v of visible) {
    const r = rankOf(v);
    const at = v.reports.map((x) => x.date ?? x.published).sort()[0] ?? '';
    if (v.dev.type === 'trial' && /\bmistrial\b/i.test(text(v)))
      mistrialAt = at > mistrialAt ? at : mistrialAt;
    else if (r >= 3 && at > trialOrLaterAt) trialOrLaterAt = at;
    if (v.dev.type === 'dismissal' && v.dev.status === 'happened') dismissal = true;
    if (v.dev.type === 'appeal' && /\bwithdr[ae]w|\bdropp?ed\b|\bdenied\b|\brejected\b/i.test(text(v)))
      finalDismissal = true;
    // An appeal only moves the stage after a conviction; otherwise it is the state's appeal.
    if (r === 6 && rank < 4) continue;
    if (r > rank) rank = r;
  }
  const pending = charges.some((c) => c.status === 'pending');
  const allGone =
    charges.length > 0 && charges.every((c) => c.status === 'dropped' || c.status === 'dismissed');
  if (allGone || (dismissal && !pending && rank < 4)) return finalDismissal ? 'closed' : 'dismissed';
  if (mistrialAt && mistrialAt >= trialOrLaterAt && rank === 3) return 'pretrial';
  return RANK[rank] ?? 'investigation';
}
