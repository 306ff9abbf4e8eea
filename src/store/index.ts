import { existsSync, mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import Keyv from 'keyv';
import { type Logger, silentLogger } from '../log.ts';
import { DEFAULT_DATA_DIR } from '../paths.ts';
import {
  type InsertIfAbsent,
  postgresInsertIfAbsent,
  postgresRowSwap,
  type RowSwap,
  redisInsertIfAbsent,
  sqliteInsertIfAbsent,
  sqliteRowSwap,
  sqliteWriteMany,
  type WriteMany,
} from './atomic.ts';
import { type ChangeFeed, localChanges, redisChanges, sqliteChanges } from './changes.ts';
import { deserialize, serialize } from './codec.ts';
import { createKeyvKV } from './keyvKV.ts';
import type { KV, Store } from './types.ts';

export type { KV, Store } from './types.ts';

/**
 * Keys are prefixed by createKeyvKV, not by keyv (whose default namespace is "keyv"); values are
 * encoded in keyv's own format, faster (codec.ts).
 */
const RAW_KEYS = { namespace: '', useKeyPrefix: false, serialize, deserialize } as const;

interface Backend {
  keyv: Keyv;
  insertIfAbsent: InsertIfAbsent;
  iterate: (prefix: string) => AsyncIterable<string>;
  /** When keyv's adapter has no setMany of its own (it would issue one write per key). */
  writeMany?: WriteMany;
  /** A row compare-and-set, for updates without a lock row (else update takes the store lock). */
  rowSwap?: RowSwap;
  /** Change notices between the processes sharing the backend, where it has them. */
  changes?: (logger: Logger) => ChangeFeed;
  ping(): Promise<void>;
  description: string;
}

/**
 * Opens the store named by STORE_URL: `sqlite://path` (its folder must exist, but for the project's
 * own data/ folder, created on first use), `redis://…`,
 * `postgres://…`, or `memory://` (tests). keyv swallows backend errors by default; here every error
 * is both logged and thrown (`throwOnErrors`), so a store that is down is an error the caller sees.
 */
export async function openStore(url: string, logger: Logger = silentLogger): Promise<Store> {
  const backend = await openBackend(url);
  backend.keyv.on('error', (err: unknown) =>
    logger.error({ err, store: backend.description }, 'store error'),
  );
  const namespaces = new Map<string, KV>();
  const changes = backend.changes?.(logger);
  return {
    description: backend.description,
    ...(changes ? { changes } : {}),
    kv(namespace: string) {
      if (!/^[a-z][a-z0-9_-]*$/i.test(namespace)) throw new Error(`store: bad namespace "${namespace}"`);
      let kv = namespaces.get(namespace);
      if (!kv) {
        kv = createKeyvKV(
          backend.keyv,
          namespace,
          backend.insertIfAbsent,
          backend.iterate,
          backend.writeMany,
          backend.rowSwap,
        );
        namespaces.set(namespace, kv);
      }
      return kv;
    },
    ping: () => backend.ping(),
    async close() {
      await changes?.close();
      await backend.keyv.disconnect();
    },
  };
}

async function openBackend(url: string): Promise<Backend> {
  const scheme = url.slice(0, url.indexOf(':'));
  switch (scheme) {
    case 'memory':
      return memoryBackend();
    case 'sqlite':
      return sqliteBackend(url);
    case 'redis':
    case 'rediss':
      return redisBackend(url);
    case 'postgres':
    case 'postgresql':
      return postgresBackend(url);
    default:
      throw new Error(`store: unsupported STORE_URL scheme "${scheme}"`);
  }
}

function memoryBackend(): Backend {
  const map = new Map<string, unknown>();
  const keyv = new Keyv({ store: map, throwOnErrors: true, ...RAW_KEYS });
  return {
    keyv,
    description: 'memory',
    // One process, and Map operations are synchronous: check-and-set cannot interleave.
    insertIfAbsent: async (rawKey, serialized) => {
      const existing = map.get(rawKey);
      if (existing !== undefined && !isExpired(existing)) return false;
      map.set(rawKey, serialized);
      return true;
    },
    rowSwap: {
      read: async (rawKey) => map.get(rawKey) as string | undefined,
      // Synchronous between the check and the write, like insertIfAbsent.
      swap: async (rawKey, expected, next) => {
        if (map.get(rawKey) !== expected) return false;
        if (next === undefined) map.delete(rawKey);
        else map.set(rawKey, next);
        return true;
      },
    },
    changes: () => localChanges(),
    iterate: async function* (prefix) {
      for (const k of [...map.keys()]) if (k.startsWith(prefix) && !isExpired(map.get(k))) yield k;
    },
    ping: async () => undefined,
  };
}

function isExpired(serialized: unknown): boolean {
  try {
    const env = typeof serialized === 'string' ? JSON.parse(serialized) : serialized;
    return typeof env?.expires === 'number' && env.expires < Date.now();
  } catch {
    return false;
  }
}

async function sqliteBackend(url: string): Promise<Backend> {
  const file = url.replace(/^sqlite:\/\//, '');
  if (!file) throw new Error('STORE_URL: sqlite:// needs a file path');
  if (file !== ':memory:') {
    const folder = dirname(resolve(file));
    // Creating a mistyped path's folders would silently start an empty store somewhere else.
    if (folder === DEFAULT_DATA_DIR) mkdirSync(folder, { recursive: true });
    else if (!existsSync(folder))
      throw new Error(`STORE_URL: the folder ${folder} does not exist (create it, or fix the path)`);
  }
  // Backends load on demand: a bot on SQLite never loads the Redis and PostgreSQL clients.
  const { SqliteStore } = await import('./sqliteStore.ts');
  const adapter = await SqliteStore.open(file, 10_000);
  const keyv = new Keyv({ store: adapter, throwOnErrors: true, ...RAW_KEYS });
  const query = (sql: string, ...p: unknown[]) => adapter.query(sql, ...p);
  const table = adapter.opts.table;
  // WAL lets a second process (the CLI beside the bot) read while the bot writes.
  await query('PRAGMA journal_mode=WAL');
  // With WAL, NORMAL syncs at checkpoints: a crashed process loses nothing (a power cut may lose
  // the last commits), and every small write stops paying for an fsync.
  await query('PRAGMA synchronous=NORMAL');
  return {
    keyv,
    description: `sqlite:${file}`,
    insertIfAbsent: sqliteInsertIfAbsent(query, table),
    writeMany: sqliteWriteMany(query, table),
    rowSwap: sqliteRowSwap(query, table),
    changes: () => sqliteChanges((sql) => query(sql), file),
    iterate: async function* (prefix) {
      const rows = await query(
        `SELECT key, value FROM ${table} WHERE key LIKE ? ESCAPE '\\'`,
        `${escapeLike(prefix)}%`,
      );
      for (const r of rows) if (!isExpired(r.value)) yield String(r.key);
    },
    ping: async () => {
      await query('SELECT 1');
    },
  };
}

function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}

async function redisBackend(url: string): Promise<Backend> {
  const { default: KeyvRedis } = await import('@keyv/redis');
  const { createClient, ErrorReply, SimpleError } = await import('@redis/client');
  // Our own client, handed to the adapter: node-redis reconnects by itself, and with the offline
  // queue disabled a command issued while Redis is down fails at once (the caller logs, backs
  // off and retries) instead of waiting forever. The adapter's reconnect-on-demand hangs instead.
  const redis = createClient({
    url,
    disableOfflineQueue: true,
    socket: {
      connectTimeout: 5_000,
      reconnectStrategy: (retries: number) => Math.min(50 * 2 ** retries, 2_000),
    },
  });
  const host = new URL(url).host;
  // An answer from Redis while connecting (a database number it does not have, a wrong password)
  // is reported at once as Redis said it; retrying would only end in "cannot reach Redis".
  let refused: (err: Error) => void = () => undefined;
  const answered = new Promise<never>((_, reject) => {
    refused = reject;
  });
  answered.catch(() => undefined); // only read while connecting
  redis.on('error', (err: unknown) => {
    // After start-up, each failed command reports through keyv's error event.
    if (err instanceof SimpleError || err instanceof ErrorReply)
      refused(new Error(`Redis at ${host} refused the connection: ${err.message} (check STORE_URL)`));
  });
  try {
    await Promise.race([
      redis.connect(),
      answered,
      new Promise((_, reject) =>
        setTimeout(() => reject(new Error(`cannot reach Redis at ${host}`)), 5_000).unref(),
      ),
    ]);
  } catch (err) {
    redis.destroy();
    throw err;
  }
  const adapter = new KeyvRedis(redis as never, { throwOnConnectError: true, throwOnErrors: true });
  const keyv = new Keyv({ store: adapter, throwOnErrors: true, ...RAW_KEYS });
  const client = async () => redis as never;
  const scan = async function* (prefix: string) {
    const match = `${prefix.replace(/[*?[\]\\]/g, '\\$&')}*`;
    for await (const batch of redis.scanIterator({ MATCH: match, COUNT: 500 })) {
      for (const k of Array.isArray(batch) ? batch : [batch]) yield String(k);
    }
  };
  return {
    keyv,
    description: `redis:${new URL(url).host}`,
    insertIfAbsent: redisInsertIfAbsent(client),
    changes: (logger) =>
      redisChanges(redis as never, Number(new URL(url).pathname.slice(1) || 0), (err) =>
        logger.warn({ err, store: `redis:${host}` }, 'store change notices: Redis subscriber error'),
      ),
    iterate: scan,
    ping: async () => {
      await redis.ping();
    },
  };
}

async function postgresBackend(url: string): Promise<Backend> {
  const { default: KeyvPostgres } = await import('@keyv/postgres');
  // Commits without waiting for the WAL to reach the disk (synchronous_commit=off, the durability
  // SQLite's synchronous=NORMAL and Redis's default persistence give): a crash of this process or
  // any instance loses nothing, a crash of the PostgreSQL server may lose its last fraction of a
  // second of commits, never its consistency. Each write waited ~4 ms for the disk, which made an
  // ingested article's one write cost more than its extraction. A URL that sets `options` itself
  // (…?options=-c%20synchronous_commit%3Don) keeps its own.
  const adapter = new KeyvPostgres({ uri: url, max: 5, options: '-c synchronous_commit=off' });
  const keyv = new Keyv({ store: adapter, throwOnErrors: true, ...RAW_KEYS });
  const query = adapter.query as (sql: string, values?: unknown[]) => Promise<Array<Record<string, unknown>>>;
  const table = `${adapter.opts.schema}.${adapter.opts.table}`;
  await query('SELECT 1');
  return {
    keyv,
    description: `postgres:${new URL(url).host}${new URL(url).pathname}`,
    insertIfAbsent: postgresInsertIfAbsent(query, table),
    rowSwap: postgresRowSwap(query, table),
    iterate: async function* (prefix) {
      const rows = await query(`SELECT key, value FROM ${table} WHERE starts_with(key, $1)`, [prefix]);
      for (const r of rows) if (!isExpired(r.value)) yield String(r.key);
    },
    ping: async () => {
      await query('SELECT 1');
    },
  };
}
