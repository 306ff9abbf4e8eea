import cron, { type ScheduledTask } from 'node-cron';
import { silentLogger } from '../log.ts';
import { createFeedStore, type Feed, type FeedState } from '../store/feeds.ts';
import { createSeenStore } from '../store/seen.ts';
import { describeFeedError, toFeedError } from './errors.ts';
import { fetchLimits, fetchUrl } from './fetch.ts';
import { buildArticle } from './fulltext.ts';
import { HostLimiter } from './hostLimiter.ts';
import { itemIdentity } from './identity.ts';
import type { FeedPoller, PollerDeps, PollResult } from './pollerTypes.ts';
import { parseFeedBodyBounded as parseFeedBody } from './sandbox.ts';
import { afterFailure, afterSuccess } from './schedule.ts';
import { itemsToHandOff } from './triage.ts';

export type { FeedPoller, HandOffMeta, PollConfig, PollerDeps, PollResult } from './pollerTypes.ts';

export { backoffMs, MAX_BACKOFF_MS } from './schedule.ts';

const TICK_MS = 60_000;

function empty(feedUrl: string, status: PollResult['status']): PollResult {
  return { feedUrl, status, newItems: 0, handOffFailures: 0, warnings: [] };
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
  const seen = createSeenStore(deps.store, {
    leaseMs:
      config.FEED_CLAIM_LEASE_SECONDS === undefined ? undefined : config.FEED_CLAIM_LEASE_SECONDS * 1000,
  });
  // Claims this process could not give back (the store was down): it may retake them at once.
  const unreleased = new Map<string, string>();
  const limiter = new HostLimiter(config.FEED_HOST_CONCURRENCY);
  const running = new Map<string, Promise<PollResult>>();
  let task: ScheduledTask | undefined;
  const ticks = new Set<Promise<unknown>>();

  const limits = () => fetchLimits(config);

  async function recordFailure(feed: Feed, err: unknown): Promise<PollResult> {
    const fe = toFeedError(err);
    let justPaused = false;
    const state = await feeds.updateState(feed.url, (s) => {
      const next = afterFailure(s, feed, fe, now(), config.FEED_FAILURES_BEFORE_PAUSE);
      justPaused = next.justPaused;
      return next.state;
    });
    logger.warn({ feed: feed.url, reason: fe.reason, failures: state.consecutiveFailures }, fe.message);
    if (justPaused && deps.onPaused) {
      try {
        await deps.onPaused(feed, state.pausedReason ?? describeFeedError(fe));
      } catch (e) {
        logger.error({ err: e, feed: feed.url }, 'onPaused failed');
      }
    }
    return { ...empty(feed.url, 'failed'), error: { reason: fe.reason, message: fe.message } };
  }

  async function recordSuccess(feed: Feed, patch: Partial<FeedState>): Promise<void> {
    await feeds.updateState(feed.url, (s) => afterSuccess(s, feed, patch, now(), random()));
  }

  async function poll(feed: Feed): Promise<PollResult> {
    const base = empty(feed.url, 'ok');
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
    // Items seen before, and new ones the triage says concern no tracked case, end here.
    const { items, skipped } = await itemsToHandOff(seen, feed.url, parsed.items, deps.triage);
    for (const item of items) {
      const identity = itemIdentity(item);
      const key = `${feed.url}\n${identity}`;
      const token = await seen.claim(feed.url, identity, unreleased.get(key));
      if (!token) continue;
      unreleased.delete(key);
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
        await seen.release(feed.url, identity, token).catch(() => unreleased.set(key, token));
      }
    }
    await recordSuccess(feed, {
      itemsSeen: handed + skipped,
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
    if (inFlight) return empty(feedUrl, 'busy');
    const p = (async (): Promise<PollResult> => {
      const feed = await feeds.get(feedUrl);
      if (!feed) return empty(feedUrl, 'unknown_feed');
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
        return { ...empty(feedUrl, 'failed'), error: { reason: fe.reason, message: fe.message } };
      })
      .finally(() => running.delete(feedUrl));
    running.set(feedUrl, p);
    return p;
  }

  /**
   * Due now or before the next tick: ticks come once a minute and a poll ends a little after its
   * tick, so "due by now" alone would poll a 1-minute feed only every other minute.
   */
  const isDue = (s: FeedState) => (s.nextPollAt ?? 0) <= now() + TICK_MS / 2;

  async function pollWhere(due: (s: FeedState) => boolean): Promise<PollResult[]> {
    const all = await feeds.list();
    const states = await feeds.getStates(all.map((f) => f.url));
    const picked = all.filter((_, i) => {
      const s = states[i];
      return s !== undefined && !s.paused && due(s);
    });
    return Promise.all(picked.map((f) => pollOnce(f.url)));
  }

  return {
    pollOnce,
    pollAll: () => pollWhere(() => true),
    tick: () => pollWhere(isDue),
    start() {
      if (task) return;
      const run = () => {
        // One tick at a time: a tick still running (a slow store, 1,000 feeds) is not stacked on.
        // The promise is returned so node-cron's noOverlap sees it too.
        if (ticks.size > 0) return [...ticks][0];
        // Tracked so stop() also waits for a tick that has not reached pollOnce yet.
        const tick = pollWhere(isDue)
          .catch((err) => logger.error({ err }, 'feed tick failed'))
          .finally(() => ticks.delete(tick));
        ticks.add(tick);
        return tick;
      };
      // With a coordinator (several instances on one Redis/PostgreSQL), each minute's tick runs
      // on exactly one instance; a dead instance simply never claims the next one.
      task = cron.schedule(deps.schedule ?? '* * * * *', run, {
        name: 'feed-poller',
        noOverlap: true,
        ...(deps.runCoordinator
          ? { distributed: true, runCoordinator: deps.runCoordinator, distributedLease: 55_000 }
          : {}),
      });
      run();
    },
    async stop() {
      await task?.stop();
      task = undefined;
      await Promise.allSettled([...ticks, ...running.values()]);
    },
  };
}
