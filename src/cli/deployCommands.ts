import { deployCommands } from '../discord/deploy.ts';
import { loadCommands } from '../discord/loader.ts';
import { parseCommandArgs } from './args.ts';
import { connectHelp } from './connectHelp.ts';
import type { CliCommand } from './types.ts';

export const command: CliCommand = {
  name: 'deploy-commands',
  summary: 'Register the slash commands with Discord (guild-scoped with DISCORD_GUILD_ID)',
  usage: ['deploy-commands'],
  async run(args, ctx) {
    parseCommandArgs(args, {});
    if (!ctx.config.DISCORD_TOKEN) {
      ctx.stderr.write(
        `DISCORD_TOKEN is not set: nothing to register.\n\n${connectHelp(ctx.config.DISCORD_CLIENT_ID)}`,
      );
      return 1;
    }
    const result = await deployCommands(ctx.config, await loadCommands());
    ctx.stdout.write(
      `registered ${result.names.length} commands (${result.names.map((n) => `/${n}`).join(' ')}) ` +
        `${result.scope === 'guild' ? `in server ${ctx.config.DISCORD_GUILD_ID}` : 'globally (may take up to an hour to appear)'}\n`,
    );
    return 0;
  },
};
