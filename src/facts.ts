/**
 * The facts contract (../shared/facts-schema.md): what the extractor returns, what the store keeps
 * and what the case knowledge is built from. Field names are the schema's; extra fields are allowed.
 */

export const ROLES = [
  'defendant',
  'prosecutor',
  'defense_attorney',
  'judge',
  'victim',
  'witness',
  'plaintiff',
  'family',
  'official',
  'expert',
  'juror',
  'other',
] as const;
export type Role = (typeof ROLES)[number];

export const EVENT_TYPES = [
  'investigation',
  'arrest',
  'charge',
  'charge_dropped',
  'dismissal',
  'bail',
  'plea',
  'motion',
  'ruling',
  'hearing',
  'trial',
  'verdict',
  'sentence',
  'appeal',
  'lawsuit',
  'release',
  /** A docket entry of no other kind (court record only: the extractor never returns it). */
  'filing',
] as const;
export type EventType = (typeof EVENT_TYPES)[number];

export const CHARGE_STATUSES = ['pending', 'dropped', 'dismissed', 'convicted', 'acquitted'] as const;
export type ChargeStatus = (typeof CHARGE_STATUSES)[number];

export const STAGES = [
  'investigation',
  'charged',
  'pretrial',
  'trial',
  'verdict',
  'sentenced',
  'dismissed',
  'appeal',
  'closed',
] as const;
export type Stage = (typeof STAGES)[number];

/** Where a fact came from: the sentence and its character offset in the article text. */
export interface Provenance {
  sentence: string;
  offset: number;
}

/** An article as the poller hands it over (and as the CLI reads it from JSON). */
export interface Article {
  url: string;
  title: string;
  /** YYYY-MM-DD */
  published: string;
  text: string;
  feed?: string;
  source?: 'feed' | 'page';
  /** The outlet's name or host, for source lists. */
  outlet?: string;
}

export interface Person {
  name: string;
  role: Role;
  provenance?: Provenance;
  /** Job nouns the article puts right before the name ("armorer", "chief engineer"): "the armorer" is this person. */
  descriptors?: string[];
}

export interface Quote {
  speaker: string | null;
  text: string;
  org?: boolean;
  provenance?: Provenance;
}

export interface CaseEvent {
  type: EventType;
  /** YYYY-MM-DD, YYYY-MM or null */
  date: string | null;
  status: 'happened' | 'scheduled';
  who: string | null;
  summary: string;
  new: boolean;
  /** The sentence gives no date word: `date` is the article's news day (its lede's day or published day). */
  dateInferred?: boolean;
  /** With `dateInferred`: the day is the one the lede states for its act, not the publication day. */
  dateFromLede?: boolean;
  provenance?: Provenance;
  /** Read from the court's own docket (src/courts), not from an article. */
  courtRecord?: boolean;
  // Beyond the schema (scorers ignore extra fields), so that src/cases never re-reads sentences:
  /** A `plea` event's kind: entered guilty, not guilty, no contest, of no stated kind, or a deal only. */
  plea?: PleaKind;
  /** The plea is under a deal the court has not yet accepted. */
  awaitingApproval?: boolean;
  /** The act covers every charge of its person ("all charges", "the case against X was dismissed"). */
  scope?: 'all';
  /** What a verdict or plea covering every charge decided. */
  outcome?: 'convicted' | 'acquitted';
  /** A `dismissal` its sentence only asks for (a motion) or tells refused (a ruling); absent: done. */
  dismissalStated?: 'motion' | 'ruling';
  /** The words tell police bail while an investigation goes on (England's), not a court's bail. */
  policeBail?: boolean;
  /** The words tell someone reporting to prison or serving a sentence: a sentence was imposed. */
  serving?: boolean;
  /** A `lawsuit` ended (settled, bankruptcy) or its defendant found liable (default, award, judgment). */
  lawsuit?: 'ended' | 'liable';
  /** A `trial` only set, moved, vacated or ordered ("to stand trial"), not under way. */
  trialNotUnderWay?: boolean;
  /** A `trial` that ended in a mistrial or a hung jury. */
  mistrial?: boolean;
  /** A `hearing`'s kind: a sentencing, an arraignment, a preliminary hearing, an extradition, a trial date. */
  hearingKind?: HearingKind;
  /** The words name an appeal under way ("bail pending appeal", "while she appeals"). */
  appealPending?: boolean;
  /** An `appeal` or `ruling` that confirmed the decision challenged, or undid a conviction. */
  appealOutcome?: 'affirmed' | 'overturned';
  /** An `appeal` (or the one an act names as pending) withdrawn or dropped, or refused. */
  appealEnded?: 'withdrawn' | 'rejected';
  /** The words tell a retrial or a new trial ordered or set (not only asked for or refused). */
  retrial?: boolean;
  /** The sentence repeats a date set earlier ("is currently scheduled", "had been set"): not news. */
  dateRepeated?: boolean;
  /** The proceeding its words name: 'federal', a US state ('new york'), or 'state' (unnamed). */
  proceeding?: string;
}

/** What a `hearing` is for, when its words tell it (the order is the precedence: see events/hearings.ts). */
export const HEARING_KINDS = ['sentencing', 'arraignment', 'preliminary', 'extradition', 'trial'] as const;
export type HearingKind = (typeof HEARING_KINDS)[number];

export const PLEA_KINDS = ['guilty', 'not_guilty', 'no_contest', 'entered', 'deal'] as const;
export type PleaKind = (typeof PLEA_KINDS)[number];

export interface Charge {
  defendant: string;
  charge: string;
  status: ChargeStatus;
  provenance?: Provenance;
  /** Beyond the schema: a `dismissed` status its sentence only asks for or tells refused (still pending). */
  dismissalStated?: 'motion' | 'ruling';
  /** Beyond the schema: the proceeding its sentence names (as on events). */
  proceeding?: string;
}

export interface Penalty {
  defendant: string;
  max: number | null;
  unit: string;
  current: boolean;
  provenance?: Provenance;
}

export interface Facts {
  people: Person[];
  quotes: Quote[];
  events: CaseEvent[];
  charges: Charge[];
  penalties: Penalty[];
}
