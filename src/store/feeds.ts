import type { Store } from './types.ts';

/** One server's interest in a feed (a feed shared by several servers is polled once). */
export interface FeedSubscription {
  guildId?: string;
  /** Restrict the feed to one tracked case; otherwise every case of the server is matched. */
  caseSlug?: string;
  /** Minutes between polls asked by this server (default POLL_INTERVAL_MINUTES). */
  intervalMinutes?: number;
  /** Keyword filters (src/feeds/filters.ts): only items naming one of `include`, none of `exclude`. */
  include?: string[];
  exclude?: string[];
  /** The channel this server's alerts from this feed go to (before the case's and the server's). */
  channelId?: string;
  addedAt: string;
}

/** What an admin sets on a subscription (everything but when it was added). */
export type SubscriptionOptions = Omit<FeedSubscription, 'addedAt'>;

export interface Feed {
  url: string;
  title?: string;
  /** Minutes between polls; at least 1: the shortest any subscription asks for. */
  intervalMinutes: number;
  subscriptions: FeedSubscription[];
  addedAt: string;
}

export interface FeedState {
  etag?: string;
  lastModified?: string;
  bodyHash?: string;
  /** False until the first successful poll: that poll's items are history, not news. */
  initialized: boolean;
  lastSuccessAt?: string;
  lastErrorAt?: string;
  lastError?: { reason: string; message: string };
  consecutiveFailures: number;
  /** Epoch ms. */
  nextPollAt?: number;
  paused: boolean;
  pausedReason?: string;
  itemsSeen: number;
}

export const EMPTY_STATE: FeedState = {
  initialized: false,
  consecutiveFailures: 0,
  paused: false,
  itemsSeen: 0,
};

export interface FeedStore {
  /**
   * Adds the subscription (or replaces the same server's one); creates the feed when new. The feed
   * is polled at the shortest interval its subscriptions ask for (`defaultInterval` when none does).
   */
  add(url: string, sub: FeedSubscription, defaultInterval: number): Promise<Feed>;
  /** Removes a server's subscription (all of them when guildId is undefined); the feed goes when none is left. */
  remove(url: string, guildId?: string): Promise<boolean>;
  get(url: string): Promise<Feed | undefined>;
  list(guildId?: string): Promise<Feed[]>;
  setTitle(url: string, title: string): Promise<void>;
  getState(url: string): Promise<FeedState>;
  /** The states of many feeds in one read. */
  getStates(urls: string[]): Promise<FeedState[]>;
  updateState(url: string, fn: (s: FeedState) => FeedState): Promise<FeedState>;
  /** Stops polling the feed until `resume` (an admin's /feed pause); the reason is shown in /feed list. */
  pause(url: string, reason: string): Promise<void>;
  /** Clears a pause and its failure count, so the feed is polled at the next tick. */
  resume(url: string): Promise<void>;
}

export function createFeedStore(store: Store): FeedStore {
  const feeds = store.kv('feeds');
  const states = store.kv('feedstate');
  const sameGuild = (a?: string, b?: string) => (a ?? '') === (b ?? '');
  return {
    async add(url, sub, defaultInterval) {
      const saved = await feeds.update<Feed>(url, (cur) => {
        const base: Feed = cur ?? {
          url,
          intervalMinutes: defaultInterval,
          subscriptions: [],
          addedAt: sub.addedAt,
        };
        const subscriptions = [...base.subscriptions.filter((s) => !sameGuild(s.guildId, sub.guildId)), sub];
        const interval = Math.min(...subscriptions.map((s) => s.intervalMinutes ?? defaultInterval));
        return { ...base, intervalMinutes: Math.max(1, interval), subscriptions };
      });
      // The updater always returns a feed: only a store that broke its contract gives nothing back.
      if (!saved) throw new Error(`the store did not save the feed ${url}`);
      return saved;
    },
    async remove(url, guildId) {
      let removed = false;
      const left = await feeds.update<Feed>(url, (cur) => {
        removed = false; // afresh on every call (update may call again)
        if (!cur) return undefined;
        const kept = cur.subscriptions.filter((s) => guildId !== undefined && !sameGuild(s.guildId, guildId));
        removed = kept.length !== cur.subscriptions.length;
        return kept.length === 0 ? undefined : { ...cur, subscriptions: kept };
      });
      if (!left) await states.delete(url);
      return removed;
    },
    get: (url) => feeds.get<Feed>(url),
    async list(guildId) {
      const urls: string[] = [];
      for await (const url of feeds.keys()) urls.push(url);
      // One batched read, not one per feed: a tick over 1,000 feeds starts here.
      const all = (await feeds.getMany<Feed>(urls)).filter((f): f is Feed => f !== undefined);
      const out = all.filter(
        (f) => guildId === undefined || f.subscriptions.some((s) => s.guildId === guildId),
      );
      return out.sort((a, b) => a.url.localeCompare(b.url));
    },
    async getStates(urls) {
      const found = await states.getMany<FeedState>(urls);
      return found.map((s) => ({ ...EMPTY_STATE, ...s }));
    },
    async setTitle(url, title) {
      await feeds.update<Feed>(url, (cur) => (cur ? { ...cur, title } : cur));
    },
    async getState(url) {
      return { ...EMPTY_STATE, ...(await states.get<FeedState>(url)) };
    },
    async updateState(url, fn) {
      const next = await states.update<FeedState>(url, (cur) => fn({ ...EMPTY_STATE, ...cur }));
      return next ?? { ...EMPTY_STATE };
    },
    async pause(url, reason) {
      await states.update<FeedState>(url, (cur) => ({
        ...EMPTY_STATE,
        ...cur,
        paused: true,
        pausedReason: reason,
      }));
    },
    async resume(url) {
      await states.update<FeedState>(url, (cur) => ({
        ...EMPTY_STATE,
        ...cur,
        paused: false,
        pausedReason: undefined,
        consecutiveFailures: 0,
        nextPollAt: undefined,
      }));
    },
  };
}
