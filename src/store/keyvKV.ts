import { createHash } from 'node:crypto';
import type Keyv from 'keyv';
import type { InsertIfAbsent, RowSwap, WriteMany } from './atomic.ts';
import type { KV } from './types.ts';

const LOCK_TTL_MS = 10_000;
const MAX_KEY = 200;
const LOCK_PREFIX = '~lock:';
/** Compare-and-set attempts of one update: each failed one means another writer's update landed. */
const MAX_SWAPS = 1_000;

/**
 * One namespace of the store over a shared keyv instance. Keys are prefixed here
 * (`namespace:key`) rather than by keyv, so the backend-specific atomic operations address exactly
 * the row keyv reads. Over-long keys (URLs) are hashed to fit every backend's key column.
 */
export function createKeyvKV(
  keyv: Keyv,
  namespace: string,
  insertIfAbsent: InsertIfAbsent,
  iterate: (prefix: string) => AsyncIterable<string>,
  writeMany?: WriteMany,
  rowSwap?: RowSwap,
): KV {
  const raw = (key: string) => {
    const full = `${namespace}:${key}`;
    return full.length <= MAX_KEY ? full : `${namespace}:#${createHash('sha256').update(key).digest('hex')}`;
  };
  const localLocks = new Map<string, Promise<unknown>>();
  // keyv types its serializer optional; the instances openStore builds always have one (JSON by default).
  const serialize = (data: { value: unknown; expires: number | undefined }) =>
    keyv.serialize ? keyv.serialize(data) : JSON.stringify(data);
  const deserialize = (text: string) =>
    (keyv.deserialize ? keyv.deserialize(text) : JSON.parse(text)) as
      | { value?: unknown; expires?: number | null }
      | undefined;

  /**
   * update on a backend with a row compare-and-set: read the row, compute, write it only if it is
   * unchanged, else start again. Two statements instead of the lock row's four (claim, read,
   * write, release), and as safe across processes.
   */
  async function swapUpdate<T>(
    swap: RowSwap,
    key: string,
    fn: (current: T | undefined) => T | undefined,
    ttlMs?: number,
  ): Promise<T | undefined> {
    const rawKey = raw(key);
    for (let attempt = 0; attempt < MAX_SWAPS; attempt++) {
      const stored = await swap.read(rawKey);
      const envelope = stored === undefined ? undefined : await deserialize(stored);
      const live =
        envelope !== undefined &&
        envelope !== null &&
        !(typeof envelope.expires === 'number' && envelope.expires < Date.now());
      const next = fn(live ? (envelope.value as T) : undefined);
      const written =
        next === undefined
          ? undefined
          : String(await serialize({ value: next, expires: ttlMs ? Date.now() + ttlMs : undefined }));
      if (await swap.swap(rawKey, stored, written)) return next;
    }
    throw new Error(`store: "${key}" kept changing under update (${MAX_SWAPS} attempts)`);
  }

  const kv: KV = {
    async get<T>(key: string) {
      return (await keyv.get(raw(key))) as T | undefined;
    },
    async getMany<T>(keys: string[]) {
      if (keys.length === 0) return [];
      return (await keyv.get(keys.map(raw))) as Array<T | undefined>;
    },
    async set<T>(key: string, value: T, ttlMs?: number) {
      await keyv.set(raw(key), value, ttlMs);
    },
    async setMany<T>(entries: Array<{ key: string; value: T }>, ttlMs?: number) {
      if (entries.length === 0) return;
      if (!writeMany) {
        await keyv.setMany(entries.map((e) => ({ key: raw(e.key), value: e.value, ttl: ttlMs })));
        return;
      }
      const expires = ttlMs ? Date.now() + ttlMs : undefined;
      const rows = await Promise.all(
        entries.map(async (e) => ({
          key: raw(e.key),
          value: String(await serialize({ value: e.value, expires })),
        })),
      );
      await writeMany(rows);
    },
    async delete(key: string) {
      return keyv.delete(raw(key));
    },
    async has(key: string) {
      return (await keyv.get(raw(key))) !== undefined;
    },
    async setIfAbsent<T>(key: string, value: T, ttlMs?: number) {
      const expires = ttlMs ? Date.now() + ttlMs : undefined;
      const serialized = await serialize({ value, expires });
      return insertIfAbsent(raw(key), String(serialized), ttlMs);
    },
    async update<T>(key: string, fn: (current: T | undefined) => T | undefined, ttlMs?: number) {
      // Serialise updates of one key inside this process first, then make them atomic across the
      // processes sharing the backend: a compare-and-set of the row where the backend has one,
      // else a store-wide lock so other processes wait their turn.
      const previous = localLocks.get(key) ?? Promise.resolve();
      const run = previous
        .catch(() => undefined)
        .then(() => (rowSwap ? swapUpdate(rowSwap, key, fn, ttlMs) : withStoreLock(kv, key, fn, ttlMs)));
      localLocks.set(key, run);
      try {
        return await run;
      } finally {
        if (localLocks.get(key) === run) localLocks.delete(key);
      }
    },
    async *keys() {
      const prefix = `${namespace}:`;
      for await (const k of iterate(prefix)) {
        if (!k.startsWith(prefix)) continue;
        const key = k.slice(prefix.length);
        if (!key.startsWith(LOCK_PREFIX)) yield key;
      }
    },
    async clear() {
      const all: string[] = [];
      for await (const k of kv.keys()) all.push(k);
      await Promise.all(all.map((k) => keyv.delete(`${namespace}:${k}`)));
    },
  };
  return kv;
}

async function withStoreLock<T>(
  kv: KV,
  key: string,
  fn: (current: T | undefined) => T | undefined,
  ttlMs?: number,
): Promise<T | undefined> {
  const lockKey = `${LOCK_PREFIX}${key}`;
  const deadline = Date.now() + LOCK_TTL_MS * 3;
  let wait = 2;
  while (!(await kv.setIfAbsent(lockKey, process.pid, LOCK_TTL_MS))) {
    if (Date.now() > deadline) throw new Error(`store: timed out waiting for the lock on "${key}"`);
    await new Promise((r) => setTimeout(r, wait));
    wait = Math.min(wait * 2, 50);
  }
  try {
    const next = fn(await kv.get<T>(key));
    if (next === undefined) await kv.delete(key);
    else await kv.set(key, next, ttlMs);
    return next;
  } finally {
    await kv.delete(lockKey);
  }
}
