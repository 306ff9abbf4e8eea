// REST routes for gateway discovery, users, the application, guilds and channel messages.
import { discordError, json, notFound, type Reply } from './http.ts';
import { applyBody, createMessage, type JsonObject, messagePayload } from './messages.ts';
import { type Route, type RouteContext, route } from './router.ts';
import { allMessages, findChannel } from './state.ts';
import { messageProblems } from './validate.ts';
import { channelPayload, guildPayload, memberPayload, rolePayload, userPayload } from './world.ts';

function gatewayBot(ctx: RouteContext): Reply {
  return json({
    url: ctx.gatewayUrl,
    shards: ctx.state.recommendedShards,
    session_start_limit: { total: 1000, remaining: 1000, reset_after: 86_400_000, max_concurrency: 1 },
  });
}

function application(ctx: RouteContext): Reply {
  const bot = { ...userPayload({ ...ctx.state.bot, bot: true }) };
  return json({
    id: ctx.state.applicationId,
    name: ctx.state.bot.username,
    icon: null,
    description: 'Emulated application',
    bot_public: false,
    bot_require_code_grant: false,
    verify_key: '0'.repeat(64),
    flags: 0,
    owner: bot,
    team: null,
    bot,
  });
}

function guildRoute(ctx: RouteContext, what: 'guild' | 'channels' | 'roles' | 'member'): Reply {
  const guild = ctx.state.guilds.find((g) => g.id === ctx.params.guild);
  if (!guild) return notFound('Guild', 10004);
  if (what === 'guild') return json(guildPayload(guild, ctx.state.bot));
  if (what === 'channels') return json(guild.channels.map(channelPayload));
  if (what === 'roles') return json(guild.roles.map(rolePayload));
  const id = ctx.params.user === '@me' ? ctx.state.bot.id : ctx.params.user;
  const user = id === ctx.state.bot.id ? { ...ctx.state.bot, bot: true } : ctx.state.users.get(id ?? '');
  return user ? json(memberPayload(user)) : notFound('Member', 10007);
}

function user(ctx: RouteContext): Reply {
  const id = ctx.params.user ?? '';
  if (id === ctx.state.bot.id) return json(userPayload({ ...ctx.state.bot, bot: true }));
  const known = ctx.state.users.get(id);
  return known ? json(userPayload(known)) : notFound('User', 10013);
}

function channel(ctx: RouteContext): Reply {
  const found = findChannel(ctx.state, ctx.params.channel ?? '');
  return found ? json(channelPayload(found)) : notFound('Channel', 10003);
}

function postMessage(ctx: RouteContext): Reply {
  const found = findChannel(ctx.state, ctx.params.channel ?? '');
  if (!found) return notFound('Channel', 10003);
  const body = (ctx.body ?? {}) as JsonObject;
  const problems = messageProblems(body, true, ctx.files.length);
  if (problems.length > 0) return invalid(problems);
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
  ctx.state.messages.push(message);
  ctx.state.changed();
  return json(messagePayload(message, ctx.state.bot, ctx.state.applicationId));
}

function channelMessage(ctx: RouteContext, action: 'get' | 'patch' | 'delete'): Reply {
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
    const problems = messageProblems(body, false, ctx.files.length);
    if (problems.length > 0) return invalid(problems);
    applyBody(message, body, ctx.files);
    message.edits++;
    ctx.state.changed();
  }
  return json(messagePayload(message, ctx.state.bot, ctx.state.applicationId));
}

export function invalid(problems: string[]): Reply {
  if (problems.length === 1 && problems[0] === 'Cannot send an empty message') {
    return discordError(400, 50006, 'Cannot send an empty message');
  }
  return discordError(400, 50035, 'Invalid Form Body', problems);
}

export function baseRoutes(): Route[] {
  return [
    route('GET', '/gateway/bot', gatewayBot),
    route('GET', '/gateway', (ctx) => json({ url: ctx.gatewayUrl })),
    route('GET', '/users/@me', (ctx) => json(userPayload({ ...ctx.state.bot, bot: true }))),
    route('GET', '/users/:user', user),
    route('GET', '/applications/@me', application),
    route('GET', '/oauth2/applications/@me', application),
    route('GET', '/guilds/:guild', (ctx) => guildRoute(ctx, 'guild')),
    route('GET', '/guilds/:guild/channels', (ctx) => guildRoute(ctx, 'channels')),
    route('GET', '/guilds/:guild/roles', (ctx) => guildRoute(ctx, 'roles')),
    route('GET', '/guilds/:guild/members/:user', (ctx) => guildRoute(ctx, 'member')),
    route('GET', '/channels/:channel', channel),
    route('POST', '/channels/:channel/typing', () => ({ status: 204 })),
    route('POST', '/channels/:channel/messages', postMessage),
    route('GET', '/channels/:channel/messages/:message', (ctx) => channelMessage(ctx, 'get')),
    route('PATCH', '/channels/:channel/messages/:message', (ctx) => channelMessage(ctx, 'patch')),
    route('DELETE', '/channels/:channel/messages/:message', (ctx) => channelMessage(ctx, 'delete')),
  ];
}
