import { createHash, randomUUID } from 'node:crypto';
import type { Store } from './types.ts';

/** How long an item identity is remembered: far longer than any feed keeps an item. */
export const SEEN_RETENTION_MS = 180 * 24 * 60 * 60 * 1000;
/** A claim not confirmed within this time is considered abandoned (the process died mid-hand-off). */
export const CLAIM_LEASE_MS = 10 * 60 * 1000;

interface SeenRecord {
  at: number;
  done: boolean;
  token: string;
}

export interface SeenStore {
  /**
   * Claims an item for `owner` (a poll job's id: the same on its retries and when another worker
   * takes a stalled job over; default a fresh token). Returns a token only to the one caller that
   * should hand it off: the first to ask (setIfAbsent, so two processes never both win), the same
   * owner again (the job re-run after a crash, or a holder whose release failed), or a caller taking
   * over a claim whose holder never confirmed it within the lease.
   */
  claim(feedUrl: string, identity: string, owner?: string): Promise<string | undefined>;
  /** Marks a claimed item as handed off for good. */
  confirm(feedUrl: string, identity: string, token: string): Promise<void>;
  /** Gives a claim back after a failed hand-off, so the next poll retries the item. */
  release(feedUrl: string, identity: string, token: string): Promise<void>;
  isSeen(feedUrl: string, identity: string): Promise<boolean>;
  /**
   * One read for a feed's items: for each identity, whether it was never claimed ('new'), is
   * handed off for good ('done'), or is claimed and not yet confirmed ('claimed').
   */
  peek(feedUrl: string, identities: string[]): Promise<Array<'new' | 'done' | 'claimed'>>;
  /**
   * Records items as seen for good without handing them off (items about no tracked case), in one
   * write. Only for items `peek` found new: a claim in flight is never overwritten on purpose.
   */
  markSeen(feedUrl: string, identities: string[]): Promise<void>;
}

export interface SeenOptions {
  retentionMs?: number;
  /** How long an unconfirmed claim blocks other pollers (config FEED_CLAIM_LEASE_SECONDS). */
  leaseMs?: number;
  now?: () => number;
}

export function createSeenStore(store: Store, options: SeenOptions = {}): SeenStore {
  const retentionMs = options.retentionMs ?? SEEN_RETENTION_MS;
  const leaseMs = options.leaseMs ?? CLAIM_LEASE_MS;
  const now = options.now ?? Date.now;
  const kv = store.kv('seen');
  // Identities can be long URLs; a hash keeps every backend's key short and uniform.
  const key = (feedUrl: string, identity: string) =>
    createHash('sha256').update(`${feedUrl}\n${identity}`).digest('hex');
  return {
    async claim(feedUrl, identity, owner) {
      const k = key(feedUrl, identity);
      const token = owner ?? randomUUID();
      if (await kv.setIfAbsent<SeenRecord>(k, { at: now(), done: false, token }, retentionMs)) return token;
      const taken = await kv.update<SeenRecord>(
        k,
        (cur) =>
          cur && !cur.done && (cur.token === token || now() - cur.at > leaseMs)
            ? { at: now(), done: false, token }
            : cur,
        retentionMs,
      );
      return taken && !taken.done && taken.token === token ? token : undefined;
    },
    async confirm(feedUrl, identity, token) {
      await kv.update<SeenRecord>(
        key(feedUrl, identity),
        (cur) => (cur && cur.token === token ? { ...cur, done: true } : cur),
        retentionMs,
      );
    },
    async release(feedUrl, identity, token) {
      await kv.update<SeenRecord>(key(feedUrl, identity), (cur) =>
        cur && cur.token === token ? undefined : cur,
      );
    },
    async peek(feedUrl, identities) {
      const records = await kv.getMany<SeenRecord>(identities.map((id) => key(feedUrl, id)));
      return records.map((r) => (r === undefined ? 'new' : r.done ? 'done' : 'claimed'));
    },
    async markSeen(feedUrl, identities) {
      const at = now();
      await kv.setMany<SeenRecord>(
        identities.map((id) => ({ key: key(feedUrl, id), value: { at, done: true, token: '' } })),
        retentionMs,
      );
    },
    async isSeen(feedUrl, identity) {
      return (await kv.get<SeenRecord>(key(feedUrl, identity)))?.done === true;
    },
  };
}
