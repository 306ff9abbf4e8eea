import { REST, Routes } from 'discord.js';
import type { Config } from '../config.ts';
import { restOptions } from './client.ts';
import type { Command } from './command.ts';

export interface DeployResult {
  scope: 'guild' | 'global';
  applicationId: string;
  names: string[];
}

/**
 * Registers the slash commands from the same loader the bot uses: guild-scoped when
 * DISCORD_GUILD_ID is set (instant, for development), global otherwise (may take up to an hour
 * to show up everywhere).
 */
export async function deployCommands(
  config: Pick<Config, 'DISCORD_TOKEN' | 'DISCORD_GUILD_ID' | 'DISCORD_CLIENT_ID' | 'DISCORD_API_URL'>,
  commands: Map<string, Command>,
): Promise<DeployResult> {
  if (!config.DISCORD_TOKEN) throw new Error('DISCORD_TOKEN is not set: cannot register commands.');
  const rest = new REST(restOptions(config)).setToken(config.DISCORD_TOKEN);
  const applicationId =
    config.DISCORD_CLIENT_ID ?? ((await rest.get(Routes.currentApplication())) as { id: string }).id;
  const body = [...commands.values()].map((c) => c.data.toJSON());
  const route = config.DISCORD_GUILD_ID
    ? Routes.applicationGuildCommands(applicationId, config.DISCORD_GUILD_ID)
    : Routes.applicationCommands(applicationId);
  await rest.put(route, { body });
  return {
    scope: config.DISCORD_GUILD_ID ? 'guild' : 'global',
    applicationId,
    names: body.map((b) => b.name),
  };
}
