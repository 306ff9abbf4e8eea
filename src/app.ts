import { createDeliveryBlocks } from './alerts/blocked.ts';
import { createAlertSettingsStore } from './alerts/settings.ts';
import type { Config } from './config.ts';
import { startCourtListener } from './courts/courtlistener/index.ts';
import { type CourtPoller, createCourtPoller, docketHandOff } from './courts/index.ts';
import { createDiscordAlertSink, postNotice } from './discord/alertSink.ts';
import { type Bot, type BotOptions, startBot } from './discord/bot.ts';
import { passesFilters } from './feeds/filters.ts';
import { createFeedPoller, type FeedPoller } from './feeds/poller.ts';
import { createCaseTriage } from './feeds/triage.ts';
import { escapeMarkdown } from './format/payload.ts';
import { type HealthServer, startHealthServer } from './health.ts';
import type { Logger } from './log.ts';
import { createMetrics, type Metrics } from './metrics.ts';
import { createArticleHandler } from './pipeline.ts';
import { openQueue } from './queue/index.ts';
import type { JobQueue } from './queue/types.ts';
import { seedFromConfig } from './seed.ts';
import { openStore } from './store/index.ts';
import type { Store } from './store/types.ts';

export interface App {
  store: Store;
  bot: Bot;
  metrics: Metrics;
  /** Polls and deliveries (src/queue): BullMQ on Redis, else in-process. */
  queue: JobQueue;
  health?: HealthServer;
  handleArticle: ReturnType<typeof createArticleHandler>;
  poller: FeedPoller;
  /** Reads the court docket feeds of the dockets cases link (src/courts). */
  courts: CourtPoller;
  /** CourtListener (only with COURTLISTENER_TOKEN). */
  courtListener?: ReturnType<typeof startCourtListener>;
  stop(): Promise<void>;
}

export interface AppOptions {
  store?: Store;
  now?: () => Date;
  /** Start the poller's schedule (default true; tests and the demo drive polls themselves). */
  schedule?: boolean;
  clientOptions?: BotOptions['clientOptions'];
}

/**
 * The running bot: store, Discord client, the job queue, the article pipeline with alert delivery
 * (its `deliver` jobs), the feed poller (the clock and its `poll` jobs), and the optional health
 * server. `stop` is the graceful shutdown: stop scheduling, let in-flight work
 * finish, then close the gateway and the store.
 */
export async function startApp(config: Config, logger: Logger, options: AppOptions = {}): Promise<App> {
  const metrics = createMetrics();
  const store = options.store ?? (await openStore(config.STORE_URL, logger));
  logger.info({ store: store.description }, 'store open');
  await seedFromConfig(store, logger);
  const bot = await startBot({
    config,
    store,
    logger,
    now: options.now,
    metrics,
    clientOptions: options.clientOptions,
  });
  const sink = createDiscordAlertSink(bot.client.rest);
  const queue = await openQueue(config, store, logger, queueHooks(metrics, logger));
  metrics.watchQueue(queue);
  const handleArticle = createArticleHandler({
    store,
    logger,
    metrics,
    sink,
    queue,
    deliverConcurrency: config.QUEUE_DELIVER_CONCURRENCY,
  });
  const settings = createAlertSettingsStore(store);
  const blocks = createDeliveryBlocks(store);
  const poller = createFeedPoller({
    store,
    config,
    logger,
    triage: createCaseTriage(store),
    queue,
    onPolled(r) {
      metrics.polls.inc({ result: r.status });
      if (r.error) metrics.pollFailures.inc({ reason: r.error.reason });
    },
    async onArticle(article, meta) {
      // Keyword filters come first: an item no subscription wants is never extracted.
      const subscriptions = meta.subscriptions.filter((sub) => passesFilters(article, sub));
      if (subscriptions.length === 0) {
        logger.debug({ url: article.url, feed: meta.feedUrl }, 'item left out by the feed keyword filters');
        return;
      }
      const onlyCases = subscriptions.every((sub) => sub.caseSlug)
        ? subscriptions.map((sub) => sub.caseSlug as string)
        : undefined;
      // A feed is public when the operator subscribed it (no server): config/feeds.json, the CLI.
      const readers = subscriptions.some((sub) => !sub.guildId)
        ? undefined
        : subscriptions.map((sub) => sub.guildId as string);
      await handleArticle(article, { feedUrl: meta.feedUrl, history: meta.history, onlyCases, readers });
    },
    // A paused feed is news for the servers that added it: say so once, in their alert channel.
    async onPaused(feed, reason) {
      for (const sub of feed.subscriptions) {
        const target = sub.guildId ? await settings.get(sub.guildId) : undefined;
        if (!target || !sub.guildId) continue;
        // A channel that refuses posts is already reported in /alerts show and /feed list.
        if (await blocks.get(sub.guildId, target.channelId)) continue;
        await postNotice(
          bot.client.rest,
          target.channelId,
          `⚠️ Feed paused after repeated failures: <${feed.url}>\nReason: ${escapeMarkdown(reason)}\nAn admin can check it with \`/feed list\` and add it again once it works.`,
        );
      }
    },
  });
  const courts = createCourtPoller({ store, config, logger, queue, onEntry: docketHandOff(handleArticle) });
  const courtListener = startCourtListener(
    config,
    store,
    logger,
    docketHandOff(handleArticle),
    options.schedule ?? true,
  );
  if (options.schedule ?? true) {
    poller.start();
    courts.start();
  }

  const health =
    config.HEALTH_PORT === undefined
      ? undefined
      : await startHealthServer(
          config.HEALTH_PORT,
          {
            gateway: async () => ({
              ok: bot.client.ws.status === 0,
              detail: `status ${bot.client.ws.status}`,
            }),
            store: async () => {
              await store.ping();
              return { ok: true };
            },
            poller: async () => ({
              ok: true,
              detail: options.schedule === false ? 'not scheduled' : 'scheduled',
            }),
          },
          metrics,
          '127.0.0.1',
          courtListener?.routes,
        );
  if (health) logger.info({ port: health.port }, 'health server listening');

  let stopping: Promise<void> | undefined;
  return {
    store,
    bot,
    metrics,
    queue,
    health,
    handleArticle,
    poller,
    courts,
    courtListener,
    stop() {
      stopping ??= (async () => {
        // Stop scheduling first and let polls in flight finish their hand-offs.
        await poller.stop();
        await courts.stop();
        await courtListener?.stop();
        // Running jobs (polls, deliveries) finish; queued ones stay for the other instances.
        await queue.stopWorkers();
        await health?.close();
        await bot.stop();
        await queue.close();
        if (!options.store) await store.close();
        logger.info('stopped');
      })();
      return stopping;
    },
  };
}

/** Job results into /metrics; queue errors (Redis unreachable) logged at most every 10 s. */
function queueHooks(metrics: Metrics, logger: Logger) {
  let lastLogged = 0;
  return {
    onResult: (kind: string, result: string) => metrics.jobResults.inc({ queue: kind, result }),
    onError(kind: string, err: unknown, jobId?: string) {
      if (jobId) {
        logger.warn({ err, queue: kind, job: jobId }, 'job failed; the queue retries it');
        return;
      }
      if (Date.now() - lastLogged < 10_000) return;
      lastLogged = Date.now();
      logger.warn({ err, queue: kind }, 'job queue error (Redis unreachable?); work resumes when it is back');
    },
  };
}
