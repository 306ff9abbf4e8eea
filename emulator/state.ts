// Everything the emulator knows, shared by the REST routes, the gateway and the injectors.
import type { APIApplicationCommand } from 'discord.js';
import type { Faults } from './faults.ts';
import { computePings, type Pinged } from './mentions.ts';
import type { EmulatedMessage, JsonObject, UploadedFile } from './messages.ts';
import { ALL, channelPermissions } from './permissions.ts';
import type { InteractionRecord } from './records.ts';
import type { EmulatedChannel, EmulatedGuild, UserInput } from './world.ts';

export interface RegisteredCommands {
  global: APIApplicationCommand[];
  /** Guild id -> that guild's commands. */
  guild: Map<string, APIApplicationCommand[]>;
}

export interface RequestLogEntry {
  method: string;
  /** Decoded path after /api/v10, e.g. '/channels/123/messages'. */
  path: string;
  query: string;
  /** Parsed JSON body (or payload_json of a multipart body). */
  body: JsonObject | undefined;
  files: UploadedFile[];
  /** Status the emulator answered, including injected faults. */
  status: number;
  at: number;
}

/**
 * Checks a JSON body sent to a route (`path` after /api/v10): the problems Discord would name, as
 * `{ path: 'embeds.0.title', code, message }`; none, or an empty list, when the body is valid.
 */
export type BodyValidator = (
  method: string,
  path: string,
  body: unknown,
) => Array<{ path: string; code: string; message: string }> | undefined;

export interface EmulatorState {
  /** Problems an outside schema finds in a request body (startEmulator's `validateBody`). */
  validateBody?: BodyValidator;
  bot: UserInput;
  applicationId: string;
  guilds: EmulatedGuild[];
  /** Users the emulator has seen (interaction authors, fixtures), for member and user lookups. */
  users: Map<string, UserInput>;
  commands: RegisteredCommands;
  /** Channel messages (POST /channels/:id/messages), edits applied. */
  messages: EmulatedMessage[];
  interactions: InteractionRecord[];
  byToken: Map<string, InteractionRecord>;
  requests: RequestLogEntry[];
  faults: Faults;
  /** Discord refuses an interaction callback after 3 s. */
  callbackDeadlineMs: number;
  /** `shards` of GET /gateway/bot. */
  recommendedShards: number;
  token: string | undefined;
  /** Called when anything changes, so waiters can re-check their condition. */
  changed: () => void;
  /** Added to Date.now() by now(): tests advance it to expire interaction tokens (15 min). */
  clockOffsetMs: number;
  /** Role ids the bot's member holds in each guild (default none: @everyone only). */
  botRoles: Map<string, string[]>;
}

/** The emulator's clock: real time plus whatever the test advanced. */
export function now(state: EmulatorState): number {
  return Date.now() + state.clockOffsetMs;
}

export function guildOfChannel(state: EmulatorState, channelId: string) {
  return state.guilds.find((g) => g.channels.some((c) => c.id === channelId));
}

/** The bot's permissions in a channel (everything outside a known guild channel, e.g. a DM). */
export function botPermissions(state: EmulatorState, channelId: string): bigint {
  const guild = guildOfChannel(state, channelId);
  const channel = guild?.channels.find((c) => c.id === channelId);
  if (!guild || !channel) return ALL;
  return channelPermissions(guild, channel, state.bot.id, state.botRoles.get(guild.id) ?? []);
}

/** Who a body posted by the bot in `channelId` pings. */
export function pingsFor(state: EmulatorState, channelId: string, body: JsonObject): Pinged {
  return computePings(body, guildOfChannel(state, channelId) ?? null, botPermissions(state, channelId));
}

export function findChannel(state: EmulatorState, id: string): EmulatedChannel | undefined {
  for (const guild of state.guilds) {
    const channel = guild.channels.find((c) => c.id === id);
    if (channel) return channel;
  }
  return undefined;
}

/** Every message the bot produced: channel posts, interaction replies and follow-ups. */
export function allMessages(state: EmulatorState): EmulatedMessage[] {
  const seen = new Set<EmulatedMessage>(state.messages);
  for (const record of state.interactions) {
    if (record.message) seen.add(record.message);
    for (const followUp of record.followUps) seen.add(followUp);
  }
  return [...seen].sort((a, b) => a.createdAt - b.createdAt);
}

export function findMessage(state: EmulatorState, id: string): EmulatedMessage | undefined {
  return allMessages(state).find((m) => m.id === id);
}
