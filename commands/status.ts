import { SlashCommandBuilder } from 'discord.js';
import { findCase, suggestCases } from '../src/cases/definition.ts';
import type { Command } from '../src/discord/command.ts';
import { respond } from '../src/discord/respond.ts';
import { UserError } from '../src/errors.ts';
import { createCaseStore } from '../src/store/cases.ts';

const data = new SlashCommandBuilder()
  .setName('status')
  .setDescription('Where a case stands: stage, charges, next date, latest developments')
  .setDMPermission(false)
  .addStringOption((o) =>
    o.setName('case').setDescription('The case (optional when the server tracks one)').setAutocomplete(true),
  );

const execute: Command['execute'] = async (interaction, ctx) => {
  const tracked = interaction.guildId ? await createCaseStore(ctx.store).trackedBy(interaction.guildId) : [];
  const input = interaction.options.getString('case');
  const found = findCase(tracked, input);
  if (!found) {
    if (tracked.length === 0)
      throw new UserError('This server tracks no case yet. An admin can add one with `/case track`.');
    const names = tracked.map((c) => `\`${c.slug}\``).join(', ');
    throw new UserError(
      input
        ? `No tracked case matches "${input.slice(0, 100)}". Tracked here: ${names}.`
        : `Which case? Tracked here: ${names}.`,
    );
  }
  await respond(interaction, {
    embeds: [
      {
        title: found.name.slice(0, 256),
        description: 'No articles yet: casewatch will fill this in as news about the case arrives.',
        fields: [
          { name: 'Defendants', value: found.defendants.join(', ').slice(0, 1024) || 'none named yet' },
          { name: 'Also known as', value: found.aliases.join(', ').slice(0, 1024) || '—' },
        ],
      },
    ],
  });
};

const autocomplete: Command['autocomplete'] = async (interaction, ctx) => {
  const tracked = interaction.guildId ? await createCaseStore(ctx.store).trackedBy(interaction.guildId) : [];
  await interaction.respond(suggestCases(tracked, String(interaction.options.getFocused())));
};

export default { data, execute, autocomplete } satisfies Command;
