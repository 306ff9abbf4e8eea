import { evidenceOf } from '../src/cases/corrections.ts';
import { createKnowledgeStore } from '../src/cases/knowledgeStore.ts';
import type { Command } from '../src/discord/command.ts';
import { caseOrDevelopmentChoices } from '../src/discord/developmentChoices.ts';
import { respond } from '../src/discord/respond.ts';
import { slashCommand } from '../src/discord/slashCommand.ts';
import { requireCase, trackedCases } from '../src/discord/trackedCase.ts';
import { UserError } from '../src/errors.ts';
import { fitEmbed } from '../src/format/index.ts';

/** `/why`: the evidence behind one development — each outlet's sentence, and the confidence. */

const data = slashCommand(
  'why',
  'Why casewatch says something: the sentences, outlets and confidence behind a development',
)
  .addStringOption((o) =>
    o
      .setName('development')
      .setDescription('The development (start typing)')
      .setRequired(true)
      .setAutocomplete(true),
  )
  .addStringOption((o) =>
    o.setName('case').setDescription('The case (optional when the server tracks one)').setAutocomplete(true),
  );

const MAX_REPORTS = 10;

const execute: Command['execute'] = async (interaction, ctx) => {
  const tracked = await trackedCases(ctx.store, interaction.guildId);
  const definition = requireCase(tracked, interaction.options.getString('case'));
  const id = interaction.options.getString('development', true).trim();
  const evidence = evidenceOf(await createKnowledgeStore(ctx.store).get(definition.slug), id);
  if (!evidence) throw new UserError(`No development "${id}" in ${definition.name}: pick one from the list.`);
  const fields = evidence.reports.slice(0, MAX_REPORTS).map((r) => ({
    name: `${r.outlet} · ${r.published}${r.news ? '' : ' (background)'}`,
    value: `“${r.sentence}”\n${r.url}`,
  }));
  const more = evidence.reports.length - fields.length;
  await respond(interaction, {
    embeds: [
      fitEmbed({
        title: `Why: ${evidence.type} — ${evidence.who ?? definition.name}`,
        description: [
          evidence.summary,
          `Date: ${evidence.date ?? 'not given'} (${evidence.status})`,
          `Confidence: **${evidence.confidence.level}** — ${evidence.confidence.reasons.join('; ')}`,
          more > 0 ? `+${more} more reports` : '',
        ]
          .filter(Boolean)
          .join('\n'),
        fields,
        footer: { text: `${definition.name} · ${evidence.id}` },
      }),
    ],
  });
};

const autocomplete: Command['autocomplete'] = (interaction, ctx) =>
  caseOrDevelopmentChoices(interaction, ctx.store).then(() => undefined);

export default { data, execute, autocomplete } satisfies Command;
