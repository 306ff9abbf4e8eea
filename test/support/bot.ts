import { type Config, parseConfig } from '../../src/config.ts';
import { type Bot, startBot } from '../../src/discord/bot.ts';
import { createLogger, memoryDestination } from '../../src/log.ts';
import { openStore } from '../../src/store/index.ts';
import type { Store } from '../../src/store/types.ts';

/** A token-shaped secret: the emulator does not check it, the log scrubber must hide it. */
export const TEST_TOKEN = 'MTE0OTk5OTk5OTk5OTk5OTk5OQ.GxTest.e2e-secret-token-never-logged';

export interface TestBot {
  bot: Bot;
  store: Store;
  config: Config;
  log: ReturnType<typeof memoryDestination>;
  stop(): Promise<void>;
}

/** The real bot (real discord.js client) logged in to an emulator at `apiUrl`. */
export async function startTestBot(
  apiUrl: string,
  options: { store?: Store; env?: Record<string, string>; now?: () => Date } = {},
): Promise<TestBot> {
  const config = parseConfig({
    DISCORD_TOKEN: TEST_TOKEN,
    DISCORD_API_URL: apiUrl,
    LOG_LEVEL: 'debug',
    ...options.env,
  });
  const log = memoryDestination();
  const logger = createLogger({ level: 'debug', secrets: [config.DISCORD_TOKEN], destination: log });
  const store = options.store ?? (await openStore('memory://'));
  const bot = await startBot({ config, store, logger, now: options.now });
  return {
    bot,
    store,
    config,
    log,
    async stop() {
      await bot.stop();
      if (!options.store) await store.close();
    },
  };
}

export interface TestApp {
  app: import('../../src/app.ts').App;
  config: Config;
  log: ReturnType<typeof memoryDestination>;
  stop(): Promise<void>;
}

/** The whole app (bot, pipeline, alert delivery, poller) against an emulator, on `store`. */
export async function startTestApp(
  apiUrl: string,
  options: {
    store?: Store;
    env?: Record<string, string>;
    now?: () => Date;
    clientOptions?: import('../../src/discord/bot.ts').BotOptions['clientOptions'];
  } = {},
): Promise<TestApp> {
  const { startApp } = await import('../../src/app.ts');
  const config = parseConfig({
    DISCORD_TOKEN: TEST_TOKEN,
    DISCORD_API_URL: apiUrl,
    ALLOW_PRIVATE_URLS: '1',
    FULLTEXT_MIN_CHARS: '0',
    ...options.env,
  });
  const log = memoryDestination();
  const logger = createLogger({ level: 'debug', secrets: [config.DISCORD_TOKEN], destination: log });
  const app = await startApp(config, logger, {
    store: options.store,
    now: options.now,
    schedule: false,
    clientOptions: options.clientOptions,
  });
  return { app, config, log, stop: () => app.stop() };
}
