import { createKnowledgeStore } from '../cases/knowledgeStore.ts';
import { closestPeople, personIdIn } from '../cases/peopleView.ts';
import { timeline } from '../cases/views.ts';
import { EVENT_TYPES } from '../facts.ts';
import { dateLabel, typeLabel } from '../format/payload.ts';
import { parseCommandArgs, UsageError } from './args.ts';
import { findCase, unknownCaseLine } from './support.ts';
import type { CliCommand } from './types.ts';

/** `casewatch timeline CASE [--type T] [--person NAME] [--json]`: developments in date order. */
export const command: CliCommand = {
  name: 'timeline',
  summary: 'Developments of a case in date order, each with its sources',
  usage: ['timeline CASE [--type TYPE] [--person NAME] [--json]'],
  options: {
    CASE: 'the case: its slug, name or an alias',
    '--type TYPE': `only this kind of development (${EVENT_TYPES.join(', ')})`,
    '--person NAME': 'only developments about this person (any variant of the name)',
    '--json': 'one JSON object instead of text',
  },
  async run(args, ctx) {
    const { values, positionals } = parseCommandArgs(
      args,
      { type: { type: 'string' }, person: { type: 'string' }, json: { type: 'boolean' } },
      ['CASE'],
    );
    const name = positionals[0] as string;
    const { type, person } = values;
    if (type && !(EVENT_TYPES as readonly string[]).includes(type)) {
      throw new UsageError(`unknown --type "${type}" (one of ${EVENT_TYPES.join(', ')})`);
    }
    const store = await ctx.store();
    const { def, all } = await findCase(store, name);
    if (!def) {
      ctx.stderr.write(unknownCaseLine('timeline', name, all));
      return 1;
    }
    const knowledge = await createKnowledgeStore(store).get(def.slug);
    if (person && !personIdIn(knowledge, person)) {
      const closest = closestPeople(knowledge, person);
      ctx.stderr.write(
        `timeline: nobody called "${person}" appears in ${def.name}${closest.length ? ` (closest: ${closest.join(', ')})` : ' (nobody is named in its articles yet)'}\n`,
      );
      return 1;
    }
    const devs = timeline(knowledge, { type, person });
    if (values.json) {
      const rows = devs.map((d) => ({
        type: d.type,
        status: d.status,
        date: d.date,
        who: d.who,
        summary: d.summary,
        court: d.court === true,
        sources: d.sources.map((s) => s.url),
      }));
      ctx.stdout.write(`${JSON.stringify({ case: def.slug, developments: rows })}\n`);
      return 0;
    }
    if (devs.length === 0) ctx.stdout.write(`${def.name}: no developments reported yet\n`);
    for (const d of devs) {
      const when = d.status === 'scheduled' ? `${dateLabel(d.date)} (scheduled)` : dateLabel(d.date);
      ctx.stdout.write(
        `${when}  ${typeLabel(d.type)}${d.who ? ` (${d.who})` : ''}${d.court ? ' [court record]' : ''}: ${d.summary}\n`,
      );
      for (const s of d.sources) ctx.stdout.write(`    ${s.outlet}  ${s.url}\n`);
    }
    return 0;
  },
};
