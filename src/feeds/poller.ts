import cron, { type ScheduledTask } from 'node-cron';
import type { Config } from '../config.ts';
import type { Article } from '../facts.ts';
import { type Logger, silentLogger } from '../log.ts';
import { createFeedStore, type Feed, type FeedState, type FeedSubscription } from '../store/feeds.ts';
import { createSeenStore } from '../store/seen.ts';
import type { Store } from '../store/types.ts';
import { describeFeedError, toFeedError } from './errors.ts';
import { fetchLimits, fetchUrl } from './fetch.ts';
import { buildArticle } from './fulltext.ts';
import { HostLimiter } from './hostLimiter.ts';
import { itemIdentity } from './identity.ts';
import { parseFeedBody } from './parse.ts';

export interface HandOffMeta {
  feedUrl: string;
  /** True on the first poll of a new feed: ingest the facts, but do not alert. */
  history: boolean;
  subscriptions: FeedSubscription[];
}

export type PollConfig = Pick<
  Config,
  | 'FEED_MAX_BYTES'
  | 'FEED_TIMEOUT_MS'
  | 'FEED_CONNECT_TIMEOUT_MS'
  | 'FEED_MAX_ITEMS'
  | 'FEED_FAILURES_BEFORE_PAUSE'
  | 'FEED_HOST_CONCURRENCY'
  | 'FULLTEXT_MIN_CHARS'
  | 'ALLOW_PRIVATE_URLS'
  | 'CONTACT'
>;

export interface PollerDeps {
  store: Store;
  config: PollConfig;
  logger?: Logger;
  /** The hand-off (ingestArticle). A throw un-claims the item so the next poll retries it. */
  onArticle(article: Article, meta: HandOffMeta): Promise<void>;
  /** Called once when a feed is paused after too many consecutive failures. */
  onPaused?(feed: Feed, reason: string): Promise<void> | void;
  now?: () => number;
  random?: () => number;
}

export interface PollResult {
  feedUrl: string;
  status: 'ok' | 'not_modified' | 'unchanged' | 'failed' | 'paused' | 'busy' | 'unknown_feed';
  newItems: number;
  /** Items the feed yielded this poll (before dedupe). */
  items?: number;
  handOffFailures: number;
  warnings: string[];
  error?: { reason: string; message: string };
}

export const MAX_BACKOFF_MS = 24 * 60 * 60 * 1000;

/** interval × 2^failures, capped at 24 h. */
export function backoffMs(intervalMinutes: number, failures: number): number {
  return Math.min(Math.max(1, intervalMinutes) * 60_000 * 2 ** Math.min(failures, 30), MAX_BACKOFF_MS);
}

export interface FeedPoller {
  pollOnce(feedUrl: string): Promise<PollResult>;
  /** Polls every feed that is not paused, due or not. */
  pollAll(): Promise<PollResult[]>;
  /** Polls the feeds that are due now (what the cron tick runs). */
  tick(): Promise<PollResult[]>;
  start(): void;
  /** Stops the schedule and waits for polls in flight. */
  stop(): Promise<void>;
}

/**
 * Loss-free hand-off policy: an item is claimed in the seen store (setIfAbsent) before it is
 * handed off and confirmed after; if the hand-off throws, the claim is released AND the feed's
 * ETag/Last-Modified/body hash are not recorded, so the next poll refetches, reparses and retries
 * exactly the items that failed. A process that dies mid-hand-off leaves an unconfirmed claim that
 * another poll takes over after the lease (src/store/seen.ts).
 */
export function createFeedPoller(deps: PollerDeps): FeedPoller {
  const { config } = deps;
  const logger = deps.logger ?? silentLogger;
  const now = deps.now ?? Date.now;
  const random = deps.random ?? Math.random;
  const feeds = createFeedStore(deps.store);
  const seen = createSeenStore(deps.store);
  const limiter = new HostLimiter(config.FEED_HOST_CONCURRENCY);
  const running = new Map<string, Promise<PollResult>>();
  let task: ScheduledTask | undefined;
  const ticks = new Set<Promise<unknown>>();

  const limits = () => fetchLimits(config);

  async function recordFailure(feed: Feed, err: unknown): Promise<PollResult> {
    const fe = toFeedError(err);
    let justPaused = false;
    const state = await feeds.updateState(feed.url, (s) => {
      const failures = s.consecutiveFailures + 1;
      const pause = failures >= config.FEED_FAILURES_BEFORE_PAUSE;
      justPaused = pause && !s.paused;
      return {
        ...s,
        consecutiveFailures: failures,
        lastErrorAt: new Date(now()).toISOString(),
        lastError: { reason: fe.reason, message: fe.message },
        nextPollAt: now() + backoffMs(feed.intervalMinutes, failures),
        paused: s.paused || pause,
        pausedReason: s.paused ? s.pausedReason : pause ? describeFeedError(fe) : undefined,
      };
    });
    logger.warn({ feed: feed.url, reason: fe.reason, failures: state.consecutiveFailures }, fe.message);
    if (justPaused && deps.onPaused) {
      try {
        await deps.onPaused(feed, state.pausedReason ?? describeFeedError(fe));
      } catch (e) {
        logger.error({ err: e, feed: feed.url }, 'onPaused failed');
      }
    }
    return {
      feedUrl: feed.url,
      status: 'failed',
      newItems: 0,
      handOffFailures: 0,
      warnings: [],
      error: { reason: fe.reason, message: fe.message },
    };
  }

  async function recordSuccess(feed: Feed, patch: Partial<FeedState>): Promise<void> {
    const jitter = random() * Math.min(feed.intervalMinutes * 6_000, 5 * 60_000);
    await feeds.updateState(feed.url, (s) => ({
      ...s,
      ...patch,
      itemsSeen: s.itemsSeen + (patch.itemsSeen ?? 0),
      consecutiveFailures: 0,
      lastSuccessAt: new Date(now()).toISOString(),
      nextPollAt: now() + feed.intervalMinutes * 60_000 + jitter,
      paused: false,
      pausedReason: undefined,
    }));
  }

  async function poll(feed: Feed): Promise<PollResult> {
    const base: PollResult = {
      feedUrl: feed.url,
      status: 'ok',
      newItems: 0,
      handOffFailures: 0,
      warnings: [],
    };
    const state = await feeds.getState(feed.url);
    let res: Awaited<ReturnType<typeof fetchUrl>>;
    let parsed: Awaited<ReturnType<typeof parseFeedBody>>;
    try {
      res = await fetchUrl(feed.url, {
        ...limits(),
        etag: state.initialized ? state.etag : undefined,
        lastModified: state.initialized ? state.lastModified : undefined,
      });
      if (res.notModified) {
        await recordSuccess(feed, { itemsSeen: 0 });
        return { ...base, status: 'not_modified' };
      }
      if (state.initialized && res.bodyHash === state.bodyHash) {
        await recordSuccess(feed, { itemsSeen: 0, etag: res.etag, lastModified: res.lastModified });
        return { ...base, status: 'unchanged' };
      }
      parsed = await parseFeedBody(res.body, res.contentType, {
        baseUrl: res.url,
        maxItems: config.FEED_MAX_ITEMS,
      });
    } catch (err) {
      return recordFailure(feed, err);
    }
    if (parsed.title && parsed.title !== feed.title) await feeds.setTitle(feed.url, parsed.title);
    const history = !state.initialized;
    let handed = 0;
    let failed = 0;
    // Feeds list newest first; hand off oldest first so alerts come in the order things happened.
    for (const item of [...parsed.items].reverse()) {
      const identity = itemIdentity(item);
      const token = await seen.claim(feed.url, identity);
      if (!token) continue;
      try {
        const article = await buildArticle(
          item,
          { url: feed.url, title: parsed.title },
          { limits: limits(), minChars: config.FULLTEXT_MIN_CHARS },
          new Date(now()),
          (err) =>
            logger.info(
              { feed: feed.url, url: item.link, reason: toFeedError(err).reason },
              'article page not used',
            ),
        );
        await deps.onArticle(article, { feedUrl: feed.url, history, subscriptions: feed.subscriptions });
        await seen.confirm(feed.url, identity, token);
        handed++;
      } catch (err) {
        failed++;
        logger.error({ err, feed: feed.url, identity }, 'hand-off failed; the item will be retried');
        await seen.release(feed.url, identity, token).catch(() => undefined);
      }
    }
    await recordSuccess(feed, {
      itemsSeen: handed,
      // Only a fully handed-off body is remembered; otherwise the next poll must reparse it.
      etag: failed ? undefined : res.etag,
      lastModified: failed ? undefined : res.lastModified,
      bodyHash: failed ? undefined : res.bodyHash,
      initialized: state.initialized || failed === 0,
    });
    return {
      ...base,
      newItems: handed,
      items: parsed.items.length,
      handOffFailures: failed,
      warnings: parsed.warnings,
    };
  }

  async function pollOnce(feedUrl: string): Promise<PollResult> {
    const inFlight = running.get(feedUrl);
    if (inFlight) return { feedUrl, status: 'busy', newItems: 0, handOffFailures: 0, warnings: [] };
    const p = (async (): Promise<PollResult> => {
      const feed = await feeds.get(feedUrl);
      if (!feed) return { feedUrl, status: 'unknown_feed', newItems: 0, handOffFailures: 0, warnings: [] };
      let host = feedUrl;
      try {
        host = new URL(feedUrl).host;
      } catch {
        // a bad URL fails in fetchUrl with its own reason
      }
      return limiter.run(host, () => poll(feed));
    })()
      .catch((err): PollResult => {
        // Nothing escapes a poll: a store error or a bug is logged and reported as a failure.
        logger.error({ err, feed: feedUrl }, 'poll failed unexpectedly');
        const fe = toFeedError(err);
        return {
          feedUrl,
          status: 'failed',
          newItems: 0,
          handOffFailures: 0,
          warnings: [],
          error: { reason: fe.reason, message: fe.message },
        };
      })
      .finally(() => running.delete(feedUrl));
    running.set(feedUrl, p);
    return p;
  }

  async function pollWhere(due: (s: FeedState) => boolean): Promise<PollResult[]> {
    const all = await feeds.list();
    const picked: Feed[] = [];
    for (const feed of all) {
      const s = await feeds.getState(feed.url);
      if (!s.paused && due(s)) picked.push(feed);
    }
    return Promise.all(picked.map((f) => pollOnce(f.url)));
  }

  return {
    pollOnce,
    pollAll: () => pollWhere(() => true),
    tick: () => pollWhere((s) => (s.nextPollAt ?? 0) <= now()),
    start() {
      if (task) return;
      const run = () => {
        // Tracked so stop() also waits for a tick that has not reached pollOnce yet.
        const tick = pollWhere((s) => (s.nextPollAt ?? 0) <= now())
          .catch((err) => logger.error({ err }, 'feed tick failed'))
          .finally(() => ticks.delete(tick));
        ticks.add(tick);
      };
      task = cron.schedule('* * * * *', run, { name: 'feed-poller', noOverlap: true });
      run();
    },
    async stop() {
      await task?.stop();
      task = undefined;
      await Promise.allSettled([...ticks, ...running.values()]);
    },
  };
}
