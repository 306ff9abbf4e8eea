// The bot's client disables mentions for every message it sends: the last line of defence behind
// respond(), payload() and the alert sink (each of which also sets allowed_mentions), so a new code
// path that forgets its own still pings nobody when an article's text says @everyone.
import type { TextChannel } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDiscordClient } from '../../src/discord/client.ts';
import { TEST_TOKEN } from '../support/bot.ts';
import { type Emulator, startEmulator } from '../support/emulator.ts';
import { expectNobodyPinged } from '../support/mentions.ts';
import { closeAll } from '../support/suite.ts';

describe("the bot's Discord client", () => {
  let emu: Emulator;
  let client: ReturnType<typeof createDiscordClient> | undefined;

  beforeAll(async () => {
    emu = await startEmulator({
      guilds: [
        { name: 'Harlow', channels: [{ name: 'general' }], roles: [{ name: 'Readers', mentionable: true }] },
      ],
    });
    client = createDiscordClient({ DISCORD_API_URL: emu.apiUrl });
    await client.login(TEST_TOKEN);
    await emu.waitForReady();
  });
  afterAll(async () => {
    await client?.destroy();
    await closeAll(emu);
  });

  it('pings nobody with a message that sets no allowedMentions of its own', async () => {
    const guild = emu.guild('Harlow');
    const channel = (await client?.channels.fetch(guild.channelIds.general ?? '')) as TextChannel;
    const text = `@everyone <@&${guild.roleIds.Readers}> <@${emu.botUserId}> a quote from the article`;
    await channel.send(text);
    expect(emu.allMessages().map((m) => m.content)).toContain(text);
    expectNobodyPinged(emu);
  });
});
