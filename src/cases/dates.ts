/**
 * Dates in the facts are `YYYY-MM-DD`, `YYYY-MM` or null. These helpers compare them as day
 * ranges so a month-only date "contains" the days of its month.
 */

const DAY_MS = 86_400_000;

export function isDay(date: string | null | undefined): boolean {
  return typeof date === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(date);
}

export function isMonth(date: string | null | undefined): boolean {
  return typeof date === 'string' && /^\d{4}-\d{2}$/.test(date);
}

/**
 * Days since 1970-01-01 for a YYYY-MM-DD string (NaN when malformed). Remembered: a merge compares
 * each incoming event's dates with every report of the case's developments, the same few thousand
 * days parsed again and again (Date.parse was a tenth of a merge).
 */
export function dayNumber(day: string): number {
  let n = dayNumbers.get(day);
  if (n === undefined) {
    n = Math.floor(Date.parse(`${day}T00:00:00Z`) / DAY_MS);
    if (dayNumbers.size >= MAX_REMEMBERED_DAYS) dayNumbers.clear();
    dayNumbers.set(day, n);
  }
  return n;
}
const dayNumbers = new Map<string, number>();
const MAX_REMEMBERED_DAYS = 20_000;

export function dayString(n: number): string {
  return new Date(n * DAY_MS).toISOString().slice(0, 10);
}

export interface DayRange {
  readonly lo: number;
  readonly hi: number;
}

/**
 * The days a date string covers; undefined for null or malformed dates. Remembered per string (the
 * result is shared: never mutate it): a merge asks it for every report of every candidate
 * development, and a month's range built its last day's string each time.
 */
export function rangeOf(date: string | null | undefined): DayRange | undefined {
  if (typeof date !== 'string') return undefined;
  let r = ranges.get(date);
  if (r === undefined) {
    r = computeRange(date) ?? NO_RANGE;
    if (ranges.size >= MAX_REMEMBERED_DAYS) ranges.clear();
    ranges.set(date, r);
  }
  return r === NO_RANGE ? undefined : r;
}
const ranges = new Map<string, DayRange>();
const NO_RANGE: DayRange = Object.freeze({ lo: Number.NaN, hi: Number.NaN });

function computeRange(date: string): DayRange | undefined {
  if (isDay(date)) {
    const n = dayNumber(date);
    return Number.isNaN(n) ? undefined : Object.freeze({ lo: n, hi: n });
  }
  if (isMonth(date)) {
    const lo = dayNumber(`${date}-01`);
    if (Number.isNaN(lo)) return undefined;
    const [y, m] = date.split('-').map(Number) as [number, number];
    const hi = dayNumber(dayString(Math.floor(Date.UTC(y, m, 1) / DAY_MS) - 1));
    return Object.freeze({ lo, hi });
  }
  return undefined;
}

/** Whether two ranges overlap once each is widened by `slack` days. */
export function overlaps(a: DayRange, b: DayRange, slack = 0): boolean {
  return a.lo - slack <= b.hi && b.lo - slack <= a.hi;
}

/** Sort key for a date string: its first day (months sort before their days, null last). */
export function dateKey(date: string | null | undefined): number {
  return rangeOf(date)?.lo ?? Number.POSITIVE_INFINITY;
}

/** True when `date` (day or month) is on or after the day `asOf`; a month counts until it ends. */
export function onOrAfter(date: string | null, asOf: string): boolean {
  const r = rangeOf(date);
  return r !== undefined && r.hi >= dayNumber(asOf);
}

/** Today as YYYY-MM-DD (UTC). */
export function today(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}

/** The latest `published` day among records (YYYY-MM-DD strings compare as dates). */
export function newestPublished(records: Array<{ published: string }>): string {
  let newest = '';
  for (const r of records) if (r.published > newest) newest = r.published;
  return newest;
}
