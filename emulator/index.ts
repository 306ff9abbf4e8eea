// Offline Discord emulator for tests: the real discord.js client logs in to it.
//
//   const emu = await startEmulator();
//   const client = new Client({ intents: [GatewayIntentBits.Guilds], ...emu.clientOptions() });
//   await client.login(emu.token);
//   const reply = await emu.command('status', { options: { case: 'rust' } });
//   expect(reply.content).toContain('Rust');
import { Emulator, type EmulatorOptions } from './emulator.ts';
import { Faults } from './faults.ts';
import { Gateway } from './gateway.ts';
import { startServer } from './server.ts';
import { fixedSnowflake } from './snowflake.ts';
import type { EmulatorState } from './state.ts';
import { Changes } from './wait.ts';
import { buildGuild, DEFAULT_GUILDS } from './world.ts';

export type { ChannelIds, EmulatorOptions } from './emulator.ts';
export { Emulator } from './emulator.ts';
export type { DelayRule, FailRule } from './faults.ts';
export type { GatewaySession } from './gateway.ts';
export type { CommandInjection, ComponentInjection, ModalInjection } from './injectors.ts';
export type { InteractionContext, InteractionUser } from './interactions.ts';
export { DEFAULT_USER } from './interactions.ts';
export { computePings, mentionsIn, type Pinged, pingedNobody } from './mentions.ts';
export type { EmulatedMessage, UploadedFile } from './messages.ts';
export type { OptionInput } from './options.ts';
export { channelPermissions, Permission } from './permissions.ts';
export { errorTree, type Problem } from './problems.ts';
export { CallbackType, InteractionRecord } from './records.ts';
export { newSnowflake, shardOf } from './snowflake.ts';
export type { BodyValidator, RegisteredCommands, RequestLogEntry } from './state.ts';
export type { WaitOptions } from './wait.ts';
export { TOKEN_LIFETIME_MS } from './webhooks.ts';
export type {
  ChannelInput,
  EmulatedChannel,
  EmulatedGuild,
  GuildInput,
  PermissionOverwrite,
  RoleInput,
} from './world.ts';
export { ALL_PERMISSIONS } from './world.ts';

export async function startEmulator(options: EmulatorOptions = {}): Promise<Emulator> {
  const changes = new Changes();
  const state: EmulatorState = {
    bot: {
      id: options.botUserId ?? fixedSnowflake(8000, 1),
      username: options.botUsername ?? 'casewatch-emu',
      bot: true,
    },
    applicationId: options.applicationId ?? fixedSnowflake(8000, 2),
    guilds: (options.guilds ?? DEFAULT_GUILDS).map(buildGuild),
    users: new Map(),
    commands: { global: [], guild: new Map() },
    messages: [],
    interactions: [],
    byToken: new Map(),
    requests: [],
    faults: new Faults(),
    callbackDeadlineMs: options.callbackDeadlineMs ?? 3000,
    recommendedShards: options.shards ?? 1,
    token: options.token,
    changed: changes.notify,
    clockOffsetMs: 0,
    botRoles: new Map(),
    validateBody: options.validateBody,
  };
  let port = 0;
  const gateway = new Gateway({
    bot: state.bot,
    applicationId: state.applicationId,
    guilds: () => state.guilds,
    heartbeatIntervalMs: options.heartbeatIntervalMs ?? 41_250,
    token: options.token,
    url: () => `ws://127.0.0.1:${port}/gateway`,
  });
  for (const event of ['ready', 'resumed', 'disconnect']) gateway.on(event, changes.notify);
  const server = await startServer(state, gateway);
  port = server.port;
  return new Emulator(state, changes, gateway, server, options);
}
