import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type EvalReport, evalCorpus } from '../cases/corpusEval.ts';
import { extractFacts } from '../extract/index.ts';
import type { CliCommand } from './types.ts';

const repoRoot = resolve(fileURLToPath(new URL('../..', import.meta.url)));

/** `casewatch eval-status [DIR] [--facts gold|extractor|both] [--verbose]`: status and alert scores on the corpus. */
export const command: CliCommand = {
  name: 'eval-status',
  summary: 'Score case status (checkpoint fields) and alerts (precision/recall) on the labelled corpus',
  usage: 'casewatch eval-status [CORPUS_DIR] [--facts gold|extractor|both] [--verbose]',
  async run(args, ctx) {
    const positional = args.filter((a) => !a.startsWith('--'));
    const factsAt = args.indexOf('--facts');
    const which = factsAt >= 0 ? (args[factsAt + 1] ?? 'both') : 'both';
    const dir = resolve(positional.find((a) => a !== which) ?? resolve(repoRoot, '../shared/corpus'));
    if (!existsSync(resolve(dir, 'cases'))) {
      ctx.stderr.write(`eval-status: no corpus at ${dir} (expected cases/ and articles/)\n`);
      return 1;
    }
    if (!['gold', 'extractor', 'both'].includes(which)) {
      ctx.stderr.write(`eval-status: --facts must be gold, extractor or both\n`);
      return 2;
    }
    const sources =
      which === 'both' ? (['gold', 'extractor'] as const) : ([which] as Array<'gold' | 'extractor'>);
    for (const source of sources) {
      const report = await evalCorpus(dir, source, extractFacts);
      ctx.stdout.write(render(report, args.includes('--verbose')));
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
