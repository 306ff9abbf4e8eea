import { today } from '../cases/dates.ts';
import { createKnowledgeStore } from '../cases/knowledgeStore.ts';
import { caseStatus } from '../cases/status.ts';
import { statusText } from '../format/statusEmbed.ts';
import { parseCommandArgs, UsageError } from './args.ts';
import { findCase, isDayString, unknownCaseLine } from './support.ts';
import type { CliCommand } from './types.ts';

/** `casewatch status CASE [--as-of YYYY-MM-DD] [--json]`: where a case stands, as /status shows it. */
export const command: CliCommand = {
  name: 'status',
  summary: 'Where a case stands: stage, charges, maximum penalty, next date, latest developments',
  usage: ['status CASE [--as-of YYYY-MM-DD] [--json]'],
  options: {
    CASE: 'the case: its slug, name or an alias',
    '--as-of YYYY-MM-DD': 'where the case stood on that day (default: today)',
    '--json': 'one JSON object instead of text',
  },
  async run(args, ctx) {
    const { values, positionals } = parseCommandArgs(
      args,
      { 'as-of': { type: 'string' }, json: { type: 'boolean' } },
      ['CASE'],
    );
    const name = positionals[0] as string;
    const asOf = values['as-of'] ?? today();
    if (!isDayString(asOf)) throw new UsageError(`--as-of must be a date YYYY-MM-DD, got "${asOf}"`);
    const store = await ctx.store();
    const { def, all } = await findCase(store, name);
    if (!def) {
      ctx.stderr.write(unknownCaseLine('status', name, all));
      return 1;
    }
    const status = caseStatus(await createKnowledgeStore(store).get(def.slug), asOf, def.name);
    if (values.json) {
      const out = {
        case: status.case,
        asOf: status.asOf,
        defendants: status.defendants,
        next: status.next,
        latest: status.latest.map((d) => ({
          type: d.type,
          date: d.date,
          summary: d.summary,
          sources: d.sources.map((s) => s.url),
        })),
      };
      ctx.stdout.write(`${JSON.stringify(out)}\n`);
    } else {
      ctx.stdout.write(statusText(status));
    }
    return 0;
  },
};
