import { createKnowledgeStore } from '../cases/knowledgeStore.ts';
import { peopleOf } from '../cases/peopleView.ts';
import { parseCommandArgs } from './args.ts';
import { findCase, unknownCaseLine } from './support.ts';
import type { CliCommand } from './types.ts';

/** `casewatch people CASE [--json]`: who is who — name, role, number of quotes. */
export const command: CliCommand = {
  name: 'people',
  summary: 'Who is who in a case: name, role, number of quotes',
  usage: ['people CASE [--json]'],
  options: { CASE: 'the case: its slug, name or an alias', '--json': 'one JSON object instead of text' },
  async run(args, ctx) {
    const { values, positionals } = parseCommandArgs(args, { json: { type: 'boolean' } }, ['CASE']);
    const name = positionals[0] as string;
    const store = await ctx.store();
    const { def, all } = await findCase(store, name);
    if (!def) {
      ctx.stderr.write(unknownCaseLine('people', name, all));
      return 1;
    }
    const people = peopleOf(await createKnowledgeStore(store).get(def.slug));
    if (values.json) {
      ctx.stdout.write(`${JSON.stringify({ case: def.slug, people })}\n`);
      return 0;
    }
    if (people.length === 0) ctx.stdout.write(`${def.name}: nobody named yet\n`);
    for (const p of people)
      ctx.stdout.write(`${p.name} — ${p.role.replace('_', ' ')} · ${p.quotes} quotes\n`);
    return 0;
  },
};
