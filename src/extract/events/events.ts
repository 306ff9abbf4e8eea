import type { CaseEvent, EventType } from '../../facts.ts';
import { addDays, type DateMention, resolveMention } from '../dates/resolve.ts';
import { NUMBER_WORDS, numberWords } from '../lexicon/numbers.ts';
import type { ArticleDoc, PersonRegistry, Sentence } from '../types.ts';
import { servingSentence } from './acts.ts';
import {
  clauseAround,
  clauseBreaks,
  dateForTrigger,
  INTENTION,
  MODAL,
  maskedSentence,
  participleModifier,
  type SentenceDates,
  sentenceDates,
  sentenceMentions,
  triggerTense,
} from './context.ts';
import { movedDate, passedMove, resolveEventDate } from './dates.ts';
import { findHits, type Hit, REDUCED_RELATIVE } from './hits.ts';
import { type DraftEvent, finishEvents, OLD_SCHEDULE } from './merge.ts';
import { eventWho, namedInSentence, type WhoContext, whoContext } from './who.ts';

/** "X, 28, is charged with", "who remain charged", "are jointly charged": the state of the case, not a filing. */
const STATE_BEFORE =
  /\b(?:is|are|remains?|remained|stands?)\s+(?:each |also |still |now )?$|\b(?:is|are|remains?|remained|stands?) [a-z]{2,15}ly $/i;
const DAYS_AFTER = new RegExp(`\\b(a|${numberWords(1, 7)}) days? after\\s+(?:[\\w'’-]+\\s+){0,6}$`, 'i');
/** "The decision, filed last Thursday, ...": the next sentence dates the document of an undated act. */
const DOCUMENT_DATED =
  /\b(?:decision|ruling|order|opinion|judgment|notice|filing|motion)\b,?\s+(?:which was |was )?(?:filed|issued|signed|entered|dated|released)\s/i;

function documentDate(doc: ArticleDoc, s: Sentence): { date: string | null; recent: boolean } | undefined {
  const next = doc.sentences[s.index + 1];
  if (!next || !DOCUMENT_DATED.test(next.text)) return undefined;
  const mention = sentenceMentions(next).find(
    (m) => m.kind !== 'vague' && m.kind !== 'afterEvent' && m.kind !== 'sameMonth',
  );
  return mention ? resolveMention(mention, doc.published, 'past') : undefined;
}

/** "who were convicted", "that had been charged" right before a trigger (no comma: a restrictive relative). */
const RESTRICTIVE =
  /(?<![,;]\s?)\b(?:who|that)\s+(?:(?:had|have|has)\s+)?(?:(?:been|were|was|are|is)\s+)?(?:\w+ly\s+)?$/i;

const WAIVER =
  /\bwaive[sd]?\b[^.;]{0,30}\bextradition\b|\bwaiv(?:ed|ing|er)\b[^.;]{0,60}\bextradition (?:hearing|proceeding)/i;

/** The role of the person named just before `at` in the sentence (the doer of the act there). */
export function actorRole(ctx: WhoContext, s: Sentence, at: number): string | undefined {
  const last = ctx.people.mentionsIn(s.offset, s.offset + at).at(-1);
  if (!last || at - (last.end - s.offset) > 40) return undefined;
  return last.person.role;
}

/** " and released in April": a second verb of the same subject, in the past, after the act. */
const COORDINATED_VERB =
  /^ and (?!(?:scheduled|rescheduled|postponed|delayed|adjourned|moved)\b)[a-z]{2,15}(?:ed|en)\b/;

/**
 * "was granted bond and released in April", "was indicted and arraigned in May": an undated act whose
 * subject goes on to a second act told with a date shares that date (both verbs happened then).
 */
function coordinatedDate(
  masked: string,
  dates: SentenceDates,
  breaks: number[],
  clause: [number, number],
  hit: Hit,
  status: CaseEvent['status'],
  others: Hit[],
): DateMention | undefined {
  if (status !== 'happened' || !COORDINATED_VERB.test(masked.slice(clause[1]))) return undefined;
  const next = clauseAround(breaks, masked.length, clause[1])[1];
  const m = dateForTrigger(masked, dates, [clause[0], next], hit.start, hit.end, true, others);
  // "and set sentencing for June 1", "and moved it to May": a date set is not the day of either act.
  if (!m || m.kind === 'vague' || /\b(?:for|until|till|to) (?:the )?$/i.test(masked.slice(0, m.start)))
    return undefined;
  return m;
}

/** Acts whose verb takes the offence as its complement ("charged with", "pleaded guilty to"). */
const OFFENCE_ACTS = new Set<EventType>(['charge', 'plea', 'verdict', 'sentence']);
/**
 * The offence told between an act and a date after it: a gerund after "with", "of", "to" or "for"
 * ("with stabbing a man", "to having a knife"), or "in the death of" ("in the shooting death of").
 */
const OFFENCE_COMPLEMENT =
  /^[^.;]{0,40}?\b(?:with|of|to|for)\s(?!(?:hearing|sentencing|proceeding|morning|evening|during|ruling|filing|briefing|meeting|building|pending|trial|nothing|anything|something)\b)[a-z]{2,}ing\b|^[^.;]{0,40}?\b(?:in|over|for)\s(?:the\s)?[\w-]{0,20}\s?(?:deaths?|killings?|slayings?|shootings?|stabbings?|murders?|disappearance|assault|attack)\sof\b/i;

function offenceDate(masked: string, end: number, m: DateMention, published: string): boolean {
  // "found guilty of falsifying records Thursday afternoon": a day of the news week dates the act.
  // "convicted of murdering babies between 2015 and 2016": a year alone dates nothing and still
  // marks the act as told from afar.
  if (m.kind === 'weekday' || m.kind === 'dayOffset' || m.kind === 'week' || m.kind === 'vague') return false;
  if (resolveMention(m, published, 'past').recent) return false;
  return offenceBetween(masked, end, m);
}

function offenceBetween(masked: string, end: number, m: DateMention): boolean {
  return m.start >= end && OFFENCE_COMPLEMENT.test(masked.slice(end, m.start));
}

/** The people of the act told in the sentence before `s` (or earlier in `s`) in its paragraph. */
function continued(last: { who: string[]; sentence: Sentence } | undefined, s: Sentence): string[] {
  if (!last || last.sentence.paragraph !== s.paragraph || s.index - last.sentence.index > 1) return [];
  return last.who;
}

/** The sentence with the two before and the one after it. */
function neighbourhood(doc: ArticleDoc, s: Sentence): string {
  return doc.sentences
    .slice(Math.max(0, s.index - 2), s.index + 2)
    .map((x) => x.text)
    .join(' ');
}

/** The events of an article: one per development and person, dated against the published date. */
export function extractEvents(doc: ArticleDoc, people: PersonRegistry): CaseEvent[] {
  const ctx = whoContext(people, doc.sentences);
  const drafts: DraftEvent[] = [];
  let lastDay: string | null = null;
  let hitCount = 0;
  /** Who the last act was about, and where it was told (an unnamed act right after continues it). */
  let lastAct: { who: string[]; sentence: Sentence } | undefined;
  for (const s of doc.sentences) {
    const { masked, spans } = maskedSentence(s);
    const hits = findHits(masked);
    if (hits.length === 0) continue;
    const dates = sentenceDates(masked);
    const breaks = clauseBreaks(masked);
    const named = namedInSentence(ctx, s, spans);
    let sentenceDay: string | null = null;
    for (const hit of hits) {
      // A trigger that runs over a clause break ("sentencing, which she scheduled") spans both clauses.
      const clause: [number, number] = [
        clauseAround(breaks, masked.length, hit.start)[0],
        clauseAround(breaks, masked.length, hit.end - 1)[1],
      ];
      const clauseText = masked.slice(clause[0], clause[1]);
      const classified = classify(doc, s, masked, hit, clause, dates.relatives);
      const { family, intention } = classified;
      // "Crowder dismissed the charges", Crowder being the prosecutor: a drop, not a court's dismissal.
      const type =
        classified.type === 'dismissal' && actorRole(ctx, s, hit.start) === 'prosecutor'
          ? 'charge_dropped'
          : classified.type;
      // "three officers who were convicted of fraud": an act named in a restrictive relative clause
      // identifies the people; it is background, dated only by the words of the relative clause.
      const restrictive = RESTRICTIVE.exec(masked.slice(Math.max(0, hit.start - 40), hit.start));
      // "X, convicted of arson in 2019, was sentenced Tuesday": likewise a modifier that names who
      // someone is, dated only by its own words.
      const modifier = restrictive ? undefined : participleModifier(masked, hit, hits, REDUCED_RELATIVE);
      const relStart = restrictive
        ? hit.start - (Math.min(40, hit.start) - restrictive.index)
        : (modifier?.[0] ?? -1);
      // "a student who pleaded guilty to stabbing four people, is to be sentenced on July 23": the
      // relative clause ends at its comma, and so do the dates it owns.
      const relComma = restrictive ? masked.indexOf(',', hit.end) : -1;
      const relEnd = modifier?.[1] ?? (relComma >= 0 ? relComma : masked.length);
      const scoped =
        relStart < 0
          ? dates
          : {
              ...dates,
              mentions: dates.mentions.filter((m) => m.start >= relStart && m.end <= relEnd),
              leading: new Set<never>(),
            };
      // "charged with stabbing a man last July": the date of the offence, not of the act.
      const own = OFFENCE_ACTS.has(type)
        ? {
            ...scoped,
            mentions: scoped.mentions.filter((m) => !offenceDate(masked, hit.end, m, doc.published)),
          }
        : scoped;
      const others = hits.filter((h) => h.type !== hit.type);
      // "will begin serving her sentence on March 15": the sentence was imposed; that is the day she reports.
      const reports = type === 'sentence' && classified.status === 'scheduled' && servingSentence(clauseText);
      const status = reports ? 'happened' : classified.status;
      let mention = reports
        ? undefined
        : (dateForTrigger(masked, own, clause, hit.start, hit.end, status === 'happened', others) ??
          coordinatedDate(masked, own, breaks, clause, hit, status, others));
      // "set for April 2, was pushed back to June 9": a scheduled act takes the date it was moved to.
      if (status === 'scheduled')
        mention = movedDate(
          masked,
          own.mentions.filter((m) => m.start >= clause[0] && m.end <= clause[1]),
          mention,
        );
      // A date set earlier and told again may have passed: the nearer reading ("initially set for Nov. 18").
      const tense = status === 'happened' ? 'past' : OLD_SCHEDULE.test(clauseText) ? 'near' : 'future';
      let resolved = resolveEventDate(mention, doc, s, tense, lastDay);
      if (status === 'scheduled') resolved = passedMove(masked, mention, resolved, doc, s, lastDay);
      // "arrested Friday, a day after a grand jury indicted them": the day before the other act.
      const daysAfter = DAYS_AFTER.exec(masked.slice(Math.max(0, hit.start - 80), hit.start));
      if (daysAfter && sentenceDay && status === 'happened')
        resolved = {
          date: addDays(sentenceDay, -(NUMBER_WORDS[(daysAfter[1] ?? '').toLowerCase()] ?? 1)),
          recent: false,
        };
      if (!resolved.date && !mention && status === 'happened') resolved = documentDate(doc, s) ?? resolved;
      if (intention && !resolved.date) continue;
      if (resolved.date?.length === 10 && status === 'happened') {
        lastDay = resolved.date;
        sentenceDay ??= resolved.date;
      }
      hitCount++;
      const whos = eventWho(
        ctx,
        type,
        family === 'targeted',
        s,
        masked,
        named,
        [0, clause[1]],
        status === 'scheduled' ? continued(lastAct, s) : [],
        hit.start,
      );
      const about = whos.filter((w): w is string => w !== null);
      if (about.length > 0) lastAct = { who: about, sentence: s };
      for (const who of whos) {
        drafts.push({
          // A sentence is imposed or not at all: one still to come ("will get life when he is
          // sentenced April 23") is the sentencing hearing, the schema's scheduled act.
          type: type === 'sentence' && status === 'scheduled' ? 'hearing' : type,
          family,
          hit: hitCount,
          date: resolved.date,
          status,
          who,
          summary: '',
          new: false,
          recent: resolved.recent,
          vague: mention?.kind === 'vague',
          // "arrested by police in 2019": a year told right after the act, of the act itself.
          ...(mention?.kind === 'vague' &&
          mention.start >= hit.end &&
          mention.start - hit.end <= 30 &&
          !offenceBetween(masked, hit.end, mention)
            ? { year: /\b(?:19|20)\d{2}\b/.exec(masked.slice(mention.start, mention.end))?.[0] }
            : {}),
          announcement: mention !== undefined && dates.announcement.has(mention),
          clause: clauseText,
          at: hit.start,
          state: type === 'charge' && STATE_BEFORE.test(masked.slice(Math.max(0, hit.start - 40), hit.start)),
          onTrial: type === 'trial' && !named.some((p) => p.role === 'defendant'),
          inRelative:
            relStart >= 0 ||
            dates.relatives.some(
              ([a, b]) =>
                hit.start >= a && hit.start < b && /^(?:, who| \w+ (?:which|whom) )/.test(masked.slice(a)),
            ),
          sentence: s,
        });
      }
    }
  }
  return finishEvents(drafts, doc);
}

interface Classified {
  type: EventType;
  family: string;
  status: CaseEvent['status'];
  /** A plan or a modal ("plans to appeal", "could be dropped"): kept only with a date. */
  intention: boolean;
}

/** The type, family and status of one trigger in its sentence. */
function classify(
  doc: ArticleDoc,
  s: Sentence,
  masked: string,
  hit: Hit,
  clause: [number, number],
  relatives: Array<[number, number]>,
): Classified {
  const upto = masked.slice(Math.max(0, hit.end - 100), hit.end);
  const intention = INTENTION.test(upto) || MODAL.test(masked.slice(Math.max(0, hit.start - 60), hit.start));
  // Custody decisions take effect when made, whatever tense the ruling's clause uses.
  let status: CaseEvent['status'] =
    hit.type === 'bail' ? 'happened' : triggerTense(masked, clause, hit.end, relatives, hit.start);
  if (intention) status = 'scheduled';
  let type = hit.type;
  let family = hit.rule.family;
  if (family === 'bailAppeal' && status === 'scheduled') type = 'hearing';
  // The extradition waiver is one arrest event, not also a hearing.
  // A first appearance or an arraignment is held where the case is, after any extradition.
  const afterExtradition = /\bfirst (?:court )?appearance|\barraign/i.test(masked);
  if (type === 'hearing' && !afterExtradition && WAIVER.test(neighbourhood(doc, s))) {
    type = 'arrest';
    family = 'extradition';
  }
  return { type, family, status, intention };
}
