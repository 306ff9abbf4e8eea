import { startApp } from '../app.ts';
import { connectHelp } from './connectHelp.ts';
import type { CliCommand } from './types.ts';

export const command: CliCommand = {
  name: 'start',
  summary: 'Run the bot (without DISCORD_TOKEN: the offline demo, then how to connect a bot)',
  usage: 'start [--sharded]',
  async run(args, ctx) {
    if (!ctx.config.DISCORD_TOKEN) {
      ctx.stdout.write(
        'casewatch: DISCORD_TOKEN is not set, so no real bot can log in: running the offline demo.\n\n',
      );
      const { runDemo } = await import('../demo/run.ts');
      await runDemo(ctx.stdout, ctx.config.LOG_LEVEL === 'info' ? 'warn' : ctx.config.LOG_LEVEL);
      ctx.stdout.write(`\n${connectHelp(ctx.config.DISCORD_CLIENT_ID)}`);
      return 0;
    }
    if (args.includes('--sharded')) {
      const { startSharded } = await import('../discord/sharding.ts');
      const manager = await startSharded(ctx.config, ctx.logger);
      await waitForSignal(ctx.logger);
      for (const shard of manager.shards.values()) shard.kill();
      return 0;
    }
    const app = await startApp(ctx.config, ctx.logger);
    await waitForSignal(ctx.logger);
    await app.stop();
    return 0;
  },
};

function waitForSignal(logger: { info(o: object, m: string): void }) {
  return new Promise<void>((resolve) => {
    const done = (signal: string) => {
      logger.info({ signal }, 'shutting down');
      resolve();
    };
    process.once('SIGINT', done);
    process.once('SIGTERM', done);
  });
}
