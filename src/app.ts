import { drainOutbox } from './alerts/deliver.ts';
import { createAlertSettingsStore } from './alerts/settings.ts';
import type { Config } from './config.ts';
import { createDiscordAlertSink } from './discord/alertSink.ts';
import { type Bot, startBot } from './discord/bot.ts';
import { type HealthServer, startHealthServer } from './health.ts';
import type { Logger } from './log.ts';
import { createMetrics, type Metrics } from './metrics.ts';
import { createArticleHandler } from './pipeline.ts';
import { createCaseStore } from './store/cases.ts';
import { openStore } from './store/index.ts';
import type { Store } from './store/types.ts';

export interface App {
  store: Store;
  bot: Bot;
  metrics: Metrics;
  health?: HealthServer;
  handleArticle: ReturnType<typeof createArticleHandler>;
  stop(): Promise<void>;
}

export interface AppOptions {
  store?: Store;
  now?: () => Date;
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
  const bot = await startBot({ config, store, logger, now: options.now, metrics });
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
          },
          metrics,
        );
  if (health) logger.info({ port: health.port }, 'health server listening');

  let stopping: Promise<void> | undefined;
  return {
    store,
    bot,
    metrics,
    health,
    handleArticle,
    stop() {
      stopping ??= (async () => {
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
