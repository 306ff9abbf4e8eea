import { runDemo } from '../demo/run.ts';
import { parseCommandArgs } from './args.ts';
import { connectHelp } from './connectHelp.ts';
import type { CliCommand } from './types.ts';

export const command: CliCommand = {
  name: 'demo',
  summary: 'Run the whole pipeline offline on sample articles (what `npm start` does without a token)',
  usage: ['demo'],
  async run(args, ctx) {
    parseCommandArgs(args, {});
    await runDemo(ctx.stdout, ctx.config.LOG_LEVEL === 'info' ? 'warn' : ctx.config.LOG_LEVEL);
    ctx.stdout.write(connectHelp(ctx.config.DISCORD_CLIENT_ID));
    return 0;
  },
};
