/**
 * keyv has no compare-and-set, so "create only if absent" goes to each backend's own atomic
 * operation on the same row keyv reads: SQLite `INSERT OR IGNORE`, PostgreSQL
 * `INSERT … ON CONFLICT DO NOTHING`, Redis `SET NX PX`. The value is the envelope keyv itself
 * writes ({value, expires}), so a later keyv `get` reads it as usual.
 */
export type InsertIfAbsent = (rawKey: string, serialized: string, ttlMs?: number) => Promise<boolean>;

/** Upserts already-serialized rows in one statement (backends whose keyv adapter lacks setMany). */
export type WriteMany = (rows: Array<{ key: string; value: string }>) => Promise<void>;

type SqlQuery = (sql: string, ...params: unknown[]) => Promise<Array<Record<string, unknown>>>;

export function sqliteInsertIfAbsent(query: SqlQuery, table: string): InsertIfAbsent {
  // One statement (one round trip, one implicit transaction): insert, or take over a row whose
  // time to live has passed; RETURNING yields the key only when this statement wrote it.
  const sql = `INSERT INTO ${table} (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value WHERE json_valid(${table}.value) AND json_extract(${table}.value, '$.expires') < ? RETURNING key`;
  return async (rawKey, serialized) => {
    const rows = await query(sql, rawKey, serialized, Date.now());
    return rows.length === 1;
  };
}

/** SQLite: one INSERT over a JSON array of rows, so a batch is one round trip and one transaction. */
export function sqliteWriteMany(query: SqlQuery, table: string): WriteMany {
  const sql = `INSERT INTO ${table} (key, value) SELECT json_extract(j.value, '$[0]'), json_extract(j.value, '$[1]') FROM json_each(?) AS j WHERE true ON CONFLICT(key) DO UPDATE SET value = excluded.value`;
  return async (rows) => {
    await query(sql, JSON.stringify(rows.map((r) => [r.key, r.value])));
  };
}

type PgQuery = (sql: string, values?: unknown[]) => Promise<Array<Record<string, unknown>>>;

export function postgresInsertIfAbsent(query: PgQuery, table: string): InsertIfAbsent {
  // One statement, one round trip (it was a DELETE of an expired row, then the INSERT): insert, or
  // take over a row whose time to live has passed. The conflicting row is locked while its WHERE is
  // checked, so of two claimants of an expired row the second sees the first's fresh value.
  const sql = `INSERT INTO ${table} (key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = excluded.value WHERE (CASE WHEN ${table}.value LIKE '{%' THEN (${table}.value::jsonb->>'expires')::bigint END) < $3 RETURNING key`;
  return async (rawKey, serialized) => {
    const rows = await query(sql, [rawKey, serialized, Date.now()]);
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
