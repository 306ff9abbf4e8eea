// Slash-command options as Discord sends them: typed from the registered definition when there is
// one (string 3, integer 4, boolean 5, user 6, channel 7, role 8, mentionable 9, number 10), inferred
// from the JS value otherwise, with `resolved` filled for users, channels and roles.
import type { APIApplicationCommand } from 'discord.js';
import type { JsonObject } from './messages.ts';
import { isSnowflake } from './snowflake.ts';
import type { EmulatorState } from './state.ts';
import {
  ALL_PERMISSIONS,
  type EmulatedGuild,
  JOINED_AT,
  rolePayload,
  type UserInput,
  userPayload,
} from './world.ts';

/** A value, a user ({id, username}), or an explicit {type, value} to bypass typing. */
export type OptionInput =
  | string
  | number
  | boolean
  | UserInput
  | { type: number; value: string | number | boolean };

export interface OptionRequest {
  options?: Record<string, OptionInput>;
  subcommand?: string;
  subcommandGroup?: string;
  /** Autocomplete: the option being typed. */
  focused?: string;
  /** Check names, required options and choices against the registered definition (default true). */
  strict?: boolean;
}

interface Built {
  options: JsonObject[];
  resolved: JsonObject | undefined;
}

export function findCommand(state: EmulatorState, name: string, guildId: string | null) {
  const guildList = guildId ? (state.commands.guild.get(guildId) ?? []) : [];
  const match = (c: APIApplicationCommand) => c.name === name && (c.type ?? 1) === 1;
  return guildList.find(match) ?? state.commands.global.find(match);
}

export function buildOptions(
  state: EmulatorState,
  guild: EmulatedGuild | undefined,
  def: APIApplicationCommand | undefined,
  request: OptionRequest,
  autocomplete: boolean,
): Built {
  const strict = request.strict !== false && def !== undefined;
  const where = `/${def?.name ?? '?'}`;
  let defs = (def?.options ?? []) as unknown as JsonObject[];
  const wrap: ((inner: JsonObject[]) => JsonObject[])[] = [];
  for (const [kind, type] of [
    ['subcommandGroup', 2],
    ['subcommand', 1],
  ] as const) {
    const wanted = request[kind];
    if (wanted) {
      const node = defs.find((o) => o.type === type && o.name === wanted);
      if (strict && !node) throw new Error(`emulator: ${where} has no ${kind} '${wanted}'`);
      defs = (node?.options ?? []) as JsonObject[];
      wrap.unshift((inner) => [{ type, name: wanted, options: inner }]);
    } else if (
      strict &&
      defs.some((o) => o.type === type) &&
      // Discord lets a command mix subcommands and groups at its top level (/case list beside
      // /case docket add): no group is needed to reach a plain subcommand.
      !(kind === 'subcommandGroup' && defs.some((o) => o.type === 1 && o.name === request.subcommand))
    ) {
      const names = defs.filter((o) => o.type === type).map((o) => o.name);
      throw new Error(`emulator: ${where} needs a ${kind} (one of ${names.join(', ')})`);
    }
  }
  const resolved: Record<string, Record<string, unknown>> = {};
  const leaf: JsonObject[] = [];
  for (const [name, input] of Object.entries(request.options ?? {})) {
    const optionDef = defs.find((o) => o.name === name);
    if (strict && !optionDef) {
      throw new Error(
        `emulator: ${where} has no option '${name}' (has ${defs.map((o) => o.name).join(', ')})`,
      );
    }
    const type = explicitType(input) ?? (optionDef?.type as number | undefined) ?? inferType(input);
    const focused = autocomplete && request.focused === name;
    const value = focused ? String(rawValue(input)) : toValue(state, guild, type, input, resolved);
    if (strict && !focused && Array.isArray(optionDef?.choices)) {
      const allowed = (optionDef.choices as JsonObject[]).map((c) => c.value);
      if (!allowed.includes(value))
        throw new Error(`emulator: ${where} option '${name}' must be one of ${allowed}`);
    }
    leaf.push({ name, type, value, ...(focused ? { focused: true } : {}) });
  }
  if (strict && !autocomplete) {
    const missing = defs.filter((o) => o.required && !(String(o.name) in (request.options ?? {})));
    if (missing.length > 0)
      throw new Error(`emulator: ${where} misses required ${missing.map((o) => o.name)}`);
  }
  const options = wrap.reduce((inner, w) => w(inner), leaf);
  return { options, resolved: Object.keys(resolved).length > 0 ? resolved : undefined };
}

function explicitType(input: OptionInput): number | undefined {
  return typeof input === 'object' && 'type' in input ? input.type : undefined;
}

function rawValue(input: OptionInput): string | number | boolean {
  if (typeof input !== 'object') return input;
  return 'value' in input ? input.value : input.id;
}

function inferType(input: OptionInput): number {
  if (typeof input === 'boolean') return 5;
  if (typeof input === 'number') return Number.isInteger(input) ? 4 : 10;
  if (typeof input === 'object') return 6;
  return 3;
}

function toValue(
  state: EmulatorState,
  guild: EmulatedGuild | undefined,
  type: number,
  input: OptionInput,
  resolved: Record<string, Record<string, unknown>>,
): string | number | boolean {
  const raw = rawValue(input);
  const add = (kind: string, id: string, payload: unknown) => {
    resolved[kind] ??= {};
    resolved[kind][id] = payload;
  };
  if (type === 4 || type === 10) return Number(raw);
  if (type === 5) return raw === true || raw === 'true';
  const text = String(raw);
  if (type === 7) {
    const channel = guild?.channels.find((c) => c.id === text || c.name === text);
    if (!channel) return text;
    add('channels', channel.id, {
      id: channel.id,
      name: channel.name,
      type: channel.type,
      permissions: ALL_PERMISSIONS,
    });
    return channel.id;
  }
  const role = guild?.roles.find((r) => r.id === text || r.name === text);
  if (type === 8 || (type === 9 && role)) {
    if (role) add('roles', role.id, rolePayload(role));
    return role?.id ?? text;
  }
  if (type === 6 || type === 9) {
    const user = typeof input === 'object' && 'username' in input ? input : state.users.get(text);
    const known = user ?? { id: text, username: `user${text.slice(-4)}` };
    if (!isSnowflake(known.id))
      throw new Error(`emulator: user option needs a snowflake id, got '${known.id}'`);
    state.users.set(known.id, known);
    add('users', known.id, userPayload(known));
    add('members', known.id, {
      roles: [],
      joined_at: JOINED_AT,
      permissions: ALL_PERMISSIONS,
      flags: 0,
      nick: null,
    });
    return known.id;
  }
  return text;
}
