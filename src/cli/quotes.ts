import type { CaseDefinition } from '../cases/definition.ts';
import { createKnowledgeStore } from '../cases/knowledgeStore.ts';
import { closestPeople, personIdIn } from '../cases/peopleView.ts';
import { distinctQuotes, type QuoteView } from '../cases/quotes.ts';
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
    const knowledge = createKnowledgeStore(store);
    const contains = values.contains?.toLowerCase();
    const found: Array<QuoteView & { case: string; name: string }> = [];
    const closest: string[] = [];
    let known = false;
    for (const def of cases) {
      const k = await knowledge.get(def.slug);
      const id = personIdIn(k, person);
      if (!id) {
        closest.push(...closestPeople(k, person));
        continue;
      }
      known = true;
      const name = k.people.find((p) => p.id === id)?.name ?? person;
      // One statement said once, however many outlets carried, trimmed or split it.
      for (const q of distinctQuotes(await knowledge.quotes(def.slug, id))) {
        if (contains && !q.text.toLowerCase().includes(contains)) continue;
        found.push({ ...q, case: def.slug, name });
      }
    }
    if (!known) {
      const where = values.case ? (cases[0]?.name ?? values.case) : 'any tracked case';
      const near = [...new Set(closest)].slice(0, 3);
      ctx.stderr.write(
        `quotes: nobody called "${person}" appears in ${where}${near.length ? ` (closest: ${near.join(', ')})` : ''}\n`,
      );
      return 1;
    }
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
