import type { CaseDefinition } from '../cases/definition.ts';
import type { Config } from '../config.ts';
import { toFeedError } from '../feeds/errors.ts';
import { fetchLimits, fetchUrl } from '../feeds/fetch.ts';
import type { PollConfig } from '../feeds/pollerTypes.ts';
import { backoffMs } from '../feeds/schedule.ts';
import { type Logger, silentLogger } from '../log.ts';
import { createInProcessQueue } from '../queue/inProcess.ts';
import type { JobQueue } from '../queue/types.ts';
import { createCaseStore } from '../store/cases.ts';
import type { Store } from '../store/types.ts';
import { defaultCourtFeedUrl } from './courts.ts';
import { casesFollowing, linkedCourts, linkMatches, offerDockets } from './dockets.ts';
import { createEntryGate, type EntryHandOff } from './gate.ts';
import { createDocketOffers } from './offers.ts';
import { type DocketEntry, docketEntriesFromFeed } from './rss.ts';

/**
 * Reads the docket feed of every court where a case follows a docket, through the feed pipeline's
 * fetch (size and time limits, private addresses refused) and parser, and hands each entry of a
 * linked docket to `onEntry` once. No item cap applies: a court's feed carries hundreds of entries
 * of every docket (the byte limit bounds it), and an entry of a linked docket is never cut off.
 * An entry is claimed in the seen store before its hand-off (a repeat, a reordering, a second
 * instance changes nothing) and released when the hand-off fails, so the next poll retries it.
 * The first poll of a court, and the first poll after a docket is linked, only records the
 * entries already there: they are history, not alerts.
 *
 * Every instance runs the clock; each tick adds one `court` job per court to the job queue with
 * the id `court:<court>:<slot>` (slot = the poll interval it belongs to), so however many instances
 * tick, a court is read once per interval, by whichever instance takes the job (src/queue).
 */

export type CourtPollConfig = PollConfig & Pick<Config, 'COURT_POLL_SECONDS' | 'COURT_FEED_URLS'>;

export interface CourtPollerDeps {
  store: Store;
  config: CourtPollConfig;
  logger?: Logger;
  onEntry: EntryHandOff;
  now?: () => number;
  /** The job queue court polls run on; an in-process one of its own when absent. */
  queue?: JobQueue;
}

interface CourtJob {
  court: string;
}

/** A court id as one `:`-free part of a job id. */
const courtJobKey = (court: string) => court.replace(/[^a-z0-9.-]/gi, '_');

export interface CourtPollResult {
  court: string;
  url: string;
  /** `backing_off`: the court failed recently and is not asked again before its next attempt. */
  status: 'ok' | 'failed' | 'backing_off';
  entries: number;
  handed: number;
  failed: number;
  error?: string;
}

interface CourtState {
  /** Linked docket numbers this court's feed was read for: their new entries are news. */
  primed: string[];
  /** Consecutive failures, and when the court may be asked again (exponential backoff). */
  failures?: number;
  retryAt?: number;
}

/** A feed of tens of thousands of items is still bounded by FEED_MAX_BYTES. */
const NO_ITEM_CAP = 1_000_000;

export function courtFeedUrls(config: Pick<Config, 'COURT_FEED_URLS'>): Map<string, string> {
  const map = new Map<string, string>();
  for (const pair of config.COURT_FEED_URLS.split(',')) {
    const at = pair.indexOf('=');
    if (at > 0) map.set(pair.slice(0, at).trim().toLowerCase(), pair.slice(at + 1).trim());
  }
  return map;
}

export function createCourtPoller(deps: CourtPollerDeps) {
  const { config, store } = deps;
  const logger = deps.logger ?? silentLogger;
  const now = deps.now ?? Date.now;
  const cases = createCaseStore(store);
  const pass = createEntryGate(store, config.FEED_CLAIM_LEASE_SECONDS, logger);
  const states = store.kv('court-feed-state');
  const offers = createDocketOffers(store);
  const overrides = courtFeedUrls(config);
  const urlOf = (court: string) => overrides.get(court) ?? defaultCourtFeedUrl(court);
  const ownQueue = deps.queue === undefined;
  const queue = deps.queue ?? createInProcessQueue();
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<unknown> | undefined;

  async function pollCourt(
    court: string,
    linked: CaseDefinition[],
    all: CaseDefinition[],
  ): Promise<CourtPollResult> {
    const url = urlOf(court);
    const result: CourtPollResult = { court, url, status: 'ok', entries: 0, handed: 0, failed: 0 };
    const before = (await states.get<CourtState>(court)) ?? { primed: [] };
    if ((before.retryAt ?? 0) > now()) return { ...result, status: 'backing_off' };
    let entries: DocketEntry[];
    try {
      const res = await fetchUrl(url, fetchLimits(config));
      // Loaded at the first docket poll: the parser pulls in chrono-node, which an idle bot (or one
      // following no docket) never needs.
      const { parseFeedBody } = await import('../feeds/parse.ts');
      const feed = await parseFeedBody(res.body, res.contentType, {
        baseUrl: res.url,
        maxItems: NO_ITEM_CAP,
        keepDescriptionHtml: true,
      });
      entries = docketEntriesFromFeed(feed, court);
    } catch (err) {
      const fe = toFeedError(err);
      // A failing court is asked again after COURT_POLL_SECONDS × 2^failures (at most a day).
      const failures = (before.failures ?? 0) + 1;
      const retryAt = now() + backoffMs(config.COURT_POLL_SECONDS / 60, failures - 1);
      await states.set<CourtState>(court, { ...before, failures, retryAt });
      logger.warn({ court, url, reason: fe.reason, failures }, `court feed failed: ${fe.message}`);
      return { ...result, status: 'failed', error: fe.message };
    }
    result.entries = entries.length;
    const primed = new Set(before.primed);
    const links = linked.flatMap((c) => (c.dockets ?? []).filter((d) => d.court === court));
    // Feeds list newest first; hand off oldest first so alerts come in the order things happened.
    for (const entry of [...entries].reverse()) {
      const following = casesFollowing(linked, entry);
      if (following.length === 0) {
        await offers.note(offerDockets(all, entry), entry);
        continue;
      }
      const history = !links.some((l) => primed.has(l.number) && linkMatches(l, court, entry.docket));
      const outcome = await pass(entry, following, { history }, deps.onEntry);
      if (outcome === 'handed') result.handed++;
      if (outcome === 'failed') result.failed++;
    }
    const numbers = links.map((l) => l.number);
    if ((result.failed === 0 && numbers.some((n) => !primed.has(n))) || before.failures) {
      const next = result.failed === 0 ? [...new Set([...primed, ...numbers])].slice(-500) : before.primed;
      await states.set<CourtState>(court, { primed: next });
    }
    return result;
  }

  async function casesNow() {
    const all = await cases.list();
    return { all, linked: all.filter((c) => (c.dockets ?? []).length > 0) };
  }

  /** Courts given a feed address are read even with no linked docket: their entries can be offered. */
  const courtsToRead = (linked: CaseDefinition[]) => [
    ...new Set([...linkedCourts(linked), ...overrides.keys()]),
  ];

  async function pollAll(): Promise<CourtPollResult[]> {
    const { all, linked } = await casesNow();
    const out: CourtPollResult[] = [];
    // One court at a time: a court's CM/ECF server is never asked twice at once by this process.
    for (const court of courtsToRead(linked)) out.push(await pollCourt(court, linked, all));
    return out;
  }

  /** The clock's tick: a job per court for the current interval (a second instance's adds are the same jobs). */
  async function enqueue(): Promise<void> {
    const { linked } = await casesNow();
    const slot = Math.floor(now() / (config.COURT_POLL_SECONDS * 1000));
    const jobs = courtsToRead(linked).map((court) => ({
      id: `court:${courtJobKey(court)}:${slot}`,
      data: { court },
    }));
    await queue.addMany<CourtJob, CourtPollResult>('court', jobs);
  }

  let working = false;
  /** This process works court jobs, one at a time (every instance does; the queue spreads them). */
  const work = () => {
    if (working) return;
    working = true;
    queue.work<CourtJob, CourtPollResult>(
      'court',
      async ({ court }) => {
        const { all, linked } = await casesNow();
        return pollCourt(court, linked, all);
      },
      1,
    );
  };

  return {
    pollAll,
    /** Adds this interval's court jobs now (what each tick does). */
    enqueue: () => {
      work();
      return enqueue();
    },
    start() {
      if (timer) return;
      work();
      const run = () => {
        running ??= enqueue()
          .catch((err) => logger.error({ err }, 'court poll tick failed'))
          .finally(() => {
            running = undefined;
          });
      };
      timer = setInterval(run, config.COURT_POLL_SECONDS * 1000);
      timer.unref();
      run();
    },
    async stop() {
      clearInterval(timer);
      timer = undefined;
      await running;
      if (ownQueue) await queue.close();
    },
  };
}

export type CourtPoller = ReturnType<typeof createCourtPoller>;
