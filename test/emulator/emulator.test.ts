// The real discord.js client against the emulator: login, registration, replies, defers, autocomplete,
// buttons, gateway drops and REST faults.
import {
  ActionRowBuilder,
  ButtonBuilder,
  ButtonStyle,
  Client,
  Events,
  GatewayIntentBits,
  type Interaction,
  MessageFlags,
  ModalBuilder,
  PermissionFlagsBits,
  SlashCommandBuilder,
  StringSelectMenuBuilder,
  TextInputBuilder,
  TextInputStyle,
} from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Emulator, startEmulator } from '../../emulator/index.ts';

const commands = [
  new SlashCommandBuilder()
    .setName('status')
    .setDescription('Where a case stands')
    .addStringOption((o) => o.setName('case').setDescription('Case').setRequired(true).setAutocomplete(true))
    .addIntegerOption((o) => o.setName('limit').setDescription('How many')),
  new SlashCommandBuilder()
    .setName('slow')
    .setDescription('Defers, then edits')
    .addUserOption((o) => o.setName('who').setDescription('Someone')),
  new SlashCommandBuilder().setName('pager').setDescription('Replies with a button'),
  new SlashCommandBuilder().setName('admin').setDescription('Needs Manage Server'),
  new SlashCommandBuilder().setName('forgetful').setDescription('Defers and never edits'),
  new SlashCommandBuilder().setName('late').setDescription('Answers after 200 ms'),
  new SlashCommandBuilder().setName('pick').setDescription('Replies with a select menu'),
];

/** What the bot itself saw: ids returned by withResponse, errors thrown by discord.js calls. */
const seen = { pagerMessageId: '', errors: [] as string[] };

const CASES = ['rust', 'rusty-nail', 'menendez'];

// A small bot: just enough behaviour to exercise every kind of answer the emulator records.
async function handle(interaction: Interaction): Promise<void> {
  if (interaction.isAutocomplete()) {
    const typed = interaction.options.getFocused();
    await interaction.respond(CASES.filter((c) => c.startsWith(typed)).map((c) => ({ name: c, value: c })));
  } else if (interaction.isChatInputCommand()) {
    if (interaction.commandName === 'status') {
      const limit = interaction.options.getInteger('limit') ?? 1;
      await interaction.reply({
        content: `@everyone case ${interaction.options.getString('case', true)} limit ${limit + 1}`,
        allowedMentions: { parse: [] },
      });
    } else if (interaction.commandName === 'slow') {
      await interaction.deferReply({ flags: MessageFlags.Ephemeral });
      const who = interaction.options.getUser('who');
      await interaction.editReply({
        content: `done for ${who?.username ?? 'nobody'}`,
        allowedMentions: { parse: [] },
      });
      await interaction.followUp({ content: 'and one more thing', allowedMentions: { parse: [] } });
    } else if (interaction.commandName === 'pager') {
      const next = new ButtonBuilder().setCustomId('page:2').setLabel('Next').setStyle(ButtonStyle.Primary);
      const row = new ActionRowBuilder<ButtonBuilder>().addComponents(next);
      const response = await interaction.reply({ content: 'page 1', components: [row], withResponse: true });
      seen.pagerMessageId = response.resource?.message?.id ?? '';
    } else if (interaction.commandName === 'admin') {
      const allowed = interaction.memberPermissions?.has(PermissionFlagsBits.ManageGuild) ?? false;
      await interaction.reply({
        content: allowed ? 'ok' : 'You need Manage Server.',
        flags: MessageFlags.Ephemeral,
      });
    } else if (interaction.commandName === 'forgetful') {
      await interaction.deferReply();
    } else if (interaction.commandName === 'late') {
      await new Promise((resolve) => setTimeout(resolve, 200));
      await interaction.reply('too late');
    } else if (interaction.commandName === 'pick') {
      const menu = new StringSelectMenuBuilder()
        .setCustomId('case-pick')
        .addOptions({ label: 'Rust', value: 'rust' }, { label: 'Menendez', value: 'menendez' });
      await interaction.reply({
        content: 'pick one',
        components: [new ActionRowBuilder<typeof menu>().addComponents(menu)],
      });
    }
  } else if (interaction.isStringSelectMenu()) {
    const input = new TextInputBuilder().setCustomId('note').setLabel('Note').setStyle(TextInputStyle.Short);
    const modal = new ModalBuilder().setCustomId(`note:${interaction.values.join()}`).setTitle('Add a note');
    await interaction.showModal(
      modal.addComponents(new ActionRowBuilder<TextInputBuilder>().addComponents(input)),
    );
  } else if (interaction.isModalSubmit()) {
    await interaction.reply(`${interaction.customId}: ${interaction.fields.getTextInputValue('note')}`);
  } else if (interaction.isButton()) {
    await interaction.update({ content: `page ${interaction.customId.split(':')[1]}`, components: [] });
  }
}

describe('discord emulator with the real discord.js client', () => {
  let emu: Emulator;
  let client: Client;

  beforeAll(async () => {
    emu = await startEmulator();
    client = new Client({ intents: [GatewayIntentBits.Guilds], ...emu.clientOptions() });
    client.on(Events.InteractionCreate, (i) => {
      handle(i).catch((error: Error) => seen.errors.push(error.message));
    });
    const ready = new Promise((resolve) => client.once(Events.ClientReady, resolve));
    await client.login(emu.token);
    await ready;
    await client.application?.commands.set(commands.map((c) => c.toJSON()));
  });

  afterAll(async () => {
    await client?.destroy();
    await emu?.close();
  });

  it('logs in: the client sees the emulated guild and its channels', () => {
    const guild = client.guilds.cache.get(emu.guildId);
    expect(guild?.name).toBe('Test Server');
    expect(guild?.channels.cache.get(emu.channelIds.alerts)?.name).toBe('alerts');
    expect(client.user?.id).toBe(emu.botUserId);
  });

  it('records commands registered with application.commands.set', () => {
    expect(emu.commands.global.map((c) => c.name)).toEqual(commands.map((c) => c.name));
    expect(emu.commands.global[0]?.options?.[0]).toMatchObject({ name: 'case', type: 3, autocomplete: true });
    expect(emu.commands.global.every((c) => /^\d{17,19}$/.test(c.id))).toBe(true);
  });

  it('injects a typed slash command and records the reply', async () => {
    const reply = await emu.command('status', { options: { case: 'rust', limit: 2 } });
    expect(reply.type).toBe(4);
    expect(reply.content).toBe('@everyone case rust limit 3'); // 3 proves limit arrived as an integer
    expect(reply.allowedMentions).toEqual({ parse: [] });
    expect(reply.payload.data).toMatchObject({ options: [{ type: 3 }, { type: 4 }] });
  });

  it('waits for the edit after a defer, resolves user options and keeps follow-ups', async () => {
    const who = { id: '123456789012345678', username: 'hannah' };
    const reply = await emu.command('slow', { options: { who } });
    expect(reply.deferred).toBe(true);
    expect(reply.ephemeral).toBe(true);
    expect(reply.content).toBe('done for hannah');
    await emu.waitFor(() => reply.followUps.length === 1);
    expect(reply.followUps[0]?.content).toBe('and one more thing');
  });

  it('answers autocomplete with the choices', async () => {
    const choices = await emu.autocomplete('status', { options: { case: 'ru' }, focused: 'case' });
    expect(choices.map((c) => c.value)).toEqual(['rust', 'rusty-nail']);
  });

  it('clicks a button on the reply and records the update', async () => {
    const first = await emu.command('pager');
    const clicked = await emu.button({ customId: 'page:2' });
    expect(clicked.type).toBe(7);
    expect(clicked.messageId).toBe(first.messageId);
    await emu.waitFor(() => seen.pagerMessageId !== '', { message: 'the withResponse reply' });
    expect(seen.pagerMessageId).toBe(first.messageId); // with_response=true returned the message
    expect(first.content).toBe('page 2');
    expect(first.components).toEqual([]);
  });

  it('picks from a select menu, gets a modal, submits it', async () => {
    await emu.command('pick');
    const picked = await emu.select({ customId: 'case-pick', values: ['menendez'] });
    expect(picked.type).toBe(9);
    expect(picked.modal).toMatchObject({ custom_id: 'note:menendez', title: 'Add a note' });
    const submitted = await emu.modalSubmit({ customId: 'note:menendez', fields: { note: 'hearing moved' } });
    expect(submitted.content).toBe('note:menendez: hearing moved');
  });

  it('passes member permissions so a bot can refuse non-admins', async () => {
    const refused = await emu.command('admin', { permissions: PermissionFlagsBits.SendMessages });
    expect(refused.content).toBe('You need Manage Server.');
    expect((await emu.command('admin')).content).toBe('ok');
  });

  it('refuses unknown commands and options with a clear error', async () => {
    await expect(emu.command('statu')).rejects.toThrow(/not registered/);
    await expect(emu.command('status', { options: { cas: 'x' } })).rejects.toThrow(/no option 'cas'/);
  });

  it('survives op 7 RECONNECT: the client resumes and serves the next command', async () => {
    const resumesBefore = emu.gateway.stats.resumes;
    await emu.sendReconnect();
    expect(emu.gateway.stats.resumes).toBe(resumesBefore + 1);
    expect((await emu.command('status', { options: { case: 'rust' } })).content).toContain('case rust');
  });

  it('replays an interaction injected while the socket is down', async () => {
    const identifies = emu.gateway.stats.identifies;
    const dropped = emu.dropSocket();
    const inFlight = emu.command('status', { options: { case: 'menendez' } });
    await dropped;
    const replayed = emu.gateway.stats.replayed;
    expect((await inFlight).content).toContain('case menendez');
    expect(replayed).toBeGreaterThanOrEqual(1); // it really waited in the session log
    expect(emu.gateway.stats.identifies).toBe(identifies); // resumed, not a new session
  });

  it('retries after a 429 with retry_after, then succeeds once', async () => {
    const channel = client.channels.cache.get(emu.channelIds.alerts);
    if (!channel?.isSendable()) throw new Error('alerts channel not sendable');
    emu.failNext({ method: 'POST', path: /^\/channels\/\d+\/messages$/, status: 429, retryAfter: 0.1 });
    const started = Date.now();
    await channel.send({ content: 'verdict is in', allowedMentions: { parse: [] } });
    expect(Date.now() - started).toBeGreaterThanOrEqual(100);
    const posts = emu.requests.filter((r) => r.method === 'POST' && r.path.startsWith('/channels/'));
    expect(posts.map((r) => r.status)).toEqual([429, 200]);
    expect(emu.messages.map((m) => m.content)).toEqual(['verdict is in']);
    expect(emu.pendingFaults()).toBe(0);
  });

  it('retries a 502 burst and the message lands exactly once', async () => {
    const channel = client.channels.cache.get(emu.channelIds.general);
    if (!channel?.isSendable()) throw new Error('general channel not sendable');
    emu.failNext({ path: /\/channels\/\d+\/messages$/, status: 502, times: 2 });
    await channel.send({ content: 'after the storm', allowedMentions: { parse: [] } });
    expect(emu.messages.filter((m) => m.content === 'after the storm')).toHaveLength(1);
  });

  it('parses multipart bodies: payload_json and the attached files', async () => {
    const channel = client.channels.cache.get(emu.channelIds.alerts);
    if (!channel?.isSendable()) throw new Error('alerts channel not sendable');
    const attachment = Buffer.from('timeline,2021-10-21');
    await channel.send({ content: 'report attached', files: [{ attachment, name: 'timeline.csv' }] });
    const message = emu.messages.at(-1);
    expect(message?.content).toBe('report attached');
    expect(message?.attachments).toMatchObject([{ filename: 'timeline.csv', size: attachment.length }]);
  });

  it('rejects with a clear error when a deferred reply is never edited', async () => {
    await expect(emu.command('forgetful', { timeout: 300 })).rejects.toThrow(/deferred .* never edited/);
  });

  it("refuses a callback after Discord's deadline, as Discord does", async () => {
    emu.state.callbackDeadlineMs = 100;
    try {
      await expect(emu.command('late', { timeout: 600 })).rejects.toThrow(/past Discord's 100 ms deadline/);
      await emu.waitFor(() => seen.errors.some((e) => e.includes('Unknown interaction')));
    } finally {
      emu.state.callbackDeadlineMs = 3000;
    }
  });

  it('delays a request on demand (slow Discord)', async () => {
    const channel = client.channels.cache.get(emu.channelIds.general);
    if (!channel?.isSendable()) throw new Error('general channel not sendable');
    emu.delayNext({ method: 'POST', path: /\/messages$/, ms: 150 });
    const started = Date.now();
    await channel.send({ content: 'slowly', allowedMentions: { parse: [] } });
    expect(Date.now() - started).toBeGreaterThanOrEqual(150);
  });

  it('adds and removes guilds at runtime (GUILD_CREATE / GUILD_DELETE)', async () => {
    const joined = emu.addGuild({ name: 'Court Watchers', channels: [{ name: 'news' }] });
    await emu.waitFor(() => client.guilds.cache.get(joined.id)?.channels.cache.size === 1);
    expect((await emu.command('status', { guildId: joined.id, options: { case: 'rust' } })).channelId).toBe(
      joined.channelIds.news,
    );
    emu.removeGuild(joined.id);
    await emu.waitFor(() => !client.guilds.cache.has(joined.id));
  });

  it('rejects messages over Discord limits like Discord does', async () => {
    const channel = client.channels.cache.get(emu.channelIds.general);
    if (!channel?.isSendable()) throw new Error('general channel not sendable');
    await expect(channel.send('x'.repeat(2001))).rejects.toThrow(/2000 or fewer/);
  });

  it('serves the lookups discord.js makes: application, guild, member, channel, user', async () => {
    const application = await client.application?.fetch();
    expect(application?.id).toBe(emu.applicationId);
    const guild = await client.guilds.fetch({ guild: emu.guildId, force: true });
    expect(guild.roles.cache.map((r) => r.name)).toContain('Moderator');
    await emu.command('admin', { user: { id: '223456789012345678', username: 'juror' } });
    const member = await guild.members.fetch({ user: '223456789012345678', force: true });
    expect(member.user.username).toBe('juror');
    const channel = await client.channels.fetch(emu.channelIds.alerts, { force: true });
    expect(channel && 'name' in channel ? channel.name : '').toBe('alerts');
    await expect(client.users.fetch('323456789012345678', { force: true })).rejects.toThrow(/Unknown User/);
  });

  it('answers unknown routes with a 404 JSON error, never 5xx', async () => {
    const res = await fetch(`${emu.apiUrl}/v10/nothing/here`);
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ message: expect.stringContaining('no route') });
  });
});
