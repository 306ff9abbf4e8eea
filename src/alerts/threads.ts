import type { MessagePayload } from '../format/payload.ts';
import type { Store } from '../store/types.ts';
import { PostRefused } from './blocked.ts';
import type { AlertRoute } from './route.ts';
import type { AlertSink } from './types.ts';

/**
 * Posts an alert where its route says: in the channel, or in the case's thread there. The thread
 * is opened on the case's first alert and remembered (`alert-threads`, one per server, channel
 * and case); when Discord refuses it because it was archived and locked (50083) or deleted
 * (10003), a new one is opened and remembered instead. An archived thread that is not locked
 * reopens when posted to. Returns where the message went, for a later edit.
 */
export async function postRouted(
  sink: AlertSink,
  store: Store,
  where: { guildId: string; slug: string; route: AlertRoute },
  payload: MessagePayload,
  nonce: string,
): Promise<{ channelId: string; messageId: string }> {
  const { route } = where;
  const post = async (channelId: string) => ({
    channelId,
    messageId: (await sink.post(channelId, payload, nonce)).messageId,
  });
  if (!route.thread || !sink.openThread) return post(route.channelId);
  const kv = store.kv('alert-threads');
  const key = `${where.guildId}|${route.channelId}|${where.slug}`;
  const known = await kv.get<string>(key);
  if (known) {
    try {
      return await post(known);
    } catch (err) {
      if (!threadGone(err)) throw err;
    }
  }
  const opened = await sink.openThread(route.channelId, route.thread.name);
  // Another deliverer may have opened one meanwhile: the first one remembered wins.
  const kept = await kv.update<string>(key, (cur) => (cur && cur !== known ? cur : opened.threadId));
  return post(kept ?? opened.threadId);
}

/** Discord refused a post because the thread cannot take it any more: open a new one. */
function threadGone(err: unknown): boolean {
  return (
    err instanceof PostRefused &&
    ((err.status === 400 && err.code === 50083) || (err.status === 404 && err.code === 10003))
  );
}
