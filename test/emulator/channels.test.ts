// The emulator guards channels as Discord does, seen through the real discord.js client: channel
// permissions (403 50001 / 50013), deleted channels (404 10003), threads (created from a channel or
// a message, archived and locked), interaction tokens expiring after 15 minutes, and who got pinged.
import {
  ChannelType,
  Client,
  DiscordAPIError,
  Events,
  GatewayIntentBits,
  type Interaction,
  PermissionFlagsBits,
  Routes,
  SlashCommandBuilder,
  type TextChannel,
} from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Emulator, startEmulator } from '../../emulator/index.ts';

const MEMBER_ID = '300000000000000123';

async function refusal(promise: Promise<unknown>): Promise<{ status: number; code: number | string }> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof DiscordAPIError) return { status: error.status, code: error.code };
    throw error;
  }
  throw new Error('expected Discord to refuse the request');
}

describe('emulated channels: permissions, deletion, threads, token expiry, pings', () => {
  let emu: Emulator;
  let client: Client;
  const held: { interaction: Interaction; replied: Promise<unknown> }[] = [];

  beforeAll(async () => {
    emu = await startEmulator({
      guilds: [
        {
          name: 'Test Server',
          channels: [{ name: 'general' }, { name: 'alerts' }, { name: 'news' }, { name: 'voice', type: 2 }],
          roles: [{ name: 'Moderator' }, { name: 'Subscribers', mentionable: true }],
        },
      ],
    });
    client = new Client({ intents: [GatewayIntentBits.Guilds], ...emu.clientOptions() });
    client.on(Events.InteractionCreate, (i) => {
      if (!i.isChatInputCommand()) return;
      held.push({ interaction: i, replied: i.reply({ content: 'held', allowedMentions: { parse: [] } }) });
    });
    await client.login(emu.token);
    await emu.waitForReady();
    await client.application?.commands.set([
      new SlashCommandBuilder().setName('hold').setDescription('Hold'),
    ]);
  });

  afterAll(async () => {
    await client?.destroy();
    await emu?.close();
  });

  const channel = (name: string) => client.channels.cache.get(emu.channelIds[name] ?? '') as TextChannel;

  it('refuses a post without Send Messages (403 50013) or View Channel (403 50001), and discord.js sees the overwrite', async () => {
    await channel('alerts').send({ content: 'allowed', allowedMentions: { parse: [] } });
    emu.setChannelPermissions('alerts', { deny: PermissionFlagsBits.SendMessages });
    await emu.waitFor(() => channel('alerts').permissionOverwrites.cache.size === 1);
    const me = channel('alerts').guild.members.me;
    expect(me && channel('alerts').permissionsFor(me)?.has(PermissionFlagsBits.SendMessages)).toBe(false);
    expect(await refusal(channel('alerts').send('refused'))).toEqual({ status: 403, code: 50013 });
    emu.setChannelPermissions('alerts', { deny: PermissionFlagsBits.ViewChannel });
    expect(await refusal(channel('alerts').send('refused'))).toEqual({ status: 403, code: 50001 });
    emu.setChannelPermissions('alerts', { allow: PermissionFlagsBits.SendMessages });
    await channel('alerts').send({ content: 'allowed again', allowedMentions: { parse: [] } });
    expect(emu.messages.map((m) => m.content)).toEqual(['allowed', 'allowed again']);
  });

  it('answers 404 Unknown Channel (10003) for a deleted channel, and the client forgets it', async () => {
    const id = emu.channelIds.news ?? '';
    emu.deleteChannel('news');
    await emu.waitFor(() => !client.channels.cache.has(id));
    const post = client.rest.post(Routes.channelMessages(id), { body: { content: 'x' } });
    expect(await refusal(post)).toEqual({ status: 404, code: 10003 });
  });

  it('creates threads from a channel and from a message; a locked archived thread refuses posts (50083)', async () => {
    const general = channel('general');
    const thread = await general.threads.create({ name: 'Rust trial', type: ChannelType.PublicThread });
    expect(thread.parentId).toBe(general.id);
    await thread.send({ content: 'in the thread', allowedMentions: { parse: [] } });
    const root = await general.send({ content: 'root', allowedMentions: { parse: [] } });
    const fromMessage = await root.startThread({ name: 'Discussion' });
    expect(fromMessage.id).toBe(root.id);
    expect(await refusal(root.startThread({ name: 'again' }))).toEqual({ status: 400, code: 160004 });

    emu.setThreadState(thread.id, { archived: true });
    await thread.send({ content: 'reopens it', allowedMentions: { parse: [] } });
    expect(emu.channel(thread.id).thread?.archived).toBe(false);
    emu.setThreadState(thread.id, { archived: true, locked: true });
    expect(await refusal(thread.send('locked'))).toEqual({ status: 400, code: 50083 });

    const voice = emu.channelIds.voice ?? '';
    const inVoice = client.rest.post(Routes.threads(voice), { body: { name: 'x', type: 11 } });
    expect(await refusal(inVoice)).toEqual({ status: 400, code: 50024 });
    emu.setChannelPermissions('general', { deny: PermissionFlagsBits.CreatePublicThreads });
    expect(await refusal(general.threads.create({ name: 'no', type: ChannelType.PublicThread }))).toEqual({
      status: 403,
      code: 50013,
    });
  });

  it('expires interaction tokens 15 minutes after the interaction (401 50027) on the advanced clock', async () => {
    await emu.command('hold');
    const last = held.at(-1);
    if (!last?.interaction.isChatInputCommand()) throw new Error('no command held');
    await last.replied;
    const interaction = last.interaction;
    await interaction.followUp({ content: 'still in time', allowedMentions: { parse: [] } });
    emu.advanceClock(15 * 60_000 + 1);
    expect(
      await refusal(interaction.followUp({ content: 'too late', allowedMentions: { parse: [] } })),
    ).toEqual({
      status: 401,
      code: 50027,
    });
  });

  it('records who a message pinged: content mentions filtered by allowed_mentions, never embeds', async () => {
    const alerts = emu.channelIds.alerts ?? '';
    const role = emu.roleIds.Subscribers ?? '';
    const content = `<@${MEMBER_ID}> <@&${role}> @everyone`;
    const post = (body: object) =>
      client.rest.post(Routes.channelMessages(alerts), { body }) as Promise<{ id: string }>;
    const pinged = (id: string) => emu.messages.find((m) => m.id === id)?.pinged;

    const noField = await post({ content }); // no allowed_mentions: Discord's default pings everything
    expect(pinged(noField.id)).toEqual({ users: [MEMBER_ID], roles: [role], everyone: true });
    const none = await post({ content, allowed_mentions: { parse: [] } });
    expect(pinged(none.id)).toEqual({ users: [], roles: [], everyone: false });
    const onlyRole = await post({ content, allowed_mentions: { parse: [], roles: [role] } });
    expect(pinged(onlyRole.id)).toEqual({ users: [], roles: [role], everyone: false });
    const inEmbed = await post({ embeds: [{ description: content }] });
    expect(pinged(inEmbed.id)).toEqual({ users: [], roles: [], everyone: false });
    // Without Mention Everyone, @everyone and unmentionable roles ping nobody.
    emu.setChannelPermissions('alerts', { deny: PermissionFlagsBits.MentionEveryone });
    const moderator = emu.roleIds.Moderator ?? '';
    const weak = await post({ content: `<@&${moderator}> <@&${role}> @here` });
    expect(pinged(weak.id)).toEqual({ users: [], roles: [role], everyone: false });
    expect(emu.pings().map((p) => p.message.id)).toEqual([noField.id, onlyRole.id, weak.id]);
  });
});
