import { createHash } from 'node:crypto';
import cron, { type ScheduledTask } from 'node-cron';
import { silentLogger } from '../log.ts';
import { createInProcessQueue } from '../queue/inProcess.ts';
import { type JobContext, RetryLater } from '../queue/types.ts';
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

/**
 * What a poll's caller already knows: the feed and its state as it just read them (a feed is polled
 * by one poll at a time, so the poll need not read them again), and who wants the state the poll
 * recorded.
 */
interface Known {
  feed?: Feed;
  state?: FeedState;
  recorded?: (state: FeedState) => void;
}

const TICK_MS = 60_000;

function empty(feedUrl: string, status: PollResult['status']): PollResult {
  return { feedUrl, status, newItems: 0, handOffFailures: 0, warnings: [] };
}

/** A feed's poll for one interval: its id, `poll:<feed>:<intervalStart>`, is unique. */
export interface PollJob {
  feedUrl: string;
  /** The feed's nextPollAt when the job was added: the interval it polls. */
  dueAt: number;
}

/** Short, `:`-free and stable: a job id part for a feed URL. */
export const feedJobKey = (feedUrl: string) =>
  createHash('sha256').update(feedUrl).digest('hex').slice(0, 20);

/**
 * node-cron is the clock: each tick adds a `poll` job for every due feed to the job queue (BullMQ
 * on Redis with several instances, else in-process), and every instance's workers run them. The
 * job id `poll:<feed>:<nextPollAt>` is the same for every instance and every tick until the feed
 * is polled, so a feed is polled once per interval whoever adds it.
 *
 * Loss-free hand-off policy: an item is claimed in the seen store (setIfAbsent) for the poll job
 * before it is handed off and confirmed after; if the hand-off throws, the claim is released AND
 * the feed's ETag/Last-Modified/body hash are not recorded, and the job is retried (exponential
 * backoff), refetching and retrying exactly the items that failed. A worker that dies mid-hand-off
 * leaves its job to the queue's stalled-job recovery; the job runs again under the same id and
 * takes its own unconfirmed claims back at once (others only after the lease, src/store/seen.ts).
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
  // Direct polls (pollOnce, pollAll) claim items as this poller; a claim it could not give back
  // (the store was down) is its own to retake at once.
  const self = `poller-${createHash('sha256').update(String(Math.random())).digest('hex').slice(0, 12)}`;
  const ownQueue = deps.queue === undefined;
  const queue = deps.queue ?? createInProcessQueue();
  const limiter = new HostLimiter(config.FEED_HOST_CONCURRENCY);
  const running = new Map<string, Promise<PollResult>>();
  let task: ScheduledTask | undefined;
  const ticks = new Set<Promise<unknown>>();

  const limits = () => fetchLimits(config);

  async function recordFailure(feed: Feed, err: unknown, known: Known): Promise<PollResult> {
    const fe = toFeedError(err);
    let justPaused = false;
    const state = await feeds.updateState(feed.url, (s) => {
      const next = afterFailure(s, feed, fe, now(), config.FEED_FAILURES_BEFORE_PAUSE);
      justPaused = next.justPaused;
      return next.state;
    });
    known.recorded?.(state);
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

  async function recordSuccess(feed: Feed, patch: Partial<FeedState>, known: Known): Promise<void> {
    const state = await feeds.updateState(feed.url, (s) => afterSuccess(s, feed, patch, now(), random()));
    known.recorded?.(state);
  }

  /** `leaveHost` gives the feed's host slot back: called once the feed's request is over. */
  async function poll(feed: Feed, owner: string, leaveHost: () => void, known: Known): Promise<PollResult> {
    const base = empty(feed.url, 'ok');
    const state = known.state ?? (await feeds.getState(feed.url));
    let res: Awaited<ReturnType<typeof fetchUrl>>;
    let parsed: Awaited<ReturnType<typeof parseFeedBody>>;
    try {
      try {
        res = await fetchUrl(feed.url, {
          ...limits(),
          etag: state.initialized ? state.etag : undefined,
          lastModified: state.initialized ? state.lastModified : undefined,
        });
      } finally {
        // Parsing and the store work that follow keep no request open to the host.
        leaveHost();
      }
      if (res.notModified) {
        await recordSuccess(feed, { itemsSeen: 0 }, known);
        return { ...base, status: 'not_modified' };
      }
      if (state.initialized && res.bodyHash === state.bodyHash) {
        await recordSuccess(feed, { itemsSeen: 0, etag: res.etag, lastModified: res.lastModified }, known);
        return { ...base, status: 'unchanged' };
      }
      parsed = await parseFeedBody(res.body, res.contentType, {
        baseUrl: res.url,
        maxItems: config.FEED_MAX_ITEMS,
      });
    } catch (err) {
      return recordFailure(feed, err, known);
    }
    if (parsed.title && parsed.title !== feed.title) await feeds.setTitle(feed.url, parsed.title);
    const history = !state.initialized;
    let handed = 0;
    let failed = 0;
    // Items seen before, and new ones the triage says concern no tracked case, end here.
    const { items, skipped } = await itemsToHandOff(seen, feed.url, parsed.items, deps.triage);
    for (const item of items) {
      const identity = itemIdentity(item);
      const token = await seen.claim(feed.url, identity, owner);
      if (!token) continue;
      try {
        // A page fetch is a request too: it waits for a slot of the page's host.
        const article = await limiter.run(hostOf(item.link ?? feed.url), () =>
          buildArticle(
            item,
            { url: feed.url, title: parsed.title },
            { limits: limits(), minChars: config.FULLTEXT_MIN_CHARS },
            new Date(now()),
            (err) =>
              logger.info(
                { feed: feed.url, url: item.link, reason: toFeedError(err).reason },
                'article page not used',
              ),
          ),
        );
        await deps.onArticle(article, { feedUrl: feed.url, history, subscriptions: feed.subscriptions });
        await seen.confirm(feed.url, identity, token);
        handed++;
      } catch (err) {
        failed++;
        logger.error({ err, feed: feed.url, identity }, 'hand-off failed; the item will be retried');
        // A release that fails (the store is down) leaves the claim to this owner's next attempt.
        await seen.release(feed.url, identity, token).catch(() => undefined);
      }
    }
    await recordSuccess(
      feed,
      {
        itemsSeen: handed + skipped,
        // Only a fully handed-off body is remembered; otherwise the next poll must reparse it.
        etag: failed ? undefined : res.etag,
        lastModified: failed ? undefined : res.lastModified,
        bodyHash: failed ? undefined : res.bodyHash,
        initialized: state.initialized || failed === 0,
      },
      known,
    );
    return {
      ...base,
      newItems: handed,
      items: parsed.items.length,
      handOffFailures: failed,
      warnings: parsed.warnings,
    };
  }

  function hostOf(feedUrl: string): string {
    try {
      return new URL(feedUrl).host;
    } catch {
      return feedUrl; // a bad URL fails in fetchUrl with its own reason
    }
  }

  /**
   * One poll of a feed in this process at a time. `wait`: queue behind the host's other polls
   * (direct polls); otherwise a busy host makes the job run later (RetryLater) and frees its slot.
   */
  function pollFeed(feedUrl: string, owner: string, wait: boolean, known: Known = {}): Promise<PollResult> {
    const inFlight = running.get(feedUrl);
    if (inFlight) return Promise.resolve(empty(feedUrl, 'busy'));
    let release: (() => void) | undefined;
    if (!wait) {
      release = limiter.tryAcquire(hostOf(feedUrl));
      if (!release) return Promise.reject(new RetryLater(500 + Math.floor(random() * 1_000)));
    }
    const p = (async (): Promise<PollResult> => {
      const feed = known.feed ?? (await feeds.get(feedUrl));
      if (!feed) return empty(feedUrl, 'unknown_feed');
      release ??= await limiter.acquire(hostOf(feedUrl));
      return poll(feed, owner, release, known);
    })()
      .catch((err): PollResult => {
        // Nothing escapes a poll: a store error or a bug is logged and reported as a failure.
        logger.error({ err, feed: feedUrl }, 'poll failed unexpectedly');
        const fe = toFeedError(err);
        return { ...empty(feedUrl, 'failed'), error: { reason: fe.reason, message: fe.message } };
      })
      .finally(() => {
        release?.();
        running.delete(feedUrl);
      });
    running.set(feedUrl, p);
    return p;
  }

  const pollOnce = (feedUrl: string) => pollFeed(feedUrl, self, true);

  /**
   * The poll job: skipped when the feed was paused since, or was already polled for this interval
   * (a first attempt whose feed's nextPollAt moved on: a duplicate add, or a re-run of a job whose
   * worker died after recording the poll). A retry (a hand-off failed) polls again.
   */
  async function pollJob(job: PollJob, ctx: JobContext): Promise<PollResult> {
    const state = await feeds.getState(job.feedUrl);
    if (state.paused) return empty(job.feedUrl, 'paused');
    if (ctx.attempt === 1 && (state.nextPollAt ?? 0) !== job.dueAt) return empty(job.feedUrl, 'not_due');
    let after: FeedState | undefined;
    const result = await pollFeed(job.feedUrl, ctx.id, false, {
      state,
      recorded: (s) => {
        after = s;
      },
    });
    deps.onPolled?.(result);
    if (result.handOffFailures > 0)
      throw new Error(`${result.handOffFailures} item(s) of ${job.feedUrl} not handed off; retrying`);
    // A poll whose outcome could not be recorded (the store was down) is not done: its id would
    // stay the feed's next one, kept as completed, and the feed would wait for it to expire.
    const done =
      ['busy', 'unknown_feed'].includes(result.status) ||
      (after !== undefined && (after.nextPollAt ?? 0) !== job.dueAt);
    if (!done) throw new Error(`the poll of ${job.feedUrl} was not recorded; retrying`);
    return result;
  }

  /** Adds a poll job for every feed that is due (all of them with `all`); the clock's tick. */
  async function enqueue(due: (s: FeedState) => boolean): Promise<PollResult[]> {
    const all = await feeds.list();
    const states = await feeds.getStates(all.map((f) => f.url));
    const jobs = all.flatMap((f, i) => {
      const s = states[i];
      if (s === undefined || s.paused || !due(s)) return [];
      const dueAt = s.nextPollAt ?? 0;
      return [{ id: `poll:${feedJobKey(f.url)}:${dueAt}`, data: { feedUrl: f.url, dueAt } }];
    });
    const results = await queue.addMany<PollJob, PollResult>('poll', jobs);
    return results.filter((r): r is PollResult => r !== undefined);
  }

  /**
   * Due now or before the next tick: ticks come once a minute and a poll ends a little after its
   * tick, so "due by now" alone would poll a 1-minute feed only every other minute.
   */
  const isDue = (s: FeedState) => (s.nextPollAt ?? 0) <= now() + TICK_MS / 2;

  async function pollWhere(due: (s: FeedState) => boolean): Promise<PollResult[]> {
    const all = await feeds.list();
    const states = await feeds.getStates(all.map((f) => f.url));
    const picked = all.flatMap((feed, i) => {
      const state = states[i];
      return state !== undefined && !state.paused && due(state) ? [{ feed, state }] : [];
    });
    // The feed and state just read are the poll's own: a feed is polled by one poll at a time.
    return Promise.all(picked.map((known) => pollFeed(known.feed.url, self, true, known)));
  }

  let working = false;
  /** This process works poll jobs (every instance does; the queue spreads them). */
  const work = () => {
    if (working) return;
    working = true;
    queue.work<PollJob, PollResult>('poll', pollJob, config.QUEUE_POLL_CONCURRENCY ?? 16);
  };

  return {
    pollOnce,
    pollAll: () => pollWhere(() => true),
    tick: () => pollWhere(isDue),
    enqueueDue: (options) => {
      work();
      return enqueue(options?.all ? () => true : isDue);
    },
    work,
    start() {
      if (task) return;
      work();
      const run = () => {
        // One tick at a time: a tick still adding jobs (or, in-process, running them) is not
        // stacked on. The promise is returned so node-cron's noOverlap sees it too.
        if (ticks.size > 0) return [...ticks][0];
        // Tracked so stop() also waits for a tick that has not reached the queue yet.
        const tick = enqueue(isDue)
          .catch((err) => logger.error({ err }, 'feed tick failed'))
          .finally(() => ticks.delete(tick));
        ticks.add(tick);
        return tick;
      };
      // Every instance runs the clock; job ids make the adds of several instances one job.
      task = cron.schedule(deps.schedule ?? '* * * * *', run, { name: 'feed-poller', noOverlap: true });
      run();
    },
    async stop() {
      await task?.stop();
      task = undefined;
      await Promise.allSettled([...ticks, ...running.values()]);
      if (ownQueue) await queue.close();
    },
  };
}
