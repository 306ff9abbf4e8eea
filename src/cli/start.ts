import { startApp } from '../app.ts';
import { connectHelp } from './connectHelp.ts';
import type { CliCommand } from './types.ts';

export const command: CliCommand = {
  name: 'start',
  summary: 'Run the bot (without DISCORD_TOKEN: explain how to connect one)',
  usage: 'start',
  async run(_args, ctx) {
    if (!ctx.config.DISCORD_TOKEN) {
      ctx.stdout.write(
        `casewatch: DISCORD_TOKEN is not set, so no bot can log in.\n\n${connectHelp(ctx.config.DISCORD_CLIENT_ID)}`,
      );
      return 0;
    }
    const app = await startApp(ctx.config, ctx.logger);
    await new Promise<void>((resolve) => {
      const shutdown = (signal: string) => {
        ctx.logger.info({ signal }, 'shutting down');
        void app.stop().finally(resolve);
      };
      process.once('SIGINT', shutdown);
      process.once('SIGTERM', shutdown);
    });
    return 0;
  },
};
