import { Client, type ClientOptions, GatewayIntentBits } from 'discord.js';
import type { Config } from '../config.ts';

/**
 * The bot's client: Guilds intent only (slash commands need nothing more), and mentions disabled
 * for every message it sends, so an article that says @everyone pings nobody. A message that must
 * ping the configured alert role opts in explicitly for that role alone.
 */
export function createDiscordClient(
  config: Pick<Config, 'DISCORD_API_URL'>,
  extra: Partial<ClientOptions> = {},
) {
  return withoutOwnShardCount(
    () =>
      new Client({
        intents: [GatewayIntentBits.Guilds],
        allowedMentions: { parse: [], repliedUser: false },
        rest: restOptions(config),
        ...extra,
      }),
  );
}

/**
 * discord.js's Client reads SHARD_COUNT from the environment, where the ShardingManager puts it
 * for each shard process. Outside a manager, SHARD_COUNT is casewatch's own setting ("auto" or a
 * number, for `start --sharded`), so the client is built without it: one process is one shard.
 */
function withoutOwnShardCount<T>(build: () => T): T {
  const own = process.env.SHARD_COUNT;
  if (process.env.SHARDING_MANAGER || own === undefined) return build();
  delete process.env.SHARD_COUNT;
  try {
    return build();
  } finally {
    process.env.SHARD_COUNT = own;
  }
}

/** DISCORD_API_URL points REST, and through GET /gateway/bot the gateway, at another host (tests, demo). */
export function restOptions(config: Pick<Config, 'DISCORD_API_URL'>) {
  return config.DISCORD_API_URL
    ? { api: config.DISCORD_API_URL.replace(/\/$/, ''), globalRequestsPerSecond: 10_000 }
    : {};
}
