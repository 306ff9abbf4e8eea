import { Client, Events, GatewayIntentBits } from 'discord.js';
import { reportMemory } from './childRss.ts';

/** The memory reference: a bare discord.js client, same intent as the bot, logged in to the emulator. */
const client = new Client({
  intents: [GatewayIntentBits.Guilds],
  rest: { api: process.env.DISCORD_API_URL ?? '' },
});
const ready = new Promise((resolve) => client.once(Events.ClientReady, resolve));
await client.login(process.env.DISCORD_TOKEN);
await ready;
await reportMemory();
await client.destroy();
process.exit(0);
