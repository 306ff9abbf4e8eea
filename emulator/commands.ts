// Application command registration (global and guild), with Discord's basic validation so a bad
// definition fails here as it would in production.
import type { APIApplicationCommand } from 'discord.js';
import { definitionProblems, listProblems } from './definitions.ts';
import { json, notFound, type Reply } from './http.ts';
import type { JsonObject } from './messages.ts';
import { invalid, problem } from './problems.ts';
import { type Route, type RouteContext, route } from './router.ts';
import { newSnowflake } from './snowflake.ts';
import type { EmulatorState } from './state.ts';

function listFor(state: EmulatorState, guildId: string | undefined): APIApplicationCommand[] {
  if (!guildId) return state.commands.global;
  let list = state.commands.guild.get(guildId);
  if (!list) {
    list = [];
    state.commands.guild.set(guildId, list);
  }
  return list;
}

function register(
  state: EmulatorState,
  def: JsonObject,
  guildId: string | undefined,
  existing: APIApplicationCommand[],
): APIApplicationCommand {
  const previous = existing.find((c) => c.name === def.name && c.type === ((def.type as number) ?? 1));
  return {
    default_member_permissions: null,
    nsfw: false,
    integration_types: [0],
    contexts: null,
    ...def,
    id: previous?.id ?? newSnowflake(),
    application_id: state.applicationId,
    ...(guildId ? { guild_id: guildId } : {}),
    type: (def.type as number) ?? 1,
    version: newSnowflake(),
  } as APIApplicationCommand;
}

function wrongApp(ctx: RouteContext): Reply | undefined {
  return ctx.params.app === ctx.state.applicationId ? undefined : notFound('Application', 10002);
}

function putAll(ctx: RouteContext): Reply {
  const bad = wrongApp(ctx);
  if (bad) return bad;
  if (!Array.isArray(ctx.body)) return invalid([problem('', 'BASE_TYPE_ARRAY', 'Must be an array.')]);
  const defs = ctx.body as JsonObject[];
  const problems = listProblems(defs);
  if (problems.length > 0) return invalid(problems);
  const list = listFor(ctx.state, ctx.params.guild);
  const next = defs.map((def) => register(ctx.state, def, ctx.params.guild, list));
  list.splice(0, list.length, ...next);
  ctx.state.changed();
  return json(next);
}

function createOne(ctx: RouteContext): Reply {
  const bad = wrongApp(ctx);
  if (bad) return bad;
  const def = (ctx.body ?? {}) as JsonObject;
  const problems = definitionProblems(def);
  if (problems.length > 0) return invalid(problems);
  const list = listFor(ctx.state, ctx.params.guild);
  const command = register(ctx.state, def, ctx.params.guild, list);
  const at = list.findIndex((c) => c.id === command.id);
  if (at >= 0) list[at] = command;
  else list.push(command);
  ctx.state.changed();
  return json(command, at >= 0 ? 200 : 201);
}

function one(ctx: RouteContext, action: 'get' | 'patch' | 'delete'): Reply {
  const bad = wrongApp(ctx);
  if (bad) return bad;
  const list = listFor(ctx.state, ctx.params.guild);
  const at = list.findIndex((c) => c.id === ctx.params.command);
  const command = list[at];
  if (!command) return notFound('application command', 10063);
  if (action === 'get') return json(command);
  if (action === 'delete') {
    list.splice(at, 1);
    ctx.state.changed();
    return { status: 204 };
  }
  // PATCH changes the fields it carries; the result must be a valid command, still unique by name.
  const patched = { ...command, ...(ctx.body as JsonObject), id: command.id } as APIApplicationCommand;
  const problems = definitionProblems(patched as unknown as JsonObject);
  if (list.some((c) => c.id !== command.id && c.name === patched.name && c.type === patched.type)) {
    problems.push(
      problem('name', 'APPLICATION_COMMANDS_DUPLICATE_NAME', 'Application command names must be unique'),
    );
  }
  if (problems.length > 0) return invalid(problems);
  list[at] = { ...patched, version: newSnowflake() };
  ctx.state.changed();
  return json(list[at]);
}

export function commandRoutes(): Route[] {
  const routes: Route[] = [];
  for (const base of ['/applications/:app/commands', '/applications/:app/guilds/:guild/commands']) {
    routes.push(
      route('GET', base, (ctx) => wrongApp(ctx) ?? json(listFor(ctx.state, ctx.params.guild))),
      route('PUT', base, putAll),
      route('POST', base, createOne),
      route('GET', `${base}/:command`, (ctx) => one(ctx, 'get')),
      route('PATCH', `${base}/:command`, (ctx) => one(ctx, 'patch')),
      route('DELETE', `${base}/:command`, (ctx) => one(ctx, 'delete')),
    );
  }
  return routes;
}
