import { EventEmitter } from 'node:events';
import type { Database, Statement } from 'sqlite3';

type Row = Record<string, unknown>;

/**
 * keyv's store for SQLite, on the table @keyv/sqlite creates (`keyv(key VARCHAR(255) PRIMARY KEY,
 * value TEXT)`, so files written before open as they are), with every statement prepared once per
 * connection. @keyv/sqlite prepares, runs and finalizes a statement on each call (three trips
 * through libuv's pool, the SQL parsed again) and deletes with a SELECT then a DELETE: that cost as
 * much main-thread time as everything else a poll of a changed feed does.
 */
export class SqliteStore extends EventEmitter {
  readonly opts = { dialect: 'sqlite', table: 'keyv' } as const;
  namespace?: string;
  private readonly statements = new Map<string, Statement>();
  private closed = false;

  private constructor(private readonly db: Database) {
    super();
  }

  static async open(file: string, busyTimeoutMs: number): Promise<SqliteStore> {
    const { default: sqlite3 } = await import('sqlite3');
    const db = await new Promise<Database>((resolve, reject) => {
      const opened: Database = new sqlite3.Database(file, (err) => (err ? reject(err) : resolve(opened)));
    });
    db.configure('busyTimeout', busyTimeoutMs);
    const store = new SqliteStore(db);
    await store.query('CREATE TABLE IF NOT EXISTS keyv(key VARCHAR(255) PRIMARY KEY, value TEXT )');
    return store;
  }

  /** Runs `sql` (prepared the first time it is seen) and returns its rows. */
  query(sql: string, ...params: unknown[]): Promise<Row[]> {
    // sqlite3 reports a statement prepared on a closed handle as an 'error' event nobody listens
    // to: an uncaught exception. A late caller gets a rejected promise instead.
    if (this.closed) return Promise.reject(new Error('store: the SQLite database is closed'));
    let statement = this.statements.get(sql);
    if (!statement) {
      statement = this.db.prepare(sql);
      this.statements.set(sql, statement);
    }
    const prepared = statement;
    return new Promise((resolve, reject) => {
      prepared.all(...params, (err: Error | null, rows: Row[]) => (err ? reject(err) : resolve(rows)));
    });
  }

  async get(key: string): Promise<string | undefined> {
    const rows = await this.query('SELECT value FROM keyv WHERE key = ?', key);
    return rows[0]?.value as string | undefined;
  }

  async getMany(keys: string[]): Promise<Array<string | undefined>> {
    const rows = await this.query(
      'SELECT key, value FROM keyv WHERE key IN (SELECT value FROM json_each(?))',
      JSON.stringify(keys),
    );
    const byKey = new Map(rows.map((r) => [r.key as string, r.value as string]));
    return keys.map((k) => byKey.get(k));
  }

  async set(key: string, value: string): Promise<void> {
    await this.query(
      'INSERT INTO keyv (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value',
      key,
      value,
    );
  }

  async delete(key: string): Promise<boolean> {
    return (await this.query('DELETE FROM keyv WHERE key = ? RETURNING key', key)).length > 0;
  }

  async deleteMany(keys: string[]): Promise<boolean> {
    const sql = 'DELETE FROM keyv WHERE key IN (SELECT value FROM json_each(?)) RETURNING key';
    return (await this.query(sql, JSON.stringify(keys))).length > 0;
  }

  async clear(): Promise<void> {
    await this.query('DELETE FROM keyv WHERE key LIKE ?', this.namespace ? `${this.namespace}:%` : '%');
  }

  async disconnect(): Promise<void> {
    this.closed = true;
    const statements = [...this.statements.values()];
    this.statements.clear();
    await Promise.all(statements.map((s) => new Promise<void>((resolve) => s.finalize(() => resolve()))));
    await new Promise<void>((resolve, reject) => this.db.close((err) => (err ? reject(err) : resolve())));
  }
}
