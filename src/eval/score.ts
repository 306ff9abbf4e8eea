import type { CaseEvent, Charge, Facts, Penalty, Person, Quote } from '../facts.ts';
import {
  type Counts,
  dateOk,
  matchedPairs,
  matchNeutral,
  penaltyLength,
  quoteTextMatches,
  sameCharge,
  sameName,
  words,
} from './match.ts';

/**
 * One article scored as the team's scorer does (../shared/eval/score.mjs): which labels count,
 * how predictions and labels are paired, and which attribute is then compared.
 */

/** Gold labels as stored in the corpus: the facts plus an optional note. */
type Noted<T> = T & { note?: string };
export interface GoldFacts {
  people: Noted<Person>[];
  quotes: Noted<Quote>[];
  events: Noted<CaseEvent>[];
  charges: Noted<Charge>[];
  penalties: Noted<Penalty>[];
}

/** The score of one kind in one article: counts, attribute agreement and readable misses. */
export interface KindScore extends Counts {
  /** Matched pairs whose secondary attribute agrees (role, speaker, date, status). */
  agree: number;
  /** Pairs on which the secondary attribute is scored. */
  compared: number;
  misses: string[];
  falsePositives: string[];
  wrong: string[];
}

interface KindRules<P, G> {
  ok: (p: P, g: G) => boolean;
  /** Pairs for which this also holds are made first. */
  better?: (p: P, g: G) => boolean;
  /** Secondary attribute: undefined when not compared for this pair. */
  agrees?: (p: P, g: G) => boolean | undefined;
  show: (x: P | G) => string;
}

function scoreKind<P, G extends { note?: string }>(pred: P[], gold: G[], rules: KindRules<P, G>): KindScore {
  const m = matchNeutral(pred, gold, rules.ok, rules.better);
  const usedPred = new Set(m.pairs.map(([pi]) => pi));
  const usedGold = new Set(m.pairs.map(([, gi]) => gi));
  const out: KindScore = {
    tp: m.pairs.length,
    fp: m.pred.length - m.pairs.length,
    fn: m.gold.length - m.pairs.length,
    agree: 0,
    compared: 0,
    misses: m.gold.filter((_, gi) => !usedGold.has(gi)).map(rules.show),
    falsePositives: m.pred.filter((_, pi) => !usedPred.has(pi)).map(rules.show),
    wrong: [],
  };
  for (const [p, g] of matchedPairs(m)) {
    const ok = rules.agrees?.(p, g);
    if (ok === undefined) continue;
    out.compared++;
    if (ok) out.agree++;
    else out.wrong.push(`gold ${rules.show(g)} | got ${rules.show(p)}`);
  }
  return out;
}

export interface ArticleScore {
  people: KindScore;
  /** Quote detection (quotations of four words or more). */
  quotes: KindScore;
  /**
   * Attribution: tp = matched quotes given the right person; fp and fn count against the quotes
   * predicted with a person speaker and the gold quotes with one.
   */
  attribution: KindScore;
  /** Events by type, person and a compatible date. */
  events: KindScore;
  /** Events by type and person only; agree/compared = right dates among gold events with a date. */
  eventsAnyDate: KindScore;
  charges: KindScore;
  penalties: KindScore;
  eventsByType: Map<string, Counts>;
}

const personSpeaker = (q: Quote) => Boolean(q.speaker) && !q.org;

function scoreAttribution(pred: Quote[], gold: Noted<Quote>[], show: (q: Quote) => string): KindScore {
  const m = matchNeutral(pred, gold, (p, g) => quoteTextMatches(p.text, g.text));
  let right = 0;
  const wrong: string[] = [];
  for (const [p, g] of matchedPairs(m)) {
    if (!personSpeaker(g)) continue;
    if (personSpeaker(p) && sameName(p.speaker, g.speaker)) right++;
    else wrong.push(`gold ${show(g)} | got ${show(p)}`);
  }
  const predicted = m.pred.filter(personSpeaker).length;
  const expected = m.gold.filter(personSpeaker).length;
  return {
    tp: right,
    fp: predicted - right,
    fn: expected - right,
    agree: right,
    compared: m.pairs.length,
    misses: [],
    falsePositives: [],
    wrong,
  };
}

function eventsByType(
  pred: CaseEvent[],
  gold: Noted<CaseEvent>[],
  ok: KindRules<CaseEvent, CaseEvent>['ok'],
) {
  const m = matchNeutral(pred, gold, ok);
  const byType = new Map<string, Counts>();
  const at = (t: string) => {
    const counts = byType.get(t) ?? { tp: 0, fp: 0, fn: 0 };
    byType.set(t, counts);
    return counts;
  };
  for (const g of m.gold) at(g.type).fn++;
  for (const p of m.pred) at(p.type).fp++;
  for (const [p, g] of matchedPairs(m)) {
    const t = at(g.type);
    t.tp++;
    t.fn--;
    at(p.type).fp--;
  }
  return byType;
}

export function scoreArticle(gold: GoldFacts, pred: Facts): ArticleScore {
  const scoredQuote = (q: Quote) => words(q.text).length >= 4;
  const showQuote = (q: Quote) => `${q.org ? '[org] ' : ''}${q.speaker ?? '—'}: “${q.text.slice(0, 70)}”`;
  const predQuotes = pred.quotes.filter(scoredQuote);
  const goldQuotes = gold.quotes.filter(scoredQuote);
  const sameWho = (p: CaseEvent, g: CaseEvent) =>
    p.type === g.type && (g.who == null || sameName(p.who, g.who));
  const eventOk = (p: CaseEvent, g: CaseEvent) => sameWho(p, g) && dateOk(p.date, g.date);
  const showEvent = (e: CaseEvent) =>
    `${e.type} ${e.who ?? '—'} ${e.date ?? 'null'} ${e.status}: ${e.summary.slice(0, 60)}`;
  return {
    people: scoreKind(pred.people, gold.people, {
      ok: (p, g) => sameName(p.name, g.name),
      agrees: (p, g) => p.role === g.role,
      show: (x) => `${x.name} (${x.role})`,
    }),
    quotes: scoreKind(predQuotes, goldQuotes, {
      ok: (p, g) => quoteTextMatches(p.text, g.text),
      show: showQuote,
    }),
    attribution: scoreAttribution(predQuotes, goldQuotes, showQuote),
    events: scoreKind(pred.events, gold.events, { ok: eventOk, show: showEvent }),
    eventsAnyDate: scoreKind(pred.events, gold.events, {
      ok: sameWho,
      better: (p, g) => dateOk(p.date, g.date),
      agrees: (p, g) => (g.date ? dateOk(p.date, g.date) : undefined),
      show: showEvent,
    }),
    eventsByType: eventsByType(pred.events, gold.events, eventOk),
    charges: scoreKind(pred.charges, gold.charges, {
      ok: (p, g) => sameName(p.defendant, g.defendant) && sameCharge(p.charge, g.charge),
      agrees: (p, g) => p.status === g.status,
      show: (c) => `${c.defendant}: ${c.charge} (${c.status})`,
    }),
    penalties: scoreKind(pred.penalties, gold.penalties, {
      ok: (p, g) => sameName(p.defendant, g.defendant) && penaltyLength(p) === penaltyLength(g),
      show: (x) => `${x.defendant}: ${x.max ?? '-'} ${x.unit}${x.current ? '' : ' (not current)'}`,
    }),
  };
}
