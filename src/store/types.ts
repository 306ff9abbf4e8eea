import type { ChangeFeed } from './changes.ts';

/**
 * The store seen by everything above src/store/: namespaced key-value maps with a few atomic
 * operations. Backends (memory, SQLite, Redis, PostgreSQL) live behind `openStore(url)`; nothing
 * above this folder knows which one it is.
 */
export interface KV {
  get<T>(key: string): Promise<T | undefined>;
  getMany<T>(keys: string[]): Promise<Array<T | undefined>>;
  /** ttlMs: optional time to live. */
  set<T>(key: string, value: T, ttlMs?: number): Promise<void>;
  /** Sets several keys in one round trip where the backend allows it (each key as `set` would). */
  setMany<T>(entries: Array<{ key: string; value: T }>, ttlMs?: number): Promise<void>;
  delete(key: string): Promise<boolean>;
  has(key: string): Promise<boolean>;
  /**
   * Sets the key only if it is absent, atomically across processes sharing the backend.
   * Returns true when this call created it (the caller "won"), false when it already existed.
   */
  setIfAbsent<T>(key: string, value: T, ttlMs?: number): Promise<boolean>;
  /**
   * Read-modify-write under a lock on the key, so concurrent writers (other processes on the same
   * backend) never lose each other's updates. `fn` gets the current value (or undefined) and returns
   * the new one; returning undefined deletes the key. `fn` may be called more than once (again on
   * a value another writer changed meanwhile): it must have no effect but its result, or set
   * whatever it records afresh on every call.
   */
  update<T>(
    key: string,
    fn: (current: T | undefined) => T | undefined,
    ttlMs?: number,
  ): Promise<T | undefined>;
  /** Every key of this namespace (without the namespace prefix). */
  keys(): AsyncIterable<string>;
  clear(): Promise<void>;
}

export interface Store {
  /**
   * Change notices between the processes sharing the backend (absent: a reader must ask the store
   * every time). See changes.ts.
   */
  readonly changes?: ChangeFeed;
  /** One namespace per concern: 'cases', 'feeds', 'seen', 'articles', 'facts', 'alerts', 'guilds'... */
  kv(namespace: string): KV;
  /** Throws when the backend cannot be reached (health checks, boot). */
  ping(): Promise<void>;
  close(): Promise<void>;
  /** For log lines and health output only; code must not branch on it. */
  readonly description: string;
}
