import {
  type AutocompleteInteraction,
  type Client,
  Events,
  type Interaction,
  MessageFlags,
  PermissionFlagsBits,
  PermissionsBitField,
  type RepliableInteraction,
} from 'discord.js';
import { UserError } from '../errors.ts';
import { acknowledged, trackDefer } from './acknowledged.ts';
import type { Command, CommandContext } from './command.ts';

/** Discord fails an interaction not answered within 3 s; defer well before that. */
const AUTO_DEFER_MS = 2_000;

/**
 * The single error boundary for interactions. Every command, autocomplete and button goes through
 * `dispatch`; a thrown error is logged with its context and answered with a short ephemeral
 * message whether or not the reply was deferred, and the bot goes on serving.
 */
export function attachDispatcher(client: Client, commands: Map<string, Command>, ctx: CommandContext) {
  const listener = (interaction: Interaction) => {
    void dispatch(interaction, commands, ctx);
  };
  client.on(Events.InteractionCreate, listener);
  return () => client.off(Events.InteractionCreate, listener);
}

export async function dispatch(
  interaction: Interaction,
  commands: Map<string, Command>,
  ctx: CommandContext,
) {
  const started = performance.now();
  const name = commandName(interaction);
  const command = name ? commands.get(name) : undefined;
  const log = ctx.logger.child({
    interaction: interaction.id,
    command: name,
    guild: interaction.guildId,
    user: interaction.user.id,
  });
  try {
    if (interaction.isAutocomplete()) {
      // Choices of an admin command (feed URLs, case names) are admin data too.
      if (!command?.autocomplete || !mayUse(interaction, command))
        return void (await interaction.respond([]));
      return await command.autocomplete(interaction, ctx);
    }
    if (!interaction.isChatInputCommand() && !interaction.isButton()) return;
    if (!command) throw new UserError('That command is not available any more.');
    if (!mayUse(interaction, command)) {
      return await interaction.reply({
        content: `You need the ${permissionNames(requiredPermissions(command))} permission to use /${name}.`,
        flags: MessageFlags.Ephemeral,
        allowedMentions: { parse: [] },
      });
    }
    const timer = setTimeout(() => {
      if (!interaction.deferred && !interaction.replied) {
        const flags = command.ephemeral ? MessageFlags.Ephemeral : undefined;
        const defer = interaction.isButton() ? interaction.deferUpdate() : interaction.deferReply({ flags });
        trackDefer(interaction, defer);
        defer.catch((err: unknown) => log.warn({ err }, 'auto-defer failed'));
      }
    }, AUTO_DEFER_MS);
    try {
      if (interaction.isChatInputCommand()) await command.execute(interaction, ctx);
      else if (command.button) await command.button(interaction, ctx);
    } finally {
      clearTimeout(timer);
    }
  } catch (err) {
    await answerError(interaction, err, log);
  } finally {
    ctx.metrics?.observeInteraction?.(name ?? 'unknown', (performance.now() - started) / 1000);
  }
}

const required = new WeakMap<Command, bigint>();

/** The permissions a command declares (default_member_permissions; "0" means administrators only). */
function requiredPermissions(command: Command): bigint {
  let bits = required.get(command);
  if (bits === undefined) {
    const declared = command.data.toJSON().default_member_permissions;
    bits = declared === '0' ? PermissionFlagsBits.Administrator : BigInt(declared ?? 0);
    required.set(command, bits);
  }
  return bits;
}

/** Checked here, server-side, whatever default permissions a server gave the command. */
function mayUse(interaction: RepliableInteraction | AutocompleteInteraction, command: Command): boolean {
  const bits = requiredPermissions(command);
  if (bits === 0n) return true;
  return interaction.inGuild() && (interaction.memberPermissions?.has(bits) ?? false);
}

const READABLE: Record<string, string> = { ManageGuild: 'Manage Server' };

function permissionNames(bits: bigint): string {
  return new PermissionsBitField(bits)
    .toArray()
    .map((flag) => `**${READABLE[flag] ?? flag.replace(/(?<=[a-z])(?=[A-Z])/g, ' ')}**`)
    .join(' and ');
}

function commandName(interaction: Interaction): string | undefined {
  if (interaction.isChatInputCommand() || interaction.isAutocomplete()) return interaction.commandName;
  if (interaction.isButton()) return interaction.customId.split(':')[0];
  return undefined;
}

async function answerError(interaction: Interaction, err: unknown, log: CommandContext['logger']) {
  const expected = err instanceof UserError;
  if (expected) log.info({ reason: (err as Error).message }, 'interaction refused');
  else log.error({ err }, 'interaction failed');
  if (!interaction.isRepliable()) return;
  const content = expected
    ? (err as Error).message
    : 'Sorry, something went wrong while answering that. The error was logged; please try again.';
  try {
    await acknowledged(interaction); // an auto-defer still on the wire decides which call is allowed
    if (interaction.deferred && !interaction.replied) {
      // The first follow-up after a defer would replace the (maybe public) "thinking…" message:
      // remove it so the apology is a private message of its own.
      await interaction.deleteReply().catch(() => undefined);
      await interaction.followUp({ content, flags: MessageFlags.Ephemeral, allowedMentions: { parse: [] } });
    } else if (interaction.replied) {
      await interaction.followUp({ content, flags: MessageFlags.Ephemeral, allowedMentions: { parse: [] } });
    } else {
      await interaction.reply({ content, flags: MessageFlags.Ephemeral, allowedMentions: { parse: [] } });
    }
  } catch (replyErr) {
    log.warn({ err: replyErr }, 'could not send the error reply');
  }
}
