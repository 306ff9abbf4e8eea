import { allMatches } from '../../text.ts';
import { type DateMention, findDateMentions } from '../dates/resolve.ts';
import { quotedSpans } from '../segment.ts';
import type { Sentence } from '../types.ts';
import { REMEDY } from './rules.ts';

/**
 * The sentence-level context of a trigger: quotation masking, clause limits, tense and the date
 * word that belongs to the trigger.
 */

/** Quotations of four words or more blanked out (same length), so that quoted speech triggers nothing. */
export function maskQuotes(text: string): { masked: string; spans: Array<[number, number]> } {
  const spans = quotedSpans(text).filter(([s, e]) => text.slice(s, e).trim().split(/\s+/).length >= 4);
  if (spans.length === 0) return { masked: text, spans };
  let masked = '';
  let last = 0;
  for (const [s, e] of spans) {
    masked += text.slice(last, s) + ' '.repeat(e - s);
    last = e;
  }
  return { masked: masked + text.slice(last), spans };
}

export type MaskedSentence = ReturnType<typeof maskQuotes>;

const MASKED = new WeakMap<Sentence, MaskedSentence>();
const MENTIONS = new WeakMap<Sentence, DateMention[]>();

/** The date words of a sentence, found once per sentence (later sentences look back at earlier ones). */
export function sentenceMentions(s: Sentence): DateMention[] {
  const hit = MENTIONS.get(s);
  if (hit) return hit;
  const found = findDateMentions(s.text);
  MENTIONS.set(s, found);
  return found;
}

/** maskQuotes of a sentence, computed once per sentence for events, charges and penalties. */
export function maskedSentence(s: Sentence): MaskedSentence {
  const hit = MASKED.get(s);
  if (hit) return hit;
  const masked = maskQuotes(s.text);
  MASKED.set(s, masked);
  return masked;
}

const CLAUSE_BREAK =
  /;|\s[—–]\s|\s--\s|, and |,? but |, while |, which |, who |, when | after | before |(?<!the) following | despite |(?<!\b(?:will|would|shall|could|might|must|to)) then | and (?=(?:set|scheduled|ordered|revoked|denied|granted|rejected|sent|released)\b)| and (?=(?:is|are|will) )/g;

/** A sentence that opens with a subordinate clause: "After surrendering Monday, X was arraigned". */
const FRONTED =
  /^\s*(?:After|Following|Before|Since|While|When|Although|Though|Despite|Once|Until|Because)\b[^,;]{3,200},/;

const FRONTED_VERB =
  /\b(?:\w{3,}ing|\w{3,}ed|was|were|is|are|had|has|have|did|made|took|gave|got|met|began|went|will|would|could|can|may|must|should)\b/i;

/** The end (the comma) of a subordinate clause opening the sentence, or -1: its date words date only it. */
export function frontedClauseEnd(text: string): number {
  const m = FRONTED.exec(text);
  // "After Wednesday's lunch break, ..." is a time phrase that dates the whole sentence; only a
  // clause with a verb of its own ("After surrendering", "Before he was indicted") is apart.
  return m && FRONTED_VERB.test(m[0]) ? m.index + m[0].length - 1 : -1;
}

/** Offsets where a new clause starts. */
export function clauseBreaks(text: string): number[] {
  const out: number[] = [];
  for (const m of allMatches(text, CLAUSE_BREAK)) out.push(m.index ?? 0);
  const fronted = frontedClauseEnd(text);
  if (fronted > 0 && !out.includes(fronted)) return [...out, fronted].sort((a, b) => a - b);
  return out;
}

/** [start, end) of the clause around position `pos`. */
export function clauseAround(breaks: number[], length: number, pos: number): [number, number] {
  let start = 0;
  let end = length;
  for (const b of breaks) {
    if (b <= pos) start = b;
    else {
      end = b;
      break;
    }
  }
  return [start, end];
}

/**
 * ", who was arrested last May," and "the charges on which he was convicted" — the spans of
 * relative clauses in a sentence.
 */
const RELATIVE_START = /, (?:who|whom|whose|which) | (?:on|of|for|in|to|by|under|with) (?:which|whom) /g;

export function relativeClauses(text: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (const m of allMatches(text, RELATIVE_START)) {
    const start = m.index ?? 0;
    const rest = text.slice(start + m[0].length);
    const end = /,|\s--\s|\s[—–]\s/.exec(rest);
    out.push([start, end ? start + m[0].length + end.index : text.length]);
  }
  return out;
}

/**
 * A participle and the preposition after it: "charged with", "convicted of", "jailed for". Only
 * verbs whose active use needs the person as object ("prosecutors charged him"), so that after a
 * noun they are passive participles; "his lawyer moved for" is a verb in the past.
 */
const PARTICIPLE_PP =
  /^(?:charged|convicted|accused|indicted|sentenced|arrested|jailed|imprisoned|acquitted|cleared|detained|extradited|found(?: not)? guilty)\s+(?:with|of|in|for|on|over|to|by|after|under|from)\b/i;

/**
 * "Quill, convicted of arson in 2019, was sentenced Tuesday", "the man charged with the attack
 * pleaded not guilty Monday": a participle after a noun or a comma, with the sentence's own verb
 * told after it, names who someone is. Returns the span of that modifier (to the next comma or
 * the later act), or undefined when the trigger is not such a modifier (a headline's "Man charged
 * with arson" has no verb after it and is the news).
 */
export function participleModifier(
  masked: string,
  hit: { start: number; end: number },
  later: Array<{ start: number; end: number }>,
  nounBefore: RegExp,
): [number, number] | undefined {
  if (!PARTICIPLE_PP.test(masked.slice(hit.start))) return undefined;
  const before = masked.slice(Math.max(0, hit.start - 40), hit.start);
  // After a comma, a common noun ("the woman charged with") or a proper one ("a member of the
  // National Guard charged with"); never after an auxiliary ("was charged with").
  if (!/[A-Za-z],\s*$|[A-Z][a-z]+\s+$/.test(before) && !nounBefore.test(before)) return undefined;
  // "X has appeared in court charged with murder": after a court it tells the subject's own state (the news).
  if (COURT_BEFORE.test(before)) return undefined;
  const comma = masked.indexOf(',', hit.end);
  // "X, the former guard charged with murder, ...": a noun phrase in apposition is never a clause of
  // its own, whatever verb the sentence has (or lacks) after it; nor is a state told after a day.
  if (APPOSITION_BEFORE.test(before) || DAY_BEFORE.test(before)) {
    const close = /,|\s[—–]\s|\s--\s/.exec(masked.slice(hit.end));
    return [hit.start, close ? hit.end + close.index : masked.length];
  }
  const next = later.filter((h) => h.start >= hit.end).sort((a, b) => a.start - b.start)[0];
  if (next) return [hit.start, comma >= 0 && comma < next.start ? comma : next.start];
  // "A judge set a May trial date for a man charged with ...": the sentence's act told before it.
  if (later.some((h) => h.end <= hit.start)) return [hit.start, comma >= 0 ? comma : masked.length];
  // "..., was freed Monday": the main verb right after the modifier's closing comma.
  return comma >= 0 && MAIN_VERB_AFTER.test(masked.slice(comma)) ? [hit.start, comma] : undefined;
}

/** A comma or dash, a determiner and up to five words of a noun phrase: an apposition's head. */
const APPOSITION_BEFORE = /(?:,|\s[—–]|\s--)\s*(?:the|a|an)\s+(?:[\w’'.-]+\s+){0,5}$/i;

/**
 * "was to stand trial on Monday charged with 16 offences": after the day of another verb, the
 * participle tells the subject's state that day; "was on Monday charged with" is the act itself.
 */
const DAY_BEFORE =
  /(?<!\b(?:was|were|is|are|been|be|being|get|got)\s+(?:on\s+)?)\b(?:on\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|today|yesterday)\s+$/i;

const COURT_BEFORE = /\b(?:court|courtroom|magistrates|bailey|judge)\s+$/i;

const MAIN_VERB_AFTER =
  /^,\s+(?:\w+ly\s+)?(?:was|were|is|are|has|have|had|will|would|could|did|does|remains?|\w+ed)\b/i;

const FUTURE_CUE =
  /\b(?:will|won['’]t|shall|is (?:set|scheduled|expected|slated|due|going) to|are (?:set|scheduled|expected|slated|due|going) to|(?:is|are) (?:set|scheduled|slated) for|set for|scheduled for|scheduled to|to begin|to start|to resume|as early as|could (?!not\b)(?:\w+ )?be|expected to|plans? to|makes (?:his|her|their) first|upcoming|next (?:week|month|year|step|stage)|(?:set|scheduled) (?:a|an|the|sentencing)|(?:set|sets|scheduled|schedules) (?!(?:of|aside|off|out|to|for|up)\b)(?:[\w.'’-]+ ){1,4}?(?:sentencing|hearing|arraignment|(?:re)?trial|court date)|(?:was|were|has been|have been) (?:tentatively )?(?:set|scheduled|slated|fixed)\b(?! to\b)|set (?:[\w.'’-]+ ){1,3}?as (?:the |a |his |her |their )?(?:next |new |first )?(?:court|trial|hearing|sentencing) date|fac(?:e|es|ing) (?:a |an |the |his |her |their )?(?:[\w-]+ ){0,3}?(?:re)?trial|must (?!have\b)|go(?:es)? on trial|stands? trial|remains? (?:set|scheduled)|still (?:set|scheduled)|trial date|(?:set|scheduled) (?:jury selection|(?:a |the )?(?:new )?(?:re)?trial)|(?:moved|postponed|rescheduled|pushed back|delayed) (?:from [^.;,]{1,30}? )?(?:to|until)|adjourn(?:ed|s|ing)? (?:[\w'’-]+ ){0,5}?to (?=\d|next\b|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun)[a-z]*\b)|(?:postponed|rescheduled|pushed back|delayed) for|when (?:he|she|they) (?:is|are)|is due|are due|next due|is expected|are expected|(?<!\b(?:failed|refused|declined) )to (?:(?:next )?appear|stand trial|face trial|be sentenced))\b|\buntil\b/i;

/** A trigger whose words open with the one who acts: "judge ... ruled", "jurors ... found". */
const ACTOR_START = /^(?:judges?|court|justices?|jury|jurors|panel)\b/i;
/** Between that comma and the actor only a determiner and a title or name: ", a judge", ", Judge Ann Lee". */
const REPORTING_TAIL = /^,\s*(?:(?:a|an|the)\s+)?(?:[\w’'.-]+\s+){0,3}$/;

const MOVED_FOR_REMEDY = new RegExp(`\\bmoved to (?=${REMEDY}\\b)`, 'gi');

/**
 * 'scheduled' when the words around the trigger speak of the future ("is set for", "will", "until
 * Monday"): from the clause start to a little after the trigger, so that a later verb of the same
 * sentence ("who pleaded guilty ... is expected to face") does not change the trigger's tense.
 */
export function triggerTense(
  masked: string,
  clause: [number, number],
  end: number,
  relatives: Array<[number, number]> = [],
  start = end,
): 'happened' | 'scheduled' {
  // Inside ", who has pleaded not guilty," the main verb after it does not count.
  const relative = relatives.find(([s, e]) => end > s && end <= e);
  // "X will stand trial, a judge ruled Tuesday": a trigger that opens with its own actor after a
  // comma is the reporting clause; the reported words before the comma have their own tense.
  const comma = ACTOR_START.test(masked.slice(start, end)) ? masked.lastIndexOf(',', start) : -1;
  const from = Math.max(
    relative ? relative[0] : clause[0],
    comma >= 0 && REPORTING_TAIL.test(masked.slice(comma, start)) ? comma : -1,
  );
  // "ruled Monday that the defense will not be allowed ...": the complement's tense is not the act's.
  // "remanded in custody to appear at the Old Bailey on Monday": the purpose is the next act, not this
  // one; so is what a remand awaits ("pending a sentencing hearing next month").
  const complement = /\bthat\b|\bto (?:appear|stand trial|face trial|be sentenced)\b|\bpending\b/.exec(
    masked.slice(end, end + 60),
  );
  const limit = Math.min(
    clause[1],
    complement ? end + complement.index : end + 60,
    relative ? relative[1] : Number.POSITIVE_INFINITY,
  );
  // "moved to dismiss" asks for a remedy; "moved to March 3" reschedules.
  const window = masked.slice(from, limit).replace(MOVED_FOR_REMEDY, 'asked');
  return FUTURE_CUE.test(window) ? 'scheduled' : 'happened';
}

const WORDS = "(?:[\\w'’-]+\\s+)";
/** A stated intention: not an event unless a date is set. */
export const INTENTION = new RegExp(
  `\\b(?:plans?|planned|vows?|vowed|intends?|intended|hopes?|wants?|threatened|promised|will seek|is expected|are expected)\\s+${WORDS}{0,3}[\\w'’-]+$`,
  'i',
);
/** The trigger is a condition, a referenced act or a cancelled plan, not a report of one. */
export const HYPOTHETICAL = new RegExp(
  `\\b(?:if|unless|whether|until|before|bid to|fighting to|seeking to|asking to|requesting that \\w+ be|right to)\\s+${WORDS}{0,3}$|\\b(?:would|could|might|should) have\\s+${WORDS}{0,5}$|\\b(?:decision|ruling|order) to\\b[^.;,]{0,60}$|\\b(?:was|were) (?:set|scheduled|slated|due) to\\s+${WORDS}{0,3}$`,
  'i',
);
/**
 * A modal before the trigger: an event only when a date is set ("could be dropped as early as Thursday").
 * Case-sensitive so that the month ("jurors in May found him guilty") is no modal.
 */
export const MODAL = new RegExp(
  `\\b(?:[Cc]ould|[Ww]ould|[Mm]ight|may|[Ss]hould|[Cc]an|(?<!\\bordered (?:[\\w'’-]+ ){1,3})[Tt]o be)\\s+${WORDS}{0,2}$`,
);

const INCIDENT_AFTER =
  /^\s+(?:fatal |deadly )?(?:shootings?|killings?|murders?|stabbings?|attacks?|deaths?|crash|incident|accident|fire|assaults?|collision|explosion)\b/i;
const ANNOUNCE_NEAR = /\b(?:said|says|announced|confirmed|told|stated|reported|revealed)\b/i;

/** "on Friday set", "Friday, Judge X scheduled": the day a date was set, said before the setting verb. */
const SETTING_AFTER =
  /^[\s,]*(?:[\w’'.-]+\s+){0,3}?(?<!\b(?:was|were|is|are|been|be)\s)(?:set|sets|scheduled|schedules|fixed|moved|rescheduled|postponed|adjourned)\b/i;
/** "set the trial date Friday", "a June 3 hearing was set Monday": a day right after a date's setting, with no "for" or "to". */
const SETTING_BEFORE =
  /\b(?:set|sets|scheduled|fixed)\s+(?:a|an|the)\s+(?:[\w’'-]+\s+){0,2}?dates?\s+$|\b(?:was|were|has been|have been) (?:set|scheduled|fixed|rescheduled|moved) (?:on )?$|\b(?:ruled|decided|ordered)\s+(?:on\s+|late\s+|early\s+)?$/i;

/** A date word that opens with its preposition ("to June", "for May"): the date set, never the setting's day. */
const TARGET_START = /^(?:to|for|until|till|by)\b/i;

export interface SentenceDates {
  mentions: DateMention[];
  /** Mentions that date an announcement ("officials said Monday"), not the act. */
  announcement: Set<DateMention>;
  /** Mentions that date the setting of a date ("a judge on Friday set ...", "set the trial date Friday"). */
  setting: Set<DateMention>;
  /** Mentions that open the sentence ("On Monday, ...") and so scope over all of it. */
  leading: Set<DateMention>;
  relatives: Array<[number, number]>;
}

export function sentenceDates(masked: string): SentenceDates {
  // "the October 2021 shooting": a date that names the incident, not the act reported.
  // "deliberated since Dec. 20": the start of a state, not the day of an act.
  const mentions = findDateMentions(masked).filter(
    (m) =>
      !INCIDENT_AFTER.test(masked.slice(m.end, m.end + 30)) && !/\bsince\s+$/i.test(masked.slice(0, m.start)),
  );
  const announcement = new Set<DateMention>();
  const setting = new Set<DateMention>();
  const leading = new Set<DateMention>();
  for (const m of mentions) {
    const lastWords = masked
      .slice(Math.max(0, m.start - 40), m.start)
      .split(/\s+/)
      .filter(Boolean)
      .slice(-5)
      .join(' ');
    if (ANNOUNCE_NEAR.test(lastWords)) announcement.add(m);
    if (
      SETTING_AFTER.test(masked.slice(m.end, m.end + 60)) ||
      (SETTING_BEFORE.test(masked.slice(0, m.start)) && !TARGET_START.test(masked.slice(m.start)))
    )
      setting.add(m);
    const head = masked.slice(0, m.start);
    if (
      /^\s*(?:(?:On|In|Earlier|Later|Late|Early|Back in|This past|By|Last|Since)\s+)?(?:the\s+)?$/i.test(
        head,
      ) &&
      /^\s*[,–—-]/.test(masked.slice(m.end))
    ) {
      leading.add(m);
    }
  }
  return { mentions, announcement, setting, leading, relatives: relativeClauses(masked) };
}

/** The date word of the trigger at [start, end): nearest in its clause, or one opening the sentence. */
export function dateForTrigger(
  masked: string,
  dates: SentenceDates,
  clause: [number, number],
  start: number,
  end: number,
  allowAnnouncement: boolean,
  others: Array<{ start: number; end: number }> = [],
): DateMention | undefined {
  let best: DateMention | undefined;
  let bestScore = Number.POSITIVE_INFINITY;
  for (const m of dates.mentions) {
    const inClause = m.start >= clause[0] && m.end <= clause[1];
    if (!inClause && !dates.leading.has(m)) continue;
    if (!allowAnnouncement && (dates.announcement.has(m) || dates.setting.has(m))) continue;
    // A date inside a relative clause dates only what that clause says, and the other way round.
    const relative = dates.relatives.find(([s, e]) => m.start >= s && m.start < e);
    // A trigger that runs into a relative clause ("sentencing, which she set for ...") belongs to it.
    const triggerRelative = dates.relatives.find(([s, e]) => end - 1 >= s && end - 1 < e);
    if (relative !== triggerRelative && !dates.leading.has(m)) continue;
    // "arrested ... to face charges handed up by a grand jury last Thursday": a date after another
    // act told by its verb, with no "and" or comma joining the two, dates that act ("stood silent
    // during an arraignment hearing Monday" keeps the hearing's day: a noun names where it happened).
    const actBetween = (o: { start: number; end: number }) =>
      o.start >= end &&
      o.end <= m.start &&
      // "remanded in custody to appear at the Old Bailey on March 16": the purpose is another act.
      (/\b\w{3,}(?:ed|en)\b|\bhanded up\b/i.test(masked.slice(o.start, o.end)) ||
        /\b(?:to|pending)\s+(?:a |an |the |his |her |their )?$/.test(masked.slice(end, o.start))) &&
      !/,|\b(?:and|or)\b/.test(masked.slice(end, o.start));
    if (m.start >= end && others.some(actBetween)) continue;
    const distance = m.start >= end ? m.start - end : start - m.end;
    const between = m.start >= end ? masked.slice(end, m.start) : masked.slice(m.end, start);
    const crossesComma = !dates.leading.has(m) && between.includes(',');
    let score =
      Math.abs(distance) + (m.kind === 'vague' ? 200 : 0) + (inClause ? 0 : 100) + (crossesComma ? 150 : 0);
    if (dates.announcement.has(m)) score += 400;
    if (score < bestScore) {
      best = m;
      bestScore = score;
    }
  }
  return best;
}
