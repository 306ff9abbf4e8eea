import { existsSync } from 'node:fs';
import path from 'node:path';
import { evaluateByCase, formatByCase } from '../eval/byCase.ts';
import { formatReport } from '../eval/extraction.ts';
import { parseCommandArgs } from './args.ts';
import { DEFAULT_CORPUS } from './corpus.ts';
import type { CliCommand } from './types.ts';

/** `casewatch eval [DIR] [--json] [--verbose]`: scores the extractor against a labelled corpus. */
export const command: CliCommand = {
  name: 'eval',
  summary: 'Score the extractor against a labelled corpus',
  usage: ['eval [DIR] [--json] [--verbose]'],
  options: {
    DIR: 'a labelled corpus: DIR/articles/<case>/*.json with gold facts (default test/fixtures/heldout)',
    '--json': 'the scores as JSON',
    '--verbose': 'every missed and extra fact',
  },
  async run(args, ctx) {
    const { values, positionals } = parseCommandArgs(
      args,
      { json: { type: 'boolean' }, verbose: { type: 'boolean' } },
      ['[DIR]'],
    );
    const dir = path.resolve(positionals[0] ?? DEFAULT_CORPUS);
    if (!existsSync(path.join(dir, 'articles'))) {
      ctx.stderr.write(
        `eval: no labelled corpus at ${dir} (expected ${path.join(dir, 'articles')}/<case>/*.json)\n`,
      );
      return 1;
    }
    const verbose = values.verbose ?? false;
    const byCase = evaluateByCase(dir);
    const report = byCase.micro;
    if (values.json) {
      const { details, ...rest } = report;
      const micro = verbose ? report : rest;
      ctx.stdout.write(
        `${JSON.stringify({ ...micro, byCase: byCase.cases, macro: byCase.macro, worst: byCase.worst }, null, 2)}\n`,
      );
      void details;
    } else
      ctx.stdout.write(
        `${formatByCase(byCase)}\n\nall cases together (micro):\n${formatReport(report, verbose)}\n`,
      );
    return 0;
  },
};
