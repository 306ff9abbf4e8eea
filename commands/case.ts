import type { SlashCommandSubcommandBuilder } from 'discord.js';
import { findCase, slugify, splitList, suggestCases } from '../src/cases/definition.ts';
import { caseChanges, checkDefinition, editDefinition } from '../src/cases/definitionChanges.ts';
import { changeCaseDocket, listCaseDockets } from '../src/courts/manage.ts';
import { createDocketOffers } from '../src/courts/offers.ts';
import type { Command } from '../src/discord/command.ts';
import { respond } from '../src/discord/respond.ts';
import { slashCommand } from '../src/discord/slashCommand.ts';
import { UserError } from '../src/errors.ts';
import { truncate } from '../src/format/payload.ts';
import { CaseLimitError, type CaseStore, createCaseStore } from '../src/store/cases.ts';
import type { Store } from '../src/store/types.ts';

/** Discord refuses message content longer than this. */
const MAX_CONTENT = 2000;

const data = slashCommand('case', 'Choose which legal cases this server follows (Manage Server)', {
  admin: true,
})
  .addSubcommand((s) =>
    s
      .setName('track')
      .setDescription('Follow a case in this server')
      .addStringOption((o) =>
        o
          .setName('name')
          .setDescription('Case name, e.g. "Rust shooting"')
          .setRequired(true)
          .setMaxLength(200),
      )
      .addStringOption((o) =>
        o.setName('aliases').setDescription('Other names, comma-separated').setMaxLength(1000),
      )
      .addStringOption((o) =>
        o.setName('defendants').setDescription('Defendants, comma-separated').setMaxLength(1000),
      )
      .addStringOption((o) =>
        o.setName('slug').setDescription('Short id (default: from the name)').setMaxLength(64),
      ),
  )
  .addSubcommand((s) =>
    s
      .setName('untrack')
      .setDescription('Stop following a case in this server')
      .addStringOption((o) =>
        o.setName('case').setDescription('The case').setRequired(true).setAutocomplete(true),
      ),
  )
  .addSubcommand((s) => s.setName('list').setDescription('The cases this server follows'))
  .addSubcommand((s) =>
    s
      .setName('edit')
      .setDescription(
        "Change this server's case: name, aliases or defendants (a list given replaces the old)",
      )
      .addStringOption((o) =>
        o.setName('case').setDescription('The case').setRequired(true).setAutocomplete(true),
      )
      .addStringOption((o) => o.setName('name').setDescription('New name').setMaxLength(200))
      .addStringOption((o) =>
        o.setName('aliases').setDescription('All its other names, comma-separated').setMaxLength(1000),
      )
      .addStringOption((o) =>
        o.setName('defendants').setDescription('All its defendants, comma-separated').setMaxLength(1000),
      ),
  )
  .addSubcommandGroup((g) =>
    g
      .setName('docket')
      .setDescription('Federal court dockets a case follows (its new entries become developments)')
      .addSubcommand((s) => docketOptions(s.setName('add').setDescription('Follow a federal docket'), true))
      .addSubcommand((s) =>
        docketOptions(s.setName('remove').setDescription('Stop following a docket'), true),
      )
      .addSubcommand((s) =>
        docketOptions(s.setName('list').setDescription('The dockets a case follows'), false),
      ),
  );

function docketOptions(s: SlashCommandSubcommandBuilder, withDocket: boolean) {
  if (withDocket) {
    s.addStringOption((o) =>
      o
        .setName('court')
        .setDescription('Court id, e.g. nysd, S.D.N.Y., nysb, ca2')
        .setRequired(true)
        .setMaxLength(12),
    ).addStringOption((o) =>
      o
        .setName('number')
        .setDescription('Docket number, e.g. 1:24-cr-00542')
        .setRequired(true)
        .setMaxLength(40),
    );
  }
  return s.addStringOption((o) =>
    o.setName('case').setDescription('The case (default: the only one tracked)').setAutocomplete(true),
  );
}

/** `/case docket add|remove|list`: the same answers as `casewatch case docket`. */
async function docket(
  interaction: Parameters<Command['execute']>[0],
  store: Store,
  cases: CaseStore,
  guildId: string,
) {
  const sub = interaction.options.getSubcommand();
  const def = findCase(await cases.trackedBy(guildId), interaction.options.getString('case'));
  if (!def) throw new UserError('Name a case this server tracks (see `/case list`).');
  // A server changes only its own cases; the operator's shared case is changed by the operator.
  if (sub !== 'list' && def.owner !== guildId)
    throw new UserError(
      `\`${def.slug}\` is the bot operator's shared case: its dockets are set by the operator (\`casewatch case docket\`).`,
    );
  const court = interaction.options.getString('court') ?? '';
  const number = interaction.options.getString('number') ?? '';
  const answer =
    sub === 'list'
      ? listCaseDockets(def, await createDocketOffers(store).list(def.slug))
      : await changeCaseDocket(sub === 'add' ? 'add' : 'remove', cases, def, court, number);
  if (!answer.ok) throw new UserError(answer.text);
  return respond(interaction, answer.text, true);
}

const execute: Command['execute'] = async (interaction, ctx) => {
  const cases = createCaseStore(ctx.store);
  const guildId = interaction.guildId;
  if (!guildId) throw new UserError('Cases are tracked per server: use this command in a server.');
  const sub = interaction.options.getSubcommand();
  if (interaction.options.getSubcommandGroup() === 'docket')
    return docket(interaction, ctx.store, cases, guildId);

  if (sub === 'track') {
    const name = interaction.options.getString('name', true);
    const checked = checkDefinition({
      slug: interaction.options.getString('slug') ?? slugify(name),
      name,
      aliases: splitList(interaction.options.getString('aliases')),
      defendants: splitList(interaction.options.getString('defendants')),
    });
    if (!checked.ok) throw new UserError(`That case definition is not valid: ${checked.problem}.`);
    // The store decides what this server may see and change (src/store/cases.ts): its own case,
    // or the operator's shared one as it is, never another server's.
    const { def, outcome } = await cases.trackAs(guildId, checked.def).catch((err: unknown) => {
      if (err instanceof CaseLimitError)
        throw new UserError(`That case definition is not valid: ${err.message}.`);
      throw err;
    });
    const head =
      outcome === 'shared'
        ? `Now tracking the shared case **${def.name}** (\`${def.slug}\`) as the bot's operator defined it; to add your own names, track it under another slug.`
        : `${outcome === 'updated' ? 'Updated' : 'Now tracking'} **${def.name}** (\`${def.slug}\`).`;
    return respond(interaction, truncate(`${head} ${describe(def)}`, MAX_CONTENT), true);
  }

  if (sub === 'edit') return edit(interaction, cases, guildId);

  if (sub === 'untrack') {
    const found = findCase(await cases.trackedBy(guildId), interaction.options.getString('case', true));
    if (!found) throw new UserError('This server does not track a case by that name. See `/case list`.');
    await cases.untrack(guildId, found.slug);
    return respond(interaction, `Stopped tracking **${found.name}** in this server.`, true);
  }

  const tracked = await cases.trackedBy(guildId);
  if (tracked.length === 0) {
    return respond(interaction, 'This server tracks no case yet. Add one with `/case track`.', true);
  }
  const lines = tracked.map((c) => `• **${c.name}** (\`${c.slug}\`) — ${describe(c)}`);
  return respond(interaction, truncate(lines.join('\n'), MAX_CONTENT), true);
};

/** `/case edit`: only the server's own case; says what changed, field by field. */
async function edit(interaction: Parameters<Command['execute']>[0], cases: CaseStore, guildId: string) {
  const before = findCase(await cases.trackedBy(guildId), interaction.options.getString('case', true));
  if (!before) throw new UserError('This server does not track a case by that name. See `/case list`.');
  if (before.owner !== guildId)
    throw new UserError(
      `\`${before.slug}\` is the bot operator's shared case: it is changed by the operator (\`casewatch case update\`).`,
    );
  const edited = editDefinition(before, {
    name: interaction.options.getString('name'),
    aliases: interaction.options.getString('aliases'),
    defendants: interaction.options.getString('defendants'),
  });
  if (!edited.ok) throw new UserError(`That change is not valid: ${edited.problem}.`);
  const after = { ...edited.def, owner: guildId };
  const changes = caseChanges(before, after);
  if (changes.length === 0) return respond(interaction, `\`${before.slug}\`: nothing changed.`, true);
  await cases.put(after);
  return respond(
    interaction,
    truncate(`Updated \`${before.slug}\`: ${changes.join('; ')}.`, MAX_CONTENT),
    true,
  );
}

function describe(def: { aliases: string[]; defendants: string[] }) {
  const parts = [];
  if (def.defendants.length) parts.push(`defendants: ${def.defendants.join(', ')}`);
  if (def.aliases.length) parts.push(`aliases: ${def.aliases.join(', ')}`);
  return parts.join('; ') || 'no aliases or defendants yet';
}

const autocomplete: Command['autocomplete'] = async (interaction, ctx) => {
  const tracked = interaction.guildId ? await createCaseStore(ctx.store).trackedBy(interaction.guildId) : [];
  await interaction.respond(suggestCases(tracked, String(interaction.options.getFocused())));
};

export default { data, ephemeral: true, execute, autocomplete } satisfies Command;
