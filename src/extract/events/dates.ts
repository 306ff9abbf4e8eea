import { addDays, afterEventDate, type DateMention, resolveMention, type Tense } from '../dates/resolve.ts';
import type { ArticleDoc, Sentence } from '../types.ts';
import { clauseAround, clauseBreaks, frontedClauseEnd, sentenceMentions, triggerTense } from './context.ts';

/** The date of an event: its date word resolved, or a date it inherits from the article. */

const TIME_OF_DAY_START =
  /^(?:By (?:mid-?)?(?:morning|afternoon|evening|noon|midafternoon|midday)|(?:Later|Earlier) that (?:day|morning|afternoon|evening)|That (?:morning|afternoon|evening|night)|Hours later|Minutes later)\b/i;

export function resolveEventDate(
  mention: DateMention | undefined,
  doc: ArticleDoc,
  s: Sentence,
  tense: Tense,
  lastDay: string | null,
): { date: string | null; recent: boolean } {
  if (!mention) {
    // "By midafternoon, the judge pronounced the sentence": the day of the sentence before.
    if (TIME_OF_DAY_START.test(s.text)) {
      const prev = doc.sentences[s.index - 1];
      const day = prev && prev.paragraph === s.paragraph ? firstDay(prev, doc.published) : null;
      return { date: day, recent: day !== null && day >= doc.published.slice(0, 10) };
    }
    return { date: null, recent: false };
  }
  if (mention.kind === 'sameMonth') return { date: lastDay?.slice(0, 7) ?? null, recent: false };
  if (mention.kind === 'afterEvent') {
    // "fled on May 2, 2022 ... He was arrested later that day": the day last told in the paragraph,
    // which may be no act's day, before the last act's day.
    const date = afterEventDate(toldDay(doc, s) ?? lastDay, mention.days);
    return { date, recent: false };
  }
  if (mention.kind === 'monthDay' && tense === 'past') {
    const inContext = yearFromContext(doc, s, mention.start, mention.month, mention.day);
    if (inContext) return { date: inContext, recent: false };
  }
  return resolveMention(mention, doc.published, tense);
}

/**
 * "The murders on Nov. 13, 2022 ... arresting him on Dec. 30": a day without a year follows the
 * year of a full date stated just before it (two sentences back at most), when that gives a date after it and before
 * publication.
 */
function yearFromContext(
  doc: ArticleDoc,
  s: Sentence,
  at: number,
  month: number,
  day: number,
): string | null {
  for (let i = s.index; i >= Math.max(0, s.index - 2); i--) {
    const sentence = doc.sentences[i];
    if (!sentence) continue;
    const full = sentenceMentions(sentence).filter((m) => m.kind === 'full' && (i < s.index || m.end <= at));
    const last = full.at(-1);
    if (last?.kind !== 'full') continue;
    // A full mention always resolves to a date; `null` would compare false below all the same.
    const context = resolveMention(last, doc.published, 'past').date;
    let year = last.year;
    const pad = (n: number) => String(n).padStart(2, '0');
    if (context !== null && `${year}-${pad(month)}-${pad(day)}` < context) year++;
    const date = `${year}-${pad(month)}-${pad(day)}`;
    return date <= doc.published ? date : null;
  }
  return null;
}

/** The nearest day told in the three sentences before `s` in its paragraph. */
function toldDay(doc: ArticleDoc, s: Sentence): string | null {
  for (let i = s.index - 1; i >= Math.max(0, s.index - 3); i--) {
    const prev = doc.sentences[i];
    if (!prev || prev.paragraph !== s.paragraph) return null;
    const day = firstDay(prev, doc.published);
    if (day) return day;
  }
  return null;
}

function firstDay(s: Sentence, published: string): string | null {
  for (const m of sentenceMentions(s)) {
    const r = resolveMention(m, published, 'past');
    if (r.date?.length === 10) return r.date;
  }
  return null;
}

/**
 * The day of the article's news: the first day word of its opening sentences that resolves into the
 * week before publication ("A jury on Friday convicted ..."), else the published day itself (what a
 * dateline "CITY, State —" or "Month D (Wire) —" says). Undated acts the article reports as its news
 * happened that day.
 */
export function newsDay(doc: ArticleDoc): string {
  return statedNewsDay(doc) ?? doc.published.slice(0, 10);
}

/** The day a date word of the opening sentences gives the news (see newsDay), if one does. */
export function statedNewsDay(doc: ArticleDoc): string | undefined {
  const published = doc.published.slice(0, 10);
  for (const s of doc.sentences.slice(0, 3)) {
    // "After X was indicted last Thursday, he was arraigned": the opening clause recalls an earlier act.
    const fronted = frontedClauseEnd(s.text);
    const breaks = clauseBreaks(s.text);
    for (const m of sentenceMentions(s)) {
      if (m.kind === 'vague' || m.kind === 'afterEvent' || m.kind === 'sameMonth' || m.start < fronted)
        continue;
      // "Jury selection will resume Tuesday": a day still to come is no day of the news.
      if (triggerTense(s.text, clauseAround(breaks, s.text.length, m.start), m.start) === 'scheduled')
        continue;
      // "had been sealed since the grand jury met on Thursday": a state since an earlier act.
      if (/\b(?:had been|since)\b/i.test(s.text.slice(0, m.start))) continue;
      const r = resolveMention(m, published, 'past');
      if (r.date?.length === 10 && r.recent) return r.date;
    }
  }
  return undefined;
}

/**
 * The words that move a set date to a new one, ending just before the new date: "was pushed back
 * to", "postponed Roe's trial from April 2 to", "rescheduled for", "adjourned until".
 */
const MOVED_TO =
  /\b(?:postpon(?:ed|es|ing)|push(?:ed|es|ing)? back|mov(?:ed|es|ing)|reschedul(?:ed|es|ing)|delay(?:ed|s|ing)?|adjourned|put off|bumped)\b[^.;]{0,60}?\b(?:to|until|till|for) (?:on |the )?$/i;

/**
 * A scheduled act whose date was moved ("the hearing, set for April 2, was pushed back to June 9"):
 * the date after the moving words is the one the act is now set for; the one told before it is
 * background. Returns that new date's mention when it follows `chosen` in the sentence, else `chosen`.
 */
export function movedDate(
  masked: string,
  mentions: DateMention[],
  chosen: DateMention | undefined,
): DateMention | undefined {
  if (!chosen) return chosen;
  const moved = mentions.find(
    (m) =>
      m.start > chosen.start &&
      m.kind !== 'vague' &&
      MOVED_TO.test(masked.slice(Math.max(0, m.start - 90), m.start)),
  );
  return moved ?? chosen;
}

/** A move told in the past tense, ending just before the new date: "was rescheduled to", "postponed it until". */
const MOVED_PAST =
  /\b(?:postponed|pushed back|moved|rescheduled|delayed|adjourned|put off|bumped)\b[^.;]{0,60}?\b(?:to|until|till|for) (?:on |the )?$/i;
/** "will be moved to", "could be postponed until": a move still to come. */
const MOVE_TO_COME = /\b(?:will|would|could|may|might|to|should)\s(?:be\s)?$/i;

/**
 * "The hearing was rescheduled to Dec. 2, when she pleaded not guilty", told on Dec. 6: a date moved
 * in the past tense that reads a week or a month back is that passed day, not the same day a year
 * ahead. Returns the past reading in that case, else `resolved`.
 */
export function passedMove(
  masked: string,
  mention: DateMention | undefined,
  resolved: { date: string | null; recent: boolean },
  doc: ArticleDoc,
  s: Sentence,
  lastDay: string | null,
): { date: string | null; recent: boolean } {
  const before = mention ? masked.slice(Math.max(0, mention.start - 90), mention.start) : '';
  const move = MOVED_PAST.exec(before);
  if (!mention || !resolved.date || !move || MOVE_TO_COME.test(before.slice(0, move.index))) return resolved;
  const published = doc.published.slice(0, 10);
  if (resolved.date <= addDays(published, 300)) return resolved;
  const past = resolveEventDate(mention, doc, s, 'past', lastDay);
  return past.date && past.date >= addDays(published, -45).slice(0, past.date.length) ? past : resolved;
}
