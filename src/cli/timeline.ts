import { findCase, flagString, parseArgs, unknownCaseLine } from '../cases/cliSupport.ts';
import { createKnowledgeStore } from '../cases/knowledgeStore.ts';
import { timeline } from '../cases/views.ts';
import { EVENT_TYPES } from '../facts.ts';
import { dateLabel, typeLabel } from '../format/payload.ts';
import type { CliCommand } from './types.ts';

/** `casewatch timeline CASE [--type T] [--person NAME] [--json]`: developments in date order. */
export const command: CliCommand = {
  name: 'timeline',
  summary: 'Developments of a case in date order, each with its sources',
  usage: 'casewatch timeline CASE [--type TYPE] [--person NAME] [--json]',
  async run(args, ctx) {
    const parsed = parseArgs(args);
    const name = parsed.positional[0];
    const type = flagString(parsed, 'type');
    if (!name) {
      ctx.stderr.write(`timeline: no case given. Usage: ${this.usage}\n`);
      return 2;
    }
    if (type && !(EVENT_TYPES as readonly string[]).includes(type)) {
      ctx.stderr.write(`timeline: unknown --type "${type}" (one of ${EVENT_TYPES.join(', ')})\n`);
      return 2;
    }
    const store = await ctx.store();
    const { def, all } = await findCase(store, name);
    if (!def) {
      ctx.stderr.write(unknownCaseLine('timeline', name, all));
      return 1;
    }
    const devs = timeline(await createKnowledgeStore(store).get(def.slug), {
      type,
      person: flagString(parsed, 'person'),
    });
    if (parsed.flags.has('json')) {
      const rows = devs.map((d) => ({
        type: d.type,
        status: d.status,
        date: d.date,
        who: d.who,
        summary: d.summary,
        sources: d.sources.map((s) => s.url),
      }));
      ctx.stdout.write(`${JSON.stringify({ case: def.slug, developments: rows })}\n`);
      return 0;
    }
    if (devs.length === 0) ctx.stdout.write(`${def.name}: no developments reported yet\n`);
    for (const d of devs) {
      const when = d.status === 'scheduled' ? `${dateLabel(d.date)} (scheduled)` : dateLabel(d.date);
      ctx.stdout.write(`${when}  ${typeLabel(d.type)}${d.who ? ` (${d.who})` : ''}: ${d.summary}\n`);
      for (const s of d.sources) ctx.stdout.write(`    ${s.outlet}  ${s.url}\n`);
    }
    return 0;
  },
};
