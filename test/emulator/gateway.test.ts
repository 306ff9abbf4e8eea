// Gateway life cycle with the real discord.js client: heartbeats, successive logins, two shards.
import { Client, Events, GatewayIntentBits } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { startEmulator } from '../../emulator/index.ts';

describe('discord emulator heartbeats', () => {
  it('acks heartbeats, and a client whose heartbeats go unanswered resumes', async () => {
    const emu = await startEmulator({ heartbeatIntervalMs: 80 });
    const client = new Client({ intents: [GatewayIntentBits.Guilds], ...emu.clientOptions() });
    client.on(Events.InteractionCreate, (i) => {
      if (i.isChatInputCommand()) void i.reply('alive');
    });
    try {
      await client.login(emu.token);
      await emu.waitFor(() => client.ws.ping >= 0, { message: 'a heartbeat ACK' });
      emu.gateway.ackHeartbeats = false;
      await emu.waitFor(() => emu.gateway.stats.resumes >= 1, { message: 'a resume after missed ACKs' });
      emu.gateway.ackHeartbeats = true;
      expect((await emu.command('ping')).content).toBe('alive');
    } finally {
      await client.destroy();
      await emu.close();
    }
  });
});

describe('discord emulator with successive clients', () => {
  it('re-identifies after op 9, and serves a second client once the first logged out', async () => {
    const emu = await startEmulator();
    const login = async (name: string) => {
      const client = new Client({
        intents: [GatewayIntentBits.Guilds],
        ...emu.clientOptions({ fastIdentify: true }),
      });
      client.on(Events.InteractionCreate, (i) => {
        if (i.isChatInputCommand()) void i.reply(name);
      });
      await client.login(emu.token);
      return client;
    };
    const first = await login('first');
    try {
      expect((await emu.command('who')).content).toBe('first');
      await emu.invalidateSession(); // op 9: not resumable, so the client identifies again
      expect(emu.gateway.stats.identifies).toBe(2);
      expect((await emu.command('who')).content).toBe('first');
      await first.destroy();
      const second = await login('second');
      try {
        expect((await emu.command('who')).content).toBe('second');
      } finally {
        await second.destroy();
      }
    } finally {
      await first.destroy();
      await emu.close();
    }
  });
});

describe('discord emulator with two shards', () => {
  it('sends each shard only its guilds and routes interactions to the right one', async () => {
    const emu = await startEmulator({
      shards: 2,
      guilds: [
        { name: 'A', channels: [{ name: 'general' }] },
        { name: 'B', channels: [{ name: 'general' }] },
      ],
    });
    const clients = [0, 1].map(
      (id) =>
        new Client({
          intents: [GatewayIntentBits.Guilds],
          shards: [id],
          shardCount: 2,
          ...emu.clientOptions(),
        }),
    );
    try {
      for (const c of clients) {
        c.on(Events.InteractionCreate, (i) => {
          if (i.isChatInputCommand()) void i.reply(`shard ${c.ws.shards.first()?.id}`);
        });
        await c.login(emu.token);
      }
      await emu.waitForReady();
      const [a, b] = emu.guilds;
      expect(clients.map((c) => c.guilds.cache.size)).toEqual([1, 1]);
      const onA = await emu.command('ping', { guildId: a?.id });
      const onB = await emu.command('ping', { guildId: b?.id });
      expect(new Set([onA.content, onB.content])).toEqual(new Set(['shard 0', 'shard 1']));
    } finally {
      await Promise.all(clients.map((c) => c.destroy()));
      await emu.close();
    }
  });
});
