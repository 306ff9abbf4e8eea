// Discord snowflakes: (ms since 2015-01-01) << 22 | increment. @discordjs/rest groups rate-limit
// buckets by /\d{17,19}/, so ids must look real or route grouping goes wrong.
export const DISCORD_EPOCH = 1_420_070_400_000n;

let increment = 0n;

/** A fresh, unique snowflake for "now". */
export function newSnowflake(): string {
  increment = (increment + 1n) & 0xfffn;
  const ms = BigInt(Date.now()) - DISCORD_EPOCH;
  return ((ms << 22n) | (1n << 17n) | increment).toString();
}

/**
 * A deterministic snowflake: fixtures get stable ids, and consecutive indexes land on different
 * shards ((id >> 22) % count), which multi-shard tests rely on.
 */
export function fixedSnowflake(index: number, salt = 0): string {
  const ms = 300_000_000_000n + BigInt(index);
  return ((ms << 22n) | BigInt(salt & 0x3fffff)).toString();
}

export function shardOf(guildId: string, shardCount: number): number {
  return Number((BigInt(guildId) >> 22n) % BigInt(shardCount));
}

export function isSnowflake(value: string): boolean {
  return /^\d{17,19}$/.test(value);
}
