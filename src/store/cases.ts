import type { CaseDefinition } from '../cases/definition.ts';
import type { Store } from './types.ts';

export interface CaseStore {
  get(slug: string): Promise<CaseDefinition | undefined>;
  list(): Promise<CaseDefinition[]>;
  /** Creates or replaces the definition. */
  put(def: CaseDefinition): Promise<void>;
  /** Removes the definition and every server's tracking of it. */
  remove(slug: string): Promise<boolean>;
  track(guildId: string, slug: string): Promise<void>;
  untrack(guildId: string, slug: string): Promise<boolean>;
  trackedBy(guildId: string): Promise<CaseDefinition[]>;
  guildsTracking(slug: string): Promise<string[]>;
}

const INDEX = '~all';
/** Reads of a server's tracked cases may be this stale: another process's /case track shows up within it. */
const READ_TTL_MS = 1_000;

/** Per store, shared by every repository built on it: each command reads the server's tracked cases. */
const trackedCache = new WeakMap<Store, Map<string, { at: number; value: Promise<CaseDefinition[]> }>>();

/**
 * Case definitions are global (one "rust" case, whoever tracks it); which servers track which case
 * is kept both ways so /status (by server) and alerts (by case) are one read each.
 */
export function createCaseStore(store: Store): CaseStore {
  const defs = store.kv('cases');
  const byGuild = store.kv('guild_cases');
  const byCase = store.kv('case_guilds');
  const addTo = (list: string[] | undefined, item: string) => [...new Set([...(list ?? []), item])].sort();
  const removeFrom = (list: string[] | undefined, item: string) => (list ?? []).filter((x) => x !== item);
  let recent = trackedCache.get(store);
  if (!recent) {
    recent = new Map();
    trackedCache.set(store, recent);
  }
  const cache = recent;
  // A write in this process makes its own reads fresh at once (forgotten before and after it, so
  // a read that raced the write is not kept).
  const forget = () => cache.clear();
  async function readTracked(guildId: string): Promise<CaseDefinition[]> {
    const slugs = (await byGuild.get<string[]>(guildId)) ?? [];
    const all = await defs.getMany<CaseDefinition>(slugs);
    return all.filter((d): d is CaseDefinition => d !== undefined);
  }

  const self: CaseStore = {
    get: (slug) => defs.get<CaseDefinition>(slug),
    async list() {
      const slugs = (await defs.get<string[]>(INDEX)) ?? [];
      const all = await defs.getMany<CaseDefinition>(slugs);
      return all.filter((d): d is CaseDefinition => d !== undefined);
    },
    async put(def) {
      forget();
      await defs.set(def.slug, def);
      await defs.update<string[]>(INDEX, (list) => addTo(list, def.slug));
      forget();
    },
    async remove(slug) {
      forget();
      const existed = await defs.delete(slug);
      await defs.update<string[]>(INDEX, (list) => removeFrom(list, slug));
      for (const guildId of (await byCase.get<string[]>(slug)) ?? []) {
        await byGuild.update<string[]>(guildId, (list) => removeFrom(list, slug));
      }
      await byCase.delete(slug);
      forget();
      return existed;
    },
    async track(guildId, slug) {
      forget();
      await byGuild.update<string[]>(guildId, (list) => addTo(list, slug));
      await byCase.update<string[]>(slug, (list) => addTo(list, guildId));
      forget();
    },
    async untrack(guildId, slug) {
      forget();
      const before = (await byGuild.get<string[]>(guildId)) ?? [];
      await byGuild.update<string[]>(guildId, (list) => removeFrom(list, slug));
      await byCase.update<string[]>(slug, (list) => removeFrom(list, guildId));
      forget();
      return before.includes(slug);
    },
    trackedBy(guildId) {
      const hit = cache.get(guildId);
      if (hit && Date.now() - hit.at < READ_TTL_MS) return hit.value;
      const value = readTracked(guildId);
      cache.set(guildId, { at: Date.now(), value });
      // A failed read is not remembered.
      value.catch(() => cache.delete(guildId));
      return value;
    },
    guildsTracking: async (slug) => (await byCase.get<string[]>(slug)) ?? [],
  };
  return self;
}
