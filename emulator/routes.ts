// REST routes for gateway discovery, users, the application and guilds (channels: channels.ts).
import { json, notFound, type Reply } from './http.ts';
import { type Route, type RouteContext, route } from './router.ts';
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
  if (what === 'guild') return json(guildPayload(guild));
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
  ];
}
