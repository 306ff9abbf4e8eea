import { readFile } from 'node:fs/promises';
import { backupSchema, importBackup } from '../store/backup.ts';
import { parseCommandArgs } from './args.ts';
import type { CliCommand } from './types.ts';

/** `casewatch import FILE [--replace]`: what `casewatch export` wrote, validated before anything is stored. */
export const command: CliCommand = {
  name: 'import',
  summary: 'Read what `casewatch export` wrote; never overwrites a different value without --replace',
  usage: ['import FILE [--replace]'],
  options: {
    FILE: 'a file written by casewatch export',
    '--replace': 'overwrite cases, feeds and alert settings that differ (default: list them, change nothing)',
  },
  async run(args, ctx) {
    const { values, positionals } = parseCommandArgs(args, { replace: { type: 'boolean' } }, ['FILE']);
    const file = positionals[0] as string;
    let json: unknown;
    try {
      json = JSON.parse(await readFile(file, 'utf8'));
    } catch (err) {
      ctx.stderr.write(`import: cannot read ${file}: ${(err as Error).message}\n`);
      return 1;
    }
    const parsed = backupSchema.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      ctx.stderr.write(
        `import: ${file}: ${issue?.path.join('.') || 'file'} ${issue?.message}; nothing imported\n`,
      );
      return 1;
    }
    const report = await importBackup(await ctx.store(), parsed.data, {
      replace: values.replace,
      defaultInterval: ctx.config.POLL_INTERVAL_MINUTES,
    });
    if (report.conflicts.length && !values.replace) {
      ctx.stderr.write(
        `import: ${report.conflicts.length} value(s) differ from what is stored; nothing imported ` +
          `(--replace overwrites them):\n${report.conflicts.map((c) => `  ${c}\n`).join('')}`,
      );
      return 1;
    }
    const w = report.written;
    ctx.stdout.write(
      `imported ${w.cases} cases, ${w.tracking} trackings, ${w.feeds} feeds, ${w.alerts} alert settings` +
        `${report.conflicts.length ? ` (replaced ${report.conflicts.length})` : ''}; ${report.unchanged} already as in the file\n`,
    );
    return 0;
  },
};
