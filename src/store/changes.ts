import { randomUUID } from 'node:crypto';
import { statSync } from 'node:fs';

/**
 * Change notices between the processes sharing a backend, so a reader can trust what it holds in
 * memory instead of asking the store on every read. A notice says "this topic changed"; a reader
 * that has heard none for a topic since it last read the store, while the feed is live, holds the
 * current state (give or take the notice's travel time: a write's notice is sent once the write is
 * committed, before its caller goes on).
 */
export interface ChangeFeed {
  /** Tells the other processes that `topic` changed (this store's own listeners are not told). */
  publish(topic: string): Promise<void>;
  /**
   * `listener(topic)` on another process's notice; `listener(undefined)` when notices may have
   * been missed (a reconnect) or something changed without saying what: every topic is stale.
   */
  subscribe(listener: (topic: string | undefined) => void): () => void;
  /** Whether notices arrive now; while false, a reader must ask the store. */
  live(): boolean;
  /**
   * Looks for changes synchronously where the backend can (SQLite: the files), telling listeners
   * before it returns; a reader calls it before trusting what it holds.
   */
  check?(): void;
  close(): Promise<void>;
}

/** One process, one store object: nobody else writes, so there is never a notice to wait for. */
export function localChanges(): ChangeFeed {
  return {
    publish: async () => undefined,
    subscribe: () => () => undefined,
    live: () => true,
    close: async () => undefined,
  };
}

/**
 * SQLite: another connection's commit (another process on the file, the CLI beside the bot) writes
 * the WAL file, so `check` compares the database and WAL files' size and modification time with
 * what it saw last (two stat calls, no query) and makes every topic stale when they moved; this
 * process's own writes move them too (one needless read per case after them). `PRAGMA data_version`,
 * read every POLL_MS off the interaction path, catches what the files cannot tell (two commits
 * within one tick of the file clock, the WAL restarting at the same size). Live while a poll
 * answered within 4 polls.
 */
export function sqliteChanges(
  query: (sql: string) => Promise<Array<Record<string, unknown>>>,
  file: string,
  pollMs = 200,
): ChangeFeed {
  const listeners = new Set<(topic: string | undefined) => void>();
  let timer: NodeJS.Timeout | undefined;
  let last: unknown;
  let answeredAt = 0;
  let closed = false;
  const tell = () => {
    for (const l of listeners) l(undefined);
  };
  const files = file === ':memory:' || file === '' ? [] : [file, `${file}-wal`];
  const signature = () =>
    files
      .map((f) => {
        try {
          const s = statSync(f, { bigint: true });
          return `${s.ino}:${s.size}:${s.mtimeNs}`;
        } catch {
          return '-';
        }
      })
      .join('|');
  let seen = signature();
  async function poll() {
    try {
      const version = (await query('PRAGMA data_version'))[0]?.data_version;
      if (last !== undefined && version !== last) tell();
      last = version;
      answeredAt = Date.now();
    } catch {
      // The store is closing or failing: not live until a poll answers again.
      answeredAt = 0;
    }
    if (!closed && listeners.size > 0) timer = setTimeout(poll, pollMs).unref();
    else timer = undefined;
  }
  return {
    publish: async () => undefined,
    subscribe(listener) {
      listeners.add(listener);
      if (!timer && !closed) timer = setTimeout(poll, 0).unref();
      return () => listeners.delete(listener);
    },
    live: () => !closed && Date.now() - answeredAt < pollMs * 4,
    check() {
      const now = signature();
      if (now !== seen) {
        seen = now;
        tell();
      }
    },
    async close() {
      closed = true;
      clearTimeout(timer);
    },
  };
}

interface RedisPubSub {
  publish(channel: string, message: string): Promise<unknown>;
  duplicate(): RedisSubscriber;
}
interface RedisSubscriber {
  connect(): Promise<unknown>;
  subscribe(channel: string, listener: (message: string) => void): Promise<void>;
  on(event: string, listener: (...args: unknown[]) => void): unknown;
  destroy(): void;
  readonly isReady: boolean;
}

/**
 * Redis: a channel per database, on a second connection opened at the first subscriber. The
 * client resubscribes before it reports ready again after a reconnect, and notices sent meanwhile
 * are lost: each 'ready' after the first makes every topic stale.
 */
export function redisChanges(
  client: RedisPubSub,
  database: number,
  onError: (err: unknown) => void,
): ChangeFeed {
  const channel = `casewatch:changes:${database}`;
  const self = randomUUID();
  const listeners = new Set<(topic: string | undefined) => void>();
  let sub: RedisSubscriber | undefined;
  let subscribed = false;
  let closed = false;
  const tell = (topic: string | undefined) => {
    for (const l of listeners) l(topic);
  };
  function start() {
    const s = client.duplicate();
    sub = s;
    let readyOnce = false;
    s.on('error', (err) => onError(err));
    s.on('ready', () => {
      if (readyOnce) tell(undefined);
      readyOnce = true;
    });
    s.connect()
      .then(() =>
        s.subscribe(channel, (message) => {
          const cut = message.indexOf('\n');
          if (cut > 0 && message.slice(0, cut) !== self) tell(message.slice(cut + 1));
        }),
      )
      .then(() => {
        subscribed = true;
        if (closed) s.destroy();
      })
      .catch((err: unknown) => onError(err));
  }
  return {
    async publish(topic) {
      await client.publish(channel, `${self}\n${topic}`);
    },
    subscribe(listener) {
      listeners.add(listener);
      if (!sub && !closed) start();
      return () => listeners.delete(listener);
    },
    live: () => !closed && subscribed && sub?.isReady === true,
    async close() {
      closed = true;
      sub?.destroy();
    },
  };
}
