import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { AlertDecision } from '../alerts/types.ts';
import type { Article, Facts } from '../facts.ts';
import { ingestArticle } from '../ingest.ts';
import { openStore } from '../store/index.ts';
import { sameOffence } from './charges.ts';
import { scoreAlerts } from './corpusAlerts.ts';
import type { CaseDefinition } from './definition.ts';
import { createKnowledgeStore } from './knowledgeStore.ts';
import { caseStatus } from './status.ts';
import type { CaseStatus, DefendantStatus } from './types.ts';

/**
 * Scores case status and alerts on the labelled corpus (../shared/corpus): every case's articles
 * replayed in published order through ingestArticle, `caseStatus(asOf)` compared field by field
 * with the case file's checkpoints (stage, charges, max penalty per defendant; next date), and the
 * 'new' alerts compared with the gold events marked new, de-duplicated across outlets by a simple
 * rule of its own (same type, status and person; dates within 3 days or a month containing the
 * day; an undated event at its article's date) so the score does not grade the merge by itself.
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
  const store = await openStore('memory://');
  const alerts: AlertDecision[] = [];
  try {
    for (const a of articles) {
      const facts = (x: Article) =>
        source === 'gold' ? (x as CorpusArticle).gold : (extract as NonNullable<typeof extract>)(x);
      const r = await ingestArticle(a, { store, extract: facts, cases: [def], history: false });
      alerts.push(...r.alerts);
    }
    const knowledge = await createKnowledgeStore(store).get(def.slug);
    const score: CaseScore = {
      case: def.slug,
      fields: 0,
      agreed: 0,
      misses: [],
      alerts: 0,
      goldNew: 0,
      matched: 0,
      latestChecked: 0,
      latestAgreed: 0,
    };
    for (const cp of file.timeline) {
      const mine = caseStatus(knowledge, cp.asOf, def.name);
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
    scoreAlerts(def, articles, alerts, score);
    return score;
  } finally {
    await store.close();
  }
}

function compareCheckpoint(cp: Checkpoint, mine: CaseStatus, score: CaseScore): void {
  const check = (ok: boolean, what: string, got: unknown, want: unknown) => {
    score.fields++;
    if (ok) score.agreed++;
    else score.misses.push(`${cp.asOf} ${what}: got ${JSON.stringify(got)}, want ${JSON.stringify(want)}`);
  };
  for (const [name, want] of Object.entries(cp.defendants)) {
    const got = mine.defendants[name];
    check(got?.stage === want.stage, `${name} stage`, got?.stage, want.stage);
    check(
      got !== undefined && sameCharges(got.charges, want.charges),
      `${name} charges`,
      got?.charges,
      want.charges,
    );
    const penaltyOk =
      (got?.maxPenalty ?? null) === null
        ? want.maxPenalty === null
        : want.maxPenalty !== null &&
          got?.maxPenalty?.max === want.maxPenalty.max &&
          got?.maxPenalty?.unit === want.maxPenalty.unit;
    check(got !== undefined && penaltyOk, `${name} maxPenalty`, got?.maxPenalty, want.maxPenalty);
  }
  for (const name of Object.keys(mine.defendants)) {
    if (!(name in cp.defendants))
      check(false, `${name} (not a defendant yet)`, mine.defendants[name]?.stage, null);
  }
  check(
    (mine.next?.date ?? null) === (cp.next?.date ?? null),
    'next',
    mine.next?.date ?? null,
    cp.next?.date ?? null,
  );
}

function sameCharges(got: DefendantStatus['charges'], want: DefendantStatus['charges']): boolean {
  if (got.length !== want.length) return false;
  const left = [...got];
  for (const w of want) {
    const exact = left.findIndex((g) => g.charge === w.charge && g.status === w.status);
    const i =
      exact >= 0 ? exact : left.findIndex((g) => sameOffence(g.charge, w.charge) && g.status === w.status);
    if (i < 0) return false;
    left.splice(i, 1);
  }
  return true;
}
