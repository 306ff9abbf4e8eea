import type { Config } from '../config.ts';
import type { Article } from '../facts.ts';
import type { Logger } from '../log.ts';
import type { Feed, FeedSubscription } from '../store/feeds.ts';
import type { Store } from '../store/types.ts';

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
> &
  Partial<Pick<Config, 'FEED_CLAIM_LEASE_SECONDS' | 'QUEUE_POLL_CONCURRENCY'>>;

export interface PollerDeps {
  store: Store;
  config: PollConfig;
  logger?: Logger;
  /** The hand-off (ingestArticle). A throw un-claims the item so the next poll retries it. */
  onArticle(article: Article, meta: HandOffMeta): Promise<void>;
  /**
   * Which new items may be about a tracked case (from title and feed text, before any page
   * fetch): the others are recorded as seen, never fetched nor handed off. Without it every new
   * item is handed off (src/feeds/triage.ts has the bot's).
   */
  triage?: import('./triage.ts').ItemTriage;
  /** Called once when a feed is paused after too many consecutive failures. */
  onPaused?(feed: Feed, reason: string): Promise<void> | void;
  now?: () => number;
  random?: () => number;
  /**
   * The job queue polls run on (src/queue): the app's, shared with delivery (BullMQ on Redis when
   * instances share the work). Default: a queue inside this poller.
   */
  queue?: import('../queue/types.ts').JobQueue;
  /** Each poll job's result (metrics). */
  onPolled?(result: PollResult): void;
  /** The tick's cron expression (default every minute; tests tick every second: '* * * * * *'). */
  schedule?: string;
}

export interface PollResult {
  feedUrl: string;
  /** `not_due`: a poll job whose interval was already polled (or the feed paused since): skipped. */
  status: 'ok' | 'not_modified' | 'unchanged' | 'failed' | 'paused' | 'busy' | 'unknown_feed' | 'not_due';
  newItems: number;
  /** Items the feed yielded this poll (before dedupe). */
  items?: number;
  handOffFailures: number;
  warnings: string[];
  error?: { reason: string; message: string };
}

export interface FeedPoller {
  pollOnce(feedUrl: string): Promise<PollResult>;
  /** Polls every feed that is not paused, due or not. */
  pollAll(): Promise<PollResult[]>;
  /** Polls the feeds that are due now, in this process, without the queue. */
  tick(): Promise<PollResult[]>;
  /**
   * What the clock does each minute: a poll job for each due feed (each feed with `all`).
   * In-process it resolves with the polls' results once they ran; on Redis, once they are queued.
   */
  enqueueDue(options?: { all?: boolean }): Promise<PollResult[]>;
  /** Works poll jobs in this process (start() does; an instance may work without a clock). */
  work(): void;
  /** Works poll jobs and starts the clock. */
  start(): void;
  /** Stops the clock and waits for polls in flight (the app stops the shared queue's workers). */
  stop(): Promise<void>;
}
