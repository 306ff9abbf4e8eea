import {
  createFeedStore,
  type Feed,
  type FeedState,
  type FeedSubscription,
  type SubscriptionOptions,
} from '../store/feeds.ts';
import type { Store } from '../store/types.ts';
import { checkFeed, type FeedCheck } from './check.ts';
import { discoverFeeds, type FeedLink } from './discover.ts';
import type { PollConfig } from './poller.ts';

export type AddFeedConfig = PollConfig & { POLL_INTERVAL_MINUTES: number };

/** A usable feed now followed: `added` when new for this server, else what the add changed. */
export type AddFeedResult =
  | Extract<FeedCheck, { ok: false }>
  | (Extract<FeedCheck, { ok: true }> & {
      added: boolean;
      changes: string[];
      /** Given a web page: the feed it advertised that was followed, and how many it named. */
      discovered?: { page: string; link: FeedLink; of: number };
    });

/**
 * `/feed add` and `casewatch feed add`: fetch and parse once, and subscribe only when the feed is
 * usable, so a typo or an HTML page is refused with its reason instead of failing silently later.
 * Adding a feed the server already follows says what changed (or that nothing did). Adding a feed
 * that was paused resumes it.
 */
export async function addFeed(
  store: Store,
  config: AddFeedConfig,
  url: string,
  options: SubscriptionOptions,
  now = new Date(),
): Promise<AddFeedResult> {
  let check = await checkFeed(url, config);
  let discovered: { page: string; link: FeedLink; of: number } | undefined;
  if (!check.ok && check.reason === 'not_a_feed') {
    // A news site's page rather than its feed: follow the first feed the page advertises.
    const links = await discoverFeeds(url, config).catch(() => []);
    const link = links[0];
    const found = link ? await checkFeed(link.url, config) : undefined;
    if (link && found?.ok) {
      check = found;
      discovered = { page: url.trim(), link, of: links.length };
    }
  }
  if (!check.ok) return check;
  const feeds = createFeedStore(store);
  // The URL as given (after normalising), not the redirect target: the operator chose it.
  const key = new URL(discovered ? discovered.link.url : url.trim()).href;
  const before = (await feeds.get(key))?.subscriptions.find(
    (s) => (s.guildId ?? '') === (options.guildId ?? ''),
  );
  const sub: FeedSubscription = { ...options, addedAt: before?.addedAt ?? now.toISOString() };
  await feeds.add(key, sub, config.POLL_INTERVAL_MINUTES);
  if (check.title) await feeds.setTitle(key, check.title);
  await feeds.resume(key);
  const changes = before ? subscriptionChanges(before, sub) : [];
  return { ...check, url: key, added: !before, changes, ...(discovered && { discovered }) };
}

/** `include`/`exclude` options ("verdict, sentencing") as a subscription's keyword lists; empty ones left out. */
export function keywordLists(include: string | null | undefined, exclude: string | null | undefined) {
  const list = (s: string | null | undefined) =>
    (s ?? '')
      .split(',')
      .map((w) => w.trim())
      .filter(Boolean)
      .slice(0, 25);
  const inc = list(include);
  const exc = list(exclude);
  return { ...(inc.length && { include: inc }), ...(exc.length && { exclude: exc }) };
}

/** "case: none → rust", "interval: 5 → 30 min": what re-adding a feed changed for a server. */
export function subscriptionChanges(before: SubscriptionOptions, after: SubscriptionOptions): string[] {
  const out: string[] = [];
  const show = (v: unknown) => (v === undefined || v === '' ? 'none' : String(v));
  if (before.caseSlug !== after.caseSlug)
    out.push(`case: ${show(before.caseSlug)} → ${show(after.caseSlug)}`);
  for (const k of ['include', 'exclude'] as const)
    if ((before[k] ?? []).join(', ') !== (after[k] ?? []).join(', '))
      out.push(`${k}: ${before[k]?.join(', ') || 'none'} → ${after[k]?.join(', ') || 'none'}`);
  if (before.intervalMinutes !== after.intervalMinutes)
    out.push(`interval: ${show(before.intervalMinutes)} → ${show(after.intervalMinutes)} min`);
  if (before.channelId !== after.channelId)
    out.push(`channel: ${channelName(before.channelId)} → ${channelName(after.channelId)}`);
  return out;
}

/** A channel as Discord renders it (`<#id>` shows its name), or the server's alert channel. */
function channelName(id: string | undefined): string {
  return id ? `<#${id}>` : 'the alert channel';
}

/**
 * One line per feed for `/feed list` (`guildId`: only that server's own settings, never another
 * server's filters, case or channel) and `casewatch feed list` (every subscription): plain text.
 */
export function describeFeed(feed: Feed, state: FeedState, now: Date, guildId?: string): string {
  const subscriptions =
    guildId === undefined ? feed.subscriptions : feed.subscriptions.filter((s) => s.guildId === guildId);
  const parts = [
    state.paused ? `PAUSED (${state.pausedReason ?? 'after repeated failures'})` : 'active',
    `last success: ${when(state.lastSuccessAt, now)}`,
  ];
  if (state.lastError && (!state.lastSuccessAt || (state.lastErrorAt ?? '') > state.lastSuccessAt)) {
    parts.push(
      `last error: ${state.lastError.reason} (${state.lastError.message}) ${when(state.lastErrorAt, now)}`,
    );
  }
  if (!state.paused)
    parts.push(
      `next poll: ${state.nextPollAt ? when(new Date(state.nextPollAt).toISOString(), now) : 'now'}`,
    );
  parts.push(`items seen: ${state.itemsSeen}`, `every ${feed.intervalMinutes} min`);
  for (const s of subscriptions) {
    if (s.include?.length) parts.push(`only items naming: ${s.include.join(', ')}`);
    if (s.exclude?.length) parts.push(`never items naming: ${s.exclude.join(', ')}`);
  }
  const cases = subscriptions.map((s) => s.caseSlug).filter(Boolean);
  if (cases.length) parts.push(`case: ${[...new Set(cases)].join(', ')}`);
  const channels = subscriptions.map((s) => s.channelId).filter(Boolean);
  if (channels.length) parts.push(`alerts to: ${[...new Set(channels)].map((c) => `<#${c}>`).join(', ')}`);
  return `${feed.title ? `${feed.title} — ` : ''}${feed.url}\n  ${parts.join(' · ')}`;
}

/** "never", "3 min ago", "in 5 min", "2 h ago", or a date for anything older than two days. */
export function when(iso: string | undefined, now: Date): string {
  if (!iso) return 'never';
  const ms = Date.parse(iso) - now.getTime();
  const abs = Math.abs(ms);
  const fmt =
    abs < 60_000
      ? `${Math.round(abs / 1000)} s`
      : abs < 3 * 3600_000
        ? `${Math.round(abs / 60_000)} min`
        : `${Math.round(abs / 3600_000)} h`;
  if (abs > 48 * 3600_000) return `${iso.slice(0, 16).replace('T', ' ')} UTC`;
  return ms >= 0 ? `in ${fmt}` : `${fmt} ago`;
}

/** "That page is not a feed; it advertises 3 feeds: following the first, “News” (RSS) <url>." */
export function describeDiscovery(d: { link: FeedLink; of: number }): string {
  const which = d.of > 1 ? `${d.of} feeds: following the first` : 'a feed: following it';
  const title = d.link.title ? `“${d.link.title}” ` : '';
  return `That page is not a feed; it advertises ${which}, ${title}(${d.link.format === 'rss' ? 'RSS' : 'Atom'}) ${d.link.url}`;
}

/** A check result as the operator reads it (shared by the CLI and /feed add). */
export function describeCheck(check: FeedCheck): string {
  if (!check.ok) return `Cannot use ${check.url}: ${check.message}`;
  const warn = check.warnings.length
    ? ` (${check.warnings.length} warning${check.warnings.length > 1 ? 's' : ''})`
    : '';
  return `${check.title || '(untitled feed)'}: ${check.itemCount} item${check.itemCount === 1 ? '' : 's'}, ${check.format}, ${check.encoding}${warn}`;
}

/** /feed list within one message (Discord's 2000 characters): whole feeds only, with a count of what did not fit. */
export function fitFeedList(blocks: string[], limit = 2000): string {
  const out: string[] = [];
  let size = 0;
  for (const [i, block] of blocks.entries()) {
    const more = `\n… and ${blocks.length - i} more (see \`casewatch feed list\`)`;
    if (size + block.length + 1 + (i < blocks.length - 1 ? more.length : 0) > limit) {
      out.push(more.trim());
      break;
    }
    out.push(block);
    size += block.length + 1;
  }
  return out.join('\n');
}
