import type { AlertSink, DeliveryReport } from './alerts/deliver.ts';
import { createDelivery, type DeliveryJob, sumReports } from './alerts/jobs.ts';
import { createAlertSettingsStore } from './alerts/settings.ts';
import type { AlertDecision } from './alerts/types.ts';
import type { CaseDefinition } from './cases/definition.ts';
import type { Article, Facts } from './facts.ts';
import { ingestArticle } from './ingest.ts';
import type { Logger } from './log.ts';
import type { Metrics } from './metrics.ts';
import { createInProcessQueue } from './queue/inProcess.ts';
import type { JobQueue } from './queue/types.ts';
import { createCaseStore } from './store/cases.ts';
import type { Store } from './store/types.ts';

export interface ArticleMeta {
  feedUrl?: string;
  /** From a feed's first poll: stored, counted, never alerted. */
  history: boolean;
  /** The feed was added for these cases only (`/feed add case:`): match against them alone. */
  onlyCases?: string[];
  /**
   * The facts are known already (a docket entry of a linked docket, src/courts): nothing is
   * extracted, and the article is about every case of `onlyCases` without matching.
   */
  facts?: Facts;
  /**
   * A private feed's servers (every subscriber is a server): its articles reach only cases those
   * servers own, never the operator's shared cases nor another server's. Undefined: a public feed
   * (one the operator added, e.g. config/feeds.json), a docket, or the CLI: every case.
   */
  readers?: string[];
}

/** Whether an article from a feed with these readers may become part of a case's knowledge. */
export function mayReach(def: CaseDefinition, readers: string[] | undefined): boolean {
  return readers === undefined || (def.owner !== undefined && readers.includes(def.owner));
}

export interface PipelineDeps {
  store: Store;
  logger: Logger;
  metrics?: Metrics;
  /** Where alerts go; without one (the CLI), decisions are only returned. */
  sink?: AlertSink;
  extract?: (article: Article) => Facts;
  /**
   * The job queue alerts are delivered on (src/queue), shared with polling; this handler works
   * its `deliver` jobs. Default: a queue inside the handler (delivery runs before it returns).
   */
  queue?: JobQueue;
  /** Deliveries this process runs at once (QUEUE_DELIVER_CONCURRENCY). */
  deliverConcurrency?: number;
}

export interface HandledArticle {
  cases: string[];
  alerts: AlertDecision[];
  replayed: AlertDecision[];
  delivery?: DeliveryReport;
}

/**
 * What happens to every new article, whoever found it (poller, CLI, demo): match it to the tracked
 * cases, extract and merge its facts, then deliver the alerts it produced. Discord-free: the sink
 * is passed in.
 */
export function createArticleHandler(deps: PipelineDeps) {
  const cases = createCaseStore(deps.store);
  const settings = createAlertSettingsStore(deps.store);
  const queue = deps.queue ?? createInProcessQueue();
  const delivery = deps.sink
    ? createDelivery({
        store: deps.store,
        settings,
        caseStore: cases,
        sink: deps.sink,
        logger: deps.logger,
        metrics: deps.metrics,
      })
    : undefined;
  if (delivery)
    queue.work<DeliveryJob, DeliveryReport>(
      'deliver',
      (job) => delivery.run(job),
      deps.deliverConcurrency ?? 4,
    );
  // The extractor (and its NLP word lists) loads on the first article, not when the bot starts:
  // an idle bot stays small.
  let extract = deps.extract;
  const loadExtract = async () => {
    extract ??= (await import('./extract/index.ts')).extractFacts;
    return extract;
  };
  return async function handleArticle(article: Article, meta: ArticleMeta): Promise<HandledArticle> {
    const result = await ingestArticle(article, {
      store: deps.store,
      logger: deps.logger,
      extract: async (a) => {
        if (meta.facts) return meta.facts;
        const facts = (await loadExtract())(a);
        for (const kind of ['people', 'quotes', 'events', 'charges', 'penalties'] as const) {
          deps.metrics?.facts.inc({ kind }, facts[kind].length);
        }
        return facts;
      },
      cases: (await cases.list()).filter(
        (c) => (!meta.onlyCases || meta.onlyCases.includes(c.slug)) && mayReach(c, meta.readers),
      ),
      history: meta.history,
      matched: meta.facts !== undefined && meta.onlyCases !== undefined,
    });
    if (result.cases.length === 0) return { ...result };
    deps.metrics?.articles.inc({ history: String(meta.history) });
    deps.logger.info(
      { url: article.url, cases: result.cases, alerts: result.alerts.length, history: meta.history },
      'article ingested',
    );
    // Replayed decisions (an article seen before) are delivered again: a crash may have come
    // between the merge and the post, and delivery is idempotent per alert key.
    // Each carries the feed it came from: a server may route that feed's alerts to their own channel.
    const decisions = [...result.alerts, ...result.replayed].map((d) =>
      meta.feedUrl ? { ...d, feedUrl: meta.feedUrl } : d,
    );
    if (!delivery || decisions.length === 0) return { ...result };
    // Once the jobs are queued (Redis) or done (in-process), the caller may confirm the item: a
    // failure throws, so the poller keeps it unseen and the replay adds the jobs again later;
    // what was delivered is not posted twice.
    const reports = await queue.addMany<DeliveryJob, DeliveryReport>(
      'deliver',
      await delivery.jobs(decisions),
    );
    return { ...result, delivery: sumReports(reports) };
  };
}
