import {
  ChannelType,
  InteractionContextType,
  PermissionFlagsBits,
  Routes,
  SlashCommandBuilder,
} from 'discord.js';
import { createDeliveryBlocks, describeBlock } from '../src/alerts/blocked.ts';
import { type AlertSettings, createAlertSettingsStore, DEFAULT_THRESHOLD } from '../src/alerts/settings.ts';
import { cannotPostLine, missingPermissions } from '../src/discord/channelAccess.ts';
import type { Command } from '../src/discord/command.ts';
import { parseEventTypes } from '../src/discord/eventTypesOption.ts';
import { respond } from '../src/discord/respond.ts';
import { caseChoices, requireCase, trackedCases } from '../src/discord/trackedCase.ts';
import { UserError } from '../src/errors.ts';
import { alertEmbed } from '../src/format/alertEmbed.ts';
import { type Embed, fitEmbed } from '../src/format/index.ts';

/** Channels a bot can post an alert to. */
const POSTABLE = [ChannelType.GuildText, ChannelType.GuildAnnouncement] as const;

const data = new SlashCommandBuilder()
  .setName('alerts')
  .setDescription('Where alerts about new developments go (Manage Server)')
  .setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild) // enforced again by the dispatcher
  .setContexts(InteractionContextType.Guild)
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
    const block = await blocks.get(guildId);
    return respond(
      interaction,
      { content: block ? describeBlock(block) : undefined, embeds: [describe(current, 'Alerts')] },
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
    const missing = await missingPermissions(interaction.guild, channel);
    if (missing.length) throw new UserError(cannotPostLine(current.channelId, missing));
    await interaction.client.rest.post(Routes.channelMessages(current.channelId), {
      body: { ...sampleAlert(), allowed_mentions: { parse: [] } },
    });
    return respond(interaction, `Posted a sample alert to <#${current.channelId}>.`, true);
  }

  // set: check everything before storing anything.
  const channelId = String(interaction.options.get('channel', true).value);
  const channel = interaction.guild?.channels.cache.get(channelId);
  if (!channel || channel.guildId !== guildId)
    throw new UserError('Pick a channel of this server for alerts.');
  if (!(POSTABLE as readonly ChannelType[]).includes(channel.type))
    throw new UserError(`<#${channelId}> is not a text channel: pick a text or announcement channel.`);
  const missing = interaction.guild ? await missingPermissions(interaction.guild, channel) : [];
  if (missing.length) throw new UserError(cannotPostLine(channelId, missing));
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
  };
  const stored = await settings.set(guildId, next);
  // A channel that refused posts before is fixed (or replaced): alerts resume.
  await blocks.clear(guildId);
  return respond(interaction, { embeds: [describe(stored, 'Alerts set')] }, true);
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

/** Channel and role as mentions: they render as names, and allowedMentions keeps them silent. */
function describe(s: AlertSettings, title: string): Embed {
  return fitEmbed({
    title,
    description: `New developments are posted to <#${s.channelId}>.`,
    fields: [
      {
        name: 'Cases',
        value: s.cases?.length ? s.cases.map((c) => `\`${c}\``).join(', ') : 'every tracked case',
      },
      {
        name: 'Event types',
        value: s.types?.length ? s.types.join(', ') : 'all (background mentions never alert)',
      },
      { name: 'Role pinged', value: s.roleId ? `<@&${s.roleId}>` : 'none' },
      { name: 'Threshold', value: s.threshold ?? DEFAULT_THRESHOLD },
    ],
  });
}

const autocomplete: Command['autocomplete'] = async (interaction, ctx) => {
  await interaction.respond(await caseChoices(interaction, ctx.store));
};

export default { data, ephemeral: true, execute, autocomplete } satisfies Command;
