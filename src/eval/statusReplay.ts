import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { CaseDefinition } from '../cases/definition.ts';
import { createKnowledgeStore } from '../cases/knowledgeStore.ts';
import { caseStatus } from '../cases/status.ts';
import type { CaseStatus, DefendantStatus } from '../cases/types.ts';
import type { Article, Facts } from '../facts.ts';
import { ingestArticle } from '../ingest.ts';
import { openStore } from '../store/index.ts';
import {
  finishAlertScore,
  goldDevelopments,
  penaltyMonths,
  sameName,
  scoreAlertBatch,
} from './alertScore.ts';
import { sameCharge } from './match.ts';

/**
 * Scores case status and alerts on the labelled corpus (../shared/corpus) as the team's replay
 * (../shared/eval/replay.mjs) does, in process: each case's articles ingested in publication order
 * up to each checkpoint, then `caseStatus(asOf)` compared with the case file (stage, each labelled
 * charge's status, max penalty per defendant; the next date), and the 'new' alerts compared with
 * the gold developments (see alertScore.ts).
 */

export type FactSource = 'gold' | 'extractor';

interface CorpusArticle extends Article {
  case: string;
  gold: Facts;
}

interface Checkpoint {
  asOf: string;
  defendants: Record<string, DefendantStatus>;
  next: { date: string; what: string } | null;
  latest?: { type: string; date: string | null; sources: string[] };
}

interface CaseFile extends CaseDefinition {
  timeline: Checkpoint[];
}

export interface CaseScore {
  case: string;
  fields: number;
  agreed: number;
  misses: string[];
  alerts: number;
  goldNew: number;
  matched: number;
  matchedAnyDate: number;
  goldAlertedAnyDate: number;
  /** Informational (not in the field agreement): the latest development's type and sources. */
  latestChecked: number;
  latestAgreed: number;
}

export interface EvalReport {
  source: FactSource;
  cases: CaseScore[];
  fieldAgreement: number;
  precision: number;
  recall: number;
  /** Type and person right, date ignored: tells wrong acts from wrong dates. */
  precisionAnyDate: number;
  recallAnyDate: number;
}

export async function evalCorpus(
  corpusDir: string,
  source: FactSource,
  extract?: (a: Article) => Facts | Promise<Facts>,
): Promise<EvalReport> {
  const caseFiles = (await readdir(join(corpusDir, 'cases'))).filter((f) => f.endsWith('.json')).sort();
  const cases: CaseScore[] = [];
  for (const file of caseFiles) {
    const def = JSON.parse(await readFile(join(corpusDir, 'cases', file), 'utf8')) as CaseFile;
    cases.push(await evalCase(corpusDir, def, source, extract));
  }
  const sum = (f: (c: CaseScore) => number) => cases.reduce((n, c) => n + f(c), 0);
  return {
    source,
    cases,
    fieldAgreement: ratio(
      sum((c) => c.agreed),
      sum((c) => c.fields),
    ),
    precision: ratio(
      sum((c) => c.matched),
      sum((c) => c.alerts),
    ),
    recall: ratio(
      sum((c) => c.matched),
      sum((c) => c.goldNew),
    ),
    precisionAnyDate: ratio(
      sum((c) => c.matchedAnyDate),
      sum((c) => c.alerts),
    ),
    recallAnyDate: ratio(
      sum((c) => c.goldAlertedAnyDate),
      sum((c) => c.goldNew),
    ),
  };
}

function ratio(a: number, b: number): number {
  return b === 0 ? 1 : a / b;
}

async function evalCase(
  corpusDir: string,
  file: CaseFile,
  source: FactSource,
  extract?: (a: Article) => Facts | Promise<Facts>,
): Promise<CaseScore> {
  const def: CaseDefinition = {
    slug: file.slug,
    name: file.name,
    aliases: file.aliases,
    defendants: file.defendants,
  };
  const dir = join(corpusDir, 'articles', file.slug);
  const names = (await readdir(dir)).filter((f) => f.endsWith('.json')).sort();
  const articles: CorpusArticle[] = [];
  const urlOf = new Map<string, string>();
  for (const n of names) {
    const a = JSON.parse(await readFile(join(dir, n), 'utf8')) as CorpusArticle;
    articles.push(a);
    urlOf.set(`articles/${file.slug}/${n}`, a.url);
  }
  articles.sort((a, b) => a.published.localeCompare(b.published));
  const gold = goldDevelopments(articles);
  const store = await openStore('memory://');
  const facts = (x: Article) =>
    source === 'gold' ? (x as CorpusArticle).gold : (extract as NonNullable<typeof extract>)(x);
  const score: CaseScore = {
    case: def.slug,
    fields: 0,
    agreed: 0,
    misses: [],
    alerts: 0,
    goldNew: 0,
    matched: 0,
    matchedAnyDate: 0,
    goldAlertedAnyDate: 0,
    latestChecked: 0,
    latestAgreed: 0,
  };
  try {
    const knowledgeStore = createKnowledgeStore(store);
    let next = 0;
    // As the team's replay does: ingest what was published up to each checkpoint, then ask.
    for (const cp of file.timeline) {
      while (next < articles.length && (articles[next] as CorpusArticle).published <= cp.asOf) {
        const r = await ingestArticle(articles[next++] as CorpusArticle, {
          store,
          extract: facts,
          cases: [def],
          history: false,
        });
        scoreAlertBatch(gold, r.alerts, score);
      }
      const mine = caseStatus(await knowledgeStore.get(def.slug), cp.asOf, def.name);
      compareCheckpoint(cp, mine, score);
      if (cp.latest) {
        score.latestChecked++;
        const want = new Set(cp.latest.sources.map((s) => urlOf.get(s) ?? s));
        const got = mine.latest[0];
        // Seed documents (url "seed:") are design material the case files do not cite.
        const gotUrls = new Set(got?.sources.map((s) => s.url).filter((u) => !u.startsWith('seed:')));
        const same = gotUrls.size === want.size && [...want].every((u) => gotUrls.has(u));
        if (got?.type === cp.latest.type && same) score.latestAgreed++;
        else
          score.misses.push(
            `${cp.asOf} latest (informational): got ${got?.type} ${got?.date} [${[...gotUrls].length} sources], want ${cp.latest.type} ${cp.latest.date} [${want.size}]`,
          );
      }
    }
    finishAlertScore(gold, score);
    return score;
  } finally {
    await store.close();
  }
}

/** Stage, each gold charge's status and the maximum penalty per defendant, and the next date. */
function compareCheckpoint(cp: Checkpoint, mine: CaseStatus, score: CaseScore): void {
  const check = (ok: boolean, what: string, got: unknown, want: unknown) => {
    score.fields++;
    if (ok) score.agreed++;
    else score.misses.push(`${cp.asOf} ${what}: got ${JSON.stringify(got)}, want ${JSON.stringify(want)}`);
  };
  for (const [name, want] of Object.entries(cp.defendants)) {
    const key = Object.keys(mine.defendants).find((k) => sameName(k, name));
    const got = key === undefined ? undefined : mine.defendants[key];
    check(got?.stage === want.stage, `${name} stage`, got?.stage, want.stage);
    for (const wc of want.charges) {
      const gc = got?.charges.find((c) => sameCharge(c.charge, wc.charge));
      check(gc?.status === wc.status, `${name} charge ${wc.charge}`, gc?.status, wc.status);
    }
    const p = penaltyMonths(got?.maxPenalty);
    check(p === penaltyMonths(want.maxPenalty), `${name} maxPenalty`, got?.maxPenalty, want.maxPenalty);
  }
  const want = cp.next?.date ?? null;
  const got = mine.next?.date ?? null;
  check(want === got || (want !== null && got?.startsWith(want) === true), 'next', got, want);
}
