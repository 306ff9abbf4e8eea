import { isAbsolute, join, resolve } from 'node:path';
import { z } from 'zod';
import { DEFAULT_DATA_DIR, PROJECT_DIR } from './paths.ts';

/**
 * The environment, validated once at boot. A bad value stops the process with one line naming the
 * variable (see `loadConfig`), never a stack trace.
 */
const flag = z
  .enum(['0', '1', 'true', 'false', ''])
  .default('0')
  .transform((v) => v === '1' || v === 'true');

const int = (def: number, min: number, max: number) => z.coerce.number().int().min(min).max(max).default(def);

const SHARDS = 'must be "auto" (ask Discord) or a whole number of shards from 1 to 1000';

export const configSchema = z.object({
  DISCORD_TOKEN: z
    .string()
    .trim()
    .min(20, 'looks too short to be a bot token')
    .regex(/^\S+$/, 'must not contain spaces')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  DISCORD_GUILD_ID: z
    .string()
    .regex(/^\d{17,20}$/, 'must be a server id (a 17-20 digit snowflake)')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  DISCORD_CLIENT_ID: z
    .string()
    .regex(/^\d{17,20}$/, 'must be an application id (a 17-20 digit snowflake)')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  DISCORD_API_URL: z
    .url({ protocol: /^https?$/ })
    .optional()
    .or(z.literal('').transform(() => undefined)),
  /** Empty: sqlite in the data folder (see resolveStoreUrl). */
  STORE_URL: z
    .string()
    .trim()
    .refine((v) => v === '' || /^(sqlite|redis|rediss|postgres|postgresql|memory):/.test(v), {
      message: 'must start with sqlite://, redis://, rediss://, postgres:// or memory://',
    })
    .refine((v) => !/^sqlite:\/*$/.test(v), {
      message: 'sqlite:// needs a file path (e.g. sqlite://data/casewatch.sqlite), or leave it empty',
    })
    .optional(),
  CASEWATCH_DATA_DIR: z.string().trim().optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  ALLOW_PRIVATE_URLS: flag,
  CONTACT: z.string().max(200).default('https://github.com/casewatch/casewatch'),
  FEED_MAX_BYTES: int(5 * 1024 * 1024, 1024, 100 * 1024 * 1024),
  FEED_TIMEOUT_MS: int(15_000, 500, 120_000),
  FEED_CONNECT_TIMEOUT_MS: int(5_000, 200, 60_000),
  FEED_MAX_ITEMS: int(200, 1, 10_000),
  POLL_INTERVAL_MINUTES: int(5, 1, 24 * 60),
  FEED_FAILURES_BEFORE_PAUSE: int(8, 1, 1000),
  FEED_HOST_CONCURRENCY: int(2, 1, 64),
  FULLTEXT_MIN_CHARS: int(1500, 0, 1_000_000),
  FEED_CLAIM_LEASE_SECONDS: int(600, 1, 24 * 3600),
  /**
   * Where the job queue lives (polls, deliveries): empty means Redis when STORE_URL is redis://,
   * else a queue inside the process. Set redis://… for several instances on PostgreSQL.
   */
  QUEUE_URL: z
    .string()
    .trim()
    .refine((v) => v === '' || /^rediss?:\/\//.test(v), {
      message: 'must be empty or start with redis:// or rediss://',
    })
    .optional(),
  /** Key prefix of the queue in Redis (two deployments on one Redis use two prefixes). */
  QUEUE_PREFIX: z
    .string()
    .trim()
    .regex(/^[\w.-]{1,64}$/, 'use 1-64 letters, digits, dot, - and _')
    .default('casewatch'),
  /** A job whose worker died is taken over after about this long (BullMQ lock duration). */
  QUEUE_LEASE_SECONDS: int(30, 1, 3600),
  /** Feed polls one instance runs at once (per host at most FEED_HOST_CONCURRENCY). */
  QUEUE_POLL_CONCURRENCY: int(16, 1, 1000),
  /** Alert deliveries one instance runs at once. */
  QUEUE_DELIVER_CONCURRENCY: int(4, 1, 100),
  /** How often the court docket feeds of linked dockets are read (src/courts). */
  COURT_POLL_SECONDS: int(300, 1, 24 * 3600),
  /** `court=url` pairs, comma-separated: a court's docket feed somewhere else than CM/ECF's default. */
  COURT_FEED_URLS: z.string().max(4000).default(''),
  /** CourtListener API token: a second source of docket entries (optional). */
  COURTLISTENER_TOKEN: z
    .string()
    .trim()
    .regex(/^\w{20,100}$/, 'must be a CourtListener API token (letters and digits)')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  COURTLISTENER_URL: z.url({ protocol: /^https?$/ }).default('https://www.courtlistener.com'),
  /** The secret path segment (or X-Webhook-Token) CourtListener's webhook must present. */
  COURTLISTENER_WEBHOOK_SECRET: z
    .string()
    .trim()
    .min(16, 'use at least 16 random characters')
    .regex(/^[\w-]+$/, 'use letters, digits, - and _ (it is part of a URL)')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  COURTLISTENER_REQUESTS_PER_HOUR: int(4500, 1, 5000),
  HEALTH_PORT: z.coerce.number().int().min(0).max(65535).optional(),
  SHARD_COUNT: z
    .union(
      [
        z.literal('auto'),
        z.literal('').transform(() => 'auto' as const),
        z.coerce.number().int(SHARDS).min(1, SHARDS).max(1000, SHARDS),
      ],
      { error: SHARDS },
    )
    .default('auto'),
});

export type Config = Omit<z.infer<typeof configSchema>, 'STORE_URL'> & {
  /** Always set: the default store, and relative SQLite paths, resolved by resolveStoreUrl. */
  STORE_URL: string;
};

/**
 * Where the store is, with one answer whatever the current directory: empty means
 * `<data dir>/casewatch.sqlite` (CASEWATCH_DATA_DIR, else data/ next to the project); a relative
 * SQLite path is relative to the project's folder, as .env.example shows it.
 */
export function resolveStoreUrl(url: string | undefined, dataDir: string | undefined): string {
  const dir = dataDir ? resolve(PROJECT_DIR, dataDir) : DEFAULT_DATA_DIR;
  if (!url) return `sqlite://${join(dir, 'casewatch.sqlite')}`;
  const file = /^sqlite:\/\/(.*)$/.exec(url)?.[1];
  if (file === undefined || file === ':memory:' || isAbsolute(file)) return url;
  return `sqlite://${resolve(PROJECT_DIR, file)}`;
}

export class ConfigError extends Error {}

/** Parses the environment; throws a ConfigError whose message is one line naming the variable. */
export function parseConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const result = configSchema.safeParse(env);
  if (result.success) {
    const { STORE_URL, CASEWATCH_DATA_DIR } = result.data;
    return { ...result.data, STORE_URL: resolveStoreUrl(STORE_URL, CASEWATCH_DATA_DIR || undefined) };
  }
  const issue = result.error.issues[0];
  const name = String(issue?.path[0] ?? 'environment');
  // Never echo the value itself: it may be the token.
  throw new ConfigError(`Invalid configuration: ${name} ${issue?.message ?? 'is invalid'}`);
}

/** For entry points: one clear line on stderr and exit code 2 instead of a stack trace. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  try {
    return parseConfig(env);
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`${err.message}\n`);
      process.exit(2);
    }
    throw err;
  }
}
