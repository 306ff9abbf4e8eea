import type { CaseDefinition } from '../cases/definition.ts';
import { caseScore } from '../cases/match.ts';
import { createCaseStore } from '../store/cases.ts';
import type { SeenStore } from '../store/seen.ts';
import type { Store } from '../store/types.ts';
import { itemIdentity } from './identity.ts';
import type { FeedItem } from './parse.ts';

/** Which of a feed's new items may be about a tracked case, from their title and feed text. */
export type ItemTriage = (items: FeedItem[]) => Promise<boolean[]>;

/**
 * The triage the bot uses: an item may concern a case when any of the case's terms (name, alias,
 * defendant) appears in its title or feed text. One term is enough here, where the article match
 * needs two (src/cases/match.ts): this only decides whether the page is worth fetching and the
 * item worth handing off; the real match runs on the full text afterwards. An item mentioning no
 * tracked case is never fetched, extracted or merged.
 */
export function createCaseTriage(store: Store): ItemTriage {
  const cases = createCaseStore(store);
  return async (items) => {
    if (items.length === 0) return [];
    const tracked: CaseDefinition[] = await cases.list();
    return items.map((item) => tracked.some((def) => caseScore(item, def) > 0));
  };
}

/**
 * A parsed feed's items → the ones to hand off, oldest first (feeds list newest first; alerts come
 * in the order things happened). One batched seen-check for the whole feed; items handed off for
 * good are dropped; new items the triage rules out are recorded as seen in one write and counted
 * in `skipped`. Items another poller claimed but has not confirmed still go to the claim, which
 * decides (lease) whether this poller may take them over.
 */
export async function itemsToHandOff(
  seen: SeenStore,
  feedUrl: string,
  parsed: FeedItem[],
  triage?: ItemTriage,
): Promise<{ items: FeedItem[]; skipped: number }> {
  const items = [...parsed].reverse();
  const identities = items.map((item) => itemIdentity(item));
  const states = await seen.peek(feedUrl, identities);
  const open = items.map((item, i) => ({ item, identity: identities[i] as string, state: states[i] }));
  const pending = open.filter((o) => o.state !== 'done');
  if (!triage) return { items: pending.map((o) => o.item), skipped: 0 };
  const fresh = pending.filter((o) => o.state === 'new');
  const verdicts = await triage(fresh.map((o) => o.item));
  const ruledOut = new Set(fresh.filter((_, i) => verdicts[i] === false));
  await seen.markSeen(
    feedUrl,
    [...ruledOut].map((o) => o.identity),
  );
  return { items: pending.filter((o) => !ruledOut.has(o)).map((o) => o.item), skipped: ruledOut.size };
}
