import {
  ChannelType,
  type ChatInputCommandInteraction,
  type Guild,
  type GuildBasedChannel,
  PermissionFlagsBits,
} from 'discord.js';
import { UserError } from '../errors.ts';

/** What the bot needs in a channel to post an alert, by the names Discord's settings show. */
const NEEDED = [
  [PermissionFlagsBits.ViewChannel, 'View Channel'],
  [PermissionFlagsBits.SendMessages, 'Send Messages'],
  [PermissionFlagsBits.EmbedLinks, 'Embed Links'],
] as const;

/** And to post each case's alerts in its own thread there (`/alerts set threads:true`). */
const NEEDED_FOR_THREADS = [
  [PermissionFlagsBits.CreatePublicThreads, 'Create Public Threads'],
  [PermissionFlagsBits.SendMessagesInThreads, 'Send Messages in Threads'],
] as const;

/** Channels a bot can post an alert to. */
export const POSTABLE = [ChannelType.GuildText, ChannelType.GuildAnnouncement] as const;

/** The permissions the bot lacks in `channel` (its roles and the channel's overwrites applied). */
export async function missingPermissions(
  guild: Guild,
  channel: GuildBasedChannel,
  options: { threads?: boolean } = {},
): Promise<string[]> {
  const me = guild.members.me ?? (await guild.members.fetchMe());
  const granted = channel.permissionsFor(me);
  const needed = options.threads ? [...NEEDED, ...NEEDED_FOR_THREADS] : NEEDED;
  return needed.filter(([bit]) => !granted?.has(bit)).map(([, name]) => name);
}

/** The one message /alerts set and /alerts test give for a channel the bot cannot post in. */
export function cannotPostLine(channelId: string, missing: string[]): string {
  return (
    `I cannot post alerts in <#${channelId}>: I am missing ${missing.join(', ')} there. ` +
    'Give the bot these permissions in that channel (Edit Channel → Permissions), or pick another channel.'
  );
}

/**
 * What every command that names an alert channel checks before storing anything (`/alerts set`,
 * `/alerts case-channel`, `/feed add … channel:`): a text or announcement channel of this server
 * where the bot can post (and open threads, when the server posts alerts in threads).
 */
export async function requireAlertChannel(
  interaction: ChatInputCommandInteraction,
  channelId: string,
  options: { threads?: boolean } = {},
): Promise<void> {
  const guild = interaction.guild;
  const channel = guild?.channels.cache.get(channelId);
  if (!guild || !channel || channel.guildId !== interaction.guildId)
    throw new UserError('Pick a channel of this server for alerts.');
  if (!(POSTABLE as readonly ChannelType[]).includes(channel.type))
    throw new UserError(`<#${channelId}> is not a text channel: pick a text or announcement channel.`);
  const missing = await missingPermissions(guild, channel, options);
  if (missing.length) throw new UserError(cannotPostLine(channelId, missing));
}
