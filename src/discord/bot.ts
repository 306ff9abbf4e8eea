import { type Client, type ClientOptions, Events } from 'discord.js';
import { createKnowledgeStore } from '../cases/knowledgeStore.ts';
import type { Config } from '../config.ts';
import type { Logger } from '../log.ts';
import { createCaseStore } from '../store/cases.ts';
import type { Store } from '../store/types.ts';
import { createDiscordClient } from './client.ts';
import type { Command, CommandContext } from './command.ts';
import { attachDispatcher } from './dispatcher.ts';
import { loadCommands } from './loader.ts';
import { type Prerenderer, startPrerenderer } from './prerender.ts';

export interface BotOptions {
  config: Config;
  store: Store;
  logger: Logger;
  now?: () => Date;
  commandsDir?: string;
  /** Register the commands with Discord once ready (guild-scoped with DISCORD_GUILD_ID). */
  registerCommands?: boolean;
  metrics?: CommandContext['metrics'];
  /** Extra client options (tests run two shards in one process: `shards`, `shardCount`). */
  clientOptions?: Partial<ClientOptions>;
}

export interface Bot {
  client: Client<true>;
  commands: Map<string, Command>;
  stop(): Promise<void>;
}

/** Logs the real discord.js client in, wires the dispatcher, and resolves once the bot is ready. */
export async function startBot(options: BotOptions): Promise<Bot> {
  const { config, store, logger } = options;
  if (!config.DISCORD_TOKEN) throw new Error('DISCORD_TOKEN is not set');
  const commands = await loadCommands(options.commandsDir);
  const client = createDiscordClient(config, options.clientOptions);
  const ctx: CommandContext = {
    store,
    config,
    logger,
    now: options.now ?? (() => new Date()),
    metrics: options.metrics,
  };
  attachDispatcher(client, commands, ctx);
  client.on(Events.Error, (err) => logger.error({ err }, 'discord client error'));
  client.on(Events.Warn, (message) => logger.warn({ message }, 'discord client warning'));
  client.on(Events.ShardDisconnect, (event, shard) =>
    logger.warn({ code: event.code, shard }, 'gateway disconnected'),
  );
  client.on(Events.ShardResume, (shard, replayed) => logger.info({ shard, replayed }, 'gateway resumed'));

  const prerenderer = startPrerenderer(commands, ctx, createKnowledgeStore(store, logger), logger, [
    'status',
  ]);
  await loadCases(store, logger, prerenderer);
  const ready = new Promise<Client<true>>((resolve) => client.once(Events.ClientReady, resolve));
  await client.login(config.DISCORD_TOKEN);
  const readyClient = await ready;
  logger.info({ user: readyClient.user.tag, guilds: readyClient.guilds.cache.size }, 'bot ready');

  if (options.registerCommands ?? true) {
    const body = [...commands.values()].map((c) => c.data.toJSON());
    if (config.DISCORD_GUILD_ID) await readyClient.application.commands.set(body, config.DISCORD_GUILD_ID);
    else await readyClient.application.commands.set(body);
    logger.info(
      { count: body.length, guild: config.DISCORD_GUILD_ID ?? 'global' },
      'slash commands registered',
    );
  }
  return {
    client: readyClient,
    commands,
    async stop() {
      await prerenderer.stop();
      await client.destroy();
    },
  };
}

/** How long start-up waits for the cases to load before it logs in anyway (the rest load after). */
const LOAD_BUDGET_MS = 10_000;

/**
 * Every case loads (its snapshot and log tail), and commands render what they answer most, before
 * the first interaction can arrive: no interaction after a restart waits for a case to load or
 * render, nor queues behind another's. A store with more than the budget allows goes on loading
 * in the background.
 */
async function loadCases(store: Store, logger: Logger, prerenderer: Prerenderer): Promise<void> {
  const started = Date.now();
  const loading = createCaseStore(store)
    .list()
    .then(async (defs) => {
      const slugs = defs.map((d) => d.slug);
      await createKnowledgeStore(store, logger).warm(slugs);
      await prerenderer.all(slugs);
    })
    .then(() => logger.info({ ms: Date.now() - started }, 'cases loaded'))
    .catch((err: unknown) => logger.warn({ err }, 'could not load the cases ahead of interactions'));
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([loading, new Promise((resolve) => (timer = setTimeout(resolve, LOAD_BUDGET_MS)))]);
  clearTimeout(timer);
}
