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

/**
 * A channel of a server that refused posts: nothing more is posted there until an admin sets it
 * again (`/alerts set`, `/alerts case-channel`, `/feed add … channel:`). Alerts routed to the
 * server's other channels go on.
 */
export interface DeliveryBlock {
  channelId: string;
  status: number;
  code?: number;
  reason: string;
  at: string;
}

export interface DeliveryBlocks {
  /** The block on one channel of a server, if any. */
  get(guildId: string, channelId: string): Promise<DeliveryBlock | undefined>;
  /** Every blocked channel of a server (for /alerts show and /feed list). */
  list(guildId: string): Promise<DeliveryBlock[]>;
  /** Records the block; true when it is new (so it is logged and told once). */
  block(guildId: string, block: DeliveryBlock): Promise<boolean>;
  /** Clears one channel's block, or every block of the server; true when one was there. */
  clear(guildId: string, channelId?: string): Promise<boolean>;
}

/**
 * Keys are `guild|channel`. A key that is only a server id is a block recorded before blocks were
 * per channel (one alert channel per server then): it is read as that channel's block.
 */
export function createDeliveryBlocks(store: Store): DeliveryBlocks {
  const kv = store.kv('alert-blocked');
  const keysOf = async (guildId: string) => {
    const out: string[] = [];
    for await (const key of kv.keys()) if (key === guildId || key.startsWith(`${guildId}|`)) out.push(key);
    return out;
  };
  return {
    async get(guildId, channelId) {
      const block = await kv.get<DeliveryBlock>(`${guildId}|${channelId}`);
      if (block) return block;
      const legacy = await kv.get<DeliveryBlock>(guildId);
      return legacy?.channelId === channelId ? legacy : undefined;
    },
    async list(guildId) {
      const keys = await keysOf(guildId);
      const found = await kv.getMany<DeliveryBlock>(keys);
      return found
        .filter((b): b is DeliveryBlock => b !== undefined)
        .sort((a, b) => a.at.localeCompare(b.at));
    },
    block: (guildId, block) => kv.setIfAbsent(`${guildId}|${block.channelId}`, block),
    async clear(guildId, channelId) {
      let cleared = false;
      for (const key of await keysOf(guildId)) {
        if (channelId && key !== `${guildId}|${channelId}`) {
          if (key !== guildId || (await kv.get<DeliveryBlock>(key))?.channelId !== channelId) continue;
        }
        if (await kv.delete(key)) cleared = true;
      }
      return cleared;
    },
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
