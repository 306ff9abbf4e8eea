import type { CaseEvent, Charge, Facts, PleaKind } from '../../facts.ts';
import { numberWords } from '../lexicon/numbers.ts';
import { appealDetails } from './appeals.ts';
import { hearingDetails } from './hearings.ts';
import { proceedingDetails } from './proceeding.ts';

/**
 * What an event's sentence says beyond its type, as facts-contract fields, so that the case
 * knowledge (src/cases) reads fields and never re-reads sentences: the kind of plea ("pleaded not
 * guilty", "agreed to plead guilty" is a deal, "no contest"), whether the plea awaits the court's
 * approval, whether the act covers every charge of its person ("all charges", "the case against X
 * was dismissed"), and what a verdict or plea covering every charge decided.
 */

export type ActDetails = Pick<CaseEvent, 'plea' | 'awaitingApproval' | 'scope' | 'outcome'>;

const GUILTY_PLEA = /\b(plead(?:ed|s)?|pled|enter(?:ed|s)?|admit(?:ted|s)?)\b[^.;]{0,40}\bguilty\b/i;
const NOT_GUILTY_PLEA = /\bnot\s+guilty\b|\bstood\s+silent\b/i;
const NO_CONTEST = /\bno[\s-]+contest\b|\bnolo\b/i;
/** A plea under a deal the court has not yet accepted (corpus README: stays `pretrial`). */
const AWAITING_APPROVAL =
  /\bpending\s+(?:the\s+)?(?:court(?:['’]s)?\s+|judge(?:['’]s)?\s+)?(?:approval|acceptance)\b|\bnot\s+yet\s+(?:been\s+)?(?:accepted|approved)\b|\bawaiting\s+(?:the\s+)?(?:court|judge)/i;
const PLEA_ENTERED =
  /\bplead(?:ed|s|ing)?\b|\bpled\b|\bplea[s]?\s+(?:was|were|of)\b|\bentered\b[^.;]{0,40}\bplea|\bplea[s]?\b[^.;]{0,20}\bentered\b|\barraign|\bstood\s+silent\b|\bno\s+contest\b/i;
/** "Agreed to plead guilty", "signed a plea agreement": a deal, not a plea entered. */
const AGREEMENT =
  /\bagree(?:d|s|ment)?\s+to\s+plead(?:\s+(?:guilty|no\s+contest))?|\bsign(?:ed|s|ing)?\b[^.;]{0,20}\bplea\s+(?:agreement|deal)/gi;

/** The plea a sentence states: entered guilty, not guilty or no contest, entered of no stated kind, or a deal. */
export function pleaKind(text: string): PleaKind | undefined {
  const entered = text.replace(AGREEMENT, ' ');
  if (NOT_GUILTY_PLEA.test(entered)) return 'not_guilty';
  if (GUILTY_PLEA.test(entered)) return 'guilty';
  if (NO_CONTEST.test(entered)) return 'no_contest';
  if (PLEA_ENTERED.test(entered)) return 'entered';
  return entered === text ? undefined : 'deal';
}

const ALL_CHARGES = new RegExp(
  `\\ball\\s+(?:(?:the|of|remaining|pending|criminal|felony|state|federal|${numberWords(2, 10)}|\\d+)\\s+){0,3}(?:charges|counts)\\b`,
  'i',
);
const WHOLE_CASE =
  /\b(?:dismiss\w*|dropp?\w*|withdr[ae]w\w*|tossed)\s+(?:the\s+)?(?:entire\s+|whole\s+)?case\b|\bcase\s+against\s+\S+\s+(?:was\s+|has\s+been\s+)?(?:dismissed|dropped|tossed)\b/i;
/** "Charges against X dropped", "dropped the charges against X": plural charges, no offence. */
const CHARGES_AGAINST =
  /(?:^|[.;:]\s*)(?:the\s+)?charges\s+against\s+(?:\S+\s+){1,3}?(?:were\s+|have\s+been\s+|had\s+been\s+)?(?:dropped|dismissed|withdrawn|tossed)\b|\b(?:dismiss\w*|dropp?\w*|withdr[ae]w\w*)\s+(?:the\s+)?charges\s+against\b/i;

/** The act covers every charge of its person, naming no offence. */
export function coversAllCharges(text: string): boolean {
  return ALL_CHARGES.test(text) || WHOLE_CASE.test(text) || CHARGES_AGAINST.test(text);
}

const ACQUITTED = /\bnot\s+guilty\b|\bacquit/i;
const CONVICTED = /\bguilty\b|\bconvict/i;

/** What a verdict or plea decided: guilty, not guilty, or (both or neither said) undefined. */
export function verdictOutcome(text: string): 'convicted' | 'acquitted' | undefined {
  if (ACQUITTED.test(text))
    return CONVICTED.test(text.replace(/\bnot\s+guilty\b/gi, ' ')) ? undefined : 'acquitted';
  return CONVICTED.test(text) ? 'convicted' : undefined;
}

/** The details of one event of the given type, read from its sentence (or a label's summary). */
export function actDetails(type: CaseEvent['type'], text: string): ActDetails {
  const out: ActDetails = {};
  if (type === 'plea') {
    const kind = pleaKind(text);
    if (kind) out.plea = kind;
    if (AWAITING_APPROVAL.test(text)) out.awaitingApproval = true;
  }
  if (['dismissal', 'charge_dropped', 'verdict', 'plea'].includes(type) && coversAllCharges(text)) {
    out.scope = 'all';
    const outcome = type === 'verdict' || type === 'plea' ? verdictOutcome(text) : undefined;
    if (outcome) out.outcome = outcome;
  }
  return out;
}

/**
 * A dismissal the sentence only asks for ("a motion asking a judge to dismiss", "moved to dismiss")
 * is a motion; one a judge refused ("denied a motion to dismiss") is a ruling: the act the article
 * states, not the one its words imply.
 */
const DISMISSAL_REFUSED =
  /\b(?:den(?:y|ies|ied)|refus\w*|reject\w*|declin\w*)\b[^.;]{0,40}\b(?:motion|bid|request|effort|attempt)s?\b[^.;]{0,30}\bdismiss/i;
const DISMISSAL_ASKED =
  /\b(?:motion|ask\w*|seek\w*|sought|request\w*|bid|mov(?:e|ed|es|ing)|urg\w*|argu\w*|push\w*)\b[^.;]{0,50}\bto\s(?:have\s\S+\s)?dismiss/i;

export function statedDismissal(sentence: string): 'dismissal' | 'motion' | 'ruling' {
  if (DISMISSAL_REFUSED.test(sentence)) return 'ruling';
  if (DISMISSAL_ASKED.test(sentence)) return 'motion';
  return 'dismissal';
}

/** A dismissal event's or dismissed charge's `dismissalStated`, read from its sentence. */
export function dismissalDetails(sentence: string): { dismissalStated?: 'motion' | 'ruling' } {
  const stated = statedDismissal(sentence);
  return stated === 'dismissal' ? {} : { dismissalStated: stated };
}

/** Reporting to prison to serve a sentence: a sentence was imposed. */
const SERVING = /\b(?:begin(?:s|ning)?|to\sserve|serving)\s[^.;]{0,40}?\b(?:sentence|prison\sterm)\b/i;

export function servingSentence(text: string): boolean {
  return SERVING.test(text);
}

/** Bail granted by police while they investigate (England's police bail): not a court step. */
const POLICE_BAIL =
  /\bpolice\sbail\b|\bbail(?:ed)?\b[^.;]{0,30}\bpending\s(?:further\s)?(?:inquiries|enquiries|investigation)|\breleased\s(?:under\sinvestigation|without\scharge)\b/i;

export function policeBail(text: string): boolean {
  return POLICE_BAIL.test(text);
}

/** A civil defendant found liable: a default, a jury's award, a judgment against them. */
const LIABILITY =
  /\bdefault(?:ed)?\b|\bliab(?:le|ility)\b|\bverdict\b|\bjudgment\s+against\b|\bordered\b[^.;]{0,80}\bto\s+pay\b|\bawarded?\b|\bjur(?:y|ors)\b[^.;]{0,60}\b(?:award|order)/i;
const BANKRUPTCY = /\bbankrupt|\bchapter\s+(?:7|11|13)\b/i;
const SETTLED = /\bsettle(?:d|s|ment)\b/i;

/** What a civil suit's words tell: ended (settled, bankruptcy), its defendant found liable, or neither. */
export function lawsuitDetails(text: string): Pick<CaseEvent, 'lawsuit'> {
  if (BANKRUPTCY.test(text) || SETTLED.test(text)) return { lawsuit: 'ended' };
  return LIABILITY.test(text) ? { lawsuit: 'liable' } : {};
}

/** A trial not (yet) under way: a date set, moved or vacated, or someone ordered to stand trial. */
const NOT_UNDER_WAY =
  /\b(?:postpon|delay|vacat|reschedul)\w*|\bpushed\s+back\b|\bto\s+stand\s+trial\b|\bbound\s+over\b|\bheads?\s+to\s+trial\b|\bwill\s+(?:stand|go\s+to)\s+trial\b|\bgoe?s?\s+on\s+trial\b|\b(?:set|scheduled|slated)\s+(?:[^.;]{0,60}\s)?for\b|\b(?:set|scheduled|slated)\s+to\s+(?:begin|start|open)\b/i;
/** A trial that ended in a mistrial or a hung jury. */
const MISTRIAL = /\bmistrial\b|\bhung\s+jury\b/i;

/** `trialNotUnderWay` and `mistrial` of a trial event whose report reads `text`. */
export function trialDetails(text: string): Pick<CaseEvent, 'trialNotUnderWay' | 'mistrial'> {
  return {
    ...(NOT_UNDER_WAY.test(text) ? { trialNotUnderWay: true } : {}),
    ...(MISTRIAL.test(text) ? { mistrial: true } : {}),
  };
}

/**
 * The text a case report shows for an event: its summary, then its sentence when that differs
 * (what src/cases read before these fields existed, so the fields say what the words said).
 */
export function reportText(summary: string, sentence: string | undefined): string {
  return `${summary} ${sentence && sentence !== summary ? sentence : ''}`;
}

/** A date set earlier and repeated ("is currently scheduled", "had been set"), not a newly set one. */
const DATE_REPEATED =
  /\b(?:currently|still|already|previously|originally)\s+(?:scheduled|set|slated|due)\b|\bhad\s+been\s+(?:scheduled|set|slated)\b/i;

/** `dateRepeated` of an event whose sentence (or, without one, summary) reads `text`. */
export function dateRepeated(text: string): Pick<CaseEvent, 'dateRepeated'> {
  return DATE_REPEATED.test(text) ? { dateRepeated: true } : {};
}

/** `policeBail` and `serving` of an event whose report reads `text` (any type: src/cases picks). */
export function custodyDetails(text: string): Pick<CaseEvent, 'policeBail' | 'serving'> {
  return {
    ...(policeBail(text) ? { policeBail: true } : {}),
    ...(servingSentence(text) ? { serving: true } : {}),
  };
}

const hasActDetails = (e: CaseEvent) => Boolean(e.plea || e.scope || e.outcome || e.awaitingApproval);
const hasAppealDetails = (e: CaseEvent) =>
  Boolean(e.appealPending || e.appealOutcome || e.appealEnded || e.retrial);

function completedEvent(e: CaseEvent): CaseEvent {
  const acts = hasActDetails(e)
    ? e
    : { ...e, ...actDetails(e.type, `${e.summary}\n${e.provenance?.sentence ?? ''}`) };
  const text = reportText(e.summary, e.provenance?.sentence);
  // Absent booleans are read again: the extractor reads the same text, so that changes nothing.
  const custody = e.policeBail || e.serving ? acts : { ...acts, ...custodyDetails(text) };
  const suit = e.type !== 'lawsuit' || e.lawsuit ? custody : { ...custody, ...lawsuitDetails(text) };
  const civil =
    e.type !== 'trial' || e.trialNotUnderWay || e.mistrial ? suit : { ...suit, ...trialDetails(text) };
  const appeal = hasAppealDetails(e) ? civil : { ...civil, ...appealDetails(e.type, text) };
  const court = e.proceeding ? appeal : { ...appeal, ...proceedingDetails(text) };
  const hearing = e.type !== 'hearing' || e.hearingKind ? court : { ...court, ...hearingDetails(text) };
  const told = e.dateRepeated
    ? hearing
    : { ...hearing, ...dateRepeated(e.provenance?.sentence ?? e.summary) };
  // Only the sentence says what a dismissal was (a label's summary names the act it means).
  return e.type === 'dismissal' && !e.dismissalStated && e.provenance?.sentence
    ? { ...told, ...dismissalDetails(e.provenance.sentence) }
    : told;
}

function completedCharge(c: Charge): Charge {
  const sentence = c.provenance?.sentence;
  const court = c.proceeding || !sentence ? c : { ...c, ...proceedingDetails(sentence) };
  return c.status === 'dismissed' && !c.dismissalStated && sentence
    ? { ...court, ...dismissalDetails(sentence) }
    : court;
}

/**
 * Facts from a source that does not fill these fields (hand-made labels, court records, facts
 * stored before the fields existed) get them from each event's sentence, or its summary when it
 * has none (a dismissal's `dismissalStated` from its sentence only). Fields given are kept.
 */
export function withActDetails(facts: Facts): Facts {
  return { ...facts, events: facts.events.map(completedEvent), charges: facts.charges.map(completedCharge) };
}
