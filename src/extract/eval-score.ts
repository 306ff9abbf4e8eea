import type { CaseEvent, Charge, Facts, Penalty, Person, Quote } from '../facts.ts';
import {
  type Counts,
  greedyMatch,
  isBorderline,
  normName,
  quoteSimilarity,
  quoteTextMatches,
  wordCount,
} from './eval-match.ts';

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

interface KindRules<G, P> {
  matches: (g: G, p: P) => boolean;
  score?: (g: G, p: P) => number;
  /** Gold labels neither rewarded nor penalised. */
  ignored?: (g: G) => boolean;
  /** Predictions not scored at all. */
  skipPred?: (p: P) => boolean;
  /** Secondary attribute: undefined when not compared for this pair. */
  agrees?: (g: G, p: P) => boolean | undefined;
  show: (x: G | P) => string;
}

export function scoreKind<G extends { note?: string }, P>(
  gold: G[],
  pred: P[],
  rules: KindRules<G, P>,
): KindScore {
  const ignoredGold = gold.filter((g) => isBorderline(g) || rules.ignored?.(g));
  const scoredGold = gold.filter((g) => !ignoredGold.includes(g));
  const scoredPred = pred.filter((p) => !rules.skipPred?.(p));
  const pairs = greedyMatch(scoredGold, scoredPred, rules.matches, rules.score);
  const usedPred = new Set(pairs.map(([, pi]) => pi));
  const usedGold = new Set(pairs.map(([gi]) => gi));
  const out: KindScore = {
    tp: pairs.length,
    fp: 0,
    fn: 0,
    agree: 0,
    compared: 0,
    misses: [],
    falsePositives: [],
    wrong: [],
  };
  scoredPred.forEach((p, pi) => {
    if (usedPred.has(pi)) return;
    if (ignoredGold.some((g) => rules.matches(g, p))) return;
    out.fp++;
    out.falsePositives.push(rules.show(p));
  });
  scoredGold.forEach((g, gi) => {
    if (usedGold.has(gi)) return;
    out.fn++;
    out.misses.push(rules.show(g));
  });
  for (const [gi, pi] of pairs) {
    const ok = rules.agrees?.(scoredGold[gi]!, scoredPred[pi]!);
    if (ok === undefined) continue;
    out.compared++;
    if (ok) out.agree++;
    else out.wrong.push(`gold ${rules.show(scoredGold[gi]!)} | got ${rules.show(scoredPred[pi]!)}`);
  }
  return out;
}

const sameWho = (a: string | null | undefined, b: string | null | undefined) => normName(a) === normName(b);

function speakerAgrees(g: Quote, p: Quote): boolean {
  if (g.org) return p.org === true;
  return !p.org && p.speaker !== null && normName(g.speaker) === normName(p.speaker);
}

export interface ArticleScore {
  people: KindScore;
  quotes: KindScore;
  /** Attribution precision: matched predictions with a speaker. */
  attribution: KindScore;
  events: KindScore;
  charges: KindScore;
  penalties: KindScore;
  eventsByType: Map<string, KindScore>;
}

export function scoreArticle(gold: GoldFacts, pred: Facts): ArticleScore {
  const people = scoreKind(gold.people, pred.people, {
    matches: (g, p) => normName(g.name) === normName(p.name),
    agrees: (g, p) => g.role === p.role,
    show: (x) => `${x.name} (${x.role})`,
  });
  const shortQuote = (q: Quote) => wordCount(q.text) < 4;
  const showQuote = (q: Quote) => `${q.org ? '[org] ' : ''}${q.speaker ?? '—'}: “${q.text.slice(0, 70)}”`;
  const quoteRules = {
    matches: (g: Quote, p: Quote) => quoteTextMatches(g.text, p.text),
    score: (g: Quote, p: Quote) => quoteSimilarity(g.text, p.text),
    ignored: shortQuote,
    skipPred: shortQuote,
    show: showQuote,
  };
  const quotes = scoreKind(gold.quotes, pred.quotes, {
    ...quoteRules,
    // Attribution recall: every scored gold quote with a speaker.
    agrees: (g, p) => (g.speaker === null ? undefined : speakerAgrees(g, p)),
  });
  const attribution = scoreKind(gold.quotes, pred.quotes, {
    ...quoteRules,
    agrees: (g, p) => (p.speaker === null ? undefined : speakerAgrees(g, p)),
  });
  const eventRules = {
    matches: (g: CaseEvent, p: CaseEvent) => g.type === p.type && sameWho(g.who, p.who),
    score: (g: CaseEvent, p: CaseEvent) => (g.date === p.date ? 1 : 0),
    agrees: (g: CaseEvent, p: CaseEvent) => g.date === p.date,
    show: (e: CaseEvent) =>
      `${e.type} ${e.who ?? '—'} ${e.date ?? 'null'} ${e.status}: ${e.summary.slice(0, 60)}`,
  };
  const events = scoreKind(gold.events, pred.events, eventRules);
  const eventsByType = new Map<string, KindScore>();
  const types = new Set([...gold.events.map((e) => e.type), ...pred.events.map((e) => e.type)]);
  for (const t of types) {
    eventsByType.set(
      t,
      scoreKind(
        gold.events.filter((e) => e.type === t),
        pred.events.filter((e) => e.type === t),
        eventRules,
      ),
    );
  }
  const charges = scoreKind(gold.charges, pred.charges, {
    matches: (g, p) => sameWho(g.defendant, p.defendant) && normName(g.charge) === normName(p.charge),
    agrees: (g, p) => g.status === p.status,
    show: (c) => `${c.defendant}: ${c.charge} (${c.status})`,
  });
  const penalties = scoreKind(gold.penalties, pred.penalties, {
    matches: (g, p) =>
      sameWho(g.defendant, p.defendant) && g.max === p.max && g.unit === p.unit && g.current === p.current,
    show: (x) => `${x.defendant}: ${x.max ?? '-'} ${x.unit}${x.current ? '' : ' (not current)'}`,
  });
  return { people, quotes, attribution, events, charges, penalties, eventsByType };
}
