import { startApp } from '../app.ts';
import { parseCommandArgs } from './args.ts';
import { connectHelp } from './connectHelp.ts';
import type { CliCommand } from './types.ts';

export const command: CliCommand = {
  name: 'start',
  summary: 'Run the bot (without DISCORD_TOKEN: the offline demo, then how to connect a bot)',
  usage: ['start [--sharded]'],
  options: { '--sharded': 'one process per gateway shard (SHARD_COUNT: auto or a number)' },
  async run(args, ctx) {
    const { values } = parseCommandArgs(args, { sharded: { type: 'boolean' } });
    if (!ctx.config.DISCORD_TOKEN) {
      ctx.stdout.write(
        'casewatch: DISCORD_TOKEN is not set, so no real bot can log in: running the offline demo.\n\n',
      );
      const { runDemo } = await import('../demo/run.ts');
      await runDemo(ctx.stdout, ctx.config.LOG_LEVEL === 'info' ? 'warn' : ctx.config.LOG_LEVEL);
      ctx.stdout.write(`\n${connectHelp(ctx.config.DISCORD_CLIENT_ID)}`);
      return 0;
    }
    if (values.sharded) {
      const { startSharded } = await import('../discord/sharding.ts');
      const manager = await startSharded(ctx.config, ctx.logger);
      await waitForSignal(ctx.logger);
      manager.respawn = false;
      // Each shard process gets SIGTERM and shuts down gracefully; then the manager leaves too
      // (its IPC channels would otherwise keep it alive).
      await Promise.all(
        [...manager.shards.values()].map(
          (shard) =>
            new Promise<void>((resolve) => {
              if (!shard.process) return resolve();
              shard.process.once('exit', () => resolve());
              shard.process.kill('SIGTERM');
            }),
        ),
      );
      process.exit(0);
    }
    const app = await startApp(ctx.config, ctx.logger);
    await waitForSignal(ctx.logger);
    await app.stop();
    // Under start:sharded this process is a forked shard: its IPC channel to the manager would
    // keep it alive after a clean stop.
    if (process.connected) process.disconnect();
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
