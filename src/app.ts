import type { Config } from './config.ts';
import { type Bot, startBot } from './discord/bot.ts';
import type { Logger } from './log.ts';
import { openStore } from './store/index.ts';
import type { Store } from './store/types.ts';

export interface App {
  store: Store;
  bot: Bot;
  stop(): Promise<void>;
}

/** The running bot: store, Discord client and (as they land) the poller and alert delivery. */
export async function startApp(config: Config, logger: Logger): Promise<App> {
  const store = await openStore(config.STORE_URL, logger);
  logger.info({ store: store.description }, 'store open');
  const bot = await startBot({ config, store, logger });
  let stopping: Promise<void> | undefined;
  return {
    store,
    bot,
    stop() {
      stopping ??= (async () => {
        await bot.stop();
        await store.close();
      })();
      return stopping;
    },
  };
}
