import { createCorrectionStore, withoutHidden } from '../src/cases/corrections.ts';
import type { CaseDefinition } from '../src/cases/definition.ts';
import { createKnowledgeStore } from '../src/cases/knowledgeStore.ts';
import type { CaseKnowledge } from '../src/cases/types.ts';
import { timeline } from '../src/cases/views.ts';
import type { Command, CommandContext } from '../src/discord/command.ts';
import { ensurePageOwner, pageButtons, parsePageCustomId, showPage } from '../src/discord/pager.ts';
import { caseOrPersonAutocomplete, offeredPeople, requirePerson } from '../src/discord/personChoices.ts';
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
  const [full, hidden] = await Promise.all([
    createKnowledgeStore(ctx.store).get(q.definition.slug),
    createCorrectionStore(ctx.store).hidden(guildId ?? '', q.definition.slug),
  ]);
  const shown = renderPage(full, hidden, guildId ?? '', q, page);
  const request = { page: shown.page, userId, query: [q.definition.slug, q.type, q.person] };
  return { ...shown.payload, components: await pageButtons(ctx.store, NAME, request, shown.pages) };
}

/**
 * One page as a server sees it, remembered per case version. A server that hid none of the case's
 * developments sees the case as it is: one rendering serves every such server (as for /status); a
 * server with corrections gets its own (the key holds the server and what it hid).
 */
function renderPage(
  full: CaseKnowledge,
  hidden: Set<string>,
  guildId: string,
  q: TimelineQuery,
  page: number,
) {
  const knowledge = withoutHidden(full, hidden);
  const personId = q.person ? requirePerson(knowledge, q.definition.name, q.person) : undefined;
  const view = knowledge === full ? ['all', ''] : [guildId, hiddenKey(hidden)];
  const key = [NAME, q.definition.slug, caseKey(full), ...view, q.definition.name, q.type, q.person, page];
  return rendered(key, () => {
    const personName = knowledge.people.find((p) => p.id === personId)?.name ?? q.person;
    const devs = timeline(knowledge, { type: q.type || undefined, person: q.person || undefined });
    const filters = [q.type && typeLabel(q.type), personName].filter(Boolean).join(', ');
    const title = `Timeline — ${q.definition.name}${filters ? ` (${filters})` : ''}`;
    return timelinePage(devs, page, PAGE_SIZE, title);
  });
}

/** The first page, unfiltered and for each person users are offered (what is asked most). */
const prerender: Command['prerender'] = async (ctx, definition, pause) => {
  const full = await createKnowledgeStore(ctx.store).get(definition.slug);
  if (Object.keys(full.articles).length === 0) return;
  const none = new Set<string>();
  renderPage(full, none, '', { definition, type: '', person: '' }, 0);
  for (const person of offeredPeople(full)) {
    renderPage(full, none, '', { definition, type: '', person: person.name }, 0);
    await pause();
  }
};

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

export default { data, execute, autocomplete, button, prerender } satisfies Command;
