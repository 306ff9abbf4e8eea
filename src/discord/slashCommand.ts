import { InteractionContextType, PermissionFlagsBits, SlashCommandBuilder } from 'discord.js';

/**
 * A slash command's declaration as every casewatch command starts: used in servers only (cases,
 * feeds and alerts are a server's), and for an admin command Manage Server by default. That
 * default is the one place the admin rule is declared: Discord hides the command from others, and
 * the dispatcher reads the same permissions back from `data` to refuse them server-side (a server
 * may override the defaults) for the command, its autocomplete and its buttons.
 */
export function slashCommand(name: string, description: string, options: { admin?: boolean } = {}) {
  const builder = new SlashCommandBuilder()
    .setName(name)
    .setDescription(description)
    .setContexts(InteractionContextType.Guild);
  return options.admin ? builder.setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild) : builder;
}
