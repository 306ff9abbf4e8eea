import { type Guild, type GuildBasedChannel, PermissionFlagsBits } from 'discord.js';

/** What the bot needs in a channel to post an alert, by the names Discord's settings show. */
const NEEDED = [
  [PermissionFlagsBits.ViewChannel, 'View Channel'],
  [PermissionFlagsBits.SendMessages, 'Send Messages'],
  [PermissionFlagsBits.EmbedLinks, 'Embed Links'],
] as const;

/** The permissions the bot lacks in `channel` (its roles and the channel's overwrites applied). */
export async function missingPermissions(guild: Guild, channel: GuildBasedChannel): Promise<string[]> {
  const me = guild.members.me ?? (await guild.members.fetchMe());
  const granted = channel.permissionsFor(me);
  return NEEDED.filter(([bit]) => !granted?.has(bit)).map(([, name]) => name);
}

/** The one message /alerts set and /alerts test give for a channel the bot cannot post in. */
export function cannotPostLine(channelId: string, missing: string[]): string {
  return (
    `I cannot post alerts in <#${channelId}>: I am missing ${missing.join(', ')} there. ` +
    'Give the bot these permissions in that channel (Edit Channel → Permissions), or pick another channel.'
  );
}
