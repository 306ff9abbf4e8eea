import * as chrono from 'chrono-node/en';
import { allMatches } from '../../text.ts';
import { NUMBER_WORDS, numberWords } from '../lexicon/numbers.ts';

/** Finding the date words of a sentence (resolve.ts resolves them). */

export type DateMention =
  | { kind: 'full'; start: number; end: number; year: number; month: number; day: number }
  /** `years`: "March 30 next year" (1), "of the following year" (1), "last year" (-1), "this year" (0). */
  | { kind: 'monthDay'; start: number; end: number; month: number; day: number; years?: number }
  | { kind: 'weekday'; start: number; end: number; weekday: number; shift: 'last' | 'next' | null }
  | { kind: 'monthYear'; start: number; end: number; year: number; month: number }
  | { kind: 'month'; start: number; end: number; month: number; shift: 'last' | 'next' | null }
  /** "due back in court on the 30th": a day of the publication month, or of the month around it by tense. */
  | { kind: 'dayOfMonth'; start: number; end: number; day: number; month?: 0 | 1 }
  | { kind: 'dayOffset'; start: number; end: number; days: number }
  /** `part`: "earlier this week" (Monday to the day before publication), "later this week" (the day after to Sunday). */
  | { kind: 'week'; start: number; end: number; weeks: number; part?: 'earlier' | 'later' }
  | { kind: 'monthOffset'; start: number; end: number; months: number }
  /** "eight weeks from now", "in two months", "two months ago": a count from publication, to the month when weeks or months. */
  | { kind: 'counted'; start: number; end: number; days: number; monthOnly: boolean }
  /** "the following day", "a week later": relative to another dated event of the article. */
  | { kind: 'afterEvent'; start: number; end: number; days: number }
  /** "earlier that month", "later that month": the month of another dated event of the article. */
  | { kind: 'sameMonth'; start: number; end: number }
  /** A year, a season, "last year": a date word that gives no usable date. */
  | { kind: 'vague'; start: number; end: number };

/** "a week later", "two days after": the number words (lexicon/numbers.ts, "a" and "an" included). */
const SMALL_NUMBERS = NUMBER_WORDS;
const NUMBER_WORD = `\\d{1,2}|${numberWords(1, 10)}`;
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
  `\\b(?:(?:[Ii]n|[Ss]ince|[Dd]uring|[Oo]f|[Bb]y|[Uu]ntil|[Tt]hrough|[Ee]arly|[Ll]ate|[Mm]id-?|[Bb]ack in|[Ee]nd of|[Tt]his past|[Ll]ast|[Nn]ext|[Tt]his|[Pp]ast|[Ff]or|[Tt]o|the|[Aa]n?)\\s+|[Mm]id-)${MONTH}(?![a-z])(?![\\w.]*\\s+\\d)`,
  'g',
);
const WEEKDAY_RE = new RegExp(
  `\\b(?:(last|next|this)\\s+)?${WEEKDAY}(?:'s|’s)?(?:\\s+(?:morning|afternoon|evening|night))?\\b`,
  'gi',
);
/**
 * "on the 30th", "by the 2nd": an ordinal day after a preposition, followed by nothing that makes
 * it an ordinal of something else ("the 5th Amendment", "the 2nd Circuit", "the 30th anniversary").
 */
const DAY_OF_MONTH =
  /\b(?:on|by|for|until|before|after|from|through|till) the (\d{1,2})(?:st|nd|rd|th)\b(?=\s*(?:[.,;:)!?—–]|-\s|$|(?:at|in|and|or|when|to|for|before|after|of (this|next|the) month)\b))/gi;
const DAY_OFFSET = /\b(yesterday|today|tonight|tomorrow|this (?:morning|afternoon|evening))\b/gi;
const WEEK = /\b(this|last|next|earlier this|later this|earlier in the|later in the) week\b/gi;
const MONTH_OFFSET = /\b(this|last|next|earlier this|later this) month\b|\bend of (?:the|this) month\b/gi;
const AFTER_EVENT =
  /\b(the following day|the next day|a day later|the day after|later (?:that|in the) day|earlier (?:that|in the) day|the same day|that same day|within (?:an|the|a few) hours?|a week later|the following week)\b/gi;
const SAME_MONTH = /\b(?:earlier|later) that month\b|\bthat same month\b/gi;
/** "three days ago", "a week ago", "two days later". */
const COUNTED = new RegExp(`\\b(${NUMBER_WORD}|a|an) (days?|weeks?) (ago|later|earlier)\\b`, 'gi');
/** "eight weeks from now", "in two weeks", "three months ago". */
const FROM_NOW = new RegExp(
  `\\b(?:in (${NUMBER_WORD}|a|an) (days?|weeks?|months?)\\b|(${NUMBER_WORD}|a|an) (days?|weeks?|months?) (from now|ago)\\b)`,
  'gi',
);
const VAGUE =
  /\b(?:(?:last|this|next) year|earlier this year|later this year|(?:the|this|last|next|in|early|late|mid-?)\s*(?:spring|summer|fall|autumn|winter)(?: of (?:19|20)\d{2})?|(?:19|20)\d{2})\b/gi;

function monthIndex(word: string): number {
  return MONTHS.indexOf(word.slice(0, 3).toLowerCase()) + 1;
}

/**
 * Every date word of `text` (one sentence), without overlaps, in text order. A group read with `?? ''`
 * is not optional in its pattern (or one of two alternatives always matches): the fallback is never taken.
 */
export function findDateMentions(text: string): DateMention[] {
  const out: DateMention[] = [];
  const taken = (s: number, e: number) => out.some((m) => s < m.end && e > m.start);
  const add = (m: DateMention) => {
    if (!taken(m.start, m.end)) out.push(m);
  };
  const months = MONTH_HINT.test(text);
  const days = /day\b|day['’]s/i.test(text);
  for (const m of months ? allMatches(text, FULL_OR_MONTH_DAY) : []) {
    const start = m.index ?? 0;
    const end = start + m[0].length;
    const month = monthIndex(m[2] ?? '');
    const day = Number(m[3]);
    if (day < 1 || day > 31) continue;
    if (m[4]) add({ kind: 'full', start, end, year: Number(m[4]), month, day });
    else add(withYearWord(text, { kind: 'monthDay', start, end, month, day }));
  }
  for (const m of months ? allMatches(text, DAY_MONTH) : []) {
    const start = m.index ?? 0;
    const end = start + m[0].length;
    const day = Number(m[1]);
    const month = monthIndex(m[2] ?? '');
    if (day < 1 || day > 31) continue;
    if (m[3]) add({ kind: 'full', start, end, year: Number(m[3]), month, day });
    else add(withYearWord(text, { kind: 'monthDay', start, end, month, day }));
  }
  for (const m of months ? allMatches(text, MONTH_YEAR) : []) {
    const start = m.index ?? 0;
    add({
      kind: 'monthYear',
      start,
      end: start + m[0].length,
      year: Number(m[2]),
      month: monthIndex(m[1] ?? ''),
    });
  }
  for (const m of months ? allMatches(text, MONTH_ALONE) : []) {
    const start = m.index ?? 0;
    const lead = m[0].toLowerCase();
    const shift =
      lead.startsWith('last') || lead.startsWith('this past')
        ? 'last'
        : lead.startsWith('next')
          ? 'next'
          : null;
    add({ kind: 'month', start, end: start + m[0].length, month: monthIndex(m[1] ?? ''), shift });
  }
  for (const m of days ? allMatches(text, WEEKDAY_RE) : []) {
    const start = m.index ?? 0;
    const shift = m[1]?.toLowerCase();
    const weekday = WEEKDAYS.indexOf((m[2] ?? '').toLowerCase());
    add({
      kind: 'weekday',
      start,
      end: start + m[0].length,
      weekday,
      shift: shift === 'last' || shift === 'next' ? shift : null,
    });
  }
  for (const m of /\d(?:st|nd|rd|th)\b/.test(text) ? allMatches(text, DAY_OF_MONTH) : []) {
    const day = Number(m[1]);
    const start = m.index ?? 0;
    // "of next month" / "of this month" says which month, whatever the tense.
    const month = m[2]?.toLowerCase() === 'next' ? 1 : m[2] ? 0 : undefined;
    if (day >= 1 && day <= 31)
      add({
        kind: 'dayOfMonth',
        start,
        end: start + m[0].length,
        day,
        ...(month !== undefined ? { month } : {}),
      });
  }
  for (const m of allMatches(text, DAY_OFFSET)) {
    const word = (m[1] ?? '').toLowerCase();
    const days = word === 'yesterday' ? -1 : word === 'tomorrow' ? 1 : 0;
    const start = m.index ?? 0;
    add({ kind: 'dayOffset', start, end: start + m[0].length, days });
  }
  for (const m of /week/i.test(text) ? allMatches(text, WEEK) : []) {
    const word = (m[1] ?? '').toLowerCase();
    const start = m.index ?? 0;
    add({
      kind: 'week',
      start,
      end: start + m[0].length,
      weeks: word === 'last' ? -1 : word === 'next' ? 1 : 0,
      ...(word.startsWith('earlier') ? { part: 'earlier' as const } : {}),
      ...(word.startsWith('later') ? { part: 'later' as const } : {}),
    });
  }
  for (const m of /month/i.test(text) ? allMatches(text, MONTH_OFFSET) : []) {
    const word = (m[1] ?? 'this').toLowerCase();
    const start = m.index ?? 0;
    add({
      kind: 'monthOffset',
      start,
      end: start + m[0].length,
      months: word === 'last' ? -1 : word === 'next' ? 1 : 0,
    });
  }
  for (const m of /ago|later|earlier/i.test(text) ? allMatches(text, COUNTED) : []) {
    const n = (m[1] ?? '').toLowerCase();
    const count = /^\d+$/.test(n) ? Number(n) : (SMALL_NUMBERS[n] ?? 1);
    const days = count * ((m[2] ?? '').toLowerCase().startsWith('week') ? 7 : 1);
    const start = m.index ?? 0;
    const end = start + m[0].length;
    if ((m[3] ?? '').toLowerCase() === 'ago') add({ kind: 'dayOffset', start, end, days: -days });
    else if ((m[3] ?? '').toLowerCase() === 'later') add({ kind: 'afterEvent', start, end, days });
  }
  for (const m of /from now|ago|\bin (?:\w+) (?:days?|weeks?|months?)\b/i.test(text)
    ? allMatches(text, FROM_NOW)
    : []) {
    const n = (m[1] ?? m[3] ?? '').toLowerCase();
    const unit = (m[2] ?? m[4] ?? '').toLowerCase();
    const count = /^\d+$/.test(n) ? Number(n) : (SMALL_NUMBERS[n] ?? 1);
    const days = count * (unit.startsWith('month') ? 30 : unit.startsWith('week') ? 7 : 1);
    const start = m.index ?? 0;
    add({
      kind: 'counted',
      start,
      end: start + m[0].length,
      days: m[5]?.toLowerCase() === 'ago' ? -days : days,
      monthOnly: !unit.startsWith('day'),
    });
  }
  for (const m of /day|week|hour|minute/i.test(text) ? allMatches(text, AFTER_EVENT) : []) {
    const word = (m[1] ?? '').toLowerCase();
    const days = /week/.test(word)
      ? 7
      : /following|next|later|after/.test(word) && !/(?:that|in the) day/.test(word)
        ? 1
        : 0;
    const start = m.index ?? 0;
    add({ kind: 'afterEvent', start, end: start + m[0].length, days });
  }
  for (const m of /month/i.test(text) ? allMatches(text, SAME_MONTH) : []) {
    const start = m.index ?? 0;
    add({ kind: 'sameMonth', start, end: start + m[0].length });
  }
  addChronoFallback(text, out, taken);
  for (const m of /\d{4}|year|spring|summer|fall|autumn|winter/i.test(text) ? allMatches(text, VAGUE) : []) {
    const start = m.index ?? 0;
    add({ kind: 'vague', start, end: start + m[0].length });
  }
  return out.sort((a, b) => a.start - b.start);
}

/** "March 30 next year", "April 11 of the following year", "June 2 last year": the year said in words. */
const YEAR_WORD =
  /^,? (?:of )?(?:(next|the following|the next)|(last|the previous|the prior)|(this)) year\b/i;

function withYearWord(text: string, m: Extract<DateMention, { kind: 'monthDay' }>): DateMention {
  const y = YEAR_WORD.exec(text.slice(m.end, m.end + 30));
  if (!y) return m;
  return { ...m, end: m.end + y[0].length, years: y[1] ? 1 : y[2] ? -1 : 0 };
}

/** Numeric and ISO dates ("2/24/2023", "2023-02-24") that the patterns above do not cover. */
function addChronoFallback(text: string, out: DateMention[], taken: (s: number, e: number) => boolean): void {
  if (!/\b\d{1,2}\/\d{1,2}\/\d{2,4}\b|\b\d{4}-\d{2}-\d{2}\b/.test(text)) return;
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
