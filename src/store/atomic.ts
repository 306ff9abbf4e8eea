import { randomUUID } from 'node:crypto';

/**
 * keyv has no compare-and-set, so "create only if absent" goes to each backend's own atomic
 * operation on the same row keyv reads: SQLite `INSERT OR IGNORE`, PostgreSQL
 * `INSERT … ON CONFLICT DO NOTHING`, Redis `SET NX PX`. The value is the envelope keyv itself
 * writes ({value, expires}), so a later keyv `get` reads it as usual.
 */
export type InsertIfAbsent = (rawKey: string, serialized: string, ttlMs?: number) => Promise<boolean>;

type SqlQuery = (sql: string, ...params: unknown[]) => Promise<Array<Record<string, unknown>>>;

export function sqliteInsertIfAbsent(query: SqlQuery, table: string): InsertIfAbsent {
  return async (rawKey, serialized) => {
    // An expired row still occupies the key: clear it first so the claim can succeed.
    await query(
      `DELETE FROM ${table} WHERE key = ? AND json_valid(value) AND json_extract(value, '$.expires') < ?`,
      rawKey,
      Date.now(),
    );
    const nonce = randomUUID();
    const tagged = tag(serialized, nonce);
    await query(`INSERT OR IGNORE INTO ${table} (key, value) VALUES (?, ?)`, rawKey, tagged);
    const rows = await query(`SELECT value FROM ${table} WHERE key = ?`, rawKey);
    return String(rows[0]?.value ?? '').includes(nonce);
  };
}

type PgQuery = (sql: string, values?: unknown[]) => Promise<Array<Record<string, unknown>>>;

export function postgresInsertIfAbsent(query: PgQuery, table: string): InsertIfAbsent {
  return async (rawKey, serialized) => {
    await query(
      `DELETE FROM ${table} WHERE key = $1 AND value LIKE '{%' AND (value::jsonb->>'expires')::bigint < $2`,
      [rawKey, Date.now()],
    );
    const rows = await query(
      `INSERT INTO ${table} (key, value) VALUES ($1, $2) ON CONFLICT (key) DO NOTHING RETURNING key`,
      [rawKey, serialized],
    );
    return rows.length === 1;
  };
}

interface RedisLike {
  set(key: string, value: string, options?: { NX?: boolean; PX?: number }): Promise<string | null>;
}

export function redisInsertIfAbsent(client: () => Promise<RedisLike>): InsertIfAbsent {
  return async (rawKey, serialized, ttlMs) => {
    const c = await client();
    const reply = await c.set(rawKey, serialized, ttlMs ? { NX: true, PX: ttlMs } : { NX: true });
    return reply === 'OK';
  };
}

/** Adds a claim nonce to keyv's JSON envelope; keyv ignores unknown envelope fields. */
function tag(serialized: string, nonce: string): string {
  return serialized.endsWith('}') ? `${serialized.slice(0, -1)},"claim":"${nonce}"}` : serialized;
}
