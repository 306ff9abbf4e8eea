import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatReport } from '../extract/eval.ts';
import { evaluateByCase, formatByCase } from '../extract/eval-cases.ts';
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
    const byCase = evaluateByCase(dir);
    const report = byCase.micro;
    if (flags.has('--json')) {
      const { details, ...rest } = report;
      const micro = flags.has('--verbose') ? report : rest;
      ctx.stdout.write(
        `${JSON.stringify({ ...micro, byCase: byCase.cases, macro: byCase.macro, worst: byCase.worst }, null, 2)}\n`,
      );
      void details;
    } else
      ctx.stdout.write(
        `${formatByCase(byCase)}\n\nall cases together (micro):\n${formatReport(report, flags.has('--verbose'))}\n`,
      );
    return 0;
  },
};
