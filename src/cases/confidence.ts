import { dayNumber, rangeOf } from './dates.ts';
import type { CasePerson, Development, DevelopmentReport } from './types.ts';

/**
 * How sure casewatch is that a development is news worth an alert, and why. An alert is a claim
 * made in front of a whole server, so only what an article reports as its news counts: the act
 * dated within the schema's 7-day window (or a newly set date), about a defendant of the case, is
 * 'high'. Undated news is 'medium' (on the corpus, an undated act the extractor calls news is
 * wrong four times in five); it alerts at 'high' once another outlet dates it. Background and acts
 * about someone who is not a defendant are 'low'. Where the sentence stands (headline, lede,
 * body) and how many outlets told it are kept as reasons for /why.
 */

export const CONFIDENCE_LEVELS = ['low', 'medium', 'high'] as const;
export type ConfidenceLevel = (typeof CONFIDENCE_LEVELS)[number];

export interface Confidence {
  level: ConfidenceLevel;
  /** Plain-language reasons, for /why. */
  reasons: string[];
}

/** The schema's window for `new`: an act within the 7 days before publication. */
const NEWS_WINDOW_DAYS = 7;
/** Characters from the start of the text that count as the lede. */
export const LEDE_CHARS = 320;

/**
 * Where in its article a report's sentence stands; undefined for facts without provenance (hand
 * labelled, or from a source that gives none), whose `new` is taken as given.
 */
export function placeOf(
  offset: number | undefined,
  sentence: string | undefined,
  title: string,
): DevelopmentReport['place'] {
  if (offset === undefined || sentence === undefined) return undefined;
  const t = title.trim().toLowerCase();
  if (t && sentence.trim().toLowerCase().startsWith(t.slice(0, 60))) return 'headline';
  return offset < LEDE_CHARS ? 'lede' : 'body';
}

/** The report dates the act inside the news window (a scheduled act: on or after publication). */
function inWindow(r: DevelopmentReport, status: Development['status']): boolean {
  const range = rangeOf(r.date);
  if (!range) return false;
  const pub = dayNumber(r.published);
  if (status === 'scheduled') return range.hi >= pub;
  return range.hi >= pub - NEWS_WINDOW_DAYS && range.lo <= pub + 1;
}

/**
 * A report whose sentence gives no date but stands in the headline or lede of the article that
 * presents it as news: the article's news is an act of its news day (schema: the lede/headline is
 * the article's news). A body sentence without a date is often a recalled act.
 */
export function toldOnNewsDay(r: DevelopmentReport): boolean {
  return !r.date && r.newsDay !== undefined && (r.place === 'headline' || r.place === 'lede');
}

/** Event types about the case as a whole, which need no person. */
const CASE_LEVEL = new Set(['investigation']);

export function confidenceOf(dev: Development, people: CasePerson[]): Confidence {
  const reports = dev.reports;
  const news = reports.filter((r) => r.news && !r.history && !r.dateRepeated);
  const reasons: string[] = [];
  const outlets = new Set(reports.map((r) => r.outlet));
  const person = dev.who ? people.find((p) => p.id === dev.who) : undefined;
  const aboutDefendant = person ? person.defendant || person.role === 'defendant' : CASE_LEVEL.has(dev.type);
  if (person)
    reasons.push(aboutDefendant ? `about defendant ${person.name}` : `about ${person.name} (${person.role})`);
  else reasons.push(aboutDefendant ? 'about the case' : 'about no one named');
  reasons.push(`${outlets.size} outlet${outlets.size === 1 ? '' : 's'}`);
  if (news.length === 0) {
    reasons.push('reported only as background');
    return { level: 'low', reasons };
  }
  // Facts without provenance cannot be placed: their own `new` is the evidence.
  const unplaced = (r: DevelopmentReport) => r.place === undefined && !r.court;
  const dated = news.filter((r) => inWindow(r, dev.status) || (unplaced(r) && !r.date) || toldOnNewsDay(r));
  // A docket entry is the court's own record of the act: as good as a headline.
  const prominent = news.filter(
    (r) => r.court || unplaced(r) || r.place === 'headline' || r.place === 'lede',
  );
  reasons.push(
    dated.length > 0
      ? dev.status === 'scheduled'
        ? 'a date set ahead'
        : 'dated within the week before publication'
      : 'no date in the news window',
  );
  const first = prominent[0];
  reasons.push(
    !first
      ? 'in the body only'
      : first.court
        ? 'in the court record'
        : first.place
          ? `in the ${first.place}`
          : 'reported as news',
  );
  if (!aboutDefendant) return { level: 'low', reasons };
  if (dated.length > 0) return { level: 'high', reasons };
  return { level: 'medium', reasons };
}

export function atLeast(level: ConfidenceLevel, threshold: ConfidenceLevel): boolean {
  return CONFIDENCE_LEVELS.indexOf(level) >= CONFIDENCE_LEVELS.indexOf(threshold);
}
