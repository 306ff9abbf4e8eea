// Channel routes as Discord guards them: a deleted channel is 404 (10003); the bot needs View
// Channel (else 403 50001) and Send Messages, or Send Messages in Threads in a thread (else 403
// 50013); a locked archived thread refuses posts (400 50083), an archived one is reopened by a post.
import { discordError, json, notFound, type Reply } from './http.ts';
import {
  applyBody,
  createMessage,
  type EmulatedMessage,
  type JsonObject,
  messagePayload,
} from './messages.ts';
import { has, Permission } from './permissions.ts';
import { invalid } from './problems.ts';
import type { Route, RouteContext } from './router.ts';
import { route } from './router.ts';
import { newSnowflake } from './snowflake.ts';
import { allMessages, botPermissions, type EmulatorState, findChannel, now, pingsFor } from './state.ts';
import { messageProblems, threadProblems } from './validate.ts';
import { channelPayload, type EmulatedChannel } from './world.ts';

const TEXT_TYPES = new Set([0, 5, 10, 11, 12]);

export const missingAccess = (): Reply => discordError(403, 50001, 'Missing Access');
export const missingPermissions = (): Reply => discordError(403, 50013, 'Missing Permissions');

/** Why the bot may not post `body` in `channel`, as Discord would answer; undefined when it may. */
function postRefusal(state: EmulatorState, channel: EmulatedChannel, files: number): Reply | undefined {
  const perms = botPermissions(state, channel.id);
  if (!has(perms, Permission.ViewChannel)) return missingAccess();
  if (!TEXT_TYPES.has(channel.type)) {
    return discordError(400, 50008, 'Cannot send messages in a non-text channel');
  }
  const send = channel.thread ? Permission.SendMessagesInThreads : Permission.SendMessages;
  if (!has(perms, send)) return missingPermissions();
  if (files > 0 && !has(perms, Permission.AttachFiles)) return missingPermissions();
  if (channel.thread?.archived) {
    if (channel.thread.locked && !has(perms, Permission.ManageThreads)) {
      return discordError(400, 50083, 'Thread is archived');
    }
    channel.thread.archived = false; // posting in an unlocked archived thread reopens it
  }
  return undefined;
}

function postMessage(ctx: RouteContext): Reply {
  const found = findChannel(ctx.state, ctx.params.channel ?? '');
  if (!found) return notFound('Channel', 10003);
  const body = (ctx.body ?? {}) as JsonObject;
  const problems = messageProblems(body, { create: true, files: ctx.files.length, ephemeralAllowed: false });
  if (problems.length > 0) return invalid(problems);
  const refused = postRefusal(ctx.state, found, ctx.files.length);
  if (refused) return refused;
  // Discord: with enforce_nonce, a second create with the same nonce from the same author within
  // a few minutes returns the first message instead of posting again.
  const nonce = body.nonce === undefined || body.nonce === null ? undefined : String(body.nonce);
  if (body.enforce_nonce === true && nonce !== undefined) {
    const existing = ctx.state.messages.find(
      (m) =>
        m.channelId === found.id && m.nonce === nonce && !m.deleted && Date.now() - m.createdAt < 5 * 60_000,
    );
    if (existing) return json(messagePayload(existing, ctx.state.bot, ctx.state.applicationId));
  }
  const message = createMessage(
    { channelId: found.id, guildId: found.guildId, kind: 'channel' },
    body,
    ctx.files,
  );
  message.nonce = nonce;
  message.pinged = pingsFor(ctx.state, found.id, body);
  ctx.state.messages.push(message);
  ctx.state.changed();
  return json(messagePayload(message, ctx.state.bot, ctx.state.applicationId));
}

function channelMessage(ctx: RouteContext, action: 'get' | 'patch' | 'delete'): Reply {
  if (!findChannel(ctx.state, ctx.params.channel ?? '')) return notFound('Channel', 10003);
  const message = allMessages(ctx.state).find(
    (m) => m.id === ctx.params.message && m.channelId === ctx.params.channel && !m.deleted,
  );
  if (!message) return notFound('Message', 10008);
  if (action === 'delete') {
    message.deleted = true;
    ctx.state.changed();
    return { status: 204 };
  }
  if (action === 'patch') {
    const body = (ctx.body ?? {}) as JsonObject;
    const problems = messageProblems(body, {
      create: false,
      files: ctx.files.length,
      ephemeralAllowed: message.kind !== 'channel',
    });
    if (problems.length > 0) return invalid(problems);
    applyBody(message, body, ctx.files);
    message.edits++;
    ctx.state.changed();
  }
  return json(messagePayload(message, ctx.state.bot, ctx.state.applicationId));
}

/** POST /channels/:id/threads (no message) and /channels/:id/messages/:message/threads. */
function createThread(ctx: RouteContext, fromMessage: boolean): Reply {
  const parent = findChannel(ctx.state, ctx.params.channel ?? '');
  if (!parent) return notFound('Channel', 10003);
  const body = (ctx.body ?? {}) as JsonObject;
  const problems = threadProblems(body, fromMessage);
  if (problems.length > 0) return invalid(problems);
  let source: EmulatedMessage | undefined;
  if (fromMessage) {
    source = allMessages(ctx.state).find(
      (m) => m.id === ctx.params.message && m.channelId === parent.id && !m.deleted,
    );
    if (!source) return notFound('Message', 10008);
  }
  const perms = botPermissions(ctx.state, parent.id);
  if (!has(perms, Permission.ViewChannel)) return missingAccess();
  if (parent.thread || ![0, 5].includes(parent.type)) {
    return discordError(400, 50024, 'Cannot execute action on this channel type');
  }
  const type = fromMessage ? (parent.type === 5 ? 10 : 11) : Number(body.type ?? 12);
  const needed = type === 12 ? Permission.CreatePrivateThreads : Permission.CreatePublicThreads;
  if (!has(perms, needed)) return missingPermissions();
  const guild = ctx.state.guilds.find((g) => g.id === parent.guildId);
  if (!guild) return notFound('Guild', 10004);
  const id = source?.id ?? newSnowflake(); // a thread started from a message takes the message's id
  if (guild.channels.some((c) => c.id === id)) {
    return discordError(400, 160004, 'A thread has already been created for this message');
  }
  const thread: EmulatedChannel = {
    id,
    name: String(body.name),
    type,
    guildId: guild.id,
    position: 0,
    overwrites: [],
    parentId: parent.id,
    thread: {
      archived: false,
      locked: false,
      auto_archive_duration: Number(body.auto_archive_duration ?? 4320),
      archive_timestamp: new Date(now(ctx.state)).toISOString(),
    },
  };
  guild.channels.push(thread);
  guild.channelIds[thread.name] ??= thread.id;
  ctx.state.changed();
  return json(channelPayload(thread), 201);
}

/** PATCH /channels/:id: a thread's archived / locked / name (what a bot changes on its threads). */
function patchChannel(ctx: RouteContext): Reply {
  const found = findChannel(ctx.state, ctx.params.channel ?? '');
  if (!found) return notFound('Channel', 10003);
  const body = (ctx.body ?? {}) as JsonObject;
  const perms = botPermissions(ctx.state, found.id);
  if (!has(perms, Permission.ViewChannel)) return missingAccess();
  if (found.thread) {
    if (found.thread.locked && !has(perms, Permission.ManageThreads)) {
      return discordError(400, 50083, 'Thread is archived');
    }
    if (typeof body.archived === 'boolean') found.thread.archived = body.archived;
    if (typeof body.locked === 'boolean') {
      if (!has(perms, Permission.ManageThreads)) return missingPermissions();
      found.thread.locked = body.locked;
    }
  } else if (!has(perms, 1n << 4n /* Manage Channels */)) {
    return missingPermissions();
  }
  if (typeof body.name === 'string') found.name = body.name;
  ctx.state.changed();
  return json(channelPayload(found));
}

export function channelRoutes(): Route[] {
  return [
    route('GET', '/channels/:channel', (ctx) => {
      const found = findChannel(ctx.state, ctx.params.channel ?? '');
      if (!found) return notFound('Channel', 10003);
      return has(botPermissions(ctx.state, found.id), Permission.ViewChannel)
        ? json(channelPayload(found))
        : missingAccess();
    }),
    route('PATCH', '/channels/:channel', patchChannel),
    route('POST', '/channels/:channel/typing', () => ({ status: 204 })),
    route('POST', '/channels/:channel/messages', postMessage),
    route('GET', '/channels/:channel/messages/:message', (ctx) => channelMessage(ctx, 'get')),
    route('PATCH', '/channels/:channel/messages/:message', (ctx) => channelMessage(ctx, 'patch')),
    route('DELETE', '/channels/:channel/messages/:message', (ctx) => channelMessage(ctx, 'delete')),
    route('POST', '/channels/:channel/threads', (ctx) => createThread(ctx, false)),
    route('POST', '/channels/:channel/messages/:message/threads', (ctx) => createThread(ctx, true)),
  ];
}
