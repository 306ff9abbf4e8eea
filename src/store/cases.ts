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

  const self: CaseStore = {
    get: (slug) => defs.get<CaseDefinition>(slug),
    async list() {
      const slugs = (await defs.get<string[]>(INDEX)) ?? [];
      const all = await defs.getMany<CaseDefinition>(slugs);
      return all.filter((d): d is CaseDefinition => d !== undefined);
    },
    async put(def) {
      await defs.set(def.slug, def);
      await defs.update<string[]>(INDEX, (list) => addTo(list, def.slug));
    },
    async remove(slug) {
      const existed = await defs.delete(slug);
      await defs.update<string[]>(INDEX, (list) => removeFrom(list, slug));
      for (const guildId of (await byCase.get<string[]>(slug)) ?? []) {
        await byGuild.update<string[]>(guildId, (list) => removeFrom(list, slug));
      }
      await byCase.delete(slug);
      return existed;
    },
    async track(guildId, slug) {
      await byGuild.update<string[]>(guildId, (list) => addTo(list, slug));
      await byCase.update<string[]>(slug, (list) => addTo(list, guildId));
    },
    async untrack(guildId, slug) {
      const before = (await byGuild.get<string[]>(guildId)) ?? [];
      await byGuild.update<string[]>(guildId, (list) => removeFrom(list, slug));
      await byCase.update<string[]>(slug, (list) => removeFrom(list, guildId));
      return before.includes(slug);
    },
    async trackedBy(guildId) {
      const slugs = (await byGuild.get<string[]>(guildId)) ?? [];
      const all = await defs.getMany<CaseDefinition>(slugs);
      return all.filter((d): d is CaseDefinition => d !== undefined);
    },
    guildsTracking: async (slug) => (await byCase.get<string[]>(slug)) ?? [],
  };
  return self;
}
