import type { CaseEvent, ChargeStatus, EventType, Role, Stage } from '../facts.ts';
import type { ConfidenceLevel } from './confidence.ts';

/** One outlet's report of something: where and when it was published. */
export interface Source {
  outlet: string;
  url: string;
  /** YYYY-MM-DD */
  published: string;
}

/**
 * What a report keeps of its event beyond the type: the facts contract's fields that status reads
 * (plea kind, all-charges scope, custody, a suit's end, a trial not under way, appeals, a retrial,
 * the proceeding).
 */
export const REPORT_FIELDS = [
  'plea',
  'awaitingApproval',
  'scope',
  'outcome',
  'policeBail',
  'serving',
  'lawsuit',
  'trialNotUnderWay',
  'mistrial',
  'hearingKind',
  'appealPending',
  'appealOutcome',
  'appealEnded',
  'retrial',
  'dateRepeated',
  'proceeding',
] as const satisfies ReadonlyArray<keyof CaseEvent>;
export type ReportFields = Pick<CaseEvent, (typeof REPORT_FIELDS)[number]>;

/** How one article reported a development (kept per article so status can be computed "as of"). */
export interface DevelopmentReport extends Source, ReportFields {
  date: string | null;
  summary: string;
  /** The article's sentence, when the extractor gave it (summaries may be cut short). */
  sentence?: string;
  /** The article presented it as its news (schema `new`). */
  news: boolean;
  /** Came from a feed's first poll. */
  history: boolean;
  /** A docket entry of the court record: its date and wording win over the news. */
  court?: boolean;
  /** Where the sentence stands in its article (for the alert's confidence). */
  place?: 'headline' | 'lede' | 'body';
  /**
   * The article's news day, for a report whose sentence gives no date (the extractor's inferred
   * date): no evidence for matching outlets, but the day a headline's or lede's news was told.
   */
  newsDay?: string;
}

/** One legal development, merged across every article that reported it. */
export interface Development {
  id: string;
  type: EventType;
  status: 'happened' | 'scheduled';
  /** Registry id of the person it is about, or null. */
  who: string | null;
  reports: DevelopmentReport[];
  /** An alert was decided for it (so a later outlet's report is an update, not a new alert). */
  alerted: boolean;
  /** The confidence its last 'new' alert was decided at (a rise alerts servers with a higher threshold). */
  alertedLevel?: ConfidenceLevel;
}

/** One person of a case, merged across articles' name variants. */
export interface CasePerson {
  id: string;
  name: string;
  role: Role;
  /** Role counts across articles; the defendants of the case definition stay defendants. */
  roles: Partial<Record<Role, number>>;
  /** Every surface form seen ("Gutierrez-Reed", "Hannah Gutierrez Reed"). */
  aliases: string[];
  /** Named as a defendant in the case definition. */
  defendant: boolean;
  /**
   * A co-defendant the articles added to the case (charged, tried or sentenced in the same act as
   * a tracked defendant): the day it was first reported. Shown in /status like the defined ones.
   */
  joined?: string;
  quotes: number;
  /** The first article that showed the person as a defendant or suspect, for "appears from". */
  firstSeen: string;
}

export interface ChargeObservation {
  person: string;
  charge: string;
  status: ChargeStatus;
  url: string;
  published: string;
  /** The charge's proceeding: its own words', else that of its article's news acts (see merge.ts). */
  proceeding?: string;
}

export interface PenaltyObservation {
  person: string;
  max: number | null;
  unit: string;
  current: boolean;
  url: string;
  published: string;
}

export interface QuoteRecord {
  /** Registry id, or null for unnamed or organisational speakers. */
  person: string | null;
  speaker: string | null;
  text: string;
  org?: boolean;
  url: string;
  outlet: string;
  published: string;
}

/** Everything the project knows about one case, as stored (one record per case). */
export interface CaseKnowledge {
  slug: string;
  /** Bumped on every change: the cache key for readers. */
  version: number;
  /** url -> published date of every article merged, for idempotency. */
  articles: Record<string, string>;
  people: CasePerson[];
  developments: Development[];
  charges: ChargeObservation[];
  penalties: PenaltyObservation[];
  /** Counter for development ids (stable across restarts because it is stored). */
  nextDevelopmentId: number;
}

export interface DefendantStatus {
  stage: Stage;
  /** `proceeding` when the defendant's charges come from several (state and federal, two states). */
  charges: Array<{ charge: string; status: ChargeStatus; proceeding?: string }>;
  maxPenalty: { max: number | null; unit: string } | null;
}

export interface DevelopmentView {
  id: string;
  type: EventType;
  status: 'happened' | 'scheduled';
  date: string | null;
  who: string | null;
  summary: string;
  sources: Source[];
  /** At least one report is the court's own docket entry. */
  court?: boolean;
}

export interface CaseStatus {
  case: string;
  name: string;
  asOf: string;
  defendants: Record<string, DefendantStatus>;
  next: { date: string; what: string } | null;
  latest: DevelopmentView[];
}
