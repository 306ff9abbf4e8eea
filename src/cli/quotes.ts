import { findCase, flagString, parseArgs, unknownCaseLine } from '../cases/cliSupport.ts';
import type { CaseDefinition } from '../cases/definition.ts';
import { createKnowledgeStore } from '../cases/knowledgeStore.ts';
import { personIdIn } from '../cases/peopleView.ts';
import type { QuoteRecord } from '../cases/types.ts';
import { createCaseStore } from '../store/cases.ts';
import type { CliCommand } from './types.ts';

/** `casewatch quotes PERSON [--case CASE] [--contains TEXT] [--json]`: what someone said, newest first. */
export const command: CliCommand = {
  name: 'quotes',
  summary: 'What a person said, newest first, with date and source',
  usage: 'casewatch quotes PERSON [--case CASE] [--contains TEXT] [--json]',
  async run(args, ctx) {
    const parsed = parseArgs(args);
    const person = parsed.positional.join(' ').trim();
    if (!person) {
      ctx.stderr.write(`quotes: no person given. Usage: ${this.usage}\n`);
      return 2;
    }
    const store = await ctx.store();
    let cases: CaseDefinition[];
    const caseName = flagString(parsed, 'case');
    if (caseName) {
      const { def, all } = await findCase(store, caseName);
      if (!def) {
        ctx.stderr.write(unknownCaseLine('quotes', caseName, all));
        return 1;
      }
      cases = [def];
    } else {
      cases = await createCaseStore(store).list();
    }
    const knowledge = createKnowledgeStore(store);
    const contains = flagString(parsed, 'contains')?.toLowerCase();
    const found: Array<QuoteRecord & { case: string; name: string }> = [];
    for (const def of cases) {
      const k = await knowledge.get(def.slug);
      const id = personIdIn(k, person);
      if (!id) continue;
      const name = k.people.find((p) => p.id === id)?.name ?? person;
      for (const q of await knowledge.quotes(def.slug, id)) {
        if (contains && !q.text.toLowerCase().includes(contains)) continue;
        found.push({ ...q, case: def.slug, name });
      }
    }
    found.sort((a, b) => b.published.localeCompare(a.published));
    if (parsed.flags.has('json')) {
      const rows = found.map((q) => ({
        speaker: q.name,
        text: q.text,
        date: q.published,
        case: q.case,
        outlet: q.outlet,
        url: q.url,
      }));
      ctx.stdout.write(`${JSON.stringify({ person, quotes: rows })}\n`);
      return 0;
    }
    if (found.length === 0) ctx.stdout.write(`no quotes found for "${person}"\n`);
    for (const q of found)
      ctx.stdout.write(`${q.published}  ${q.name}: “${q.text}”\n    ${q.outlet}  ${q.url}\n`);
    return 0;
  },
};
