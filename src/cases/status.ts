import type { Stage } from '../facts.ts';
import { currentCharges } from './charges.ts';
import { dateKey, isDay, onOrAfter, overlaps, rangeOf } from './dates.ts';
import { bestDate, bestSummary } from './developments.ts';
import { maxPenaltyAsOf } from './penalty.ts';
import { stageOf, type VisibleDevelopment } from './stage.ts';
import type { CaseKnowledge, CaseStatus, DefendantStatus } from './types.ts';
import { latest, visibleAsOf } from './views.ts';

/** Where a case stands on a day, from the facts of the articles published up to that day. */

const LATEST_COUNT = 3;
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
    if (!person.defendant) continue;
    const charges = currentCharges(
      knowledge.charges.filter((c) => c.person === person.id && c.published <= asOf),
    );
    const mine = visible.filter((v) => v.dev.who === person.id);
    const present =
      mine.length > 0 ||
      charges.length > 0 ||
      knowledge.penalties.some((p) => p.person === person.id && p.published <= asOf) ||
      (person.firstSeen !== '' && person.firstSeen <= asOf);
    if (!present) continue;
    const stage = stageOf(mine, charges);
    stages.set(person.id, stage);
    const awaitingSentence = stage === 'verdict';
    const open = charges.some((c) => c.status === 'pending') || awaitingSentence;
    const ended = stage === 'sentenced' || stage === 'dismissed' || stage === 'closed' || stage === 'appeal';
    defendants[person.name] = {
      stage,
      charges: charges.map((c) => ({ charge: c.charge, status: c.status })),
      maxPenalty: open && !ended ? maxPenaltyAsOf(knowledge, person.id, asOf) : null,
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

/**
 * The earliest scheduled development dated on or after `asOf` that no article up to `asOf` shows
 * as done (the same act reported as happened, or a court event on a hearing's day) or moot (the
 * defendant's case is over, a trial overtaken by a plea or verdict, a trial date reset later).
 */
function nextScheduled(
  visible: VisibleDevelopment[],
  asOf: string,
  stages: Map<string, Stage>,
): { date: string; what: string } | null {
  const happened = visible.filter((v) => v.dev.status === 'happened');
  const scheduled = visible.filter((v) => v.dev.status === 'scheduled');
  const candidates: Array<{ date: string; what: string }> = [];
  for (const s of scheduled) {
    const date = bestDate(s.reports);
    if (!date || !onOrAfter(date, asOf)) continue;
    if (happened.some((h) => fulfils(h, s, date))) continue;
    const stage = s.dev.who ? stages.get(s.dev.who) : undefined;
    if (stage === 'dismissed' || stage === 'closed') continue;
    if (s.dev.type === 'trial' && (stage === 'verdict' || stage === 'sentenced' || stage === 'appeal'))
      continue;
    if (s.dev.type === 'trial' && rescheduled(s, scheduled)) continue;
    candidates.push({ date, what: bestSummary(s.reports) });
  }
  candidates.sort((a, b) => dateKey(a.date) - dateKey(b.date));
  return candidates[0] ?? null;
}

function fulfils(h: VisibleDevelopment, s: VisibleDevelopment, date: string): boolean {
  if (s.dev.who !== null && h.dev.who !== s.dev.who) return false;
  const target = rangeOf(date);
  if (!target) return false;
  if (h.dev.type === s.dev.type) {
    return h.reports.some((r) => {
      const rr = rangeOf(r.date);
      return rr !== undefined && overlaps(rr, target, isDay(r.date) && isDay(date) ? 3 : 0);
    });
  }
  return (
    s.dev.type === 'hearing' &&
    COURT_EVENTS.has(h.dev.type) &&
    h.reports.some((r) => r.date === date && isDay(date))
  );
}

/** A later article set another trial date for the same person. */
function rescheduled(s: VisibleDevelopment, scheduled: VisibleDevelopment[]): boolean {
  const last =
    s.reports
      .map((r) => r.published)
      .sort()
      .at(-1) ?? '';
  return scheduled.some(
    (o) =>
      o !== s &&
      o.dev.type === 'trial' &&
      o.dev.who === s.dev.who &&
      o.reports.some((r) => r.published > last),
  );
}
