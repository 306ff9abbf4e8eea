import type { AlertSettings } from './settings.ts';

/**
 * Where one server's alert goes: the one routing rule every delivery mechanism calls (the
 * outbox, a job queue, a replay). Pure: the caller looks up the server's settings and its
 * subscription to the feed that brought the article.
 *
 * Precedence: the feed's channel (`/feed add … channel:`), then the case's (`/alerts
 * case-channel`), then the server's (`/alerts set channel:`). With threads on (`/alerts set
 * threads:true`), the alert goes into the case's thread in that channel.
 */
export interface AlertRoute {
  /** The channel posted to, or the thread's parent channel. */
  channelId: string;
  /** Which setting chose the channel (shown to admins, logged). */
  via: 'feed' | 'case' | 'server';
  /** Post in the case's thread of `channelId` (created on the first alert, reused after). */
  thread?: { name: string };
}

export interface RouteInput {
  settings: Pick<AlertSettings, 'channelId' | 'caseChannels' | 'threads'>;
  /** The case slug and display name. */
  slug: string;
  caseName: string;
  /** The channel the server's subscription to the alert's feed names, if any. */
  feedChannelId?: string;
}

/** Discord's limit on a thread name. */
const THREAD_NAME_MAX = 100;

export function routeAlert(input: RouteInput): AlertRoute {
  const caseChannel = input.settings.caseChannels?.[input.slug];
  const [channelId, via] = input.feedChannelId
    ? [input.feedChannelId, 'feed' as const]
    : caseChannel
      ? [caseChannel, 'case' as const]
      : [input.settings.channelId, 'server' as const];
  if (!input.settings.threads) return { channelId, via };
  return { channelId, via, thread: { name: threadName(input.caseName, input.slug) } };
}

/** The thread's name: the case's name, cut to Discord's 100 characters (the slug if empty). */
export function threadName(caseName: string, slug: string): string {
  const name = caseName.replace(/\s+/g, ' ').trim() || slug;
  return name.length <= THREAD_NAME_MAX ? name : `${name.slice(0, THREAD_NAME_MAX - 1).trimEnd()}…`;
}
