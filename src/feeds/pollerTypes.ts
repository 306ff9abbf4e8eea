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
  Partial<Pick<Config, 'FEED_CLAIM_LEASE_SECONDS'>>;

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
  /** node-cron distributed coordination (src/feeds/coordinator.ts) when instances share a store. */
  runCoordinator?: import('node-cron').RunCoordinator;
  /** The tick's cron expression (default every minute; tests tick every second: '* * * * * *'). */
  schedule?: string;
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
