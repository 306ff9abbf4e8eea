import { createKnowledgeStore } from '../src/cases/knowledgeStore.ts';
import { peopleOf } from '../src/cases/peopleView.ts';
import type { Command } from '../src/discord/command.ts';
import { respond } from '../src/discord/respond.ts';
import { slashCommand } from '../src/discord/slashCommand.ts';
import { caseChoices, requireCase, trackedCases } from '../src/discord/trackedCase.ts';
import { peopleEmbed } from '../src/format/index.ts';

const data = slashCommand('people', 'Who is who in a case: name, role, number of quotes').addStringOption(
  (o) =>
    o.setName('case').setDescription('The case (optional when the server tracks one)').setAutocomplete(true),
);

const execute: Command['execute'] = async (interaction, ctx) => {
  const tracked = await trackedCases(ctx.store, interaction.guildId);
  const definition = requireCase(tracked, interaction.options.getString('case'));
  const knowledge = await createKnowledgeStore(ctx.store).get(definition.slug);
  await respond(interaction, peopleEmbed(peopleOf(knowledge), `People — ${definition.name}`));
};

const autocomplete: Command['autocomplete'] = async (interaction, ctx) => {
  await interaction.respond(await caseChoices(interaction, ctx.store));
};

export default { data, execute, autocomplete } satisfies Command;
