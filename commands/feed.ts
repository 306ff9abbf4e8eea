import { escapeMarkdown, type SlashCommandSubcommandBuilder } from 'discord.js';
import { createDeliveryBlocks, describeBlock } from '../src/alerts/blocked.ts';
import { createAlertSettingsStore } from '../src/alerts/settings.ts';
import { findCase, suggestCases } from '../src/cases/definition.ts';
import { POSTABLE, requireAlertChannel } from '../src/discord/channelAccess.ts';
import type { Command } from '../src/discord/command.ts';
import { acknowledged, respond, respondChoices } from '../src/discord/respond.ts';
import { slashCommand } from '../src/discord/slashCommand.ts';
import { UserError } from '../src/errors.ts';
import {
  addFeed,
  describeCheck,
  describeDiscovery,
  describeFeed,
  fitFeedList,
  keywordLists,
} from '../src/feeds/manage.ts';
import { createCaseStore } from '../src/store/cases.ts';
import { createFeedStore, type FeedStore } from '../src/store/feeds.ts';

export const data = slashCommand('feed', 'News feeds this server follows (Manage Server)', { admin: true })
  .addSubcommand((s) =>
    s
      .setName('add')
      .setDescription('Follow an RSS or Atom feed (it is fetched once to check it)')
      .addStringOption((o) =>
        o.setName('url').setDescription('Feed URL (http or https)').setRequired(true).setMaxLength(2000),
      )
      .addStringOption((o) =>
        o
          .setName('case')
          .setDescription('Only match this tracked case')
          .setAutocomplete(true)
          .setMaxLength(200),
      )
      .addStringOption((o) =>
        o
          .setName('include')
          .setDescription('Only items naming one of these words, comma-separated')
          .setMaxLength(500),
      )
      .addStringOption((o) =>
        o
          .setName('exclude')
          .setDescription('Never items naming one of these words, comma-separated')
          .setMaxLength(500),
      )
      .addIntegerOption((o) =>
        o
          .setName('interval')
          .setDescription('Minutes between polls of this feed (default: the bot’s setting)')
          .setMinValue(1)
          .setMaxValue(24 * 60),
      )
      .addChannelOption((o) =>
        o
          .setName('channel')
          .setDescription('Send alerts from this feed here (default: the case’s or the server’s channel)')
          .addChannelTypes(...POSTABLE),
      ),
  )
  .addSubcommand((s) =>
    s
      .setName('remove')
      .setDescription('Stop following a feed')
      .addStringOption((o) =>
        o
          .setName('url')
          .setDescription('The feed')
          .setRequired(true)
          .setAutocomplete(true)
          .setMaxLength(2000),
      ),
  )
  .addSubcommand((s) => s.setName('list').setDescription('Feeds, their health and when they are polled next'))
  .addSubcommand((s) => feedUrlSubcommand(s, 'pause', 'Stop polling a feed (its settings are kept)'))
  .addSubcommand((s) => feedUrlSubcommand(s, 'resume', 'Poll a paused feed again'));

function feedUrlSubcommand(s: SlashCommandSubcommandBuilder, name: string, description: string) {
  return s
    .setName(name)
    .setDescription(description)
    .addStringOption((o) =>
      o.setName('url').setDescription('The feed').setRequired(true).setAutocomplete(true).setMaxLength(2000),
    );
}

/** A feed this server follows, by its URL (autocomplete values are cut at 100 characters: a longer one by prefix). */
async function ownFeedUrl(feeds: FeedStore, guildId: string, input: string): Promise<string> {
  const typed = input.trim();
  const own = await feeds.list(guildId);
  const found =
    own.find((f) => f.url === typed) ??
    (typed.length === 100 ? own.find((f) => f.url.startsWith(typed)) : undefined);
  if (!found) throw new UserError('This server does not follow that feed. See `/feed list`.');
  return found.url;
}

export const execute: Command['execute'] = async (interaction, ctx) => {
  const guildId = interaction.guildId;
  if (!guildId) throw new UserError('Feeds are followed per server: use this command in a server.');
  const feeds = createFeedStore(ctx.store);
  const sub = interaction.options.getSubcommand();

  if (sub === 'add') {
    const caseInput = interaction.options.getString('case');
    let caseSlug: string | undefined;
    if (caseInput) {
      const found = findCase(await createCaseStore(ctx.store).trackedBy(guildId), caseInput);
      if (!found) throw new UserError('This server does not track a case by that name. See `/case list`.');
      caseSlug = found.slug;
    }
    const channelId = interaction.options.get('channel')?.value;
    if (channelId) {
      const threads = (await createAlertSettingsStore(ctx.store).get(guildId))?.threads;
      await requireAlertChannel(interaction, String(channelId), { threads });
    }
    // Fetching can take up to the feed timeout: defer so Discord does not give up after 3 s.
    if (!(await acknowledged(interaction))) await interaction.deferReply({ flags: 64 });
    const result = await addFeed(
      ctx.store,
      ctx.config,
      interaction.options.getString('url', true),
      {
        guildId,
        caseSlug,
        intervalMinutes: interaction.options.getInteger('interval') ?? undefined,
        ...(channelId ? { channelId: String(channelId) } : {}),
        ...keywordLists(interaction.options.getString('include'), interaction.options.getString('exclude')),
      },
      ctx.now(),
    );
    if (!result.ok) return respond(interaction, escapeMarkdown(describeCheck(result)).slice(0, 2000), true);
    // A channel that refused posts and was named again is fixed (or the admin believes so).
    if (channelId) await createDeliveryBlocks(ctx.store).clear(guildId, String(channelId));
    const head = result.added
      ? `Now following ${escapeMarkdown(result.url)}`
      : result.changes.length
        ? `This server already follows ${escapeMarkdown(result.url)}; changed ${escapeMarkdown(result.changes.join(', '))}.`
        : `This server already follows ${escapeMarkdown(result.url)}; nothing changed.`;
    const found = result.discovered ? `${escapeMarkdown(describeDiscovery(result.discovered))}\n` : '';
    const tail = result.added
      ? '\nIts current items are recorded as history: only new ones will raise alerts.'
      : '';
    return respond(
      interaction,
      `${found}${head}\n${escapeMarkdown(describeCheck(result))}${tail}`.slice(0, 2000),
      true,
    );
  }

  if (sub === 'pause' || sub === 'resume') {
    const url = await ownFeedUrl(feeds, guildId, interaction.options.getString('url', true));
    if (sub === 'pause') await feeds.pause(url, 'paused by an admin');
    else await feeds.resume(url);
    return respond(
      interaction,
      sub === 'pause'
        ? `Paused ${escapeMarkdown(url)}: it is not polled until \`/feed resume\`.`
        : `Resumed ${escapeMarkdown(url)}: it is polled at the next tick.`,
      true,
    );
  }

  if (sub === 'remove') {
    const url = await ownFeedUrl(feeds, guildId, interaction.options.getString('url', true));
    if (!(await feeds.remove(url, guildId)))
      throw new UserError('This server does not follow that feed. See `/feed list`.');
    return respond(interaction, `Stopped following ${escapeMarkdown(url)}.`, true);
  }

  const all = await feeds.list(guildId);
  if (all.length === 0)
    return respond(interaction, 'This server follows no feed yet. Add one with `/feed add`.', true);
  const blocks: string[] = [];
  // Feeds that work are no use while the alert channel refuses posts: say so first.
  for (const refused of await createDeliveryBlocks(ctx.store).list(guildId))
    blocks.push(describeBlock(refused));
  for (const f of all)
    blocks.push(escapeMarkdown(describeFeed(f, await feeds.getState(f.url), ctx.now(), guildId)));
  return respond(interaction, fitFeedList(blocks), true);
};

const autocomplete: Command['autocomplete'] = async (interaction, ctx) => {
  const guildId = interaction.guildId;
  if (!guildId) return respondChoices(interaction, []);
  const focused = interaction.options.getFocused(true);
  const typed = String(focused.value).toLowerCase();
  if (focused.name === 'case') {
    return respondChoices(
      interaction,
      suggestCases(await createCaseStore(ctx.store).trackedBy(guildId), typed),
    );
  }
  const all = await createFeedStore(ctx.store).list(guildId);
  return respondChoices(
    interaction,
    all
      .filter((f) => f.url.toLowerCase().includes(typed) || (f.title ?? '').toLowerCase().includes(typed))
      .map((f) => ({ name: f.title ? `${f.title} — ${f.url}` : f.url, value: f.url })),
  );
};

export default { data, ephemeral: true, execute, autocomplete } satisfies Command;
