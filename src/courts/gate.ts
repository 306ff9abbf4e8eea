import type { CaseDefinition } from '../cases/definition.ts';
import type { Logger } from '../log.ts';
import { createSeenStore } from '../store/seen.ts';
import type { Store } from '../store/types.ts';
import type { DocketEntry } from './rss.ts';
import { entryKey } from './toDevelopment.ts';

export type EntryHandOff = (
  entry: DocketEntry,
  cases: CaseDefinition[],
  meta: { history: boolean },
) => Promise<void>;

/**
 * The one door every docket entry goes through, whichever source brought it (a court feed, a
 * CourtListener webhook or poll): claimed in the seen store before its hand-off (so a repeat, a
 * reordering, a second instance or the other source changes nothing), confirmed after, and
 * released when the hand-off throws so the next attempt retries it.
 */
export function createEntryGate(store: Store, leaseSeconds: number | undefined, logger: Logger) {
  const seen = createSeenStore(store, {
    leaseMs: leaseSeconds === undefined ? undefined : leaseSeconds * 1000,
  });
  return async function pass(
    entry: DocketEntry,
    cases: CaseDefinition[],
    meta: { history: boolean },
    handOff: EntryHandOff,
  ): Promise<'handed' | 'seen' | 'failed'> {
    const scope = `court:${entry.court}`;
    const key = entryKey(entry);
    const token = await seen.claim(scope, key);
    if (!token) return 'seen';
    try {
      await handOff(entry, cases, meta);
      await seen.confirm(scope, key, token);
      return 'handed';
    } catch (err) {
      logger.error({ err, entry: key }, 'docket entry hand-off failed; it will be retried');
      await seen.release(scope, key, token).catch(() => undefined);
      return 'failed';
    }
  };
}
