// Discord's permission computation for the bot in a channel: the guild's roles, then the channel's
// overwrites (@everyone, roles, member), Administrator and ownership aside. Threads use their parent's.
import type { EmulatedChannel, EmulatedGuild } from './world.ts';

export const Permission = {
  Administrator: 1n << 3n,
  ViewChannel: 1n << 10n,
  SendMessages: 1n << 11n,
  EmbedLinks: 1n << 14n,
  AttachFiles: 1n << 15n,
  ReadMessageHistory: 1n << 16n,
  MentionEveryone: 1n << 17n,
  ManageThreads: 1n << 34n,
  CreatePublicThreads: 1n << 35n,
  CreatePrivateThreads: 1n << 36n,
  SendMessagesInThreads: 1n << 38n,
} as const;

export const ALL = (1n << 51n) - 1n;

/** The member's permissions in `channel`: roles `memberRoles` (plus @everyone), overwrites applied. */
export function channelPermissions(
  guild: EmulatedGuild,
  channel: EmulatedChannel,
  memberId: string,
  memberRoles: string[] = [],
): bigint {
  let base = 0n;
  for (const role of guild.roles) {
    if (role.id === guild.id || memberRoles.includes(role.id)) base |= BigInt(role.permissions);
  }
  if ((base & Permission.Administrator) !== 0n) return ALL;
  const source = channel.parentId
    ? (guild.channels.find((c) => c.id === channel.parentId) ?? channel)
    : channel;
  const apply = (allow: string, deny: string) => {
    base = (base & ~BigInt(deny)) | BigInt(allow);
  };
  const everyone = source.overwrites.find((o) => o.type === 0 && o.id === guild.id);
  if (everyone) apply(everyone.allow, everyone.deny);
  let roleAllow = 0n;
  let roleDeny = 0n;
  for (const o of source.overwrites) {
    if (o.type === 0 && memberRoles.includes(o.id)) {
      roleAllow |= BigInt(o.allow);
      roleDeny |= BigInt(o.deny);
    }
  }
  apply(String(roleAllow), String(roleDeny));
  const member = source.overwrites.find((o) => o.type === 1 && o.id === memberId);
  if (member) apply(member.allow, member.deny);
  // Without View Channel nothing else in the channel is granted.
  return (base & Permission.ViewChannel) === 0n ? 0n : base;
}

export function has(permissions: bigint, wanted: bigint): boolean {
  return (permissions & wanted) === wanted;
}
