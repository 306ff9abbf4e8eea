import { fileURLToPath } from 'node:url';
import { REST, Routes, ShardingManager } from 'discord.js';
import type { Config } from '../config.ts';
import type { Logger } from '../log.ts';
import { restOptions } from './client.ts';

const ENTRY = fileURLToPath(new URL('../bin/casewatch.mjs', import.meta.url));

/**
 * `npm run start:sharded`: discord.js's ShardingManager runs one `casewatch start` process per
 * shard (each client reads its shard ids from the environment the manager sets). Every process
 * serves the commands of its own servers; polls and alert deliveries are jobs any process runs
 * (src/queue: BullMQ with Redis; on one SQLite file, poll job ids are claimed in the store).
 */
export async function startSharded(config: Config, logger: Logger) {
  if (!config.DISCORD_TOKEN) throw new Error('DISCORD_TOKEN is not set');
  const totalShards = config.SHARD_COUNT === 'auto' ? await recommendedShards(config) : config.SHARD_COUNT;
  const manager = new ShardingManager(ENTRY, {
    token: config.DISCORD_TOKEN,
    totalShards,
    shardArgs: ['start'],
    respawn: true,
  });
  manager.on('shardCreate', (shard) => {
    logger.info({ shard: shard.id, of: totalShards }, 'shard starting');
    shard.on('death', () => logger.warn({ shard: shard.id }, 'shard process exited; respawning'));
  });
  await manager.spawn({ amount: totalShards, delay: 0, timeout: 60_000 });
  logger.info({ shards: totalShards }, 'all shards ready');
  return manager;
}

/** ShardingManager's own 'auto' asks discord.com directly; ask the configured API instead. */
async function recommendedShards(config: Config): Promise<number> {
  const rest = new REST(restOptions(config)).setToken(config.DISCORD_TOKEN ?? '');
  const gateway = (await rest.get(Routes.gatewayBot())) as { shards?: number };
  return Math.max(1, gateway.shards ?? 1);
}
