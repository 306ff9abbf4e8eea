import type { AlertDecision } from '../alerts/types.ts';
import type { Facts } from '../facts.ts';
import { type Logger, silentLogger } from '../log.ts';
import type { Store } from '../store/types.ts';
import type { CaseDefinition } from './definition.ts';
import { emptyKnowledge, type MergeInput, mergeArticle } from './merge.ts';
import { canonicalUrl } from './sources.ts';
import type { CaseKnowledge, QuoteRecord } from './types.ts';
import { toView } from './views.ts';

/**
 * Per-case knowledge in the store, kept as an append-only log of merges (namespace `case-log`,
 * key `<slug>|<n>`: the definition, the article's identity and its facts) plus an occasional
 * snapshot (`case-snapshot`). The knowledge is the log replayed through `mergeArticle`, which is
 * deterministic, so:
 * - a write stores one small entry (not the whole case), claimed with setIfAbsent on the next
 *   slot: two writers (two processes) can never both take slot n, and the loser replays the
 *   winner's entry and tries the next slot, so no merge is ever lost;
 * - a reader keeps the case in memory and asks the store whether slot n+1 exists, replaying new
 *   entries when there are some; where the store has change notices (store.changes: SQLite, Redis,
 *   memory), a writer announces each append and a reader asks only when a notice for the case came
 *   since it last asked (or the notices stopped, or TRUST_MS passed): a /status reads no store.
 *   On SQLite the notice is the database files having moved (checked with two stat calls on each
 *   read), so another process's merge still shows at once.
 * - what a merge produced (its alerts and quotes) is part of its log entry, so a merge is one write
 *   (one round trip per case and article, however many facts it holds);
 * - quotes are kept in memory per case and speaker, built by the same replay, and saved with the
 *   snapshot: /quotes parses nothing on the interaction path.
 * A snapshot is written every SNAPSHOT_EVERY entries, so a cold read (after a restart) parses one
 * snapshot and replays fewer than SNAPSHOT_EVERY entries; `warm` does that ahead of the first
 * interaction. Namespaces `case-quotes` and `case-effects` are what older versions wrote: read as
 * a fallback, deleted with the case.
 */

export interface MergeOutcome {
  changed: boolean;
  alerts: Array<Pick<AlertDecision, 'kind' | 'development' | 'confidence'>>;
  quotes: QuoteRecord[];
  /**
   * When the article was merged before: the alerts and quotes that merge produced, so a caller
   * that crashed before finishing them (posting, storing quotes) can finish them now. Both are
   * idempotent downstream (alert keys, quote de-duplication).
   */
  replay?: {
    alerts: Array<Pick<AlertDecision, 'kind' | 'development' | 'confidence'>>;
    quotes: QuoteRecord[];
  };
}

export interface KnowledgeStore {
  /** The case's knowledge, caught up with the store (empty when nothing was ingested). Read-only. */
  get(slug: string): Promise<CaseKnowledge>;
  /** Merges one article's facts into a case; idempotent per URL. */
  merge(
    definition: CaseDefinition,
    article: MergeInput,
    facts: Facts,
    options: { history: boolean },
  ): Promise<MergeOutcome>;
  /**
   * Whether the case has the article (canonical URL) already, for a writer deciding whether to
   * extract it: answered from this process's copy when that was caught up within FRESH_MS (a
   * merge of it another process made since is then found by the merge itself: its slot is taken).
   */
  knows(slug: string, url: string): Promise<boolean>;
  /** Quotes of one person (registry id; null = unnamed speakers), or of everyone when undefined. Read-only. */
  quotes(slug: string, personId?: string | null): Promise<QuoteRecord[]>;
  remove(slug: string): Promise<void>;
  /** Loads these cases (snapshot and log tail) one after another, yielding between them. */
  warm(slugs: string[]): Promise<void>;
  /**
   * Calls `listener` with a case's slug whenever this process's copy of it changed (a merge here,
   * or entries another process appended, once read). For work that follows a change off the
   * interaction path (rendering answers ahead); it must not throw nor block. Returns an unsubscribe.
   */
  onChange(listener: (slug: string) => void): () => void;
}

interface LogEntry {
  definition: CaseDefinition;
  article: MergeInput;
  facts: Facts;
  history: boolean;
  /** What the merge produced (absent in entries older versions wrote: see `case-effects`). */
  effects?: NonNullable<MergeOutcome['replay']>;
}

/** A case as this process holds it: the knowledge, its quotes by speaker, each article's slot. */
interface CaseState {
  k: CaseKnowledge;
  quotes: Map<string, QuoteRecord[]>;
  slots: Map<string, number>;
}

/**
 * The snapshot as stored (format 7: reports carry the facts contract's act fields, plea kind to the
 * appeal fields, the proceeding, as charges do, a hearing's kind and a repeated date; an older
 * snapshot, or one without `format`, is dropped and the log replayed).
 */
interface Snapshot {
  format: 7;
  knowledge: CaseKnowledge;
  quotes: Record<string, QuoteRecord[]>;
  slots: Record<string, number>;
}

const UNNAMED = '~';
/** Change notice topic of a case's log: this prefix and the slug. */
const TOPIC = 'case-log:';
const BATCH = 100;
const SNAPSHOT_EVERY = 50;
const MAX_ATTEMPTS = 100;
/**
 * A writer trusts its copy of a case caught up this recently and appends without asking the store
 * first: the append claims the next slot atomically, so a merge another process made in between
 * only costs a reload (a reader, /status, always asks).
 */
const FRESH_MS = 1_000;
/**
 * With change notices, a reader trusts its copy at most this long without asking the store: a
 * writer that died between its append and its notice delays that append by this much at worst.
 */
const TRUST_MS = 30_000;

const instances = new WeakMap<Store, KnowledgeStore>();
/** Where a log entry that cannot be replayed is reported (the latest logger given for the store). */
const loggers = new WeakMap<Store, Logger>();

/** One instance per store, so every caller in the process shares the in-memory cases. */
export function createKnowledgeStore(store: Store, logger?: Logger): KnowledgeStore {
  if (logger) loggers.set(store, logger);
  let instance = instances.get(store);
  if (!instance) {
    instance = build(store);
    instances.set(store, instance);
  }
  return instance;
}

function build(store: Store): KnowledgeStore {
  const log = store.kv('case-log');
  const snapshots = store.kv('case-snapshot');
  /** Written by older versions only: quote lists and merge effects. */
  const legacyQuotes = store.kv('case-quotes');
  const legacyEffects = store.kv('case-effects');
  const cache = new Map<string, CaseState>();
  /** Cold loads in flight, so concurrent first readers of a case share one. */
  const loading = new Map<string, Promise<CaseState>>();
  /** When each cached case was last found caught up with the log. */
  const caughtUpAt = new Map<string, number>();
  /** Merges of one case in this process run one after another. */
  const queues = new Map<string, Promise<unknown>>();
  const listeners = new Set<(slug: string) => void>();
  /**
   * Notices heard per case, and for every case at once (missed notices, a change of unknown
   * topic); a copy is trusted while both counts are what they were when it last asked the store.
   */
  const feed = store.changes;
  const notices = new Map<string, number>();
  let everything = 0;
  const asked = new Map<string, { case: number; all: number; at: number }>();
  feed?.subscribe((topic) => {
    if (topic === undefined) everything++;
    else if (topic.startsWith(TOPIC)) {
      const slug = topic.slice(TOPIC.length);
      notices.set(slug, (notices.get(slug) ?? 0) + 1);
    }
  });
  /** The cached case when no notice came since it last asked the store (see TRUST_MS). */
  function trusted(slug: string): CaseState | undefined {
    const mark = asked.get(slug);
    if (!mark || !feed?.live()) return undefined;
    feed.check?.();
    if (mark.case !== (notices.get(slug) ?? 0) || mark.all !== everything) return undefined;
    return Date.now() - mark.at < TRUST_MS ? cache.get(slug) : undefined;
  }
  function changed(slug: string) {
    for (const listener of listeners) {
      try {
        listener(slug);
      } catch (err) {
        (loggers.get(store) ?? silentLogger).warn({ err, case: slug }, 'case change listener failed');
      }
    }
  }

  /**
   * Applies one log entry as slot `slot`. An entry that cannot be merged (a bug, a malformed
   * record) is skipped rather than blocking the case forever, and reported: a skipped entry is
   * an article missing from the case.
   */
  function apply(state: CaseState, entry: LogEntry, slot: number) {
    const k = state.k;
    try {
      const result = mergeArticle(k, entry.definition, entry.article, entry.facts, {
        history: entry.history,
      });
      if (result.changed) {
        state.slots.set(canonicalUrl(entry.article.url), slot);
        addQuotes(state, result.quotes);
      }
      return result;
    } catch (err) {
      (loggers.get(store) ?? silentLogger).error(
        { err, case: k.slug, slot, url: entry?.article?.url },
        'case log entry could not be merged; the case goes on without it',
      );
      return undefined;
    } finally {
      k.version = slot;
    }
  }

  async function load(slug: string): Promise<CaseState> {
    const snap = await snapshots.get<Snapshot | CaseKnowledge>(slug);
    if (snap && 'format' in snap && snap.format === 7)
      return {
        k: snap.knowledge,
        quotes: new Map(Object.entries(snap.quotes)),
        slots: new Map(Object.entries(snap.slots)),
      };
    // No snapshot, or one of an older format: the log alone is the truth.
    return { k: emptyKnowledge(slug), quotes: new Map(), slots: new Map() };
  }

  /** Applies every entry after the cached version (the log, not a counter, is the truth). */
  async function catchUp(slug: string): Promise<CaseState> {
    // Notices counted before the first read: one that comes later may be about an entry it missed.
    const mark = { case: notices.get(slug) ?? 0, all: everything, at: Date.now() };
    let state = cache.get(slug);
    // A warm cache usually has nothing new: probe one slot; a cold one reads in batches.
    let size = 1;
    if (!state) {
      let pending = loading.get(slug);
      if (!pending) {
        pending = load(slug).finally(() => loading.delete(slug));
        loading.set(slug, pending);
      }
      const loaded = await pending;
      state = cache.get(slug);
      if (!state) {
        state = loaded;
        cache.set(slug, state);
      }
      size = BATCH;
    }
    for (;;) {
      const from = state.k.version + 1;
      const keys = Array.from({ length: size }, (_, i) => `${slug}|${from + i}`);
      const entries = await log.getMany<LogEntry>(keys);
      // Another reader of this case may have applied these entries while we waited.
      if (state.k.version !== from - 1) continue;
      let applied = 0;
      for (const entry of entries) {
        if (!entry) break;
        apply(state, entry, from + applied);
        applied++;
      }
      if (applied > 0) changed(slug);
      if (applied < keys.length) {
        caughtUpAt.set(slug, Date.now());
        if (cache.get(slug) === state) asked.set(slug, mark);
        return state;
      }
      size = BATCH;
    }
  }

  /** The cached case when it was caught up within FRESH_MS (see `knows`). */
  function fresh(slug: string): CaseState | undefined {
    const at = caughtUpAt.get(slug);
    return at !== undefined && Date.now() - at < FRESH_MS ? cache.get(slug) : undefined;
  }

  function forget(slug: string) {
    cache.delete(slug);
    caughtUpAt.delete(slug);
    asked.delete(slug);
  }

  async function effectsOf(slug: string, state: CaseState, url: string) {
    const slot = state.slots.get(url);
    const entry = slot === undefined ? undefined : await log.get<LogEntry>(`${slug}|${slot}`);
    return entry?.effects ?? (await legacyEffects.get<NonNullable<MergeOutcome['replay']>>(`${slug}|${url}`));
  }

  async function mergeNow(
    definition: CaseDefinition,
    article: MergeInput,
    facts: Facts,
    options: { history: boolean },
  ): Promise<MergeOutcome> {
    const slug = definition.slug;
    const url = canonicalUrl(article.url);
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      const state = (attempt === 0 && fresh(slug)) || (await catchUp(slug));
      const k = state.k;
      if (k.articles[url] !== undefined) {
        return { changed: false, alerts: [], quotes: [], replay: await effectsOf(slug, state, url) };
      }
      const slot = k.version + 1;
      const entry: LogEntry = {
        definition,
        article: {
          url: article.url,
          title: article.title,
          published: article.published,
          outlet: article.outlet,
        },
        facts,
        history: options.history,
      };
      // Merge into the cached case first, so what the merge produces goes into the same entry
      // that makes it visible: one write, and a crash leaves either all of it or nothing.
      const result = apply(state, entry, slot);
      let alerts: MergeOutcome['alerts'] = [];
      try {
        if (!result) throw new Error(`knowledge store: could not merge ${article.url} into "${slug}"`);
        // Views are taken now: later merges keep mutating the cached developments.
        alerts = result.decisions.map((d) => ({
          kind: d.kind,
          development: toView(k, { dev: d.development, reports: d.development.reports }),
          ...(d.confidence ? { confidence: d.confidence } : {}),
        }));
        entry.effects = { alerts, quotes: result.quotes };
        if (!(await log.setIfAbsent(`${slug}|${slot}`, entry))) {
          // Another process took the slot: forget this speculative merge and replay theirs.
          forget(slug);
          continue;
        }
        // Committed: tell the other processes' readers (they ask the store at the latest after
        // TRUST_MS if this notice is lost).
        feed
          ?.publish(`${TOPIC}${slug}`)
          .catch((err: unknown) =>
            (loggers.get(store) ?? silentLogger).warn(
              { err, case: slug },
              'could not announce a case change',
            ),
          );
      } catch (err) {
        // The store failed (or the merge did): the cached case no longer matches the log.
        forget(slug);
        throw err;
      }
      if (k.version % SNAPSHOT_EVERY === 0) await snapshots.set(slug, snapshotOf(state));
      if (result.changed) changed(slug);
      return { changed: result.changed, alerts, quotes: result.quotes };
    }
    throw new Error(`knowledge store: could not append to case "${slug}" (too much contention)`);
  }

  return {
    get: async (slug) => (trusted(slug) ?? (await catchUp(slug))).k,
    async knows(slug, url) {
      const state = fresh(slug) ?? (await catchUp(slug));
      return state.k.articles[url] !== undefined;
    },
    merge(definition, article, facts, options) {
      const slug = definition.slug;
      const previous = queues.get(slug) ?? Promise.resolve();
      const run = previous.catch(() => undefined).then(() => mergeNow(definition, article, facts, options));
      queues.set(slug, run);
      return run.finally(() => {
        if (queues.get(slug) === run) queues.delete(slug);
      });
    },
    async quotes(slug, personId) {
      const state = trusted(slug) ?? (await catchUp(slug));
      if (personId !== undefined) return state.quotes.get(personId ?? UNNAMED) ?? [];
      const order = [...state.k.people.map((p) => p.id), UNNAMED];
      return order.flatMap((id) => state.quotes.get(id) ?? []);
    },
    async remove(slug) {
      // Every key of the case, whatever wrote it: log entries appended after this process last
      // read, and what older versions kept apart (quote lists, merge effects).
      const prefix = `${slug}|`;
      for (const kv of [log, legacyQuotes, legacyEffects]) {
        const keys: string[] = [];
        for await (const key of kv.keys()) if (key.startsWith(prefix)) keys.push(key);
        for (const key of keys) await kv.delete(key);
      }
      await snapshots.delete(slug);
      forget(slug);
    },
    async warm(slugs) {
      for (const slug of slugs) {
        await catchUp(slug);
        await new Promise((resolve) => setImmediate(resolve));
      }
    },
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/** Adds a merge's quotes to the case's lists, once per speaker, URL and text. */
function addQuotes(state: CaseState, quotes: QuoteRecord[]) {
  for (const q of quotes) {
    const id = q.person ?? UNNAMED;
    let list = state.quotes.get(id);
    if (!list) {
      list = [];
      state.quotes.set(id, list);
    }
    if (!list.some((o) => o.url === q.url && o.text === q.text)) list.push(q);
  }
}

function snapshotOf(state: CaseState): Snapshot {
  return {
    format: 7,
    knowledge: state.k,
    quotes: Object.fromEntries(state.quotes),
    slots: Object.fromEntries(state.slots),
  };
}
