// Who a message pings, as Discord decides it: mentions in `content` only (never in embeds), filtered
// by `allowed_mentions` — absent means Discord's default, every mention in the content pings.
// Roles ping when mentionable or when the sender may Mention Everyone; so do @everyone and @here.
import type { JsonObject } from './messages.ts';
import { has, Permission } from './permissions.ts';
import type { EmulatedGuild } from './world.ts';

export interface Pinged {
  users: string[];
  roles: string[];
  /** @everyone or @here pinged. */
  everyone: boolean;
}

export const NOBODY: Pinged = Object.freeze({ users: [], roles: [], everyone: false }) as Pinged;

export function mentionsIn(content: string) {
  return {
    users: [...new Set([...content.matchAll(/<@!?(\d{17,20})>/g)].map((m) => m[1] as string))],
    roles: [...new Set([...content.matchAll(/<@&(\d{17,20})>/g)].map((m) => m[1] as string))],
    everyone: /@(everyone|here)\b/.test(content),
  };
}

/** The pings of a message body sent by a member with `permissions` in `guild` (null: a DM). */
export function computePings(body: JsonObject, guild: EmulatedGuild | null, permissions: bigint): Pinged {
  const content = typeof body.content === 'string' ? body.content : '';
  const flags = typeof body.flags === 'number' ? body.flags : 0;
  // Ephemeral messages and @silent ones (SUPPRESS_NOTIFICATIONS) notify nobody.
  if (content === '' || (flags & 64) !== 0 || (flags & 4096) !== 0) return { ...NOBODY };
  const found = mentionsIn(content);
  const allowed = body.allowed_mentions as JsonObject | null | undefined;
  const parse = allowed ? (Array.isArray(allowed.parse) ? (allowed.parse as string[]) : []) : null;
  const listed = (key: 'users' | 'roles') =>
    allowed && Array.isArray(allowed[key]) ? (allowed[key] as string[]) : [];
  const mayPing = (kind: 'users' | 'roles' | 'everyone', id?: string) =>
    parse === null || parse.includes(kind) || (id !== undefined && listed(kind as 'users').includes(id));
  const mentionEveryone = has(permissions, Permission.MentionEveryone);
  return {
    users: found.users.filter((id) => mayPing('users', id)),
    roles: found.roles.filter((id) => {
      const role = guild?.roles.find((r) => r.id === id);
      return role !== undefined && mayPing('roles', id) && (role.mentionable || mentionEveryone);
    }),
    everyone: found.everyone && mayPing('everyone') && mentionEveryone,
  };
}

export function pingedNobody(pinged: Pinged): boolean {
  return pinged.users.length === 0 && pinged.roles.length === 0 && !pinged.everyone;
}
