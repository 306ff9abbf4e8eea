import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { evaluate, formatReport } from '../extract/eval.ts';
import type { CliCommand } from './types.ts';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** `casewatch eval [DIR] [--json] [--verbose]`: scores the extractor against a labelled corpus. */
export const command: CliCommand = {
  name: 'eval',
  summary: 'Score the extractor against a labelled corpus (default ../shared/corpus)',
  usage: 'casewatch eval [DIR] [--json] [--verbose]',
  async run(args, ctx) {
    const flags = new Set(args.filter((a) => a.startsWith('--')));
    const unknown = [...flags].filter((f) => f !== '--json' && f !== '--verbose');
    if (unknown.length) {
      ctx.stderr.write(`eval: unknown option ${unknown.join(', ')}. Usage: ${this.usage}\n`);
      return 2;
    }
    const dir = path.resolve(
      args.find((a) => !a.startsWith('--')) ?? path.resolve(repoRoot, '../shared/corpus'),
    );
    if (!existsSync(path.join(dir, 'articles'))) {
      ctx.stderr.write(
        `eval: no labelled corpus at ${dir} (expected ${path.join(dir, 'articles')}/<case>/*.json)\n`,
      );
      return 1;
    }
    const report = evaluate(dir);
    if (flags.has('--json')) {
      const { details, ...rest } = report;
      ctx.stdout.write(`${JSON.stringify(flags.has('--verbose') ? report : rest, null, 2)}\n`);
      void details;
    } else ctx.stdout.write(`${formatReport(report, flags.has('--verbose'))}\n`);
    return 0;
  },
};
