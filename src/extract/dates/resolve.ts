/**
 * Date words in a sentence and their resolution against the article's published date, by the
 * schema's rules: weekdays and month-only dates resolve into the past for things that happened and
 * into the future for things scheduled; a year or a season alone gives no date.
 */

import type { DateMention } from './mentions.ts';

export { type DateMention, findDateMentions } from './mentions.ts';

/**
 * `past` looks back and `future` ahead from the published day; `near` takes the nearer of the two, for
 * a date told of a schedule that may have passed ("the trial, initially set for Nov. 18").
 */
export type Tense = 'past' | 'future' | 'near';

export interface ResolvedDate {
  date: string | null;
  /** The date lies in the 7 days before publication ("this week", "yesterday", a recent weekday). */
  recent: boolean;
}

const DAY_MS = 86_400_000;

export function parseDay(iso: string): Date {
  return new Date(`${iso.slice(0, 10)}T00:00:00Z`);
}

export function formatDay(d: Date): string {
  return d.toISOString().slice(0, 10);
}

export function addDays(iso: string, days: number): string {
  return formatDay(new Date(parseDay(iso).getTime() + days * DAY_MS));
}

function ym(year: number, month: number): string {
  return `${year}-${String(month).padStart(2, '0')}`;
}

function ymd(year: number, month: number, day: number): string {
  return `${ym(year, month)}-${String(day).padStart(2, '0')}`;
}

function isRecent(date: string, published: string): boolean {
  return date.length === 10 && date <= published && date >= addDays(published, -7);
}

/** The week (Monday to Sunday) around `iso`, as YYYY-MM when it lies in one month. */
function weekMonth(iso: string, weeks: number, part?: 'earlier' | 'later'): string | null {
  const d = parseDay(iso);
  let monday = addDays(iso, -((d.getUTCDay() + 6) % 7) + weeks * 7);
  let sunday = addDays(monday, 6);
  // "earlier this week" in a Friday article is Monday to Thursday; "later this week", Saturday and Sunday.
  if (weeks === 0 && part === 'earlier' && monday < iso.slice(0, 10)) sunday = addDays(iso, -1);
  if (weeks === 0 && part === 'later' && sunday > iso.slice(0, 10)) monday = addDays(iso, 1);
  return monday.slice(0, 7) === sunday.slice(0, 7) ? monday.slice(0, 7) : null;
}

/** Resolves one mention against the published date; past tense looks back, future looks ahead. */
export function resolveMention(m: DateMention, published: string, tense: Tense): ResolvedDate {
  if (tense === 'near')
    return nearer(resolveMention(m, published, 'past'), resolveMention(m, published, 'future'), published);
  const pub = parseDay(published);
  const py = pub.getUTCFullYear();
  const pm = pub.getUTCMonth() + 1;
  const withRecency = (date: string | null): ResolvedDate => ({
    date,
    recent: date !== null && isRecent(date, published),
  });
  switch (m.kind) {
    case 'full':
      return withRecency(ymd(m.year, m.month, m.day));
    case 'monthDay': {
      if (m.years !== undefined) return withRecency(ymd(py + m.years, m.month, m.day));
      let date = ymd(py, m.month, m.day);
      if (tense === 'past' && date > published) date = ymd(py - 1, m.month, m.day);
      if (tense === 'future' && date < published) date = ymd(py + 1, m.month, m.day);
      return withRecency(date);
    }
    case 'dayOfMonth': {
      // The publication month, or the next one ahead (the previous one back) when the day has passed;
      // "of next month" / "of this month" says which.
      const shift =
        m.month ??
        (tense === 'future' && m.day < pub.getUTCDate()
          ? 1
          : tense === 'past' && m.day > pub.getUTCDate()
            ? -1
            : 0);
      const d = new Date(Date.UTC(py, pm - 1 + shift, 1));
      const last = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
      return m.day > last
        ? { date: null, recent: false }
        : withRecency(ymd(d.getUTCFullYear(), d.getUTCMonth() + 1, m.day));
    }
    case 'weekday': {
      const today = pub.getUTCDay();
      const back = (today - m.weekday + 7) % 7;
      const ahead = (m.weekday - today + 7) % 7;
      const future = m.shift === 'next' || (m.shift !== 'last' && tense === 'future');
      const days = future
        ? m.shift === 'next' && ahead === 0
          ? 7
          : ahead
        : -(m.shift === 'last' && back === 0 ? 7 : back);
      return withRecency(addDays(published, days));
    }
    case 'monthYear':
      return { date: ym(m.year, m.month), recent: false };
    case 'month': {
      const future = m.shift === 'next' || (m.shift !== 'last' && tense === 'future');
      let year = py;
      if (future && m.month < pm) year = py + 1;
      if (!future && m.month > pm) year = py - 1;
      if (m.shift === 'last' && m.month === pm) year = py - 1;
      if (m.shift === 'next' && m.month <= pm) year = py + 1;
      return { date: ym(year, m.month), recent: false };
    }
    case 'dayOffset':
      return withRecency(addDays(published, m.days));
    case 'week':
      return { date: weekMonth(published, m.weeks, m.part), recent: m.weeks <= 0 };
    case 'counted': {
      const date = addDays(published, m.days);
      return m.monthOnly ? { date: date.slice(0, 7), recent: false } : withRecency(date);
    }
    case 'monthOffset': {
      const d = new Date(Date.UTC(py, pm - 1 + m.months, 1));
      return { date: ym(d.getUTCFullYear(), d.getUTCMonth() + 1), recent: false };
    }
    case 'afterEvent':
    case 'sameMonth':
    case 'vague':
      return { date: null, recent: false };
  }
}

/** The one of two readings of a date word nearer the published day (a month counts from its 15th). */
function nearer(past: ResolvedDate, future: ResolvedDate, published: string): ResolvedDate {
  if (past.date === null || future.date === null) return future.date === null ? past : future;
  const days = (date: string) =>
    Math.abs(parseDay(date.length === 7 ? `${date}-15` : date).getTime() - parseDay(published).getTime());
  return days(past.date) < days(future.date) ? past : future;
}

/** Shifts a date of another event by `days` ("a week later"); month dates cannot be shifted. */
export function afterEventDate(base: string | null, days: number): string | null {
  if (base?.length !== 10) return null;
  return addDays(base, days);
}
