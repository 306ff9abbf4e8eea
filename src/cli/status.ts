import { findCase, flagString, isDayString, parseArgs, unknownCaseLine } from '../cases/cliSupport.ts';
import { today } from '../cases/dates.ts';
import { createKnowledgeStore } from '../cases/knowledgeStore.ts';
import { caseStatus } from '../cases/status.ts';
import { statusText } from '../format/statusEmbed.ts';
import type { CliCommand } from './types.ts';

/** `casewatch status CASE [--as-of YYYY-MM-DD] [--json]`: where a case stands, as /status shows it. */
export const command: CliCommand = {
  name: 'status',
  summary: 'Where a case stands: stage, charges and maximum penalty per defendant, next date, latest',
  usage: 'casewatch status CASE [--as-of YYYY-MM-DD] [--json]',
  async run(args, ctx) {
    const parsed = parseArgs(args);
    const name = parsed.positional[0];
    const asOf = flagString(parsed, 'as-of') ?? today();
    if (!name) {
      ctx.stderr.write(`status: no case given. Usage: ${this.usage}\n`);
      return 2;
    }
    if (!isDayString(asOf)) {
      ctx.stderr.write(`status: --as-of must be a date YYYY-MM-DD, got "${asOf}"\n`);
      return 2;
    }
    const store = await ctx.store();
    const { def, all } = await findCase(store, name);
    if (!def) {
      ctx.stderr.write(unknownCaseLine('status', name, all));
      return 1;
    }
    const status = caseStatus(await createKnowledgeStore(store).get(def.slug), asOf, def.name);
    if (parsed.flags.has('json')) {
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
