// Builds the interaction records for command(), autocomplete(), button() and modalSubmit().
import { createInteraction, type InteractionContext, resolveGuild } from './interactions.ts';
import { type EmulatedMessage, findComponent, type JsonObject } from './messages.ts';
import { buildOptions, findCommand, type OptionRequest } from './options.ts';
import type { InteractionRecord } from './records.ts';
import { fixedSnowflake } from './snowflake.ts';
import { allMessages, type EmulatorState, findMessage } from './state.ts';

export type CommandInjection = OptionRequest & InteractionContext;

export interface ComponentInjection extends InteractionContext {
  customId: string;
  /** Default: the newest message holding a component with this custom_id. */
  messageId?: string;
  /** For select menus. */
  values?: string[];
}

export interface ModalInjection extends InteractionContext {
  customId: string;
  /** Text input custom_id -> value. */
  fields: Record<string, string>;
}

export function commandInteraction(
  state: EmulatorState,
  kind: 'command' | 'autocomplete',
  name: string,
  request: CommandInjection,
): InteractionRecord {
  const guild = resolveGuild(state, request.guildId);
  const def = findCommand(state, name, guild.id);
  const registered = [...state.commands.global, ...(state.commands.guild.get(guild.id) ?? [])];
  if (!def && request.strict !== false && registered.length > 0) {
    const names = registered.map((c) => c.name).join(', ');
    throw new Error(`emulator: /${name} is not registered for guild ${guild.id} (registered: ${names})`);
  }
  const { options, resolved } = buildOptions(state, guild, def, request, kind === 'autocomplete');
  const data = {
    id: def?.id ?? fixedSnowflake(5000, name.length),
    name,
    type: 1,
    ...(def?.guild_id ? { guild_id: def.guild_id } : {}),
    options,
    ...(resolved ? { resolved } : {}),
  };
  return createInteraction(state, kind, name, { ...request, guildId: guild.id }, data);
}

export function componentInteraction(state: EmulatorState, request: ComponentInjection): InteractionRecord {
  const message = componentMessage(state, request.customId, request.messageId);
  const component = findComponent(message, request.customId) ?? {};
  if (component.disabled) throw new Error(`emulator: component '${request.customId}' is disabled`);
  const data: JsonObject = { custom_id: request.customId, component_type: component.type ?? 2 };
  if (request.values) data.values = request.values;
  return createInteraction(state, 'component', request.customId, request, data, message);
}

export function modalInteraction(state: EmulatorState, request: ModalInjection): InteractionRecord {
  const components = Object.entries(request.fields).map(([customId, value]) => ({
    type: 1,
    components: [{ type: 4, custom_id: customId, value }],
  }));
  const data = { custom_id: request.customId, components };
  return createInteraction(state, 'modal', request.customId, request, data);
}

function componentMessage(
  state: EmulatorState,
  customId: string,
  messageId: string | undefined,
): EmulatedMessage {
  const message = messageId
    ? findMessage(state, messageId)
    : allMessages(state)
        .filter((m) => !m.deleted && findComponent(m, customId))
        .at(-1);
  if (!message) throw new Error(`emulator: no message ${messageId ?? `with a component '${customId}'`}`);
  return message;
}
