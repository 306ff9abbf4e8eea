import type { CaseEvent, EventType } from '../../facts.ts';
import { addDays } from '../dates/resolve.ts';
import type { ArticleDoc, Sentence } from '../types.ts';
import {
  actDetails,
  custodyDetails,
  dateRepeated,
  dismissalDetails,
  lawsuitDetails,
  reportText,
  servingSentence,
  trialDetails,
} from './acts.ts';
import { appealDetails } from './appeals.ts';
import { frontedClauseEnd, sentenceMentions } from './context.ts';
import { statedNewsDay } from './dates.ts';
import { hearingDetails } from './hearings.ts';
import { proceedingDetails } from './proceeding.ts';

/** An event as found in one sentence, before the article-wide passes. */
export interface DraftEvent extends CaseEvent {
  family: string;
  /** Drafts of one trigger (one per defendant) share this number. */
  hit: number;
  /** The date lies in the week before publication ("this week", "yesterday"). */
  recent: boolean;
  /** The only date word was a year or a season. */
  vague: boolean;
  /** That year, when it dates the act itself ("arrested in 2019", not "charged with killing a man in 2019"). */
  year?: string;
  /** The date is that of an announcement ("officials said Monday"), not of the act. */
  announcement: boolean;
  clause: string;
  /** Offset of the trigger in its sentence. */
  at: number;
  /** Found inside ", who had pleaded guilty,": background by construction. */
  inRelative: boolean;
  /** "X is charged with": a state that names who a reported charge was about, not a filing of its own. */
  state: boolean;
  /** A trial step whose sentence names no defendant ("Jurors were sent home"). */
  onTrial: boolean;
  sentence: Sentence;
  /** Undated in its sentence, dated by the article's news day (kept apart from acts of other families). */
  newsDated?: boolean;
  /** That news day is the one the lede states for its act (not the publication day). */
  ledeDated?: boolean;
}

/** Steps that may concern the whole case rather than one person (a search, charges, a suit). */
const CASE_WIDE = new Set<EventType>(['investigation', 'charge', 'charge_dropped', 'lawsuit']);

/** Background the article recalls rather than reports. */
const BACKGROUND =
  /\b(?:recently|earlier|previous|previously|prior|initially|originally|already|ago|back in|at the time|in recent|(?:days|weeks|months) (?:after|before)|since|late last|last year|once|serving)\b|\bhad\s+(?:\w+ly\s+)?(?:been\s+)?\w+(?:ed|en)\b/i;
/** Markers that make a whole sentence a recollection. */
const BACKGROUND_SENTENCE = /\b(?:previous|previously|prior|ago|last year|late last|since the)\b/i;
/** A date set earlier and told again ("originally set for", "initially was scheduled for", "remains set"). */
export const OLD_SCHEDULE =
  /\b(?:(?:previously|originally|initially|already|had been|still) (?:was |were |had been )?(?:set|scheduled|expected|due)|remains? (?:set|scheduled))\b/i;
/**
 * An expectation ("is expected to return to court", "expected back in court in August") or a
 * proceeding going on ("the jury will return Tuesday", "will resume"): with no word of a date being
 * set, not a newly set date.
 */
const FORESEEN = /\bexpected\b|\b(?:return|reconvene|resume)s?\b/i;
const DATE_SET =
  /\b(?:set|sets|scheduled|schedules|slated|fixed|listed|due|dates?|ordered|adjourned|postponed|moved|rescheduled|pushed back|delayed|until)\b/i;

/** The opening sentences, where an article tells its news. */
const LEDE_SENTENCES = 3;
const TRIAL_STAGE = 4;
/** How far along a case an act lies: acts of an early stage are background in a late-stage story. */
const STAGE: Partial<Record<EventType, number>> = {
  investigation: 0,
  arrest: 1,
  charge: 1,
  plea: 1,
  trial: TRIAL_STAGE,
  verdict: 5,
  sentence: 6,
  appeal: 7,
};

/** Article-wide passes: filing dates over announcement dates, `new`, and merging repeated mentions. */
export function finishEvents(all: DraftEvent[], doc: ArticleDoc): CaseEvent[] {
  // A court step that happened always concerns someone: one whose defendant the sentence does not
  // tell (a name the registry missed, a pronoun with no antecedent) is left out rather than reported
  // about no one. A date still to come stays: it is the case's next date whoever it concerns.
  const drafts = trialDefendants(stateCharges(all)).filter(
    (d) => d.who !== null || d.status === 'scheduled' || CASE_WIDE.has(d.type),
  );
  applyFilingDate(drafts);
  anchoredDates(drafts);
  shareDates(drafts);
  const extraditionDays = new Set(
    drafts.filter((d) => d.family === 'extradition' && d.date).map((d) => d.date),
  );
  const kept = drafts.filter(
    (d) =>
      !(d.status === 'scheduled' && d.date === null) &&
      !(d.type === 'hearing' && extraditionDays.has(d.date)),
  );
  const recalled = (s: Sentence) => recalledContext(doc, s);
  for (const d of kept) {
    // A plan whose date has passed was reported as past ("in January he was going to be charged").
    if (d.status === 'scheduled' && d.date && d.date < doc.published.slice(0, d.date.length))
      d.status = 'happened';
    // Nothing has happened after publication: an act dated later is scheduled ("the first available
    // date for a fresh trial was 10 June", "tomorrow").
    else if (d.status === 'happened' && d.date && d.date > doc.published.slice(0, d.date.length))
      d.status = 'scheduled';
    d.new = isNew(d, doc.published) && !(d.date === null && recalled(d.sentence));
  }
  // An article whose lede reports a trial, verdict, sentence or appeal recalls, not reports, the
  // undated arrest, charge or plea that started the case ("She was charged with murder and pleaded ...").
  const ledeStage = Math.max(
    -1,
    ...kept.filter((d) => d.sentence.index < 2 && d.status === 'happened').map((d) => STAGE[d.type] ?? -1),
  );
  for (const d of kept)
    if (d.date === null && (STAGE[d.type] ?? 9) < 2 && ledeStage >= TRIAL_STAGE) d.new = false;
  recalledBefore(kept);
  earlierStep(kept, drafts);
  perfectState(kept);
  // "was arrested in 2018 and 2019 but was bailed pending inquiries": the bail goes with the years told.
  for (const d of kept) if (d.new && d.date === null && afterVague(d, kept)) d.new = false;
  // "A court convicted X" with no date, in an article that dates X's sentence months back: the
  // verdict came before that old sentence, so it is background too.
  for (const d of kept)
    if (
      d.date === null &&
      d.new &&
      kept.some(
        (o) =>
          o.who === d.who && o.date !== null && !o.new && o.status === 'happened' && o.type === 'sentence',
      ) &&
      (STAGE[d.type] ?? 9) < (STAGE.sentence ?? 0)
    )
      d.new = false;
  const merged = merge(kept);
  // The acts the article reports as its news, with no date word of their own, happened on its news day.
  const lede = ledeDay(kept) ?? statedNewsDay(doc);
  const day = lede ?? doc.published.slice(0, 10);
  for (const d of merged) {
    if (d.date !== null || !d.new || d.status !== 'happened') continue;
    d.date = day;
    d.newsDated = true;
    if (lede !== undefined) d.ledeDated = true;
  }
  return merge(merged).map(toEvent);
}

/**
 * The day of the act the lede reports: the first act of the opening sentences told in a main
 * clause (not in ", who was arrested Monday," nor in "After surrendering Thursday, ...") that is
 * dated in the week before publication. Undefined when there is none (the day words of the lede
 * then decide, `newsDay`).
 */
function ledeDay(drafts: DraftEvent[]): string | undefined {
  const lede = drafts
    .filter(
      (d) =>
        d.sentence.index < 3 &&
        d.status === 'happened' &&
        !d.inRelative &&
        !d.announcement &&
        d.at > frontedClauseEnd(d.sentence.text),
    )
    .sort((a, b) => a.sentence.index - b.sentence.index || a.at - b.at);
  return lede.find((d) => d.date?.length === 10 && d.recent)?.date ?? undefined;
}

/**
 * "X, 28, is charged with ..." reports no filing: it names a defendant of the charging act the
 * article reports (and takes its date), or is background when the article reports none.
 */
function stateCharges(drafts: DraftEvent[]): DraftEvent[] {
  const acts = drafts.filter((d) => d.type === 'charge' && !d.state && d.status === 'happened' && d.date);
  return drafts.filter((d) => {
    if (!d.state) return true;
    // The act told just before ("A grand jury indicted two officers. ... X is charged with ...").
    const act = acts.findLast(
      (a) => a.sentence.index <= d.sentence.index && a.sentence.index >= d.sentence.index - 3,
    );
    if (!act) return false;
    d.date ??= act.date;
    return true;
  });
}

/**
 * The trial steps of an article that reports verdicts are about the defendants the verdicts are
 * about; a trial still to come ("His trial is set for July") is another defendant's when it names one.
 */
function trialDefendants(drafts: DraftEvent[]): DraftEvent[] {
  const tried = [...new Set(drafts.filter((d) => d.type === 'verdict' && d.who).map((d) => d.who))];
  if (tried.length === 0) return drafts;
  const retold = (d: DraftEvent) =>
    d.who === null || (tried.includes(d.who) ? d.onTrial : d.status === 'happened');
  return drafts.flatMap((d) => (d.type === 'trial' && retold(d) ? tried.map((who) => ({ ...d, who })) : [d]));
}

/** "A filing made Friday and announced Monday is dated Friday": the amended complaint's day. */
function applyFilingDate(drafts: DraftEvent[]): void {
  const filing = drafts.find((d) => d.family === 'amended' && d.date?.length === 10)?.date;
  if (!filing) return;
  for (const d of drafts) {
    if (d.type !== 'charge_dropped' || d.status !== 'happened') continue;
    if (d.date === null || (d.announcement && d.date >= filing && d.date <= addDays(filing, 7)))
      d.date = filing;
  }
}

/**
 * An undated mention takes the date of the same act stated elsewhere: "X has also been charged"
 * takes the date of the charge before it, and defendants named together in one trigger share the
 * date that one of them has in another sentence.
 */
function shareDates(drafts: DraftEvent[]): void {
  drafts.forEach((d, i) => {
    if (d.date !== null || d.status !== 'happened' || d.vague || !/\balso\b/i.test(d.clause)) return;
    const before = drafts.slice(0, i).reverse();
    d.date =
      before.find((o) => o.type === d.type && o.date?.length === 10 && o.status === 'happened')?.date ?? null;
  });
  // "A jury on Friday convicted X. ... Y was found not guilty": the same act told person by person.
  for (const d of drafts) {
    if (d.date !== null || d.status !== 'happened' || d.vague || BACKGROUND.test(d.clause)) continue;
    if (d.type === 'charge' || /\b(?:has|have) been\b/i.test(d.clause)) continue;
    const same = drafts.find(
      (o) =>
        o.type === d.type &&
        o.who !== d.who &&
        o.date?.length === 10 &&
        o.status === 'happened' &&
        o.sentence.index < d.sentence.index &&
        o.sentence.index >= d.sentence.index - 3,
    );
    if (same) d.date = same.date;
  }
  courtDay(drafts);
  for (const d of drafts) {
    if (d.date !== null || d.status !== 'happened' || d.vague) continue;
    const group = drafts.filter((o) => o.hit === d.hit);
    if (group.length < 2) continue;
    for (const member of group) {
      const dated = drafts.find(
        (o) =>
          o.date !== null &&
          o.type === d.type &&
          o.who === member.who &&
          o.status === 'happened' &&
          o.family === d.family,
      );
      if (dated) {
        d.date = dated.date;
        break;
      }
    }
  }
}

/** "taken into custody following the jury's verdict": the act happened the day of the act it follows. */
const ANCHOR =
  /\b(?:after|following|upon|immediately after)\s+(?:the|his|her|their|its)\s+(?:jury['’]s\s+)?(verdicts?|conviction|sentencing|arrest|arraignment)\b/i;
const ANCHOR_TYPE: Record<string, EventType> = {
  verdict: 'verdict',
  verdicts: 'verdict',
  conviction: 'verdict',
  sentencing: 'sentence',
  arrest: 'arrest',
  arraignment: 'hearing',
};

function anchoredDates(drafts: DraftEvent[]): void {
  for (const d of drafts) {
    if (d.date !== null || d.status !== 'happened') continue;
    const anchor = ANCHOR.exec(d.sentence.text);
    const type = anchor ? ANCHOR_TYPE[(anchor[1] ?? '').toLowerCase()] : undefined;
    if (!type || type === d.type) continue;
    const act = drafts.find(
      (o) =>
        o.type === type && o.status === 'happened' && o.date?.length === 10 && (o.who === d.who || !o.who),
    );
    if (act) d.date = act.date;
  }
}

/** Acts that a court day strings together: the bail ruling after a verdict, the motion and its denial. */
const COURT_DAY_TYPES = new Set(['bail', 'ruling', 'motion', 'sentence', 'charge_dropped']);

/**
 * "A judge on Tuesday revoked X's bond. His lawyer argued ... The judge denied that request": undated
 * acts told right after a dated act of the past week, with no sign of recollection, share its day.
 */
function courtDay(drafts: DraftEvent[]): void {
  for (const d of drafts) {
    if (d.date !== null || d.status !== 'happened' || d.vague || d.inRelative || d.state) continue;
    if (
      !COURT_DAY_TYPES.has(d.type) ||
      BACKGROUND.test(d.clause) ||
      BACKGROUND_SENTENCE.test(d.sentence.text)
    )
      continue;
    if (afterVague(d, drafts)) continue;
    // "denied motions filed by X": the ruling's day is not the filing's.
    if (d.type === 'motion' && /\b(?:filed|brought) by\b/i.test(d.clause)) continue;
    // "has pleaded", "have argued": a perfect reports a state, not the next step of the day.
    if (/\b(?:has|have)\s+(?:\w+ly\s+)?\w+(?:ed|en)\b/i.test(d.clause)) continue;
    const reach = /\bimmediately\b/i.test(d.sentence.text) ? 4 : 2;
    // The nearest dated act of another kind (one of the same kind would only absorb this one).
    // Custody "immediately" after a verdict or a sentence takes its day.
    const after = d.type === 'bail' ? ['verdict', 'sentence'] : undefined;
    const near = (o: DraftEvent) =>
      o.type !== d.type &&
      o.date?.length === 10 &&
      o.recent &&
      o.status === 'happened' &&
      o.sentence.index < d.sentence.index &&
      o.sentence.index >= d.sentence.index - reach;
    const day =
      drafts.findLast((o) => near(o) && (after?.includes(o.type) ?? false)) ?? drafts.findLast(near);
    if (day) d.date = day.date;
  }
}

/**
 * An act comes after the acts of the earlier stages of its case: "X was sentenced earlier this
 * month ... X was convicted of bribery", "X is serving a sentence after a jury convicted him". An
 * undated act of the body whose person has an act of a later stage that the article recalls is
 * recalled too; "Y also pleaded guilty" after a recalled plea is as well.
 */
function recalledBefore(drafts: DraftEvent[]): void {
  const recalled = drafts.filter((o) => o.status === 'happened' && !o.new);
  for (const d of drafts) {
    if (!d.new || d.date !== null || d.status !== 'happened' || d.sentence.index < LEDE_SENTENCES) continue;
    const stage = STAGE[d.type];
    const later =
      stage !== undefined &&
      recalled.some((o) => o.who !== null && o.who === d.who && (STAGE[o.type] ?? -1) > stage);
    const also =
      /\balso\b/i.test(d.clause) &&
      recalled.some((o) => o.type === d.type && o.sentence.index < d.sentence.index);
    if (later || also) d.new = false;
  }
}

/**
 * "X is due to stand trial in May. ... X was charged after police stopped him": a trial or a later
 * step the lede sets makes the body's undated arrest, charge or plea background (the case is past
 * them), as a lede that reports one done does.
 */
function earlierStep(kept: DraftEvent[], drafts: DraftEvent[]): void {
  // "is due to go on trial next year" sets no date the article keeps, yet tells the case's stage.
  const set = drafts.filter(
    (o) => o.sentence.index < 2 && o.status === 'scheduled' && (STAGE[o.type] ?? -1) >= TRIAL_STAGE,
  );
  if (set.length === 0) return;
  for (const d of kept)
    if (d.date === null && d.sentence.index >= LEDE_SENTENCES && (STAGE[d.type] ?? 9) < 2) d.new = false;
}

/**
 * An undated sentence that follows a recollection in the same paragraph ("In January, X was
 * charged. His lawyers argued ...") continues it.
 */
function recalledContext(doc: ArticleDoc, s: Sentence): boolean {
  const prev = doc.sentences[s.index - 1];
  if (!prev || prev.paragraph !== s.paragraph) return false;
  if (BACKGROUND.test(prev.text) || BACKGROUND_SENTENCE.test(prev.text)) return true;
  return sentenceMentions(prev).some(
    (m) => m.kind === 'month' || m.kind === 'monthYear' || m.kind === 'vague',
  );
}

function isNew(d: DraftEvent, published: string): boolean {
  // A scheduled act is news as a newly set date; an expectation told in the body is not, nor
  // reporting to prison to serve a sentence (the news was the sentence).
  if (d.status === 'scheduled')
    return (
      !OLD_SCHEDULE.test(d.clause) &&
      !(d.type === 'arrest' && servingSentence(d.sentence.text)) &&
      (d.sentence.index < LEDE_SENTENCES || !FORESEEN.test(d.clause) || DATE_SET.test(d.clause))
    );
  if (d.date?.length === 10) return d.date <= published ? d.date >= addDays(published, -7) : true;
  if (d.date) return d.recent;
  return (
    !d.vague && !d.inRelative && !BACKGROUND.test(d.clause) && !BACKGROUND_SENTENCE.test(d.sentence.text)
  );
}

/** Repeated mentions of one development become one event; an undated one joins a dated one of its kind. */
function merge(drafts: DraftEvent[]): DraftEvent[] {
  const byKey = new Map<string, DraftEvent & { families: Set<string> }>();
  for (const d of drafts) {
    const key = `${d.type}|${d.who}|${d.date}|${d.status}${d.date && !d.newsDated ? '' : `|${d.family}`}`;
    const seen = byKey.get(key);
    if (seen) {
      seen.new ||= d.new && d.sentence.index === seen.sentence.index;
      seen.families.add(d.family);
    } else byKey.set(key, { ...d, families: new Set([d.family]) });
  }
  const unique = [...byKey.values()];
  // "A jury has found her guilty of a further offence. She was convicted in August 2023 of ...": the
  // lede's undated news is not the act the article dates in the past.
  const ledeNews = (d: DraftEvent) => d.new && d.sentence.index < LEDE_SENTENCES;
  return unique.filter(
    (d) =>
      d.date !== null ||
      !unique.some(
        (o) =>
          o !== d &&
          o.date !== null &&
          // "arrested in 2018 and 2019" is not the arrest dated last Tuesday: its year says it is another.
          !otherYear(d, o.date) &&
          o.type === d.type &&
          o.who === d.who &&
          o.status === d.status &&
          o.families.has(d.family) &&
          (o.new || !ledeNews(d)),
      ),
  );
}

/** The steps of a case's opening: an arraignment tells its plea, a charge its arrest. */
const OPENING = new Set<EventType>(['arrest', 'charge', 'plea', 'hearing', 'bail']);
/** A present perfect right before the trigger: "has pleaded", "has been charged", "have also been convicted". */
const PERFECT_BEFORE = /\b(?:has|have)\s(?:(?:also|already|since|now)\s)?(?:been\s)?$/i;

/**
 * "A judge has denied X's motion to suppress evidence. ... X has pleaded not guilty to murder": an
 * undated act told in the present perfect is the state of the case, not the news, unless the lede
 * reports the case's opening steps or an act of the same kind (an arraignment's "has pleaded").
 */
function perfectState(drafts: DraftEvent[]): void {
  const news = drafts.filter(
    (o) => o.new && o.status === 'happened' && !o.inRelative && (o.sentence.index < 2 || o.recent),
  );
  for (const d of drafts) {
    if (!d.new || d.date !== null || d.status !== 'happened' || d.sentence.index === 0) continue;
    if (!PERFECT_BEFORE.test(d.sentence.text.slice(Math.max(0, d.at - 30), d.at))) continue;
    const others = news.filter((o) => o.who === d.who && o.type !== d.type);
    if (others.length === 0 || news.some((o) => o !== d && (OPENING.has(o.type) || o.type === d.type)))
      continue;
    d.new = false;
  }
}

/** An act told after another of its sentence that only a year or a season dates ("arrested in 2019 but bailed"). */
function afterVague(d: DraftEvent, drafts: DraftEvent[]): boolean {
  return drafts.some((o) => o.sentence === d.sentence && o.vague && o.at < d.at);
}

/** An act dated by a year alone, another year than that of `date`. */
function otherYear(d: DraftEvent, date: string): boolean {
  return d.year !== undefined && d.year !== date.slice(0, 4);
}

function toEvent(d: DraftEvent): CaseEvent {
  const summary = summarise(d.sentence.text);
  const text = reportText(summary, d.sentence.text);
  return {
    type: d.type,
    date: d.date,
    status: d.status,
    who: d.who,
    summary,
    new: d.new,
    ...(d.newsDated ? { dateInferred: true } : {}),
    ...(d.ledeDated ? { dateFromLede: true } : {}),
    ...actDetails(d.type, d.sentence.text),
    ...(d.type === 'dismissal' ? dismissalDetails(d.sentence.text) : {}),
    ...custodyDetails(text),
    ...(d.type === 'lawsuit' ? lawsuitDetails(text) : {}),
    ...(d.type === 'trial' ? trialDetails(text) : {}),
    ...(d.type === 'hearing' ? hearingDetails(text) : {}),
    ...appealDetails(d.type, text),
    ...dateRepeated(d.sentence.text),
    ...proceedingDetails(d.sentence.text),
    provenance: { sentence: d.sentence.text, offset: d.sentence.offset },
  };
}

/** "SANTA FE, N.M. (AP) — ", "STROUDSBURG, Pennsylvania — ", "(CNN) — ", "Oct. 28—". */
const DATELINE =
  /^(?:[A-Z][A-Z.'-]+(?: [A-Z][A-Z.'-]+)*(?:, [A-Z][\w. ]{1,30})?\s*(?:\([A-Za-z]+\))?|\([A-Za-z]+\)|[A-Z][a-z]{2}\.? \d{1,2})\s*[—–]+\s*/;

/** One short line from the sentence: no dateline, at most ~120 characters. */
export function summarise(text: string): string {
  const plain = text.replace(DATELINE, '').replace(/\s+/g, ' ').trim();
  if (plain.length <= 120) return plain;
  const cut = plain.slice(0, 118);
  return `${cut.slice(0, cut.lastIndexOf(' '))}…`;
}
