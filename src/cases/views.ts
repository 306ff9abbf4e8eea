import { dateKey, dayNumber, isDay, isMonth, rangeOf } from './dates.ts';
import { bestDate, bestSummary, reportsAsOf } from './developments.ts';
import { findPerson } from './people.ts';
import type { VisibleDevelopment } from './stage.ts';
import type { CaseKnowledge, DevelopmentView, Source } from './types.ts';

/** Read-side views of a case's developments: visible as of a day, as display rows, in order. */

export function visibleAsOf(knowledge: CaseKnowledge, asOf?: string): VisibleDevelopment[] {
  const out: VisibleDevelopment[] = [];
  for (const dev of knowledge.developments) {
    const reports = reportsAsOf(dev, asOf);
    if (reports.length > 0) out.push({ dev, reports });
  }
  return out;
}

export function personName(knowledge: CaseKnowledge, id: string | null): string | null {
  if (id === null) return null;
  return knowledge.people.find((p) => p.id === id)?.name ?? id;
}

export function toView(knowledge: CaseKnowledge, v: VisibleDevelopment): DevelopmentView {
  const seen = new Set<string>();
  const sources: Source[] = [];
  for (const r of v.reports) {
    if (seen.has(r.url)) continue;
    seen.add(r.url);
    sources.push({ outlet: r.outlet, url: r.url, published: r.published });
  }
  return {
    id: v.dev.id,
    type: v.dev.type,
    status: v.dev.status,
    date: bestDate(v.reports),
    who: personName(knowledge, v.dev.who),
    summary: bestSummary(v.reports),
    sources,
    ...(v.reports.some((r) => r.court) ? { court: true } : {}),
  };
}

const CALENDAR = new Set(['hearing', 'trial', 'sentence']);
const CALENDAR_PENALTY_DAYS = 7;

/**
 * When a development counts as having happened, for "latest": its day; a month-only date at the
 * first report within that month; an announcement (scheduled) or an undated report at the day it
 * was first reported.
 */
export function happenedKey(v: VisibleDevelopment): number {
  const first = v.reports.map((r) => r.published).sort()[0] ?? '9999-12-31';
  const firstDay = dayNumber(first);
  // A newly set court date is news, but the act it follows (a filing, a drop) reads as the latest.
  if (v.dev.status === 'scheduled')
    return CALENDAR.has(v.dev.type) ? firstDay - CALENDAR_PENALTY_DAYS : firstDay;
  // A development that moved on (a bail denial, then the appeal rejected) counts at its last day.
  const days = v.reports.map((r) => r.date).filter((d): d is string => d !== null && isDay(d));
  if (days.length > 0) return Math.min(Math.max(...days.map(dayNumber)), firstDay);
  const date = bestDate(v.reports);
  if (isMonth(date)) {
    const r = rangeOf(date);
    if (r) return Math.min(r.hi, firstDay);
  }
  // Undated: news happened in the days before the report; background at some earlier time.
  return v.reports.some((r) => r.news) ? firstDay - UNDATED_NEWS_DAYS : firstDay - UNDATED_BACKGROUND_DAYS;
}

/** Dated developments lead undated ones reported about the same days. */
const UNDATED_NEWS_DAYS = 2;
const UNDATED_BACKGROUND_DAYS = 30;

/** On the same day, the weightier development leads (a plea over the hearing it was entered at). */
const WEIGHT = [
  'investigation',
  'motion',
  'hearing',
  'lawsuit',
  'release',
  'bail',
  'ruling',
  'trial',
  'arrest',
  'charge',
  'charge_dropped',
  'appeal',
  'dismissal',
  'plea',
  'verdict',
  'sentence',
];

/** Acts that happen at a court appearance. */
const AT_APPEARANCE = new Set(['plea', 'ruling', 'bail', 'dismissal', 'verdict', 'sentence']);

/**
 * Undated hearings that are the appearance at which a dated act of the same person happened: every
 * article reporting the hearing also dates such an act ("appeared before the judge" beside "pleaded
 * not guilty on Friday"). Among the latest the act stands for its appearance; the timeline keeps both.
 */
function appearancesOfDatedActs(visible: VisibleDevelopment[]): Set<VisibleDevelopment> {
  const datedActs = new Set<string>();
  for (const v of visible) {
    if (v.dev.status !== 'happened' || !AT_APPEARANCE.has(v.dev.type) || v.dev.who === null) continue;
    for (const r of v.reports) if (r.date !== null) datedActs.add(`${v.dev.who}\u0000${r.url}`);
  }
  const folded = new Set<VisibleDevelopment>();
  for (const v of visible) {
    if (v.dev.type !== 'hearing' || v.dev.who === null || v.reports.length === 0) continue;
    if (v.reports.some((r) => r.date !== null)) continue;
    if (v.reports.every((r) => datedActs.has(`${v.dev.who}\u0000${r.url}`))) folded.add(v);
  }
  return folded;
}

/** The most recent developments first (then the weightier, then the most reported). */
export function latest(
  knowledge: CaseKnowledge,
  visible: VisibleDevelopment[],
  count: number,
): DevelopmentView[] {
  const folded = appearancesOfDatedActs(visible);
  // A date set ahead is shown once, as "Next"; among the latest it read as a future act out of order.
  return visible
    .filter((v) => v.dev.status !== 'scheduled' && !folded.has(v))
    .sort(
      (a, b) =>
        happenedKey(b) - happenedKey(a) ||
        WEIGHT.indexOf(b.dev.type) - WEIGHT.indexOf(a.dev.type) ||
        b.reports.length - a.reports.length,
    )
    .slice(0, count)
    .map((v) => toView(knowledge, v));
}

/** Every development in date order (undated ones at the day first reported). */
/**
 * Timelines memoised per case object and version: a paged /timeline asks for the same list on
 * every click, and building every development's view each time is what made its tail slow.
 */
const timelineMemo = new WeakMap<
  CaseKnowledge,
  { version: number; byFilter: Map<string, DevelopmentView[]> }
>();

export function timeline(
  knowledge: CaseKnowledge,
  filter: { type?: string; person?: string; asOf?: string } = {},
): DevelopmentView[] {
  let memo = timelineMemo.get(knowledge);
  if (!memo || memo.version !== knowledge.version) {
    memo = { version: knowledge.version, byFilter: new Map() };
    timelineMemo.set(knowledge, memo);
  }
  const key = `${filter.type ?? ''}|${filter.person ?? ''}|${filter.asOf ?? ''}`;
  let found = memo.byFilter.get(key);
  if (!found) {
    found = buildTimeline(knowledge, filter);
    if (memo.byFilter.size > 64) memo.byFilter.clear();
    memo.byFilter.set(key, found);
  }
  return found;
}

function buildTimeline(
  knowledge: CaseKnowledge,
  filter: { type?: string; person?: string; asOf?: string },
): DevelopmentView[] {
  const visible = visibleAsOf(knowledge, filter.asOf);
  const personId = filter.person ? findPersonId(knowledge, filter.person) : undefined;
  return visible
    .filter((v) => !filter.type || v.dev.type === filter.type)
    .filter((v) => !filter.person || v.dev.who === personId)
    .sort((a, b) => sortDay(a) - sortDay(b) || a.dev.id.localeCompare(b.dev.id, 'en', { numeric: true }))
    .map((v) => toView(knowledge, v));
}

function sortDay(v: VisibleDevelopment): number {
  const date = bestDate(v.reports);
  const k = dateKey(date);
  return Number.isFinite(k) ? k : happenedKey(v);
}

function findPersonId(knowledge: CaseKnowledge, name: string): string | undefined {
  return findPerson(knowledge.people, name)?.id;
}
