import { createCorrectionStore, withoutHidden } from '../src/cases/corrections.ts';
import type { CaseDefinition } from '../src/cases/definition.ts';
import { createKnowledgeStore } from '../src/cases/knowledgeStore.ts';
import { timeline } from '../src/cases/views.ts';
import type { Command, CommandContext } from '../src/discord/command.ts';
import { ensurePageOwner, pageButtons, parsePageCustomId, showPage } from '../src/discord/pager.ts';
import { caseOrPersonAutocomplete, requirePerson } from '../src/discord/personChoices.ts';
import { caseKey, hiddenKey, rendered } from '../src/discord/renderCache.ts';
import { type Payload, respond } from '../src/discord/respond.ts';
import { slashCommand } from '../src/discord/slashCommand.ts';
import { requireCase, trackedCases } from '../src/discord/trackedCase.ts';
import { UserError } from '../src/errors.ts';
import { EVENT_TYPES } from '../src/facts.ts';
import { timelinePage } from '../src/format/index.ts';
import { typeLabel } from '../src/format/payload.ts';

const NAME = 'timeline';
const PAGE_SIZE = 5;

const data = slashCommand(NAME, 'Developments of a case in date order, with their sources')
  .addStringOption((o) =>
    o.setName('case').setDescription('The case (optional when the server tracks one)').setAutocomplete(true),
  )
  .addStringOption((o) =>
    o
      .setName('type')
      .setDescription('Only this kind of development')
      .addChoices(...EVENT_TYPES.map((t) => ({ name: typeLabel(t), value: t }))),
  )
  .addStringOption((o) =>
    o
      .setName('person')
      .setDescription('Only developments about this person')
      .setAutocomplete(true)
      .setMaxLength(100),
  );

interface TimelineQuery {
  definition: CaseDefinition;
  type: string;
  person: string;
}

/** One page of the timeline with its buttons; the query travels in the buttons' custom ids. */
async function render(
  ctx: CommandContext,
  q: TimelineQuery,
  page: number,
  userId: string,
  guildId: string | null,
): Promise<Payload> {
  const full = await createKnowledgeStore(ctx.store).get(q.definition.slug);
  const hidden = await createCorrectionStore(ctx.store).hidden(guildId ?? '', q.definition.slug);
  const knowledge = withoutHidden(full, hidden);
  const personId = q.person ? requirePerson(knowledge, q.definition.name, q.person) : undefined;
  const key = [NAME, guildId ?? '', q.definition.slug, caseKey(full), hiddenKey(hidden), q.definition.name];
  const shown = rendered([...key, q.type, q.person, page], () => {
    const personName = knowledge.people.find((p) => p.id === personId)?.name ?? q.person;
    const devs = timeline(knowledge, { type: q.type || undefined, person: q.person || undefined });
    const filters = [q.type && typeLabel(q.type), personName].filter(Boolean).join(', ');
    const title = `Timeline — ${q.definition.name}${filters ? ` (${filters})` : ''}`;
    return timelinePage(devs, page, PAGE_SIZE, title);
  });
  const request = { page: shown.page, userId, query: [q.definition.slug, q.type, q.person] };
  return { ...shown.payload, components: await pageButtons(ctx.store, NAME, request, shown.pages) };
}

const execute: Command['execute'] = async (interaction, ctx) => {
  const tracked = await trackedCases(ctx.store, interaction.guildId);
  const definition = requireCase(tracked, interaction.options.getString('case'));
  const query = {
    definition,
    type: interaction.options.getString('type') ?? '',
    person: interaction.options.getString('person')?.trim() ?? '',
  };
  await respond(interaction, await render(ctx, query, 0, interaction.user.id, interaction.guildId));
};

const button: Command['button'] = async (interaction, ctx) => {
  const request = await parsePageCustomId(ctx.store, interaction.customId);
  if (!(await ensurePageOwner(interaction, request, NAME))) return;
  const [slug = '', type = '', person = ''] = request.query;
  const tracked = await trackedCases(ctx.store, interaction.guildId);
  const definition = tracked.find((c) => c.slug === slug);
  if (!definition) throw new UserError('This server no longer tracks that case.');
  await showPage(
    interaction,
    await render(ctx, { definition, type, person }, request.page, request.userId, interaction.guildId),
  );
};

const autocomplete = caseOrPersonAutocomplete;

export default { data, execute, autocomplete, button } satisfies Command;
