import type { CaseEvent } from '../facts.ts';
import { toldOnNewsDay } from './confidence.ts';
import { type DayRange, dayNumber, isDay, overlaps, rangeOf } from './dates.ts';
import { contentStems, similarity } from './text.ts';
import type { Development, DevelopmentReport } from './types.ts';

/**
 * The same development reported by several outlets is one development: same type, same person,
 * same status, dates that agree (same or adjacent day, a month containing the day), or for
 * undated reports a compatible time window and a similar summary. Two events of one article are
 * never merged with each other (one article's two arrests are two developments).
 */

const ADJACENT_DAYS = 3;
const NEWS_WINDOW_DAYS = 3;
/**
 * Acts that happen once per person: an undated report of one ("Baldwin has been charged") is the
 * development already known, not a new one, even when it comes outside the usual window.
 */
const ONCE = new Set(['charge', 'verdict', 'sentence', 'dismissal']);
/** Once-only acts that a new trial makes happen again. */
const AFTER_TRIAL = new Set(['verdict', 'sentence']);

export interface IncomingEvent {
  event: CaseEvent;
  who: string | null;
  report: DevelopmentReport;
}

/** The days an event may fall on: its date, else a window implied by `new` and `status`. */
function window(date: string | null, report: DevelopmentReport, status: string): DayRange {
  const r = rangeOf(date);
  if (r) return r;
  const pub = dayNumber(report.published);
  if (status === 'scheduled') return { lo: pub, hi: Number.POSITIVE_INFINITY };
  if (report.news) return { lo: pub - NEWS_WINDOW_DAYS, hi: pub };
  return { lo: Number.NEGATIVE_INFINITY, hi: pub };
}

/** How well an incoming event fits a development (0 = not the same development). */
export function fitScore(incoming: IncomingEvent, dev: Development): number {
  const { event, who, report } = incoming;
  if (dev.type !== event.type || dev.status !== event.status || dev.who !== who) return 0;
  if (dev.reports.some((r) => r.url === report.url)) return 0;
  // Each docket entry is its own act: two entries never merge, however alike.
  if (report.court && dev.reports.some((r) => r.court)) return 0;
  let dateScore = 0;
  const eventRange = rangeOf(event.date);
  const dated = eventRange ? dev.reports.filter((r) => rangeOf(r.date)) : [];
  if (eventRange && dated.length > 0) {
    for (const r of dated) {
      const rr = rangeOf(r.date) as DayRange;
      let s = 0;
      if (r.date === event.date) s = 3;
      else if (isDay(r.date) && isDay(event.date) && overlaps(rr, eventRange, ADJACENT_DAYS)) s = 2;
      else if (!(isDay(r.date) && isDay(event.date)) && overlaps(rr, eventRange)) s = 1.5;
      dateScore = Math.max(dateScore, s);
    }
    if (dateScore === 0) return 0;
  } else {
    const mine = window(event.date, report, event.status);
    const fits = dev.reports.some((r) => overlaps(window(r.date, r, dev.status), mine));
    if (!fits) return 0;
    dateScore = 1;
  }
  const stems = contentStems(event.summary);
  let sim = 0;
  for (const r of dev.reports) sim = Math.max(sim, similarity(stems, contentStems(r.summary)));
  return dateScore + 2 * sim;
}

/** Developments by type, status and person: only those can fit an event (fitScore's first test). */
interface DevelopmentIndex {
  /** How many of the array's developments are indexed (the array only grows, by mergeEvents). */
  size: number;
  /** The last one indexed, to tell an array changed otherwise. */
  last: Development | undefined;
  byKey: Map<string, Development[]>;
}
const indexes = new WeakMap<Development[], DevelopmentIndex>();
const keyOf = (type: string, status: string, who: string | null) =>
  who === null ? `${type}|${status}|` : `${type}|${status}|=${who}`;

/**
 * The developments that may fit an event, in the array's order: an index kept per array, extended
 * as mergeEvents appends (a case's merge used to test every development of the case for every
 * event). An array that changed otherwise (shorter, or another element where one was indexed) is
 * indexed again.
 */
function candidates(developments: Development[], event: IncomingEvent): Development[] {
  let index = indexes.get(developments);
  if (!index || index.size > developments.length || developments[index.size - 1] !== index.last) {
    index = { size: 0, last: undefined, byKey: new Map() };
    indexes.set(developments, index);
  }
  for (; index.size < developments.length; index.size++) {
    const dev = developments[index.size] as Development;
    const key = keyOfDev(dev);
    const list = index.byKey.get(key);
    if (list) list.push(dev);
    else index.byKey.set(key, [dev]);
    index.last = dev;
  }
  return index.byKey.get(keyOf(event.event.type, event.event.status, event.who)) ?? [];
}
const keyOfDev = (dev: Development) => keyOf(dev.type, dev.status, dev.who);

/**
 * Assigns each incoming event of one article to an existing development (best fits first, one
 * event per development) or to a new one. Returns, per incoming event, its development.
 */
export function mergeEvents(
  developments: Development[],
  incoming: IncomingEvent[],
  newId: () => string,
): Array<{ dev: Development; created: boolean; addedSource: boolean }> {
  const pairs: Array<{ i: number; dev: Development; score: number }> = [];
  incoming.forEach((inc, i) => {
    for (const dev of candidates(developments, inc)) {
      const score = fitScore(inc, dev);
      if (score >= 1) pairs.push({ i, dev, score });
    }
  });
  pairs.sort((a, b) => b.score - a.score);
  const chosen = new Map<number, Development>();
  const taken = new Set<Development>();
  for (const p of pairs) {
    if (chosen.has(p.i) || taken.has(p.dev)) continue;
    chosen.set(p.i, p.dev);
    taken.add(p.dev);
  }
  // An undated report of a once-only act outside every window retells the known development,
  // unless it is news and a new trial was ordered since (a retrial's verdict).
  incoming.forEach((inc, i) => {
    if (
      chosen.has(i) ||
      inc.event.date !== null ||
      inc.event.status !== 'happened' ||
      !ONCE.has(inc.event.type)
    )
      return;
    const earlier = developments.filter(
      (d) =>
        !taken.has(d) &&
        d.type === inc.event.type &&
        d.who === inc.who &&
        d.status === 'happened' &&
        !d.reports.some((r) => r.url === inc.report.url),
    );
    const last = earlier[earlier.length - 1];
    if (last && inc.report.news && AFTER_TRIAL.has(last.type) && retriedSince(developments, last, inc.who))
      return;
    // News of the act (within the week) cannot retell one dated weeks before: a second
    // indictment, another court's verdict.
    if (last && inc.report.news && datedLongBefore(last, inc.report.published)) return;
    if (last) {
      chosen.set(i, last);
      taken.add(last);
    }
  });
  return incoming.map((inc, i) => {
    const existing = chosen.get(i);
    if (existing) {
      existing.reports.push(inc.report);
      return { dev: existing, created: false, addedSource: true };
    }
    const dev: Development = {
      id: newId(),
      type: inc.event.type,
      status: inc.event.status,
      who: inc.who,
      reports: [inc.report],
      alerted: false,
    };
    developments.push(dev);
    return { dev, created: true, addedSource: true };
  });
}

/**
 * Every report of `dev` puts it more than a fortnight before `published`: by its date, or for a
 * charge or dismissal (acts a case may see twice: a refiling) undated, by its publication (an
 * act reported on a day had happened by then). A second verdict or sentence needs a new trial.
 */
function datedLongBefore(dev: Development, published: string): boolean {
  const limit = dayNumber(published) - STALE_DAYS;
  const byPublication = !AFTER_TRIAL.has(dev.type);
  const bounds = dev.reports.map(
    (r) => rangeOf(r.date)?.hi ?? (byPublication ? dayNumber(r.published) : undefined),
  );
  const known = bounds.filter((b): b is number => b !== undefined);
  return known.length > 0 && known.every((b) => b < limit);
}

const STALE_DAYS = 14;

/** A new trial was ordered for the person after `dev` was first reported. */
function retriedSince(developments: Development[], dev: Development, who: string | null): boolean {
  const since = dev.reports[0]?.published ?? '';
  return developments.some(
    (d) => d.who === who && d !== dev && d.reports.some((r) => r.published > since && r.retrial),
  );
}

/** Reports published on or before a day (all when asOf is undefined). */
export function reportsAsOf(dev: Development, asOf?: string): DevelopmentReport[] {
  return asOf === undefined ? dev.reports : dev.reports.filter((r) => r.published <= asOf);
}

/** The date most reports give (days preferred over months; on a tie the earlier). */
export function bestDate(reports: DevelopmentReport[]): string | null {
  // The docket's own date is the act's date, whatever the outlets say.
  const docketed = reports.find((r) => r.court && r.date);
  if (docketed) return docketed.date;
  const counts = new Map<string, number>();
  for (const r of reports) if (r.date) counts.set(r.date, (counts.get(r.date) ?? 0) + 1);
  let best: string | null = null;
  let score = -1;
  for (const [date, n] of counts) {
    const s = n * 10 + (isDay(date) ? 5 : 0);
    // Outlets that disagree usually date the act (Friday's filing) and its announcement (Monday):
    // on a tie the earlier date is the act.
    if (s > score || (s === score && best !== null && date < best)) {
      best = date;
      score = s;
    }
  }
  // No outlet states a date: the news day of a headline or lede that told the act as news.
  return best ?? reports.find((r) => r.news && toldOnNewsDay(r))?.newsDay ?? null;
}

/** The summary of the first report that presented it as news, else the first report. */
export function bestSummary(reports: DevelopmentReport[]): string {
  const docketed = reports.find((r) => r.court);
  if (docketed) return docketed.summary;
  return (reports.find((r) => r.news) ?? reports[0])?.summary ?? '';
}
