import type { Store } from '../store/types.ts';
import { type Confidence, confidenceOf } from './confidence.ts';
import { bestDate, bestSummary } from './developments.ts';
import type { CaseKnowledge, Development } from './types.ts';
import { personName } from './views.ts';

/**
 * "Why did casewatch say that?" and "that is wrong": a development's evidence (each outlet's
 * sentence, news or background, and the confidence with its reasons), and a server's corrections.
 * A correction hides a development from that server's /status and /timeline; the development
 * stays in the store, and since development ids survive restarts and re-ingests (an article is
 * merged once per URL, later reports join the same development) a re-ingest never undoes it.
 */

export interface Evidence {
  id: string;
  type: Development['type'];
  status: Development['status'];
  date: string | null;
  who: string | null;
  summary: string;
  confidence: Confidence;
  reports: Array<{ outlet: string; url: string; published: string; sentence: string; news: boolean }>;
}

export function evidenceOf(knowledge: CaseKnowledge, id: string): Evidence | undefined {
  const dev = knowledge.developments.find((d) => d.id === id);
  if (!dev) return undefined;
  return {
    id: dev.id,
    type: dev.type,
    status: dev.status,
    date: bestDate(dev.reports),
    who: personName(knowledge, dev.who),
    summary: bestSummary(dev.reports),
    confidence: confidenceOf(dev, knowledge.people),
    reports: dev.reports.map((r) => ({
      outlet: r.outlet,
      url: r.url,
      published: r.published,
      sentence: r.sentence ?? r.summary,
      news: r.news,
    })),
  };
}

export interface CorrectionStore {
  /**
   * The development ids a server marked wrong in a case (read-only). A /correct in this process
   * shows at once; one made through another process within READ_TTL_MS.
   */
  hidden(guildId: string, slug: string): Promise<Set<string>>;
  /** Marks one wrong; false when it already was. */
  hide(guildId: string, slug: string, id: string): Promise<boolean>;
}

/**
 * Reads of a server's corrections may be this stale (as its tracked cases are, store/cases.ts):
 * /status and /timeline read them on every interaction, almost always to find none.
 */
const READ_TTL_MS = 1_000;
const MAX_REMEMBERED = 10_000;
const recentReads = new WeakMap<Store, Map<string, { at: number; value: Promise<Set<string>> }>>();

export function createCorrectionStore(store: Store): CorrectionStore {
  const kv = store.kv('corrections');
  const key = (guildId: string, slug: string) => `${guildId}|${slug}`;
  let recent = recentReads.get(store);
  if (!recent) {
    recent = new Map();
    recentReads.set(store, recent);
  }
  const cache = recent;
  return {
    hidden(guildId, slug) {
      const k = key(guildId, slug);
      const hit = cache.get(k);
      if (hit && Date.now() - hit.at < READ_TTL_MS) return hit.value;
      const value = kv.get<string[]>(k).then((ids) => new Set(ids ?? []));
      if (cache.size >= MAX_REMEMBERED) cache.clear();
      cache.set(k, { at: Date.now(), value });
      // A failed read is not remembered.
      value.catch(() => cache.delete(k));
      return value;
    },
    async hide(guildId, slug, id) {
      const k = key(guildId, slug);
      let added = false;
      // Forgotten before and after, so a read that raced the write is not kept.
      cache.delete(k);
      try {
        await kv.update<string[]>(k, (ids) => {
          const list = ids ?? [];
          added = !list.includes(id); // afresh on every call (update may call again)
          return added ? [...list, id] : list;
        });
      } finally {
        cache.delete(k);
      }
      return added;
    },
  };
}

/** The case as a server sees it: without the developments it marked wrong (same object when none). */
export function withoutHidden(knowledge: CaseKnowledge, hidden: Set<string>): CaseKnowledge {
  if (hidden.size === 0 || !knowledge.developments.some((d) => hidden.has(d.id))) return knowledge;
  return {
    ...knowledge,
    // A distinct version keeps the per-version memos of the full case apart from this view.
    version: knowledge.version + 0.5,
    developments: knowledge.developments.filter((d) => !hidden.has(d.id)),
  };
}
