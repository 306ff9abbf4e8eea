/**
 * keyv has no compare-and-set, so "create only if absent" goes to each backend's own atomic
 * operation on the same row keyv reads: SQLite `INSERT OR IGNORE`, PostgreSQL
 * `INSERT … ON CONFLICT DO NOTHING`, Redis `SET NX PX`. The value is the envelope keyv itself
 * writes ({value, expires}), so a later keyv `get` reads it as usual.
 */
export type InsertIfAbsent = (rawKey: string, serialized: string, ttlMs?: number) => Promise<boolean>;

/** Upserts already-serialized rows in one statement (backends whose keyv adapter lacks setMany). */
export type WriteMany = (rows: Array<{ key: string; value: string }>) => Promise<void>;

/**
 * Compare-and-set on one raw row, for `KV.update` without a lock row: `read` gives the stored text
 * (undefined when there is no row); `swap` writes `next` (deletes the row when undefined) only if
 * the row still holds exactly `expected` (is still absent when undefined), atomically across
 * processes sharing the backend, and says whether it did.
 */
export interface RowSwap {
  read(rawKey: string): Promise<string | undefined>;
  swap(rawKey: string, expected: string | undefined, next: string | undefined): Promise<boolean>;
}

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

/** SQLite: each swap is one statement (one implicit transaction), so processes sharing the file see it whole. */
export function sqliteRowSwap(query: SqlQuery, table: string): RowSwap {
  const insert = `INSERT INTO ${table} (key, value) VALUES (?, ?) ON CONFLICT(key) DO NOTHING RETURNING key`;
  const replace = `UPDATE ${table} SET value = ? WHERE key = ? AND value = ? RETURNING key`;
  const remove = `DELETE FROM ${table} WHERE key = ? AND value = ? RETURNING key`;
  return {
    async read(rawKey) {
      const rows = await query(`SELECT value FROM ${table} WHERE key = ?`, rawKey);
      return rows[0]?.value as string | undefined;
    },
    async swap(rawKey, expected, next) {
      if (expected === undefined && next === undefined) return true;
      const rows =
        expected === undefined
          ? await query(insert, rawKey, next)
          : next === undefined
            ? await query(remove, rawKey, expected)
            : await query(replace, next, rawKey, expected);
      return rows.length === 1;
    },
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

/**
 * PostgreSQL: each swap is one statement. Under READ COMMITTED an UPDATE or DELETE that finds the
 * row changed by a transaction that committed meanwhile checks its WHERE again on the new version,
 * so `value = $expected` holds at the moment of the write; of two inserts of an absent row one
 * conflicts and does nothing.
 */
export function postgresRowSwap(query: PgQuery, table: string): RowSwap {
  const insert = `INSERT INTO ${table} (key, value) VALUES ($1, $2) ON CONFLICT (key) DO NOTHING RETURNING key`;
  const replace = `UPDATE ${table} SET value = $3 WHERE key = $1 AND value = $2 RETURNING key`;
  const remove = `DELETE FROM ${table} WHERE key = $1 AND value = $2 RETURNING key`;
  const read = `SELECT value FROM ${table} WHERE key = $1`;
  return {
    async read(rawKey) {
      const rows = await query(read, [rawKey]);
      return rows[0]?.value as string | undefined;
    },
    async swap(rawKey, expected, next) {
      if (expected === undefined && next === undefined) return true;
      const rows =
        expected === undefined
          ? await query(insert, [rawKey, next])
          : next === undefined
            ? await query(remove, [rawKey, expected])
            : await query(replace, [rawKey, expected, next]);
      return rows.length === 1;
    },
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
