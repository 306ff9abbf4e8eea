import { type CaseDefinition, caseDefinitionSchema } from '../cases/definition.ts';
import type { Store } from './types.ts';

/** What a server's `/case track` did (see `trackAs`). */
export interface TrackResult {
  def: CaseDefinition;
  /** created: a new case of this server; updated: this server's case got the new names; shared: the operator's case, as the operator defined it. */
  outcome: 'created' | 'updated' | 'shared';
}

/** Thrown when a server's additions would take its case past the definition's limits. */
export class CaseLimitError extends Error {
  override name = 'CaseLimitError';
}

export interface CaseStore {
  get(slug: string): Promise<CaseDefinition | undefined>;
  list(): Promise<CaseDefinition[]>;
  /** Creates or replaces the definition. */
  put(def: CaseDefinition): Promise<void>;
  /** Removes the definition and every server's tracking of it. */
  remove(slug: string): Promise<boolean>;
  /**
   * A server tracks a case by definition (`/case track`): a slug that is free becomes this server's
   * own case; its own case gets the new aliases and defendants (re-validated, under the key's lock,
   * so concurrent tracks lose nothing); the operator's case is tracked as it is. A slug owned by
   * another server is never read back nor changed: the server gets its own case under a free
   * variant of the slug ("rust-2").
   */
  trackAs(guildId: string, def: CaseDefinition): Promise<TrackResult>;
  /** Tracks an existing case; refuses one owned by another server. */
  track(guildId: string, slug: string): Promise<void>;
  untrack(guildId: string, slug: string): Promise<boolean>;
  trackedBy(guildId: string): Promise<CaseDefinition[]>;
  guildsTracking(slug: string): Promise<string[]>;
}

const INDEX = '~all';
const MAX_SLUG_VARIANTS = 20;

/** "rust" → "rust-2", kept within the slug's 64 characters. */
function variant(slug: string, n: number): string {
  return `${slug.slice(0, 64 - String(n).length - 1)}-${n}`;
}

/** A merged definition is validated again: limits hold for the sum, not only for each addition. */
function withinLimits(def: CaseDefinition): CaseDefinition {
  const checked = caseDefinitionSchema.safeParse(def);
  if (!checked.success) {
    const issue = checked.error.issues[0];
    throw new CaseLimitError(`${issue?.path.join('.') || 'case'}: ${issue?.message}`);
  }
  return { ...checked.data, owner: def.owner };
}
/** Reads of a server's tracked cases may be this stale: another process's /case track shows up within it. */
const READ_TTL_MS = 1_000;

/** Per store, shared by every repository built on it: each command reads the server's tracked cases. */
const trackedCache = new WeakMap<Store, Map<string, { at: number; value: Promise<CaseDefinition[]> }>>();

/**
 * Tenancy: a case created by a server's `/case track` belongs to that server (`owner`): no other
 * server can see it, track it or change it. The operator's cases (config/cases.json, the CLI) have
 * no owner and are shared by every server that tracks them. Which servers track which case is kept
 * both ways so /status (by server) and alerts (by case) are one read each.
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
    async trackAs(guildId, wanted) {
      forget();
      for (let n = 1; n <= MAX_SLUG_VARIANTS; n++) {
        const slug = n === 1 ? wanted.slug : variant(wanted.slug, n);
        let outcome: TrackResult['outcome'] | 'taken' = 'taken';
        const saved = await defs.update<CaseDefinition>(slug, (cur) => {
          outcome = 'taken'; // afresh on every call (update may call again)
          if (!cur) {
            outcome = 'created';
            return { ...wanted, slug, owner: guildId };
          }
          if (cur.owner === undefined) outcome = 'shared';
          if (cur.owner !== guildId) return cur;
          outcome = 'updated';
          return withinLimits({
            ...cur,
            aliases: [...new Set([...cur.aliases, ...wanted.aliases])],
            defendants: [...new Set([...cur.defendants, ...wanted.defendants])],
          });
        });
        if (outcome === 'taken' || !saved) continue;
        if (outcome === 'created') await defs.update<string[]>(INDEX, (list) => addTo(list, slug));
        await self.track(guildId, slug);
        return { def: saved, outcome };
      }
      throw new CaseLimitError(`every variant of the slug "${wanted.slug}" is taken; choose another slug`);
    },
    async track(guildId, slug) {
      forget();
      const def = await defs.get<CaseDefinition>(slug);
      if (def?.owner !== undefined && def.owner !== guildId)
        throw new Error(`case ${slug} belongs to another server`);
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
