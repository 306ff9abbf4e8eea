import { Routes } from 'discord.js';
import { createDeliveryBlocks, describeBlock } from '../src/alerts/blocked.ts';
import { type AlertSettings, createAlertSettingsStore, feedChannels } from '../src/alerts/settings.ts';
import {
  cannotPostLine,
  missingPermissions,
  POSTABLE,
  requireAlertChannel,
} from '../src/discord/channelAccess.ts';
import type { Command } from '../src/discord/command.ts';
import { parseEventTypes } from '../src/discord/eventTypesOption.ts';
import { respond } from '../src/discord/respond.ts';
import { slashCommand } from '../src/discord/slashCommand.ts';
import { caseChoices, requireCase, trackedCases } from '../src/discord/trackedCase.ts';
import { UserError } from '../src/errors.ts';
import { alertEmbed } from '../src/format/alertEmbed.ts';
import { alertSettingsEmbed } from '../src/format/alertSettings.ts';

const data = slashCommand('alerts', 'Where alerts about new developments go (Manage Server)', { admin: true })
  .addSubcommand((s) =>
    s
      .setName('set')
      .setDescription('Post alerts to a channel')
      .addChannelOption((o) =>
        o
          .setName('channel')
          .setDescription('A text channel of this server')
          .setRequired(true)
          .addChannelTypes(...POSTABLE),
      )
      .addStringOption((o) =>
        o
          .setName('case')
          .setDescription('Only this case (default: every tracked case)')
          .setAutocomplete(true),
      )
      .addStringOption((o) =>
        o
          .setName('types')
          .setDescription('Event types, comma-separated, e.g. "charge, verdict, sentence" (default: all)')
          .setMaxLength(300),
      )
      .addRoleOption((o) => o.setName('role').setDescription('One role to ping with each new alert'))
      .addStringOption((o) =>
        o
          .setName('threshold')
          .setDescription('How sure casewatch must be that it is news (default: high)')
          .addChoices(
            { name: 'high: dated news about a defendant', value: 'high' },
            { name: 'medium: also undated news', value: 'medium' },
          ),
      )
      .addBooleanOption((o) =>
        o.setName('threads').setDescription("Post each case's alerts in one thread per case (default: off)"),
      ),
  )
  .addSubcommand((s) =>
    s
      .setName('case-channel')
      .setDescription("Send one case's alerts to their own channel (leave channel empty to undo)")
      .addStringOption((o) =>
        o.setName('case').setDescription('A tracked case').setRequired(true).setAutocomplete(true),
      )
      .addChannelOption((o) =>
        o
          .setName('channel')
          .setDescription("The case's channel (empty: back to the server's alert channel)")
          .addChannelTypes(...POSTABLE),
      ),
  )
  .addSubcommand((s) => s.setName('off').setDescription('Stop posting alerts in this server'))
  .addSubcommand((s) => s.setName('show').setDescription('Where alerts go and which ones'))
  .addSubcommand((s) =>
    s.setName('test').setDescription('Post a sample alert to the alert channel, checking the bot can'),
  );

const execute: Command['execute'] = async (interaction, ctx) => {
  const guildId = interaction.guildId;
  if (!guildId) throw new UserError('Alerts are set per server: use this command in a server.');
  const settings = createAlertSettingsStore(ctx.store);
  const sub = interaction.options.getSubcommand();

  if (sub === 'off') {
    const removed = await settings.remove(guildId);
    return respond(
      interaction,
      removed ? 'Alerts are off in this server.' : 'Alerts were already off.',
      true,
    );
  }
  const blocks = createDeliveryBlocks(ctx.store);
  if (sub === 'show') {
    const current = await settings.get(guildId);
    if (!current) return respond(interaction, 'Alerts are off. Turn them on with `/alerts set`.', true);
    const refused = (await blocks.list(guildId)).map(describeBlock).join('\n').slice(0, 2000);
    return respond(
      interaction,
      {
        content: refused || undefined,
        embeds: [alertSettingsEmbed(current, 'Alerts', await feedChannels(ctx.store, guildId))],
      },
      true,
    );
  }
  if (sub === 'test') {
    const current = await settings.get(guildId);
    if (!current) return respond(interaction, 'Alerts are off. Turn them on with `/alerts set`.', true);
    const channel = interaction.guild?.channels.cache.get(current.channelId);
    if (!channel || !interaction.guild)
      throw new UserError(
        `The alert channel <#${current.channelId}> no longer exists: run \`/alerts set\` again.`,
      );
    const missing = await missingPermissions(interaction.guild, channel, { threads: current.threads });
    if (missing.length) throw new UserError(cannotPostLine(current.channelId, missing));
    await interaction.client.rest.post(Routes.channelMessages(current.channelId), {
      body: { ...sampleAlert(), allowed_mentions: { parse: [] } },
    });
    return respond(interaction, `Posted a sample alert to <#${current.channelId}>.`, true);
  }

  if (sub === 'case-channel') {
    const current = await settings.get(guildId);
    if (!current) throw new UserError('Alerts are off. Turn them on with `/alerts set` first.');
    const kase = requireCase(await trackedCases(ctx.store, guildId), interaction.options.getString('case'));
    const channel = interaction.options.get('channel')?.value;
    const caseChannels = { ...current.caseChannels };
    if (channel) {
      await requireAlertChannel(interaction, String(channel), { threads: current.threads });
      caseChannels[kase.slug] = String(channel);
      await blocks.clear(guildId, String(channel));
    } else delete caseChannels[kase.slug];
    const { caseChannels: _, ...rest } = current;
    const stored = await settings.set(guildId, {
      ...rest,
      ...(Object.keys(caseChannels).length ? { caseChannels } : {}),
    });
    return respond(
      interaction,
      {
        content: channel
          ? `Alerts about \`${kase.slug}\` now go to <#${channel}> (unless a feed names its own channel).`
          : `Alerts about \`${kase.slug}\` go to the server's alert channel again.`,
        embeds: [alertSettingsEmbed(stored, 'Alerts', await feedChannels(ctx.store, guildId))],
      },
      true,
    );
  }

  // set: check everything before storing anything.
  const channelId = String(interaction.options.get('channel', true).value);
  const threads = interaction.options.getBoolean('threads') ?? false;
  const current = await settings.get(guildId);
  await requireAlertChannel(interaction, channelId, { threads });
  if (threads) {
    // Posting in threads needs two more permissions in every channel alerts go to.
    const others = [
      ...Object.values(current?.caseChannels ?? {}),
      ...(await feedChannels(ctx.store, guildId)).values(),
    ];
    for (const other of new Set(others)) await requireAlertChannel(interaction, other, { threads });
  }
  const caseInput = interaction.options.getString('case');
  const kase = caseInput ? requireCase(await trackedCases(ctx.store, guildId), caseInput) : undefined;
  const types = parseEventTypes(interaction.options.getString('types'));
  const role = interaction.options.getRole('role');
  if (role && role.id === guildId)
    throw new UserError('Alerts never ping @everyone: pick a role, or leave `role` empty.');
  const threshold = interaction.options.getString('threshold');
  const next: AlertSettings = {
    channelId,
    ...(threshold === 'medium' || threshold === 'high' ? { threshold } : {}),
    ...(kase ? { cases: [kase.slug] } : {}),
    ...(types ? { types } : {}),
    ...(role ? { roleId: role.id } : {}),
    ...(threads ? { threads } : {}),
    // Set with /alerts case-channel: kept when the rest is set again.
    ...(current?.caseChannels ? { caseChannels: current.caseChannels } : {}),
  };
  const stored = await settings.set(guildId, next);
  // Channels that refused posts before are fixed (or replaced): alerts resume.
  await blocks.clear(guildId);
  return respond(
    interaction,
    { embeds: [alertSettingsEmbed(stored, 'Alerts set', await feedChannels(ctx.store, guildId))] },
    true,
  );
};

/** What /alerts test posts: an alert as the real ones look, saying it is a test. */
function sampleAlert() {
  const { content, embeds } = alertEmbed(
    {
      id: 'test',
      type: 'hearing',
      status: 'scheduled',
      date: null,
      who: null,
      summary: 'Test alert from casewatch: new developments in the cases this server tracks are posted here.',
      sources: [],
    },
    { slug: 'test', name: 'casewatch test' },
  );
  return { content, embeds };
}

const autocomplete: Command['autocomplete'] = async (interaction, ctx) => {
  await interaction.respond(await caseChoices(interaction, ctx.store));
};

export default { data, ephemeral: true, execute, autocomplete } satisfies Command;
