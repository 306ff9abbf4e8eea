import { withActDetails } from '../extract/events/acts.ts';
import { withDescriptors } from '../extract/people/descriptors.ts';
import type { Article, CaseEvent, Facts } from '../facts.ts';
import { chargeStems } from './charges.ts';
import { atLeast, type Confidence, confidenceOf, placeOf } from './confidence.ts';
import { dayNumber, rangeOf } from './dates.ts';
import type { CaseDefinition } from './definition.ts';
import { type IncomingEvent, mergeEvents } from './developments.ts';
import { addDescriptors, registerPerson, seedDefendants } from './people.ts';
import { borrowedActs, joinCoDefendants } from './sharedActs.ts';
import { canonicalUrl, outletOf } from './sources.ts';
import {
  type CaseKnowledge,
  type Development,
  type DevelopmentReport,
  type QuoteRecord,
  REPORT_FIELDS,
  type ReportFields,
} from './types.ts';

/**
 * Merges one article's facts into a case's knowledge (mutating it) and says which developments
 * deserve an alert. Pure apart from the mutation: storage and delivery are the callers' business.
 */

export interface MergeDecision {
  kind: 'new' | 'update';
  development: Development;
  confidence?: Confidence;
}

export interface MergeResult {
  /** False when the article (same URL) was already merged: nothing changed, nothing to alert. */
  changed: boolean;
  decisions: MergeDecision[];
  quotes: QuoteRecord[];
}

/** Acts a court does at a hearing: the hearing of their day is their occasion. */
const IN_COURT = new Set(['plea', 'verdict', 'sentence', 'ruling']);

/** A report older than this (days before publication) is never news, whatever the extractor says. */
const STALE_DAYS = 14;

export function emptyKnowledge(slug: string): CaseKnowledge {
  return {
    slug,
    version: 0,
    articles: {},
    people: [],
    developments: [],
    charges: [],
    penalties: [],
    nextDevelopmentId: 1,
  };
}

/** What a merge reads of an article: not its text (the facts carry their sentences). */
export type MergeInput = Pick<Article, 'url' | 'title' | 'published' | 'outlet'>;

export function mergeArticle(
  knowledge: CaseKnowledge,
  definition: CaseDefinition,
  article: MergeInput,
  given: Facts,
  options: { history: boolean },
): MergeResult {
  const url = canonicalUrl(article.url);
  if (knowledge.articles[url] !== undefined) return { changed: false, decisions: [], quotes: [] };
  // Facts from sources that do not give the contract's plea kind and scope or the people's
  // descriptors (hand labels, court records, facts stored before those fields) get them here, once;
  // the case rules read fields.
  const facts = withDescriptors(withActDetails(given), article.title);
  const published = article.published;
  const outlet = outletOf(article);
  seedDefendants(knowledge, definition);

  const idOf = (name: string | null, role?: Parameters<typeof registerPerson>[2]) =>
    name?.trim() ? registerPerson(knowledge, name.trim(), role, published).id : null;
  for (const p of facts.people)
    if (p.name.trim())
      addDescriptors(registerPerson(knowledge, p.name.trim(), p.role, published), p.descriptors);

  const courtOf = newsProceedings(facts.events, idOf);
  const refiled = chargedAgain(facts.events);
  for (const c of facts.charges) {
    const person = idOf(c.defendant, 'defendant');
    if (!person) continue;
    // "denied a motion to dismiss the charges" leaves them pending; so does a drop the article
    // only recalls behind its news of the charges brought again.
    const status =
      (c.status === 'dismissed' && c.dismissalStated) || (ended(c.status) && bringsAgain(refiled, c))
        ? 'pending'
        : c.status;
    const named = c.charge.trim().toLowerCase();
    const known = knowledge.charges.some(
      (o) => o.person === person && o.charge.trim().toLowerCase() === named,
    );
    const proceeding = c.proceeding ?? (known ? undefined : courtOf.get(person));
    knowledge.charges.push({
      person,
      charge: c.charge,
      status,
      url,
      published,
      ...(proceeding ? { proceeding } : {}),
    });
  }
  for (const p of facts.penalties) {
    const person = idOf(p.defendant, 'defendant');
    if (person)
      knowledge.penalties.push({ person, max: p.max, unit: p.unit, current: p.current, url, published });
  }

  const quotes: QuoteRecord[] = [];
  for (const q of facts.quotes) {
    const person = q.org ? null : idOf(q.speaker);
    if (person) {
      const entry = knowledge.people.find((p) => p.id === person);
      if (entry) entry.quotes++;
    }
    quotes.push({ person, speaker: q.speaker, text: q.text, org: q.org, url, outlet, published });
  }

  // A date the extractor inferred from the article's news day is no evidence for matching outlets.
  // It is kept as the report's news day (DevelopmentReport.newsDay) when the lede states that day
  // and no other act of the same sentence carries a day word (that day is the other act's: "a
  // judge ordered a new trial Thursday" dates the order, not the motion it implies).
  const newsDays = new Map<CaseEvent, string>();
  const sentenceOf = (e: CaseEvent) => e.provenance?.sentence ?? e.summary;
  // An appearance in court on the day of an act done in court that the article dates for the person
  // is that act's occasion ("pleaded not guilty Friday … appeared before the judge with her
  // lawyer"), not a hearing of its own; a charge is not done in court (indicted, then arraigned).
  const dayTold = facts.events.filter((e) => e.date && !e.dateInferred);
  const statedIn = new Set(dayTold.map(sentenceOf));
  const occasion = (e: CaseEvent) =>
    e.type === 'hearing' && dayTold.some((o) => o.who === e.who && IN_COURT.has(o.type) && o.date === e.date);
  const stated = (e: CaseEvent): CaseEvent => {
    if (!e.dateInferred) return e;
    const copy = { ...e, date: null };
    if (e.date && e.dateFromLede && !statedIn.has(sentenceOf(e)) && !occasion(e)) newsDays.set(copy, e.date);
    return copy;
  };
  const incoming: IncomingEvent[] = statedActs(civilActsOnce(facts.events.map(stated))).map((event) => ({
    event,
    who: idOf(event.who),
    report: {
      outlet,
      url,
      published,
      date: event.date,
      summary: event.summary,
      ...(event.provenance?.sentence && event.provenance.sentence !== event.summary
        ? { sentence: event.provenance.sentence }
        : {}),
      news: event.new && !isStale(event.date, event.status, published),
      history: options.history,
      ...(event.courtRecord ? { court: true } : {}),
      ...(newsDays.has(event) ? { newsDay: newsDays.get(event) } : {}),
      ...details(event),
      ...placed(placeOf(event.provenance?.offset, event.provenance?.sentence, article.title)),
    },
  }));
  for (const inc of borrowedActs(knowledge, incoming)) inc.report.news = false;
  joinCoDefendants(knowledge, incoming, published);
  const merged = mergeEvents(knowledge.developments, incoming, () => `d${knowledge.nextDevelopmentId++}`);

  const decisions: MergeDecision[] = [];
  merged.forEach(({ dev }, i) => {
    const report = incoming[i]?.report;
    if (!report || options.history || !report.news || dev.reports[0]?.history) return;
    // A development alerts when its confidence first reaches a level a server may want ('medium'
    // or 'high'); a rise from medium to high alerts again for servers that want only 'high'.
    const confidence = confidenceOf(dev, knowledge.people);
    const rose = !dev.alertedLevel || !atLeast(dev.alertedLevel, confidence.level);
    if (confidence.level !== 'low' && rose) {
      dev.alerted = true;
      dev.alertedLevel = confidence.level;
      decisions.push({ kind: 'new', development: dev, confidence });
    } else if (dev.alerted && !dev.reports.slice(0, -1).some((r) => r.outlet === outlet)) {
      decisions.push({ kind: 'update', development: dev, confidence });
    }
  });

  knowledge.articles[url] = published;
  knowledge.version++;
  return { changed: true, decisions, quotes };
}

function ended(status: string): boolean {
  return status === 'dropped' || status === 'dismissed';
}

/**
 * The people an article reports charged as its news, after a drop or dismissal it only recalls
 * (undated or dated before the charge, not news): their charges are pending again ("indicted
 * again on the charge prosecutors had dropped last year"), whatever outcome a sentence recalls.
 */
function chargedAgain(events: CaseEvent[]): CaseEvent[] {
  const out: CaseEvent[] = [];
  for (const e of events) {
    if (e.type !== 'charge' || e.status !== 'happened' || !e.new || !e.who) continue;
    const ends = events.filter(
      (d) =>
        (d.type === 'charge_dropped' || d.type === 'dismissal') && d.status === 'happened' && d.who === e.who,
    );
    if (ends.length > 0 && ends.every((d) => !d.new && (!d.date || !e.date || d.date < e.date))) out.push(e);
  }
  return out;
}

/**
 * One of those charge acts is about the charge's defendant and brings this charge: the act's
 * sentence names the offence, or the charge's own sentence tells no end of it (its outcome was
 * read from the recalled drop, not from its words).
 */
function bringsAgain(acts: CaseEvent[], c: Facts['charges'][number]): boolean {
  const offence = chargeStems(c.charge);
  const own = c.provenance?.sentence;
  return acts.some((e) => {
    if (e.who !== c.defendant || offence.size === 0) return false;
    if (own !== undefined && !ENDING_WORD.test(own)) return true;
    const told = chargeStems(e.provenance?.sentence ?? e.summary);
    return [...offence].every((w) => told.has(w));
  });
}

const ENDING_WORD = /\b(?:drop|dismiss|withdr[ae]w|quash|vacat)/i;

/** Acts that name the charges they bring or decide. */
const CHARGING_ACTS = new Set(['charge', 'plea', 'verdict', 'dismissal', 'charge_dropped']);

/**
 * Per person, the proceeding of the article's news about their charges ("indicted by a federal
 * grand jury", "a state jury acquitted him") when every charging act it tells of them, news or
 * recalled, names that one or none: a charge the article names for the first time and whose own
 * words name none is of that proceeding. An article that also recalls another proceeding's
 * charges ("already charged by state prosecutors") leaves its new names unplaced.
 */
function newsProceedings(
  events: CaseEvent[],
  idOf: (name: string | null) => string | null,
): Map<string, string> {
  const named = new Map<string, Set<string>>();
  const news = new Set<string>();
  for (const e of events) {
    if (e.status !== 'happened' || !e.proceeding || !CHARGING_ACTS.has(e.type)) continue;
    const person = idOf(e.who);
    if (!person) continue;
    const set = named.get(person) ?? new Set<string>();
    set.add(e.proceeding);
    named.set(person, set);
    if (e.new) news.add(person);
  }
  const out = new Map<string, string>();
  for (const [person, set] of named) {
    const only = [...set][0];
    if (set.size === 1 && only && news.has(person)) out.set(person, only);
  }
  return out;
}

function isStale(date: string | null, status: string, published: string): boolean {
  const r = rangeOf(date);
  if (!r || status === 'scheduled') return false;
  return r.hi < dayNumber(published) - STALE_DAYS;
}

/** The event's fields a report keeps, only those set (a false or absent field is not stored). */
function details(e: CaseEvent): ReportFields {
  const out: ReportFields = {};
  for (const k of REPORT_FIELDS) if (e[k]) Object.assign(out, { [k]: e[k] });
  return out;
}

function placed(place: DevelopmentReport['place']): Pick<DevelopmentReport, 'place'> {
  return place ? { place } : {};
}

/**
 * A dismissal event whose sentence only asks for one, or tells one refused, is that act instead
 * (dropped when the article already reports that act for the person).
 */
/**
 * A civil suit decided against its defendant (a default, a jury's award) is one act, however an
 * article also words it: the same article's verdict or ruling about the same person on the same
 * day is that decision again, not a second development (two alerts for one award).
 */
function civilActsOnce(events: CaseEvent[]): CaseEvent[] {
  const decided = events.filter((e) => e.type === 'lawsuit' && e.lawsuit === 'liable');
  return events.filter(
    (e) =>
      !(e.type === 'verdict' || e.type === 'ruling') ||
      !decided.some((d) => d.who === e.who && d.date === e.date && d.status === e.status),
  );
}

function statedActs(events: CaseEvent[]): CaseEvent[] {
  const out: CaseEvent[] = [];
  for (const event of events) {
    const type = (event.type === 'dismissal' && event.dismissalStated) || event.type;
    if (type === event.type) out.push(event);
    else if (!events.some((o) => o.type === type && o.who === event.who)) out.push({ ...event, type });
  }
  return out;
}
