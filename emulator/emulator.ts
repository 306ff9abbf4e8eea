// The public face of the emulator: start it, point a discord.js Client at it, inject interactions,
// inspect what the bot sent, inject faults.
import type { APIApplicationCommandOptionChoice, ClientOptions } from 'discord.js';
import type { DelayRule, FailRule } from './faults.ts';
import type { Gateway, GatewaySession } from './gateway.ts';
import {
  type CommandInjection,
  type ComponentInjection,
  commandInteraction,
  componentInteraction,
  type ModalInjection,
  modalInteraction,
} from './injectors.ts';
import type { InteractionContext } from './interactions.ts';
import { type Pinged, pingedNobody } from './mentions.ts';
import type { EmulatedMessage } from './messages.ts';
import type { InteractionRecord } from './records.ts';
import type { RunningServer } from './server.ts';
import { allMessages, type BodyValidator, botPermissions, type EmulatorState, now } from './state.ts';
import { type Changes, type WaitOptions, withTimeout } from './wait.ts';
import {
  buildGuild,
  channelPayload,
  type EmulatedChannel,
  type EmulatedGuild,
  type GuildInput,
  guildCreatePayload,
  type PermissionOverwrite,
} from './world.ts';

export interface EmulatorOptions {
  /** Default: one guild 'Test Server' with text channels 'general' and 'alerts' and a 'Moderator' role. */
  guilds?: GuildInput[];
  applicationId?: string;
  botUserId?: string;
  botUsername?: string;
  /** `shards` answered by GET /gateway/bot (default 1). */
  shards?: number;
  /** When set, REST and IDENTIFY refuse any other token (401 / close 4004). */
  token?: string;
  heartbeatIntervalMs?: number;
  /** How long command()/button()... wait for the final answer (default 5000 ms). */
  answerTimeoutMs?: number;
  /** Callbacks later than this get 404 Unknown interaction, as on Discord (default 3000 ms). */
  callbackDeadlineMs?: number;
  /**
   * A schema check run on every JSON body before the emulator's own rules; what it finds is
   * refused with 400 50035 (tests pass one built from Discord's OpenAPI description).
   */
  validateBody?: BodyValidator;
}

export interface ChannelIds {
  alerts: string;
  general: string;
  [name: string]: string | undefined;
}

export class Emulator {
  readonly gateway: Gateway;
  readonly apiUrl: string;
  readonly gatewayUrl: string;
  /** Pass to client.login(); only checked when the `token` option was given. */
  readonly token: string;
  /** The first guild, its channels by name and roles by name. */
  readonly guildId: string;
  /** Channel name -> id in the first guild; `alerts` and `general` exist with the default guilds. */
  readonly channelIds: ChannelIds;
  readonly roleIds: Record<string, string>;
  private readonly answerTimeoutMs: number;

  constructor(
    readonly state: EmulatorState,
    private readonly changes: Changes,
    gateway: Gateway,
    private readonly server: RunningServer,
    options: EmulatorOptions,
  ) {
    this.gateway = gateway;
    this.apiUrl = `http://127.0.0.1:${server.port}/api`;
    this.gatewayUrl = `ws://127.0.0.1:${server.port}/gateway`;
    this.token = options.token ?? 'emulator-bot-token.not-a-real-secret';
    const first = state.guilds[0];
    if (!first) throw new Error('emulator: at least one guild is needed');
    this.guildId = first.id;
    this.channelIds = first.channelIds as ChannelIds;
    this.roleIds = first.roleIds;
    this.answerTimeoutMs = options.answerTimeoutMs ?? 5000;
  }

  get applicationId(): string {
    return this.state.applicationId;
  }
  get botUserId(): string {
    return this.state.bot.id;
  }
  get guilds(): EmulatedGuild[] {
    return this.state.guilds;
  }
  get commands() {
    return this.state.commands;
  }
  /** Channel messages (POST /channels/:id/messages), edits applied. */
  get messages(): EmulatedMessage[] {
    return this.state.messages;
  }
  get requests() {
    return this.state.requests;
  }
  get interactions(): InteractionRecord[] {
    return this.state.interactions;
  }
  /** Every message the bot produced: channel posts, interaction replies, follow-ups. */
  allMessages(): EmulatedMessage[] {
    return allMessages(this.state);
  }
  guild(idOrName: string): EmulatedGuild {
    const guild = this.state.guilds.find((g) => g.id === idOrName || g.name === idOrName);
    if (!guild) throw new Error(`emulator: no guild ${idOrName}`);
    return guild;
  }

  /**
   * Spread into new Client({...}): REST (and, through /gateway/bot, the gateway) point here.
   * `fastIdentify` drops @discordjs/ws's 5 s wait between IDENTIFYs of one process (a re-identify
   * after op 9, or several shards in one client), which would otherwise slow tests by 5-6.5 s.
   */
  clientOptions(options: { fastIdentify?: boolean } = {}): Pick<ClientOptions, 'rest' | 'ws'> {
    const rest = { api: this.apiUrl, globalRequestsPerSecond: Number.POSITIVE_INFINITY };
    if (!options.fastIdentify) return { rest };
    return { rest, ws: { buildIdentifyThrottler: () => ({ waitForIdentify: async () => {} }) } };
  }

  /** Resolves once every guild is held by a session that got READY + its GUILD_CREATE. */
  waitForReady(options: WaitOptions = {}): Promise<void> {
    return this.waitFor(() => this.state.guilds.every((g) => this.gateway.sessionForGuild(g.id)?.socket), {
      message: 'a client to IDENTIFY for every guild',
      ...options,
    });
  }

  waitFor(condition: () => boolean, options: WaitOptions = {}): Promise<void> {
    return this.changes.waitFor(condition, options);
  }

  /** A slash command (interaction type 2); resolves with the bot's final answer. */
  command(name: string, request: CommandInjection = {}): Promise<InteractionRecord> {
    return this.inject(() => commandInteraction(this.state, 'command', name, request), request);
  }

  /** Autocomplete (type 4) with `focused` marking the option being typed; resolves with the choices. */
  async autocomplete(
    name: string,
    request: CommandInjection & { focused: string },
  ): Promise<APIApplicationCommandOptionChoice[]> {
    const record = await this.inject(
      () => commandInteraction(this.state, 'autocomplete', name, request),
      request,
    );
    if (!record.choices)
      throw new Error(`emulator: ${record.describe()} answered type ${record.type}, not choices`);
    return record.choices;
  }

  /** Clicks a button (type 3, component_type 2) or, with `values`, picks from a select menu. */
  button(request: ComponentInjection): Promise<InteractionRecord> {
    return this.inject(() => componentInteraction(this.state, request), request);
  }

  select(request: ComponentInjection & { values: string[] }): Promise<InteractionRecord> {
    return this.button(request);
  }

  /** Submits a modal (type 5) with text inputs by custom_id. */
  modalSubmit(request: ModalInjection): Promise<InteractionRecord> {
    return this.inject(() => modalInteraction(this.state, request), request);
  }

  /** The next `times` requests matching method + path fail with `status` (429s carry retry_after). */
  failNext(rule: FailRule): void {
    this.state.faults.fail(rule);
  }
  delayNext(rule: DelayRule): void {
    this.state.faults.delay(rule);
  }
  /** Armed failures not yet hit. */
  pendingFaults(): number {
    return this.state.faults.pending();
  }
  clearFaults(): void {
    this.state.faults.clear();
  }

  /** Op 7 RECONNECT to every connected shard; resolves when each has resumed (or re-identified). */
  sendReconnect(options: WaitOptions = {}): Promise<void> {
    return this.awaitRecovery(() => this.gateway.sendReconnect(), 'RESUME after RECONNECT', options);
  }
  /** Drops every gateway socket: abruptly (default) or closed with `code` (e.g. 4000). */
  dropSocket(options: WaitOptions & { code?: number } = {}): Promise<void> {
    return this.awaitRecovery(() => this.gateway.dropSockets(options.code), 'RESUME after a drop', options);
  }
  /** Op 9 (not resumable): the client must IDENTIFY again; events in between are lost, as on Discord. */
  invalidateSession(options: WaitOptions = {}): Promise<void> {
    return this.awaitRecovery(() => this.gateway.invalidateSessions(), 'IDENTIFY after op 9', options);
  }

  /** The bot joins a server: GUILD_CREATE goes to the shard holding it (if one is connected). */
  addGuild(input: GuildInput): EmulatedGuild {
    const guild = buildGuild(input, this.state.guilds.length);
    this.state.guilds.push(guild);
    const session = this.gateway.sessionForGuild(guild.id);
    if (session) this.gateway.dispatch(session, 'GUILD_CREATE', guildCreatePayload(guild, this.state.bot));
    this.state.changed();
    return guild;
  }

  /** A channel (or thread) by id or name, in any guild. */
  channel(idOrName: string): EmulatedChannel {
    for (const guild of this.state.guilds) {
      const found = guild.channels.find((c) => c.id === idOrName || c.name === idOrName);
      if (found) return found;
    }
    throw new Error(`emulator: no channel ${idOrName}`);
  }

  /**
   * Sets the permission overwrite of `target` (default: the bot's member) on a channel, as a server
   * admin would; `allow`/`deny` are permission bits (PermissionFlagsBits...). Posting then answers
   * 403 50001 without View Channel, 403 50013 without Send Messages. Dispatches CHANNEL_UPDATE.
   */
  setChannelPermissions(
    channel: string,
    overwrite: { allow?: bigint | string; deny?: bigint | string },
    target: { id: string; type: 0 | 1 } = { id: this.state.bot.id, type: 1 },
  ): void {
    const found = this.channel(channel);
    const next: PermissionOverwrite = {
      id: target.id,
      type: target.type,
      allow: String(overwrite.allow ?? 0n),
      deny: String(overwrite.deny ?? 0n),
    };
    found.overwrites = [...found.overwrites.filter((o) => o.id !== target.id), next];
    this.dispatchChannel(found, found.thread ? 'THREAD_UPDATE' : 'CHANNEL_UPDATE');
  }

  /** The bot's computed permissions in a channel (roles and overwrites applied). */
  botPermissions(channel: string): bigint {
    return botPermissions(this.state, this.channel(channel).id);
  }

  /** Deletes a channel as a server admin would: CHANNEL_DELETE; REST on it answers 404 (10003). */
  deleteChannel(channel: string): void {
    const found = this.channel(channel);
    const guild = this.guild(found.guildId);
    guild.channels = guild.channels.filter((c) => c.id !== found.id && c.parentId !== found.id);
    this.dispatchChannel(found, found.thread ? 'THREAD_DELETE' : 'CHANNEL_DELETE');
  }

  /** Archives / locks (or reopens) a thread: THREAD_UPDATE. A locked archived thread refuses posts (50083). */
  setThreadState(thread: string, state: { archived?: boolean; locked?: boolean }): void {
    const found = this.channel(thread);
    if (!found.thread) throw new Error(`emulator: ${thread} is not a thread`);
    Object.assign(found.thread, state);
    this.dispatchChannel(found, 'THREAD_UPDATE');
  }

  /** The emulator's clock (ms): real time plus what tests advanced. */
  now(): number {
    return now(this.state);
  }

  /** Moves the emulator's clock forward: interaction tokens expire 15 min after the interaction. */
  advanceClock(ms: number): void {
    this.state.clockOffsetMs += ms;
  }

  /** Every message that notified someone, with who: an empty list means nobody was ever pinged. */
  pings(): { message: EmulatedMessage; pinged: Pinged }[] {
    return this.allMessages()
      .filter((m) => !pingedNobody(m.pinged))
      .map((m) => ({ message: m, pinged: m.pinged }));
  }

  /** The bot is removed from a server: GUILD_DELETE. */
  removeGuild(guildId: string): void {
    this.state.guilds = this.state.guilds.filter((g) => g.id !== guildId);
    const session = this.gateway.sessionForGuild(guildId);
    if (session) this.gateway.dispatch(session, 'GUILD_DELETE', { id: guildId, unavailable: false });
    this.state.changed();
  }

  private dispatchChannel(channel: EmulatedChannel, event: string): void {
    const session = this.gateway.sessionForGuild(channel.guildId);
    if (session) this.gateway.dispatch(session, event, channelPayload(channel));
    this.state.changed();
  }

  async close(): Promise<void> {
    await this.server.close();
  }

  private async awaitRecovery(
    act: () => GatewaySession[],
    what: string,
    options: WaitOptions,
  ): Promise<void> {
    const before = new Map(this.gateway.connected().map((s) => [s, s.resumes]));
    const targets = act();
    await this.waitFor(
      () =>
        targets.every((s) => {
          const current = [...this.gateway.current.values()].find((c) => c.shard.join() === s.shard.join());
          if (current !== s) return current?.socket != null;
          return s.socket !== null && s.resumes > (before.get(s) ?? 0);
        }),
      { message: what, ...options },
    );
  }

  private async inject(
    build: () => InteractionRecord,
    context: InteractionContext,
  ): Promise<InteractionRecord> {
    const record = build(); // an unknown command or option rejects the returned promise
    const timeout = context.timeout ?? this.answerTimeoutMs;
    const guildId = record.guildId ?? this.guildId;
    await this.waitFor(() => this.gateway.sessionForGuild(guildId) !== undefined, {
      timeout,
      message: `a gateway session holding guild ${guildId}; is a client logged in?`,
    });
    const session = this.gateway.dispatchToGuild(guildId, 'INTERACTION_CREATE', record.payload);
    await withTimeout(record.settled, timeout, () => noAnswer(record, timeout, session));
    return record;
  }
}

function noAnswer(record: InteractionRecord, timeout: number, session: GatewaySession): string {
  const parts = [`emulator: ${record.describe()} got no final answer within ${timeout} ms`];
  if (record.type === null) parts.push('no interaction callback was received');
  else if (record.deferred) parts.push(`deferred (callback ${record.type}) but @original was never edited`);
  if (record.problems.length > 0) parts.push(`refused: ${record.problems.join('; ')}`);
  if (!session.socket) parts.push('the gateway session is disconnected (event queued for RESUME)');
  return parts.join('; ');
}
