// Application command registration (global and guild), with Discord's basic validation so a bad
// definition fails here as it would in production.
import type { APIApplicationCommand } from 'discord.js';
import { discordError, json, notFound, type Reply } from './http.ts';
import type { JsonObject } from './messages.ts';
import { type Route, type RouteContext, route } from './router.ts';
import { newSnowflake } from './snowflake.ts';
import type { EmulatorState } from './state.ts';

const NAME = /^[-_'\p{L}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$/u;

function listFor(state: EmulatorState, guildId: string | undefined): APIApplicationCommand[] {
  if (!guildId) return state.commands.global;
  let list = state.commands.guild.get(guildId);
  if (!list) {
    list = [];
    state.commands.guild.set(guildId, list);
  }
  return list;
}

function definitionProblems(def: JsonObject, where: string): string[] {
  const problems: string[] = [];
  const type = (def.type as number | undefined) ?? 1;
  const name = String(def.name ?? '');
  if (!NAME.test(name) || (type === 1 && name !== name.toLowerCase())) {
    problems.push(`${where}.name: invalid command name '${name}'`);
  }
  const description = def.description;
  if (type === 1 && (typeof description !== 'string' || description.length < 1 || description.length > 100)) {
    problems.push(`${where}.description: must be 1 to 100 characters`);
  }
  const options = Array.isArray(def.options) ? (def.options as JsonObject[]) : [];
  if (options.length > 25) problems.push(`${where}.options: must be 25 or fewer`);
  const names = new Set<string>();
  options.forEach((option, i) => {
    if (names.has(String(option.name))) problems.push(`${where}.options[${i}].name: duplicated`);
    names.add(String(option.name));
    if (Array.isArray(option.choices) && option.choices.length > 25) {
      problems.push(`${where}.options[${i}].choices: must be 25 or fewer`);
    }
    if (option.type === 1 || option.type === 2 || option.options) {
      problems.push(...definitionProblems({ ...option, type: 1 }, `${where}.options[${i}]`));
    }
  });
  return problems;
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
  const defs = Array.isArray(ctx.body) ? (ctx.body as JsonObject[]) : [];
  const problems = defs.flatMap((def, i) => definitionProblems(def, `[${i}]`));
  if (defs.length > 100) problems.push('at most 100 commands');
  if (problems.length > 0) return discordError(400, 50035, 'Invalid Form Body', problems);
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
  const problems = definitionProblems(def, 'command');
  if (problems.length > 0) return discordError(400, 50035, 'Invalid Form Body', problems);
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
  const patched = { ...command, ...(ctx.body as JsonObject), id: command.id } as APIApplicationCommand;
  list[at] = patched;
  ctx.state.changed();
  return json(patched);
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
