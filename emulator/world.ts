// The emulated Discord "world": guilds, channels, roles and users, plus the JSON shapes discord.js
// expects for them. Payloads carry every field discord.js reads unguarded.
import { fixedSnowflake } from './snowflake.ts';

export const ALL_PERMISSIONS = '2251799813685247';

export interface ChannelInput {
  id?: string;
  name: string;
  /** Discord channel type; 0 = text (default), 2 = voice, 4 = category, 5 = announcement. */
  type?: number;
  /** Permission overwrites: `id` a role id (type 0) or a member id (type 1). */
  overwrites?: PermissionOverwrite[];
}
export interface RoleInput {
  id?: string;
  name: string;
  permissions?: bigint | string;
  /** Whether anyone may ping it; otherwise only a sender with Mention Everyone pings it (default false). */
  mentionable?: boolean;
}
export interface PermissionOverwrite {
  id: string;
  /** 0 = role, 1 = member. */
  type: 0 | 1;
  allow: string;
  deny: string;
}
export interface ThreadMetadata {
  archived: boolean;
  locked: boolean;
  auto_archive_duration: number;
  archive_timestamp: string;
}
export interface GuildInput {
  id?: string;
  name: string;
  channels?: ChannelInput[];
  roles?: RoleInput[];
}
export interface UserInput {
  id: string;
  username: string;
  globalName?: string | null;
  bot?: boolean;
}

export interface EmulatedChannel {
  id: string;
  name: string;
  type: number;
  guildId: string;
  position: number;
  overwrites: PermissionOverwrite[];
  /** Threads: the channel they were created in, and their state. */
  parentId?: string;
  thread?: ThreadMetadata;
}
export interface EmulatedRole {
  id: string;
  name: string;
  permissions: string;
  position: number;
  mentionable: boolean;
}
export interface EmulatedGuild {
  id: string;
  name: string;
  channels: EmulatedChannel[];
  roles: EmulatedRole[];
  /** Channel name -> id, for `emu.guild(x).channelIds.alerts`. */
  channelIds: Record<string, string>;
  /** Role name -> id. */
  roleIds: Record<string, string>;
}

export const DEFAULT_GUILDS: GuildInput[] = [
  {
    name: 'Test Server',
    channels: [{ name: 'general' }, { name: 'alerts' }],
    roles: [{ name: 'Moderator' }],
  },
];

export function buildGuild(input: GuildInput, index: number): EmulatedGuild {
  const id = input.id ?? fixedSnowflake(index);
  const channels = (input.channels ?? [{ name: 'general' }]).map((c, i) => ({
    id: c.id ?? fixedSnowflake(index, 1000 + i),
    name: c.name,
    type: c.type ?? 0,
    guildId: id,
    position: i,
    overwrites: c.overwrites ?? [],
  }));
  const everyone: EmulatedRole = {
    id,
    name: '@everyone',
    permissions: '1071698660929',
    position: 0,
    mentionable: false,
  };
  const roles = [
    everyone,
    ...(input.roles ?? []).map((r, i) => ({
      id: r.id ?? fixedSnowflake(index, 2000 + i),
      name: r.name,
      permissions: String(r.permissions ?? '0'),
      position: i + 1,
      mentionable: r.mentionable ?? false,
    })),
  ];
  return {
    id,
    name: input.name,
    channels,
    roles,
    channelIds: Object.fromEntries(channels.map((c) => [c.name, c.id])),
    roleIds: Object.fromEntries(roles.map((r) => [r.name, r.id])),
  };
}

export function userPayload(user: UserInput) {
  return {
    id: user.id,
    username: user.username,
    discriminator: '0',
    global_name: user.globalName ?? null,
    avatar: null,
    bot: user.bot ?? false,
    flags: 0,
    public_flags: 0,
  };
}

export function channelPayload(channel: EmulatedChannel) {
  return {
    id: channel.id,
    type: channel.type,
    guild_id: channel.guildId,
    name: channel.name,
    position: channel.position,
    permission_overwrites: channel.overwrites,
    parent_id: channel.parentId ?? null,
    ...(channel.thread
      ? { thread_metadata: channel.thread, owner_id: null, member_count: 1, message_count: 0 }
      : {}),
    topic: null,
    nsfw: false,
    last_message_id: null,
    rate_limit_per_user: 0,
    flags: 0,
  };
}

export function rolePayload(role: EmulatedRole) {
  return {
    id: role.id,
    name: role.name,
    color: 0,
    colors: { primary_color: 0, secondary_color: null, tertiary_color: null },
    hoist: false,
    icon: null,
    unicode_emoji: null,
    position: role.position,
    permissions: role.permissions,
    managed: false,
    mentionable: role.mentionable,
    flags: 0,
  };
}

export const GUILD_OWNER_ID = fixedSnowflake(9000, 1);

export const JOINED_AT = '2024-01-01T00:00:00.000Z';

export function memberPayload(user: UserInput, roles: string[] = []) {
  return {
    user: userPayload(user),
    roles,
    joined_at: JOINED_AT,
    deaf: false,
    mute: false,
    flags: 0,
    nick: null,
  };
}

export function guildPayload(guild: EmulatedGuild) {
  return {
    id: guild.id,
    name: guild.name,
    icon: null,
    splash: null,
    discovery_splash: null,
    banner: null,
    description: null,
    // Not the bot: a guild owner has every permission, which would hide channel overwrites.
    owner_id: GUILD_OWNER_ID,
    afk_channel_id: null,
    afk_timeout: 300,
    verification_level: 0,
    default_message_notifications: 0,
    explicit_content_filter: 0,
    mfa_level: 0,
    nsfw_level: 0,
    premium_tier: 0,
    premium_subscription_count: 0,
    system_channel_id: null,
    system_channel_flags: 0,
    rules_channel_id: null,
    public_updates_channel_id: null,
    preferred_locale: 'en-US',
    features: [],
    roles: guild.roles.map(rolePayload),
    emojis: [],
    stickers: [],
    max_members: 500_000,
    vanity_url_code: null,
    premium_progress_bar_enabled: false,
  };
}

/** GUILD_CREATE adds the gateway-only fields to the REST guild shape. */
export function guildCreatePayload(guild: EmulatedGuild, bot: UserInput) {
  return {
    ...guildPayload(guild),
    unavailable: false,
    joined_at: JOINED_AT,
    large: false,
    member_count: 1,
    members: [memberPayload(bot)],
    channels: guild.channels.filter((c) => !c.thread).map(channelPayload),
    threads: guild.channels.filter((c) => c.thread).map(channelPayload),
    presences: [],
    voice_states: [],
    stage_instances: [],
    guild_scheduled_events: [],
    soundboard_sounds: [],
  };
}
