import * as chrono from 'chrono-node';

/**
 * Date words in a sentence and their resolution against the article's published date, by the
 * schema's rules: weekdays and month-only dates resolve into the past for things that happened and
 * into the future for things scheduled; a year or a season alone gives no date.
 */

export type Tense = 'past' | 'future';

export type DateMention =
  | { kind: 'full'; start: number; end: number; year: number; month: number; day: number }
  | { kind: 'monthDay'; start: number; end: number; month: number; day: number }
  | { kind: 'weekday'; start: number; end: number; weekday: number; shift: 'last' | 'next' | null }
  | { kind: 'monthYear'; start: number; end: number; year: number; month: number }
  | { kind: 'month'; start: number; end: number; month: number; shift: 'last' | 'next' | null }
  | { kind: 'dayOffset'; start: number; end: number; days: number }
  | { kind: 'week'; start: number; end: number; weeks: number }
  | { kind: 'monthOffset'; start: number; end: number; months: number }
  /** "the following day", "a week later": relative to another dated event of the article. */
  | { kind: 'afterEvent'; start: number; end: number; days: number }
  /** A year, a season, "last year": a date word that gives no usable date. */
  | { kind: 'vague'; start: number; end: number };

export interface ResolvedDate {
  date: string | null;
  /** The date lies in the 7 days before publication ("this week", "yesterday", a recent weekday). */
  recent: boolean;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const MONTH =
  '(January|February|March|April|May|June|July|August|September|October|November|December|Jan\\.?|Feb\\.?|Mar\\.|Apr\\.?|Jun\\.|Jul\\.|Aug\\.?|Sept?\\.?|Oct\\.?|Nov\\.?|Dec\\.?)';
/** Cheap test before the month patterns run. */
const MONTH_HINT = /\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)/;
const WEEKDAY = '(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)';

const FULL_OR_MONTH_DAY = new RegExp(
  `(?:${WEEKDAY},?\\s+)?${MONTH}\\s+(\\d{1,2})(?:st|nd|rd|th)?\\b(?:,?\\s+((?:19|20)\\d{2})\\b)?`,
  'g',
);
const DAY_MONTH = new RegExp(
  `\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?${MONTH}(?:,?\\s+((?:19|20)\\d{2})\\b)?`,
  'g',
);
const MONTH_YEAR = new RegExp(`${MONTH},?\\s+((?:19|20)\\d{2})\\b`, 'g');
const MONTH_ALONE = new RegExp(
  `\\b(?:(?:[Ii]n|[Ss]ince|[Dd]uring|[Oo]f|[Bb]y|[Uu]ntil|[Tt]hrough|[Ee]arly|[Ll]ate|[Mm]id-?|[Bb]ack in|[Ee]nd of|[Tt]his past|[Ll]ast|[Nn]ext|[Tt]his|[Pp]ast|[Ff]or|the)\\s+)${MONTH}(?![\\w.]*\\s+\\d)`,
  'g',
);
const WEEKDAY_RE = new RegExp(
  `\\b(?:(last|next|this)\\s+)?${WEEKDAY}(?:'s|’s)?(?:\\s+(?:morning|afternoon|evening|night))?\\b`,
  'gi',
);
const DAY_OFFSET = /\b(yesterday|today|tonight|tomorrow|this (?:morning|afternoon|evening))\b/gi;
const WEEK = /\b(this|last|next|earlier this|later this) week\b/gi;
const MONTH_OFFSET = /\b(this|last|next|earlier this|later this) month\b|\bend of (?:the|this) month\b/gi;
const AFTER_EVENT =
  /\b(the following day|the next day|a day later|the day after|later that day|the same day|that same day|a week later|the following week)\b/gi;
const VAGUE =
  /\b(?:(?:last|this|next) year|earlier this year|later this year|(?:the )?(?:spring|summer|fall|autumn|winter)(?: of (?:19|20)\d{2})?|(?:19|20)\d{2})\b/gi;

function monthIndex(word: string): number {
  return MONTHS.indexOf(word.slice(0, 3).toLowerCase()) + 1;
}

/** Every date word of `text` (one sentence), without overlaps, in text order. */
export function findDateMentions(text: string): DateMention[] {
  const out: DateMention[] = [];
  const taken = (s: number, e: number) => out.some((m) => s < m.end && e > m.start);
  const add = (m: DateMention) => {
    if (!taken(m.start, m.end)) out.push(m);
  };
  const months = MONTH_HINT.test(text);
  const days = /day\b|day['’]s/i.test(text);
  for (const m of months ? text.matchAll(FULL_OR_MONTH_DAY) : []) {
    const start = m.index ?? 0;
    const end = start + m[0].length;
    const month = monthIndex(m[2]!);
    const day = Number(m[3]);
    if (day < 1 || day > 31) continue;
    if (m[4]) add({ kind: 'full', start, end, year: Number(m[4]), month, day });
    else add({ kind: 'monthDay', start, end, month, day });
  }
  for (const m of months ? text.matchAll(DAY_MONTH) : []) {
    const start = m.index ?? 0;
    const end = start + m[0].length;
    const day = Number(m[1]);
    const month = monthIndex(m[2]!);
    if (day < 1 || day > 31) continue;
    if (m[3]) add({ kind: 'full', start, end, year: Number(m[3]), month, day });
    else add({ kind: 'monthDay', start, end, month, day });
  }
  for (const m of months ? text.matchAll(MONTH_YEAR) : []) {
    const start = m.index ?? 0;
    add({ kind: 'monthYear', start, end: start + m[0].length, year: Number(m[2]), month: monthIndex(m[1]!) });
  }
  for (const m of months ? text.matchAll(MONTH_ALONE) : []) {
    const start = m.index ?? 0;
    const lead = m[0].toLowerCase();
    const shift =
      lead.startsWith('last') || lead.startsWith('this past')
        ? 'last'
        : lead.startsWith('next')
          ? 'next'
          : null;
    add({ kind: 'month', start, end: start + m[0].length, month: monthIndex(m[1]!), shift });
  }
  for (const m of days ? text.matchAll(WEEKDAY_RE) : []) {
    const start = m.index ?? 0;
    const shift = m[1]?.toLowerCase();
    const weekday = WEEKDAYS.indexOf(m[2]!.toLowerCase());
    add({
      kind: 'weekday',
      start,
      end: start + m[0].length,
      weekday,
      shift: shift === 'last' || shift === 'next' ? shift : null,
    });
  }
  for (const m of text.matchAll(DAY_OFFSET)) {
    const word = m[1]!.toLowerCase();
    const days = word === 'yesterday' ? -1 : word === 'tomorrow' ? 1 : 0;
    const start = m.index ?? 0;
    add({ kind: 'dayOffset', start, end: start + m[0].length, days });
  }
  for (const m of /week/i.test(text) ? text.matchAll(WEEK) : []) {
    const word = m[1]!.toLowerCase();
    const start = m.index ?? 0;
    add({
      kind: 'week',
      start,
      end: start + m[0].length,
      weeks: word === 'last' ? -1 : word === 'next' ? 1 : 0,
    });
  }
  for (const m of /month/i.test(text) ? text.matchAll(MONTH_OFFSET) : []) {
    const word = (m[1] ?? 'this').toLowerCase();
    const start = m.index ?? 0;
    add({
      kind: 'monthOffset',
      start,
      end: start + m[0].length,
      months: word === 'last' ? -1 : word === 'next' ? 1 : 0,
    });
  }
  for (const m of /day|week/i.test(text) ? text.matchAll(AFTER_EVENT) : []) {
    const word = m[1]!.toLowerCase();
    const days = /week/.test(word)
      ? 7
      : /following|next|later|after/.test(word) && !/that day/.test(word)
        ? 1
        : 0;
    const start = m.index ?? 0;
    add({ kind: 'afterEvent', start, end: start + m[0].length, days });
  }
  addChronoFallback(text, out, taken);
  for (const m of /\d{4}|year|spring|summer|fall|autumn|winter/i.test(text) ? text.matchAll(VAGUE) : []) {
    const start = m.index ?? 0;
    add({ kind: 'vague', start, end: start + m[0].length });
  }
  return out.sort((a, b) => a.start - b.start);
}

/** Numeric and ISO dates ("2/24/2023", "2023-02-24") that the patterns above do not cover. */
function addChronoFallback(text: string, out: DateMention[], taken: (s: number, e: number) => boolean): void {
  if (!/\d[/-]\d/.test(text)) return;
  for (const r of chrono.strict.parse(text)) {
    const c = r.start;
    const start = r.index;
    const end = start + r.text.length;
    if (taken(start, end) || !c.isCertain('day') || !c.isCertain('month')) continue;
    const month = c.get('month') ?? 0;
    const day = c.get('day') ?? 0;
    if (c.isCertain('year')) out.push({ kind: 'full', start, end, year: c.get('year') ?? 0, month, day });
    else out.push({ kind: 'monthDay', start, end, month, day });
  }
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
function weekMonth(iso: string, weeks: number): string | null {
  const d = parseDay(iso);
  const monday = addDays(iso, -((d.getUTCDay() + 6) % 7) + weeks * 7);
  const sunday = addDays(monday, 6);
  return monday.slice(0, 7) === sunday.slice(0, 7) ? monday.slice(0, 7) : null;
}

/** Resolves one mention against the published date; past tense looks back, future looks ahead. */
export function resolveMention(m: DateMention, published: string, tense: Tense): ResolvedDate {
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
      let date = ymd(py, m.month, m.day);
      if (tense === 'past' && date > published) date = ymd(py - 1, m.month, m.day);
      if (tense === 'future' && date < published) date = ymd(py + 1, m.month, m.day);
      return withRecency(date);
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
      return { date: ym(year, m.month), recent: false };
    }
    case 'dayOffset':
      return withRecency(addDays(published, m.days));
    case 'week':
      return { date: weekMonth(published, m.weeks), recent: m.weeks <= 0 };
    case 'monthOffset': {
      const d = new Date(Date.UTC(py, pm - 1 + m.months, 1));
      return { date: ym(d.getUTCFullYear(), d.getUTCMonth() + 1), recent: false };
    }
    case 'afterEvent':
    case 'vague':
      return { date: null, recent: false };
  }
}

/** Shifts a date of another event by `days` ("a week later"); month dates cannot be shifted. */
export function afterEventDate(base: string | null, days: number): string | null {
  if (base?.length !== 10) return null;
  return addDays(base, days);
}
