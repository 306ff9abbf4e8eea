import { z } from 'zod';
import { atLeast, CONFIDENCE_LEVELS, type ConfidenceLevel } from '../cases/confidence.ts';
import { EVENT_TYPES, type EventType } from '../facts.ts';
import { createFeedStore } from '../store/feeds.ts';
import type { Store } from '../store/types.ts';
import type { AlertDecision } from './types.ts';

/**
 * Where a server's alerts go (`/alerts set|off|show`): one channel, optionally only some cases and
 * event types (default: every type — background mentions never alert anyway), and at most one
 * role to ping. A case may have its own channel (`/alerts case-channel`), a feed too (its
 * subscription, `/feed add … channel:`); src/alerts/route.ts decides which one an alert goes to.
 */

const snowflake = z.string().regex(/^\d{17,20}$/, 'must be a Discord id (17-20 digits)');

export const alertSettingsSchema = z.object({
  channelId: snowflake,
  cases: z.array(z.string().min(1).max(64)).max(25).optional(),
  types: z.array(z.enum(EVENT_TYPES)).max(EVENT_TYPES.length).optional(),
  roleId: snowflake.optional(),
  /** The least confidence worth an alert (default 'high': a wrong alert costs more than a late one). */
  threshold: z.enum(CONFIDENCE_LEVELS).optional(),
  /** Case slug → the channel its alerts go to instead of `channelId` (a feed's channel comes first). */
  caseChannels: z
    .record(z.string().min(1).max(64), snowflake)
    .refine((m) => Object.keys(m).length <= 25, 'at most 25 case channels')
    .optional(),
  /** Post each case's alerts into one thread per case in the channel chosen. */
  threads: z.boolean().optional(),
});

export type AlertSettings = z.infer<typeof alertSettingsSchema>;

export interface AlertSettingsStore {
  get(guildId: string): Promise<AlertSettings | undefined>;
  /** Validates and stores; throws a ZodError with a readable message on bad input. */
  set(guildId: string, settings: AlertSettings): Promise<AlertSettings>;
  remove(guildId: string): Promise<boolean>;
  /** Every server with settings (for `casewatch export`). */
  guilds(): Promise<string[]>;
}

export function createAlertSettingsStore(store: Store): AlertSettingsStore {
  const kv = store.kv('alert-settings');
  return {
    get: (guildId) => kv.get<AlertSettings>(guildId),
    async set(guildId, settings) {
      const parsed = alertSettingsSchema.parse(settings);
      await kv.set(guildId, parsed);
      return parsed;
    },
    remove: (guildId) => kv.delete(guildId),
    async guilds() {
      const out: string[] = [];
      for await (const guildId of kv.keys()) out.push(guildId);
      return out.sort();
    },
  };
}

/** Whether a server with these settings wants an alert about this case and event type. */
export function wants(settings: AlertSettings, slug: string, type: EventType): boolean {
  if (settings.cases && settings.cases.length > 0 && !settings.cases.includes(slug)) return false;
  if (settings.types && settings.types.length > 0 && !settings.types.includes(type)) return false;
  return true;
}

export const DEFAULT_THRESHOLD: ConfidenceLevel = 'high';

/**
 * Whether a decision is worth posting at a threshold: a 'new' alert at or above it; an 'update'
 * edits an alert already posted (delivery finds none when the 'new' one was below the threshold).
 */
export function meetsThreshold(
  decision: Pick<AlertDecision, 'kind' | 'confidence'>,
  threshold?: ConfidenceLevel,
): boolean {
  if (decision.kind !== 'new') return true;
  return atLeast(decision.confidence?.level ?? 'high', threshold ?? DEFAULT_THRESHOLD);
}

/** This server's feeds that send their alerts to a channel of their own: url → channel. */
export async function feedChannels(store: Store, guildId: string): Promise<Map<string, string>> {
  const own = (await createFeedStore(store).list(guildId)).flatMap((f) =>
    f.subscriptions
      .filter((sub) => sub.guildId === guildId && sub.channelId)
      .map((sub) => [f.url, sub.channelId as string] as const),
  );
  return new Map(own);
}
