import type { AlertDecision } from '../alerts/types.ts';
import type { Facts } from '../facts.ts';
import { type Logger, silentLogger } from '../log.ts';
import type { Store } from '../store/types.ts';
import type { CaseDefinition } from './definition.ts';
import { canonicalUrl, emptyKnowledge, type MergeInput, mergeArticle } from './merge.ts';
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
 * - a reader keeps the case in memory and only asks the store whether slot n+1 exists (one small
 *   read per /status), replaying new entries when there are some.
 * Quotes are kept apart (`case-quotes`, one list per case and speaker): only /quotes reads them.
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
  addQuotes(slug: string, quotes: QuoteRecord[]): Promise<void>;
  /** Quotes of one person (registry id; null = unnamed speakers), or of everyone when undefined. */
  quotes(slug: string, personId?: string | null): Promise<QuoteRecord[]>;
  remove(slug: string): Promise<void>;
}

interface LogEntry {
  definition: CaseDefinition;
  article: MergeInput;
  facts: Facts;
  history: boolean;
}

const UNNAMED = '~';
const BATCH = 100;
const SNAPSHOT_EVERY = 250;
const MAX_ATTEMPTS = 100;

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
  const quoteLists = store.kv('case-quotes');
  /** What each merge produced (alerts, quotes), by case and article URL: see MergeOutcome.replay. */
  const effects = store.kv('case-effects');
  const cache = new Map<string, CaseKnowledge>();
  /** Merges of one case in this process run one after another. */
  const queues = new Map<string, Promise<unknown>>();

  /**
   * Applies one log entry as slot `slot`. An entry that cannot be merged (a bug, a malformed
   * record) is skipped rather than blocking the case forever, and reported: a skipped entry is
   * an article missing from the case.
   */
  function apply(k: CaseKnowledge, entry: LogEntry, slot: number) {
    try {
      return mergeArticle(k, entry.definition, entry.article, entry.facts, { history: entry.history });
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

  /** Applies every entry after the cached version (the log, not a counter, is the truth). */
  async function catchUp(slug: string): Promise<CaseKnowledge> {
    let k = cache.get(slug);
    // A warm cache usually has nothing new: probe one slot; a cold one reads in batches.
    let size = 1;
    if (!k) {
      k = (await snapshots.get<CaseKnowledge>(slug)) ?? emptyKnowledge(slug);
      cache.set(slug, k);
      size = BATCH;
    }
    for (;;) {
      const from = k.version + 1;
      const keys = Array.from({ length: size }, (_, i) => `${slug}|${from + i}`);
      const entries = await log.getMany<LogEntry>(keys);
      let applied = 0;
      for (const entry of entries) {
        if (!entry) break;
        apply(k, entry, from + applied);
        applied++;
      }
      if (applied < keys.length) return k;
      size = BATCH;
    }
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
      const k = await catchUp(slug);
      if (k.articles[url] !== undefined) {
        const replay = await effects.get<NonNullable<MergeOutcome['replay']>>(`${slug}|${url}`);
        return { changed: false, alerts: [], quotes: [], replay };
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
      // Merge into the cached case first, so what the merge produces can be stored before the
      // entry that makes it visible: a crash in between leaves nothing half-done.
      const result = apply(k, entry, slot);
      let alerts: MergeOutcome['alerts'] = [];
      try {
        if (!result) throw new Error(`knowledge store: could not merge ${article.url} into "${slug}"`);
        alerts = result.decisions.map((d) => ({
          kind: d.kind,
          development: toView(k, { dev: d.development, reports: d.development.reports }),
          ...(d.confidence ? { confidence: d.confidence } : {}),
        }));
        await effects.set(`${slug}|${url}`, { alerts, quotes: result.quotes });
        if (!(await log.setIfAbsent(`${slug}|${slot}`, entry))) {
          // Another process took the slot: forget this speculative merge and replay theirs.
          cache.delete(slug);
          continue;
        }
      } catch (err) {
        // The store failed (or the merge did): the cached case no longer matches the log.
        cache.delete(slug);
        throw err;
      }
      if (!result) continue;
      // Views are taken now: later merges keep mutating the cached developments.
      if (k.version % SNAPSHOT_EVERY === 0) await snapshots.set(slug, k);
      return { changed: result.changed, alerts, quotes: result.quotes };
    }
    throw new Error(`knowledge store: could not append to case "${slug}" (too much contention)`);
  }

  return {
    get: (slug) => catchUp(slug),
    merge(definition, article, facts, options) {
      const slug = definition.slug;
      const previous = queues.get(slug) ?? Promise.resolve();
      const run = previous.catch(() => undefined).then(() => mergeNow(definition, article, facts, options));
      queues.set(slug, run);
      return run.finally(() => {
        if (queues.get(slug) === run) queues.delete(slug);
      });
    },
    async addQuotes(slug, quotes) {
      const byPerson = new Map<string, QuoteRecord[]>();
      for (const q of quotes) {
        const key = `${slug}|${q.person ?? UNNAMED}`;
        byPerson.set(key, [...(byPerson.get(key) ?? []), q]);
      }
      for (const [key, list] of byPerson) {
        await quoteLists.update<QuoteRecord[]>(key, (current) => {
          const out = current ? [...current] : [];
          for (const q of list) if (!out.some((o) => o.url === q.url && o.text === q.text)) out.push(q);
          return out;
        });
      }
    },
    async quotes(slug, personId) {
      if (personId !== undefined)
        return (await quoteLists.get<QuoteRecord[]>(`${slug}|${personId ?? UNNAMED}`)) ?? [];
      const knowledge = await catchUp(slug);
      const keys = [...knowledge.people.map((p) => `${slug}|${p.id}`), `${slug}|${UNNAMED}`];
      const lists = await quoteLists.getMany<QuoteRecord[]>(keys);
      return lists.flatMap((l) => l ?? []);
    },
    async remove(slug) {
      // Every key of the case, whatever wrote it: quote lists of speakers no longer among the
      // people, what each merge produced, log entries appended after this process last read.
      const prefix = `${slug}|`;
      for (const kv of [log, quoteLists, effects]) {
        const keys: string[] = [];
        for await (const key of kv.keys()) if (key.startsWith(prefix)) keys.push(key);
        for (const key of keys) await kv.delete(key);
      }
      await snapshots.delete(slug);
      cache.delete(slug);
    },
  };
}
