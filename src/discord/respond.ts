import {
  type AutocompleteInteraction,
  type ButtonInteraction,
  type ChatInputCommandInteraction,
  MessageFlags,
} from 'discord.js';
import { acknowledged } from './acknowledged.ts';

export { acknowledged };

/** A message payload as the formatters build it: plain objects, no discord.js classes. */
export interface Payload {
  content?: string;
  embeds?: object[];
  components?: object[];
  allowedMentions?: { parse?: Array<'roles' | 'users' | 'everyone'>; roles?: string[]; users?: string[] };
}

type Answerable = ChatInputCommandInteraction | ButtonInteraction;

/**
 * Replies, or edits the reply when the dispatcher (or the command) already deferred it. Commands
 * answer through this so a slow store never turns into Discord's "interaction failed".
 */
export async function respond(interaction: Answerable, payload: Payload | string, ephemeral = false) {
  const body = typeof payload === 'string' ? { content: payload } : payload;
  const safe = { allowedMentions: { parse: [] }, ...body } as never;
  if (await acknowledged(interaction)) {
    await interaction.editReply(safe);
    return;
  }
  await interaction.reply({
    ...(safe as object),
    ...(ephemeral ? { flags: MessageFlags.Ephemeral } : {}),
  } as never);
}

/** Autocomplete answers are capped at 25 choices and 100 characters a name by Discord. */
export async function respondChoices(
  interaction: AutocompleteInteraction,
  choices: Array<{ name: string; value: string }>,
) {
  await interaction.respond(
    choices.slice(0, 25).map((c) => ({ name: c.name.slice(0, 100), value: c.value.slice(0, 100) })),
  );
}
