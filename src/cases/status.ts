import type { Stage } from '../facts.ts';
import { applyBlanketDrops } from './blanketDrops.ts';
import type { ChargeView } from './charges.ts';
import { currentCharges } from './charges.ts';
import { nextScheduled } from './nextScheduled.ts';
import { maxPenaltyAsOf } from './penalty.ts';
import { sameProceeding } from './proceedings.ts';
import {
  convictedAgainAfter,
  decidedAt,
  lastSentencedAt,
  restartOf,
  sentenceEvidenced,
  stageOf,
  type VisibleDevelopment,
} from './stage.ts';
import type { CaseKnowledge, CaseStatus, DefendantStatus } from './types.ts';
import { latest, visibleAsOf } from './views.ts';

/** Where a case stands on a day, from the facts of the articles published up to that day. */

const LATEST_COUNT = 3;

/** /status is asked far more often than a case changes: remember answers per case version. */
const memo = new WeakMap<CaseKnowledge, { version: number; answers: Map<string, CaseStatus> }>();

export function caseStatus(knowledge: CaseKnowledge, asOf: string, name = knowledge.slug): CaseStatus {
  let entry = memo.get(knowledge);
  if (!entry || entry.version !== knowledge.version) {
    entry = { version: knowledge.version, answers: new Map() };
    memo.set(knowledge, entry);
  }
  const key = `${asOf}|${name}`;
  const cached = entry.answers.get(key);
  if (cached) return structuredClone(cached);
  const status = computeStatus(knowledge, asOf, name);
  if (entry.answers.size > 64) entry.answers.clear();
  entry.answers.set(key, status);
  return structuredClone(status);
}

function computeStatus(knowledge: CaseKnowledge, asOf: string, name: string): CaseStatus {
  const visible = visibleAsOf(knowledge, asOf);
  const defendants: Record<string, DefendantStatus> = {};
  const stages = new Map<string, Stage>();
  for (const person of knowledge.people) {
    if (!person.defendant && !(person.joined && person.joined <= asOf)) continue;
    const mine = visible.filter((v) => v.dev.who === person.id);
    const charges = applyConvictionRules(
      applyBlanketDrops(
        currentCharges(knowledge.charges.filter((c) => c.person === person.id && c.published <= asOf)),
        mine,
      ),
      mine,
      convictionsOfOthers(visible, person.id),
    );
    const present =
      mine.length > 0 ||
      charges.length > 0 ||
      knowledge.penalties.some((p) => p.person === person.id && p.published <= asOf) ||
      (person.firstSeen !== '' && person.firstSeen <= asOf);
    if (!present) continue;
    const stage = stageOf(mine, charges);
    stages.set(person.id, stage);
    // A sentence is still to come only after a conviction: an acquittal leaves nothing to impose
    // (penalties of acquitted counts no longer apply). Without any charge named, trust the stage.
    const awaitingSentence =
      stage === 'verdict' && (charges.length === 0 || charges.some((c) => c.status === 'convicted'));
    const open = charges.some((c) => c.status === 'pending') || awaitingSentence;
    const ended = stage === 'sentenced' || stage === 'dismissed' || stage === 'closed' || stage === 'appeal';
    defendants[person.name] = {
      stage,
      charges: shownCharges(charges),
      maxPenalty: open && !ended ? maxPenaltyAsOf(knowledge, person.id, asOf, lastSentencedAt(mine)) : null,
    };
  }
  return {
    case: knowledge.slug,
    name,
    asOf,
    defendants,
    next: nextScheduled(visible, asOf, stages),
    latest: latest(knowledge, visible, LATEST_COUNT),
  };
}

/** Each charge's name and status, and its proceeding when the defendant's charges have several. */
function shownCharges(charges: ChargeView[]): DefendantStatus['charges'] {
  const several = charges.some((c) => !sameProceeding(c.proceeding, charges[0]?.proceeding));
  return charges.map((c) => ({
    charge: c.charge,
    status: c.status,
    ...(several && c.proceeding ? { proceeding: c.proceeding } : {}),
  }));
}

/**
 * A conviction overturned (or a new trial granted) makes the charges convicted until then pending
 * again; a sentence imposed on someone none of whose charges is reported convicted convicts the
 * pending ones ("began serving his sentence" after "his conviction", counts never named again).
 */
function applyConvictionRules(
  charges: ChargeView[],
  mine: VisibleDevelopment[],
  othersConvictedIn: Set<string>,
): ChargeView[] {
  const restart = restartOf(mine);
  let out = charges;
  if (restart?.overturned) {
    const proceeding = restart.proceeding;
    // A conviction reported after the overturn is the overturned one recalled, unless a new
    // verdict or guilty plea came since ("was convicted in 2020" in an article about the retrial).
    const again = convictedAgainAfter(mine, restart.at);
    const stands = (o: ChargeView['seen'][number]) =>
      o.status === 'convicted' && o.published > restart.at && again !== '' && o.published >= again;
    // Convicted first by another court's later verdict: not the conviction undone.
    const before = restart.convictedBefore;
    const undone = (c: ChargeView) => {
      const first = c.seen
        .filter((o) => o.status === 'convicted')
        .map((o) => o.published)
        .sort()[0];
      return !before || (first !== undefined && first < before);
    };
    out = out.map((c) =>
      c.status === 'convicted' &&
      sameProceeding(proceeding, c.proceeding) &&
      undone(c) &&
      !c.seen.some(stands)
        ? { ...c, status: 'pending' }
        : c,
    );
  }
  // A conviction needs a verdict, a guilty plea or a sentence of this person: without any, a charge
  // reported convicted only by articles that tell another defendant's conviction is theirs.
  if (decidedAt(mine) === '')
    out = out.map((c) =>
      c.status === 'convicted' &&
      c.seen.every((o) => o.status !== 'convicted' || othersConvictedIn.has(o.url))
        ? { ...c, status: statusBefore(c, 'convicted') }
        : c,
    );
  const decided = out.some((c) => c.status !== 'pending');
  if (!decided && out.length > 0 && !restart && sentenceEvidenced(mine))
    out = out.map((c) => ({ ...c, status: 'convicted' }));
  return out;
}

/** The articles that tell a verdict, guilty plea or sentence of someone other than `person`. */
function convictionsOfOthers(visible: VisibleDevelopment[], person: string): Set<string> {
  const urls = new Set<string>();
  for (const v of visible)
    if (v.dev.who !== null && v.dev.who !== person && decidedAt([v]) !== '')
      for (const r of v.reports) urls.add(r.url);
  return urls;
}

/** The newest status the charge was reported with other than `not` ('pending' when none). */
function statusBefore(c: ChargeView, not: ChargeView['status']): ChargeView['status'] {
  const other = c.seen.filter((o) => o.status !== not).sort((a, b) => a.published.localeCompare(b.published));
  return other.at(-1)?.status ?? 'pending';
}
