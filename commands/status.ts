import { createCorrectionStore, withoutHidden } from '../src/cases/corrections.ts';
import type { CaseDefinition } from '../src/cases/definition.ts';
import { createKnowledgeStore } from '../src/cases/knowledgeStore.ts';
import { caseStatus } from '../src/cases/status.ts';
import type { CaseKnowledge, CaseStatus } from '../src/cases/types.ts';
import type { Command } from '../src/discord/command.ts';
import { caseKey, hiddenKey, rendered } from '../src/discord/renderCache.ts';
import { respond } from '../src/discord/respond.ts';
import { slashCommand } from '../src/discord/slashCommand.ts';
import { caseChoices, requireCase, today, trackedCases } from '../src/discord/trackedCase.ts';
import { type Embed, fitEmbed, LIMITS, statusEmbed } from '../src/format/index.ts';

const data = slashCommand(
  'status',
  'Where a case stands: stage, charges, next date, latest developments',
).addStringOption((o) =>
  o.setName('case').setDescription('The case (optional when the server tracks one)').setAutocomplete(true),
);

const execute: Command['execute'] = async (interaction, ctx) => {
  const tracked = await trackedCases(ctx.store, interaction.guildId);
  const found = requireCase(tracked, interaction.options.getString('case'));
  // Two independent reads, one round trip of waiting.
  const [full, hidden] = await Promise.all([
    createKnowledgeStore(ctx.store).get(found.slug),
    createCorrectionStore(ctx.store).hidden(interaction.guildId ?? '', found.slug),
  ]);
  if (Object.keys(full.articles).length === 0) {
    // Nothing ingested yet: say so, and show what the case definition holds.
    return respond(interaction, {
      embeds: [
        fitEmbed({
          title: found.name,
          description: 'No articles yet: casewatch will fill this in as news about the case arrives.',
          fields: [
            { name: 'Defendants', value: found.defendants.join(', ') || 'none named yet' },
            { name: 'Also known as', value: found.aliases.join(', ') || '—' },
          ],
        }),
      ],
    });
  }
  await respond(interaction, renderStatus(full, hidden, interaction.guildId ?? '', found, today(ctx.now)));
};

/**
 * The status as a server sees it. A server that hid none of this case's developments sees the
 * case as it is, the same answer for every such server: one rendering serves them all. A server
 * with corrections gets its own (the key holds the server and what it hid).
 */
function renderStatus(
  full: CaseKnowledge,
  hidden: Set<string>,
  guildId: string,
  def: CaseDefinition,
  day: string,
) {
  const knowledge = withoutHidden(full, hidden);
  const view = knowledge === full ? ['all', ''] : [guildId, hiddenKey(hidden)];
  return rendered(['status', def.slug, caseKey(full), ...view, day, def.name], () =>
    statusWithinLimits(caseStatus(knowledge, day, def.name)),
  );
}

/** The status as servers without corrections see it (the same rendering execute looks up). */
const prerender: Command['prerender'] = async (ctx, def) => {
  const full = await createKnowledgeStore(ctx.store).get(def.slug);
  if (Object.keys(full.articles).length > 0) renderStatus(full, new Set(), '', def, today(ctx.now));
};

/**
 * statusEmbed lists defendants first, and Discord's 25 fields / 6000 characters would then cut the
 * latest developments (or the description) off a case with many defendants. Show as many
 * defendants as leave room for everything else, and say how many more there are.
 */
export function statusWithinLimits(status: CaseStatus) {
  const defendants = Object.entries(status.defendants);
  for (let shown = defendants.length; shown > 0; shown--) {
    const payload = statusEmbed({ ...status, defendants: Object.fromEntries(defendants.slice(0, shown)) });
    const embed = payload.embeds[0];
    const more =
      shown < defendants.length ? `\n+${defendants.length - shown} more defendants: see \`/people\`.` : '';
    // Under the total, fitEmbed trimmed nothing to make room; so the note fits as well.
    if (!embed || embed.fields.length < shown + status.latest.length) continue;
    if (embedSize(embed) + more.length >= LIMITS.total) continue;
    if (more) payload.embeds[0] = fitEmbed({ ...embed, description: `${embed.description ?? ''}${more}` });
    return payload;
  }
  return statusEmbed({ ...status, defendants: {} });
}

function embedSize(e: Embed): number {
  const fields = e.fields.reduce((n, f) => n + f.name.length + f.value.length, 0);
  return (e.title?.length ?? 0) + (e.description?.length ?? 0) + (e.footer?.text.length ?? 0) + fields;
}

const autocomplete: Command['autocomplete'] = async (interaction, ctx) => {
  await interaction.respond(await caseChoices(interaction, ctx.store));
};

export default { data, execute, autocomplete, prerender } satisfies Command;
