import { exportBackup } from '../store/backup.ts';
import { parseCommandArgs } from './args.ts';
import type { CliCommand } from './types.ts';

/** `casewatch export [--guild ID] > server.json`: cases, feeds and alert settings as versioned JSON. */
export const command: CliCommand = {
  name: 'export',
  summary: 'Write the cases, feeds and alert settings as JSON (a backup, or to move a server)',
  usage: ['export [--guild ID] > server.json'],
  options: { '--guild ID': 'only this Discord server: its tracked cases, its feeds, its alert settings' },
  async run(args, ctx) {
    const { values } = parseCommandArgs(args, { guild: { type: 'string' } });
    const backup = await exportBackup(await ctx.store(), values.guild);
    ctx.stdout.write(`${JSON.stringify(backup, null, 2)}\n`);
    ctx.stderr.write(
      `exported ${backup.cases.length} cases, ${backup.feeds.length} feeds, ${backup.alerts.length} alert settings\n`,
    );
    return 0;
  },
};
