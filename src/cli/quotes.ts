import type { CaseDefinition } from '../cases/definition.ts';
import { createKnowledgeStore } from '../cases/knowledgeStore.ts';
import { containing, quotesOf, statementsPerCase } from '../cases/quotes.ts';
import { createCaseStore } from '../store/cases.ts';
import { parseCommandArgs } from './args.ts';
import { findCase, unknownCaseLine } from './support.ts';
import type { CliCommand } from './types.ts';

/** `casewatch quotes PERSON [--case CASE] [--contains TEXT] [--json]`: what someone said, newest first. */
export const command: CliCommand = {
  name: 'quotes',
  summary: 'What a person said, newest first, with date and source',
  usage: ['quotes PERSON... [--case CASE] [--contains TEXT] [--json]'],
  options: {
    PERSON: 'the person (any variant of the name; several words need no quotes)',
    '--case CASE': 'only in this case (default: every case)',
    '--contains TEXT': 'only quotes containing this text',
    '--json': 'one JSON object instead of text',
  },
  async run(args, ctx) {
    const { values, positionals } = parseCommandArgs(
      args,
      { case: { type: 'string' }, contains: { type: 'string' }, json: { type: 'boolean' } },
      ['PERSON...'],
    );
    const person = positionals.join(' ').trim();
    const store = await ctx.store();
    let cases: CaseDefinition[];
    if (values.case) {
      const { def, all } = await findCase(store, values.case);
      if (!def) {
        ctx.stderr.write(unknownCaseLine('quotes', values.case, all));
        return 1;
      }
      cases = [def];
    } else {
      cases = await createCaseStore(store).list();
    }
    const result = await quotesOf(createKnowledgeStore(store), cases, person);
    if (!result.name) {
      const where = values.case ? (cases[0]?.name ?? values.case) : 'any tracked case';
      const near = result.closest;
      ctx.stderr.write(
        `quotes: nobody called "${person}" appears in ${where}${near.length ? ` (closest: ${near.join(', ')})` : ''}\n`,
      );
      return 1;
    }
    // One statement said once, however many outlets carried, trimmed or split it.
    const found = containing(statementsPerCase(result), values.contains);
    found.sort((a, b) => b.published.localeCompare(a.published));
    if (values.json) {
      const rows = found.map((q) => ({
        speaker: q.name,
        text: q.text,
        date: q.published,
        case: q.case,
        outlet: q.outlet,
        url: q.url,
        sources: q.sources.map((s) => ({ outlet: s.outlet, url: s.url })),
      }));
      ctx.stdout.write(`${JSON.stringify({ person, quotes: rows })}\n`);
      return 0;
    }
    if (found.length === 0) ctx.stdout.write(`no quotes found for "${person}"\n`);
    for (const q of found)
      ctx.stdout.write(
        `${q.published}  ${q.name}: “${q.text}”\n${q.sources.map((s) => `    ${s.outlet}  ${s.url}\n`).join('')}`,
      );
    return 0;
  },
};
