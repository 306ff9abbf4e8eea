import type { Store } from '../store/types.ts';

/**
 * Discord refused to take a post (src/discord/alertSink.ts turns its error into this): 403 (the
 * bot lost a permission in the channel), 404 (the channel is gone), 400 (a payload Discord finds
 * invalid: a bug), with the route and the fields Discord named.
 */
export class PostRefused extends Error {
  constructor(
    readonly status: number,
    readonly code: number | undefined,
    message: string,
    readonly route: string,
    readonly fields: string[] = [],
  ) {
    super(message);
  }
  /**
   * The channel itself refuses (403: a permission removed; 404 Unknown Channel: deleted): retrying
   * cannot help, only an admin can. (A 404 for one deleted message is not the channel's fault.)
   */
  get channelRefuses(): boolean {
    return this.status === 403 || (this.status === 404 && this.code === 10003);
  }
}

/** A server whose alert channel refused posts: nothing more is posted there until `/alerts set`. */
export interface DeliveryBlock {
  channelId: string;
  status: number;
  code?: number;
  reason: string;
  at: string;
}

export interface DeliveryBlocks {
  get(guildId: string): Promise<DeliveryBlock | undefined>;
  /** Records the block; true when it is new (so it is logged and told once). */
  block(guildId: string, block: DeliveryBlock): Promise<boolean>;
  clear(guildId: string): Promise<boolean>;
}

export function createDeliveryBlocks(store: Store): DeliveryBlocks {
  const kv = store.kv('alert-blocked');
  return {
    get: (guildId) => kv.get<DeliveryBlock>(guildId),
    block: (guildId, block) => kv.setIfAbsent(guildId, block),
    clear: (guildId) => kv.delete(guildId),
  };
}

/** One line for /alerts show and /feed list (channel as a mention: it renders as its name). */
export function describeBlock(b: DeliveryBlock): string {
  const what = b.status === 404 ? 'the channel no longer exists' : 'the bot may not post there';
  return (
    `⚠️ Alerts stopped: posting to <#${b.channelId}> failed (${b.status} ${b.reason}: ${what}) ` +
    `on ${b.at.slice(0, 16).replace('T', ' ')} UTC. Fix the channel's permissions or pick another ` +
    'channel, then run `/alerts set` again.'
  );
}
