import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { type EvalReport, evalCorpus } from '../eval/statusReplay.ts';
import { extractFacts } from '../extract/index.ts';
import { parseCommandArgs, UsageError } from './args.ts';
import { DEFAULT_CORPUS } from './corpus.ts';
import type { CliCommand } from './types.ts';

/** `casewatch eval-status [DIR] [--facts gold|extractor|both] [--verbose]`: status and alert scores on a corpus. */
export const command: CliCommand = {
  name: 'eval-status',
  summary:
    'Score case status and alerts (precision/recall) on a labelled corpus (default: test/fixtures/heldout)',
  usage: ['eval-status [DIR] [--facts gold|extractor|both] [--verbose]'],
  options: {
    DIR: 'a labelled corpus with cases/ and articles/ (default test/fixtures/heldout)',
    '--facts gold|extractor|both': 'replay the labelled facts, the extractor, or both (default)',
    '--verbose': 'every status field and alert that disagrees',
  },
  async run(args, ctx) {
    const { values, positionals } = parseCommandArgs(
      args,
      { facts: { type: 'string' }, verbose: { type: 'boolean' } },
      ['[DIR]'],
    );
    const which = values.facts ?? 'both';
    if (which !== 'gold' && which !== 'extractor' && which !== 'both') {
      throw new UsageError('--facts must be gold, extractor or both');
    }
    const dir = resolve(positionals[0] ?? DEFAULT_CORPUS);
    if (!existsSync(resolve(dir, 'cases'))) {
      ctx.stderr.write(`eval-status: no corpus at ${dir} (expected cases/ and articles/)\n`);
      return 1;
    }
    const sources = which === 'both' ? (['gold', 'extractor'] as const) : [which as 'gold' | 'extractor'];
    for (const source of sources) {
      const report = await evalCorpus(dir, source, extractFacts);
      ctx.stdout.write(render(report, values.verbose ?? false));
    }
    return 0;
  },
};

function pct(x: number): string {
  return `${(100 * x).toFixed(1)}%`;
}

function render(r: EvalReport, verbose: boolean): string {
  const lines = [`facts: ${r.source}`];
  for (const c of r.cases) {
    lines.push(
      `  ${c.case.padEnd(17)} status fields ${c.agreed}/${c.fields}   alerts: ${c.matched} of ${c.alerts} match, ${c.matched} of ${c.goldNew} gold developments   latest: ${c.latestAgreed}/${c.latestChecked}`,
    );
    if (verbose) for (const m of c.misses) lines.push(`      ${m}`);
  }
  lines.push(
    `  status-field agreement ${pct(r.fieldAgreement)}   alert precision ${r.precision.toFixed(3)}   recall ${r.recall.toFixed(3)}`,
    `  alerts with any date: precision ${r.precisionAnyDate.toFixed(3)}   recall ${r.recallAnyDate.toFixed(3)}`,
    '',
  );
  return lines.join('\n');
}
