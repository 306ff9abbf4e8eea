import type { AlertDecision } from './alerts/types.ts';
import type { CaseDefinition } from './cases/definition.ts';
import { createKnowledgeStore } from './cases/knowledgeStore.ts';
import { matchCases } from './cases/match.ts';
import { canonicalUrl } from './cases/sources.ts';
import type { Article, Facts } from './facts.ts';
import type { Logger } from './log.ts';

const EMPTY_FACTS: Facts = { people: [], quotes: [], events: [], charges: [], penalties: [] };

import type { Store } from './store/types.ts';

/**
 * The one seam between the poller (and `casewatch ingest`) and the case knowledge: decide which
 * cases an article is about, extract its facts once, merge them into each case, store, and say
 * which alerts to post. Idempotent per case and URL: the same article again changes nothing and
 * alerts nothing. History (a feed's first poll) is merged but never alerts.
 */

export interface IngestDeps {
  store: Store;
  extract: (article: Article) => Facts | Promise<Facts>;
  /** The tracked cases to match against (or, with `matched`, the cases the article is about). */
  cases: CaseDefinition[];
  history: boolean;
  /** The caller already decided the article is about every case in `cases`. */
  matched?: boolean;
  now?: () => Date;
  /** Reports case log entries that cannot be replayed. */
  logger?: Logger;
}

export interface IngestResult {
  cases: string[];
  /** Alerts this ingestion decided (empty for an article seen before). */
  alerts: AlertDecision[];
  /**
   * For an article merged before: the alerts its merge decided, to be delivered again by a caller
   * that may have crashed before delivering them (delivery is idempotent per alert key).
   */
  replayed: AlertDecision[];
}

export async function ingestArticle(
  article: Article & { case?: string },
  deps: IngestDeps,
): Promise<IngestResult> {
  // A script or local URL (javascript:, data:, file:…) never reaches a case or an alert. Opaque
  // identifiers (seed:, urn:, tag:) are accepted as the article's identity: the labelled corpus and
  // the team's replay use them, and formatters only ever link http(s) URLs.
  if (!isAcceptableUrl(article.url))
    throw new Error(`the article URL must be http(s) or an opaque identifier: ${article.url.slice(0, 80)}`);
  const targets = chooseCases(article, deps);
  if (targets.length === 0) return { cases: [], alerts: [], replayed: [] };
  const knowledge = createKnowledgeStore(deps.store, deps.logger);
  const url = canonicalUrl(article.url);
  let pending = false;
  for (const def of targets) {
    // Fast path for re-fetches: no extraction when every case has the article already.
    if (!(await knowledge.knows(def.slug, url))) pending = true;
  }
  const facts = pending ? await deps.extract(article) : EMPTY_FACTS;
  const alerts: AlertDecision[] = [];
  const replayed: AlertDecision[] = [];
  for (const def of targets) {
    // One write per case: the log entry carries the facts and what the merge produced.
    const result = await knowledge.merge(def, article, facts, { history: deps.history });
    const decided = (list: typeof result.alerts, into: AlertDecision[]) => {
      for (const a of list)
        into.push({
          kind: a.kind,
          case: def.slug,
          caseName: def.name,
          development: a.development,
          ...(a.confidence ? { confidence: a.confidence } : {}),
        });
    };
    decided(result.alerts, alerts);
    decided(result.replay?.alerts ?? [], replayed);
  }
  return { cases: targets.map((c) => c.slug), alerts, replayed };
}

const REFUSED_SCHEMES = new Set([
  'javascript:',
  'data:',
  'vbscript:',
  'file:',
  'blob:',
  'about:',
  'filesystem:',
]);

function isAcceptableUrl(url: string): boolean {
  try {
    return !REFUSED_SCHEMES.has(new URL(url).protocol);
  } catch {
    return false;
  }
}

function chooseCases(article: Article & { case?: string }, deps: IngestDeps): CaseDefinition[] {
  if (deps.matched) return deps.cases;
  const named = article.case ? deps.cases.find((c) => c.slug === article.case) : undefined;
  if (named) return [named];
  const slugs = new Set(matchCases(article, deps.cases));
  return deps.cases.filter((c) => slugs.has(c.slug));
}
