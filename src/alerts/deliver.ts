import { randomBytes } from 'node:crypto';
import { alertEmbed } from '../format/alertEmbed.ts';
import type { Logger } from '../log.ts';
import { createFeedStore } from '../store/feeds.ts';
import type { Store } from '../store/types.ts';
import { createDeliveryBlocks, PostRefused } from './blocked.ts';
import { routeAlert } from './route.ts';
import type { AlertSettingsStore } from './settings.ts';
import { meetsThreshold, wants } from './settings.ts';
import { postRouted } from './threads.ts';
import type { AlertDecision, AlertSink } from './types.ts';

export type { AlertSink } from './types.ts';

/** The part of the case store delivery needs (createCaseStore(store) satisfies it). */
export interface TrackingLookup {
  guildsTracking(slug: string): Promise<string[]>;
}

/** What the store remembers about one alert of one server. */
interface AlertRecord {
  state: 'posting' | 'posted';
  /** Sent with the post: a retry after a crash re-sends it and Discord de-duplicates. */
  nonce?: string;
  channelId: string;
  messageId?: string;
  sources: string[];
}

export interface DeliveryReport {
  posted: number;
  /** Posts finished for a claim another (crashed) deliverer left behind. */
  recovered: number;
  edited: number;
  skipped: number;
  failed: number;
}

/**
 * Delivers ingestion's decisions to every server that tracks the case and wants the event type.
 * One alert key per (server, case, development), claimed with setIfAbsent before posting, so a
 * retry, a restart or a second process never posts twice; the key keeps the message id so an
 * 'update' (another outlet) edits the message instead of posting again, and never pings.
 * A crash between the claim and the post leaves the claim in 'posting': the next run posts again
 * with the same nonce, which Discord de-duplicates (neither lost nor doubled).
 */
export async function deliverAlerts(
  decisions: AlertDecision[],
  deps: {
    store: Store;
    settings: AlertSettingsStore;
    caseStore: TrackingLookup;
    sink: AlertSink;
    logger?: Logger;
    /** Deliver to this server only (a delivery job: src/alerts/jobs.ts). */
    onlyGuild?: string;
  },
): Promise<DeliveryReport> {
  const keys = deps.store.kv('alerts');
  const report: DeliveryReport = { posted: 0, recovered: 0, edited: 0, skipped: 0, failed: 0 };
  const blocks = createDeliveryBlocks(deps.store);
  const feeds = createFeedStore(deps.store);
  for (const decision of decisions) {
    const dev = decision.development;
    const guilds = deps.onlyGuild ? [deps.onlyGuild] : await deps.caseStore.guildsTracking(decision.case);
    // Each server's subscription to the feed may name a channel for its alerts.
    const subscriptions = decision.feedUrl ? ((await feeds.get(decision.feedUrl))?.subscriptions ?? []) : [];
    for (const guildId of guilds) {
      const settings = await deps.settings.get(guildId);
      if (
        !settings ||
        !wants(settings, decision.case, dev.type) ||
        !meetsThreshold(decision, settings.threshold)
      ) {
        report.skipped++;
        continue;
      }
      const route = routeAlert({
        settings,
        slug: decision.case,
        caseName: decision.caseName,
        feedChannelId: subscriptions.find((s) => s.guildId === guildId)?.channelId,
      });
      if (await blocks.get(guildId, route.channelId)) {
        report.skipped++;
        continue;
      }
      const key = `${guildId}|${decision.case}|${dev.id}`;
      const sources = dev.sources.map((s) => s.url);
      const kase = { slug: decision.case, name: decision.caseName };
      // Where a refusal came from: the route's channel, or (an edit) wherever the alert was posted.
      let target = route.channelId;
      try {
        const nonce = randomBytes(12).toString('hex').slice(0, 20);
        const claimed = await keys.setIfAbsent<AlertRecord>(key, {
          state: 'posting',
          nonce,
          channelId: route.channelId,
          sources,
        });
        const existing = claimed ? undefined : await keys.get<AlertRecord>(key);
        if (claimed || (existing?.state === 'posting' && existing.nonce)) {
          // A claim left in 'posting' means a deliverer died (or is still busy) between claiming
          // and recording the message: post again with the same nonce, which Discord
          // de-duplicates, so the alert is neither lost nor doubled.
          const roleId = decision.kind === 'new' ? settings.roleId : undefined;
          // A claim keeps the channel it was routed to (a thread's parent): the retry goes there.
          const where = {
            guildId,
            slug: decision.case,
            route: { ...route, channelId: existing?.channelId ?? route.channelId },
          };
          const { channelId, messageId } = await postOrRelease(
            () =>
              postRouted(
                deps.sink,
                deps.store,
                where,
                alertEmbed(dev, kase, { roleId }),
                existing?.nonce ?? nonce,
              ),
            keys,
            key,
            claimed,
          );
          await keys.set<AlertRecord>(key, { state: 'posted', channelId, messageId, sources });
          if (claimed) report.posted++;
          else report.recovered++;
          continue;
        }
        const record = existing;
        if (
          record?.state !== 'posted' ||
          !record.messageId ||
          sources.every((s) => record.sources.includes(s))
        ) {
          report.skipped++;
          continue;
        }
        // The edit keeps the original role mention text but pings nobody.
        const roleId = settings.roleId;
        const edited = alertEmbed(dev, kase, { roleId });
        target = record.channelId;
        await deps.sink.edit(record.channelId, record.messageId, {
          ...edited,
          allowedMentions: { parse: [] },
        });
        await keys.update<AlertRecord>(key, (r) =>
          r ? { ...r, sources: [...new Set([...r.sources, ...sources])] } : r,
        );
        report.edited++;
      } catch (err) {
        if (err instanceof PostRefused) {
          // Told, not retried forever: a refusing channel stops this server's alerts until an
          // admin fixes it (/alerts set); a refused payload is a bug, logged with what Discord named.
          report.skipped++;
          // An old message's thread or channel refusing an edit says nothing of where alerts go now.
          await refused(err, guildId, target, target === route.channelId ? blocks : undefined, deps.logger);
          continue;
        }
        report.failed++;
        deps.logger?.warn(
          { err, guildId, case: decision.case, development: dev.id },
          'alert delivery failed',
        );
      }
    }
  }
  return report;
}

async function refused(
  err: PostRefused,
  guildId: string,
  channelId: string,
  blocks: ReturnType<typeof createDeliveryBlocks> | undefined,
  logger: Logger | undefined,
) {
  const where = { guildId, channelId, status: err.status, code: err.code, route: err.route };
  if (err.code === 50083 || (!blocks && err.channelRefuses)) {
    // The thread (or old channel) an earlier alert is in was locked, deleted or closed to the bot.
    logger?.info({ ...where, reason: err.message }, 'alert message can no longer be updated');
    return;
  }
  if (!err.channelRefuses) {
    logger?.error({ ...where, fields: err.fields, reason: err.message }, 'Discord refused an alert');
    return;
  }
  const at = new Date().toISOString();
  if (
    await blocks?.block(guildId, { channelId, status: err.status, code: err.code, reason: err.message, at })
  )
    logger?.warn(
      { ...where, reason: err.message },
      'alert channel refuses posts: alerts stopped until /alerts set',
    );
}

/** Posts; when a fresh claim's post fails the claim is released so a later retry can post. */
async function postOrRelease<T>(
  post: () => Promise<T>,
  keys: ReturnType<Store['kv']>,
  key: string,
  ownClaim: boolean,
): Promise<T> {
  try {
    return await post();
  } catch (err) {
    if (ownClaim) await keys.delete(key);
    throw err;
  }
}
