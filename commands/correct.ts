import { createCorrectionStore, evidenceOf } from '../src/cases/corrections.ts';
import { createKnowledgeStore } from '../src/cases/knowledgeStore.ts';
import type { Command } from '../src/discord/command.ts';
import { caseOrDevelopmentChoices } from '../src/discord/developmentChoices.ts';
import { respond } from '../src/discord/respond.ts';
import { slashCommand } from '../src/discord/slashCommand.ts';
import { requireCase, trackedCases } from '../src/discord/trackedCase.ts';
import { UserError } from '../src/errors.ts';

/**
 * `/correct` (Manage Server): marks a development wrong for this server. It disappears from this
 * server's /status and /timeline and stays in the store; a re-ingest never brings it back.
 */

const data = slashCommand(
  'correct',
  'Mark a development wrong: hidden from /status and /timeline in this server (Manage Server)',
  { admin: true },
)
  .addStringOption((o) =>
    o
      .setName('development')
      .setDescription('The wrong development (start typing)')
      .setRequired(true)
      .setAutocomplete(true),
  )
  .addStringOption((o) =>
    o.setName('case').setDescription('The case (optional when the server tracks one)').setAutocomplete(true),
  );

const execute: Command['execute'] = async (interaction, ctx) => {
  const guildId = interaction.guildId;
  if (!guildId) throw new UserError('Corrections are per server: use this command in a server.');
  const tracked = await trackedCases(ctx.store, guildId);
  const definition = requireCase(tracked, interaction.options.getString('case'));
  const id = interaction.options.getString('development', true).trim();
  const evidence = evidenceOf(await createKnowledgeStore(ctx.store).get(definition.slug), id);
  if (!evidence) throw new UserError(`No development "${id}" in ${definition.name}: pick one from the list.`);
  const added = await createCorrectionStore(ctx.store).hide(guildId, definition.slug, id);
  if (added) ctx.metrics?.countCorrection?.();
  await respond(
    interaction,
    added
      ? `Marked wrong in this server: ${evidence.type} — ${evidence.summary}. It no longer shows in /status or /timeline here.`
      : 'That development was already marked wrong in this server.',
    true,
  );
};

const autocomplete: Command['autocomplete'] = (interaction, ctx) =>
  caseOrDevelopmentChoices(interaction, ctx.store).then(() => undefined);

export default { data, ephemeral: true, execute, autocomplete } satisfies Command;
