// INTERACTION_CREATE payloads with every field discord.js needs (entitlements, member.user,
// authorizing_integration_owners, data.type...): missing ones crash or silently drop the event.
import { randomBytes } from 'node:crypto';
import { type EmulatedMessage, type JsonObject, messagePayload } from './messages.ts';
import { type InteractionKind, InteractionRecord } from './records.ts';
import { fixedSnowflake, newSnowflake } from './snowflake.ts';
import { botPermissions, type EmulatorState, now } from './state.ts';
import { ALL_PERMISSIONS, channelPayload, type EmulatedGuild, JOINED_AT, userPayload } from './world.ts';

export interface InteractionUser {
  id: string;
  username?: string;
  globalName?: string | null;
}

/** Who clicks or types, and where. Every field has a default. */
export interface InteractionContext {
  /** Default: a 'tester' user. */
  user?: InteractionUser;
  /** The member's permissions; default all. Pass e.g. PermissionFlagsBits.SendMessages for a non-admin. */
  permissions?: bigint | string | number;
  /** Role ids of the member. */
  roles?: string[];
  /** Default: the first guild. */
  guildId?: string;
  /** Channel id or name; default the guild's first text channel. */
  channelId?: string;
  locale?: string;
  /** ms to wait for the final answer (default: the emulator's answerTimeoutMs). */
  timeout?: number;
}

export const DEFAULT_USER = { id: fixedSnowflake(9000, 7), username: 'tester' };

/** Interaction types: 2 command, 3 component, 4 autocomplete, 5 modal submit. */
const TYPE: Record<InteractionKind, number> = { command: 2, component: 3, autocomplete: 4, modal: 5 };

export function resolveGuild(state: EmulatorState, guildId: string | undefined): EmulatedGuild {
  const guild = guildId ? state.guilds.find((g) => g.id === guildId) : state.guilds[0];
  if (!guild) throw new Error(`emulator: unknown guild ${guildId ?? '(none configured)'}`);
  return guild;
}

export function createInteraction(
  state: EmulatorState,
  kind: InteractionKind,
  name: string,
  context: InteractionContext,
  data: JsonObject,
  source: EmulatedMessage | null = null,
): InteractionRecord {
  const guild = resolveGuild(state, source?.guildId ?? context.guildId);
  const wantedChannel = source?.channelId ?? context.channelId;
  const channel = wantedChannel
    ? guild.channels.find((c) => c.id === wantedChannel || c.name === wantedChannel)
    : (guild.channels.find((c) => c.type === 0) ?? guild.channels[0]);
  if (!channel) throw new Error(`emulator: guild ${guild.id} has no channel ${wantedChannel ?? ''}`);
  const user = {
    id: context.user?.id ?? DEFAULT_USER.id,
    username:
      context.user?.username ?? (context.user ? `user${context.user.id.slice(-4)}` : DEFAULT_USER.username),
    globalName: context.user?.globalName ?? null,
  };
  state.users.set(user.id, user);
  const appPermissions = botPermissions(state, channel.id);
  const id = newSnowflake();
  const token = `emu-${randomBytes(24).toString('base64url')}`;
  const payload: JsonObject = {
    id,
    application_id: state.applicationId,
    type: TYPE[kind],
    token,
    version: 1,
    data,
    guild_id: guild.id,
    guild: { id: guild.id, locale: 'en-US', features: [] },
    channel_id: channel.id,
    channel: { ...channelPayload(channel), permissions: String(context.permissions ?? ALL_PERMISSIONS) },
    member: {
      user: userPayload(user),
      roles: context.roles ?? [],
      permissions: String(context.permissions ?? ALL_PERMISSIONS),
      joined_at: JOINED_AT,
      premium_since: null,
      deaf: false,
      mute: false,
      pending: false,
      flags: 0,
      nick: null,
      avatar: null,
    },
    app_permissions: String(appPermissions),
    locale: context.locale ?? 'en-US',
    guild_locale: 'en-US',
    entitlements: [],
    authorizing_integration_owners: { '0': guild.id },
    context: 0,
    attachment_size_limit: 10_485_760,
    ...(source ? { message: messagePayload(source, state.bot, state.applicationId) } : {}),
  };
  const record = new InteractionRecord(
    id,
    token,
    kind,
    name,
    guild.id,
    channel.id,
    user.id,
    payload,
    source,
    now(state),
  );
  state.interactions.push(record);
  state.byToken.set(token, record);
  return record;
}
