// What the end-to-end and fault suites set up alike: stopping what a suite started (after a
// beforeAll that failed half-way too), and a server's own case following a feed from its first poll.
import { createCaseStore } from '../../src/store/cases.ts';
import { createFeedStore } from '../../src/store/feeds.ts';
import type { Store } from '../../src/store/types.ts';
import type { TestApp } from './bot.ts';

type Closable = { stop(): Promise<unknown> } | { close(): Promise<unknown> };

/** Stops (or closes) each part in the order given, skipping those never started. */
export async function closeAll(...parts: Array<Closable | undefined>): Promise<void> {
  for (const part of parts) {
    if (!part) continue;
    await ('stop' in part ? part.stop() : part.close());
  }
}

/**
 * A case of the server's own (as /case track makes it: its own feed reaches it), tracked, with the
 * feed added for the server and polled once (a feed's first poll alerts nothing: it is history).
 */
export async function ownCaseOnFeed(
  t: TestApp,
  store: Store,
  guildId: string,
  c: { slug: string; name: string; defendants: string[] },
  feedUrl: string,
): Promise<void> {
  await createCaseStore(store).put({ ...c, aliases: [], owner: guildId });
  await createCaseStore(store).track(guildId, c.slug);
  await createFeedStore(store).add(feedUrl, { guildId, addedAt: new Date().toISOString() }, 1);
  await t.app.poller.pollAll();
}
