import type { CaseKnowledge } from '../cases/types.ts';

/**
 * What a command rendered, kept per case version so a repeated /status, /timeline page or /quotes
 * list costs a map lookup instead of building the embeds again (and the garbage that makes the
 * tail). The key holds everything the rendering reads:
 * - the case as this process holds it (`caseKey`: the knowledge object's identity and version): a
 *   merge bumps the version and a reload (another process won a slot, the case was removed) gives
 *   a new object, so an entry for older knowledge is never read again;
 * - the server and the developments it hid with /correct: one server never gets another's view,
 *   and a correction changes the key at once;
 * - the day (as-of computations), the case's name and the command's own options.
 * Entries are dropped least recently used first.
 */
const MAX_ENTRIES = 2_000;
const entries = new Map<string, unknown>();
const identities = new WeakMap<object, number>();
let nextIdentity = 1;

export function caseKey(knowledge: CaseKnowledge): string {
  let id = identities.get(knowledge);
  if (id === undefined) {
    id = nextIdentity++;
    identities.set(knowledge, id);
  }
  return `${id}.${knowledge.version}`;
}

/** A server's hidden developments as part of a key (sorted: the same set, the same key). */
export function hiddenKey(hidden: Set<string>): string {
  return [...hidden].sort().join(',');
}

/**
 * The cached rendering for `key`, or `build()`'s, remembered. Callers must not mutate it. A build
 * that throws (or a promise that rejects: a UserError) is not remembered.
 */
export function rendered<T>(key: Array<string | number>, build: () => T): T {
  const k = JSON.stringify(key);
  if (entries.has(k)) {
    const hit = entries.get(k) as T;
    // Refresh its place: the map's order is the eviction order.
    entries.delete(k);
    entries.set(k, hit);
    return hit;
  }
  const value = build();
  entries.set(k, value);
  if (value instanceof Promise)
    value.catch(() => {
      if (entries.get(k) === value) entries.delete(k);
    });
  if (entries.size > MAX_ENTRIES) entries.delete(entries.keys().next().value as string);
  return value;
}
