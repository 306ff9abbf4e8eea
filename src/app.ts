import { createDeliveryBlocks } from './alerts/blocked.ts';
import { drainOutbox } from './alerts/deliver.ts';
import { createAlertSettingsStore } from './alerts/settings.ts';
import type { Config } from './config.ts';
import { startCourtListener } from './courts/courtlistener/index.ts';
import { type CourtPoller, createCourtPoller, docketHandOff } from './courts/index.ts';
import { createDiscordAlertSink, postNotice } from './discord/alertSink.ts';
import { type Bot, type BotOptions, startBot } from './discord/bot.ts';
import { createStoreRunCoordinator } from './feeds/coordinator.ts';
import { passesFilters } from './feeds/filters.ts';
import { createFeedPoller, type FeedPoller } from './feeds/poller.ts';
import { createCaseTriage } from './feeds/triage.ts';
import { escapeMarkdown } from './format/payload.ts';
import { type HealthServer, startHealthServer } from './health.ts';
import type { Logger } from './log.ts';
import { createMetrics, type Metrics } from './metrics.ts';
import { createArticleHandler } from './pipeline.ts';
import { seedFromConfig } from './seed.ts';
import { createCaseStore } from './store/cases.ts';
import { openStore } from './store/index.ts';
import type { Store } from './store/types.ts';

export interface App {
  store: Store;
  bot: Bot;
  metrics: Metrics;
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

const OUTBOX_EVERY_MS = 5_000;

/**
 * The running bot: store, Discord client, the article pipeline with alert delivery, the feed
 * poller, the outbox drainer (alerts another shard ingested for this shard's servers), and the
 * optional health server. `stop` is the graceful shutdown: stop scheduling, let in-flight work
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
  const holds = (guildId: string) => bot.client.guilds.cache.has(guildId);
  const handleArticle = createArticleHandler({ store, logger, metrics, sink, holds });
  const deliveryDeps = {
    store,
    settings: createAlertSettingsStore(store),
    caseStore: createCaseStore(store),
    sink,
    logger,
    holds,
  };
  const settings = createAlertSettingsStore(store);
  const blocks = createDeliveryBlocks(store);
  const poller = createFeedPoller({
    store,
    config,
    logger,
    runCoordinator: createStoreRunCoordinator(store),
    triage: createCaseTriage(store),
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
        if (!target || !sub.guildId || !holds(sub.guildId)) continue;
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
  const courts = createCourtPoller({ store, config, logger, onEntry: docketHandOff(handleArticle) });
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
  let draining: Promise<unknown> = Promise.resolve();
  const outboxTimer = setInterval(() => {
    draining = drainOutbox(deliveryDeps).catch((err: unknown) => logger.warn({ err }, 'outbox drain failed'));
  }, OUTBOX_EVERY_MS);
  outboxTimer.unref();

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
        clearInterval(outboxTimer);
        await draining;
        await health?.close();
        await bot.stop();
        if (!options.store) await store.close();
        logger.info('stopped');
      })();
      return stopping;
    },
  };
}
