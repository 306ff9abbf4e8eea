import type { CaseDefinition } from '../src/cases/definition.ts';
import { createKnowledgeStore } from '../src/cases/knowledgeStore.ts';
import { containing, quotesOf, statementsAcrossCases } from '../src/cases/quotes.ts';
import type { Command, CommandContext } from '../src/discord/command.ts';
import { ensurePageOwner, pageButtons, parsePageCustomId, showPage } from '../src/discord/pager.ts';
import { caseOrPersonAutocomplete, knownPeople, offeredPeople } from '../src/discord/personChoices.ts';
import { caseKey, rendered } from '../src/discord/renderCache.ts';
import { type Payload, respond } from '../src/discord/respond.ts';
import { slashCommand } from '../src/discord/slashCommand.ts';
import { requireCase, trackedCases } from '../src/discord/trackedCase.ts';
import { UserError } from '../src/errors.ts';
import { quotesPage } from '../src/format/index.ts';

const NAME = 'quotes';
const PAGE_SIZE = 5;

const data = slashCommand(NAME, 'What a person said about a case, newest first, with sources')
  .addStringOption((o) =>
    o
      .setName('person')
      .setDescription('Who (any name variant)')
      .setRequired(true)
      .setAutocomplete(true)
      .setMaxLength(100),
  )
  .addStringOption((o) =>
    o.setName('case').setDescription('Only this case (default: every tracked case)').setAutocomplete(true),
  )
  .addStringOption((o) =>
    o.setName('contains').setDescription('Only quotes containing these words').setMaxLength(100),
  );

async function render(
  ctx: CommandContext,
  cases: CaseDefinition[],
  query: { slug: string; person: string; contains: string },
  page: number,
  userId: string,
): Promise<Payload> {
  const shown = await renderPage(ctx, cases, query, page);
  const request = { page: shown.page, userId, query: [query.slug, query.person, query.contains] };
  return { ...shown.payload, components: await pageButtons(ctx.store, NAME, request, shown.pages) };
}

/**
 * One page, remembered per version of every case searched. Quotes are the same for every server
 * (corrections hide developments, not quotes), and the key names each case searched, so a server
 * only ever gets a page built from cases it tracks.
 */
async function renderPage(
  ctx: CommandContext,
  cases: CaseDefinition[],
  query: { person: string; contains: string },
  page: number,
) {
  const knowledgeStore = createKnowledgeStore(ctx.store);
  const versions = await Promise.all(
    cases.map(async (def) => `${def.slug}:${def.name}:${caseKey(await knowledgeStore.get(def.slug))}`),
  );
  const key = [NAME, ...versions, query.person, query.contains, page];
  return rendered(key, async () => {
    const found = await quotesOf(knowledgeStore, cases, query.person);
    if (!found.name) {
      const where = cases.length === 1 ? (cases[0]?.name ?? 'this case') : "this server's cases";
      throw new UserError(
        `Nobody called "${query.person.slice(0, 100)}" appears in ${where}. ${knownPeople(found.people)}`,
      );
    }
    const name = found.name;
    // One statement said once, however many outlets carried, trimmed or split it.
    const matching = containing(statementsAcrossCases(found), query.contains);
    const title = `Quotes — ${name}${query.contains ? ` · containing "${query.contains}"` : ''}`;
    return quotesPage(matching, page, PAGE_SIZE, title);
  });
}

/** The first page of the case's quotes of each quoted person users are offered (what is asked most). */
const prerender: Command['prerender'] = async (ctx, definition, pause) => {
  const knowledge = await createKnowledgeStore(ctx.store).get(definition.slug);
  for (const person of offeredPeople(knowledge)) {
    if (person.quotes === 0) continue;
    await renderPage(ctx, [definition], { person: person.name, contains: '' }, 0);
    await pause();
  }
};

const execute: Command['execute'] = async (interaction, ctx) => {
  const tracked = await trackedCases(ctx.store, interaction.guildId);
  const caseInput = interaction.options.getString('case');
  if (tracked.length === 0) requireCase(tracked, null); // says how to track one
  const cases = caseInput ? [requireCase(tracked, caseInput)] : tracked;
  const query = {
    slug: caseInput ? (cases[0]?.slug ?? '') : '',
    person: interaction.options.getString('person', true).trim(),
    contains: interaction.options.getString('contains')?.trim() ?? '',
  };
  await respond(interaction, await render(ctx, cases, query, 0, interaction.user.id));
};

const button: Command['button'] = async (interaction, ctx) => {
  const request = await parsePageCustomId(ctx.store, interaction.customId);
  if (!(await ensurePageOwner(interaction, request, NAME))) return;
  const [slug = '', person = '', contains = ''] = request.query;
  const tracked = await trackedCases(ctx.store, interaction.guildId);
  const cases = slug ? tracked.filter((c) => c.slug === slug) : tracked;
  if (cases.length === 0) throw new UserError('This server no longer tracks that case.');
  const payload = await render(ctx, cases, { slug, person, contains }, request.page, request.userId);
  await showPage(interaction, payload);
};

const autocomplete = caseOrPersonAutocomplete;

export default { data, execute, autocomplete, button, prerender } satisfies Command;
