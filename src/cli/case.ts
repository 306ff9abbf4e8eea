import { readFile } from 'node:fs/promises';
import type { CaseDefinition } from '../cases/definition.ts';
import { caseChanges, checkDefinition, editDefinition } from '../cases/definitionChanges.ts';
import { changeCaseDocket, listCaseDockets } from '../courts/manage.ts';
import { createDocketOffers } from '../courts/offers.ts';
import { createCaseStore } from '../store/cases.ts';
import { parseCommandArgs, subcommandOf, UsageError } from './args.ts';
import type { CliCommand, CliContext } from './types.ts';

/** A case definition file, validated; a bad file is one line naming the field. */
async function readDefinition(file: string): Promise<CaseDefinition> {
  let json: unknown;
  try {
    json = JSON.parse(await readFile(file, 'utf8'));
  } catch (err) {
    throw new Error(`cannot read ${file}: ${(err as Error).message}`);
  }
  return validDefinition(json, file);
}

function validDefinition(json: unknown, where: string): CaseDefinition {
  const checked = checkDefinition(json);
  if (checked.ok) return checked.def;
  throw new Error(`${where}: ${checked.problem}`);
}

async function add(args: string[], ctx: CliContext): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, { guild: { type: 'string' } }, ['FILE']);
  const def = await readDefinition(positionals[0] as string);
  const cases = createCaseStore(await ctx.store());
  const existing = await cases.get(def.slug);
  if (existing) {
    ctx.stderr.write(
      `case add: a case "${def.slug}" already exists (${existing.name}); nothing changed. ` +
        `To change it: casewatch case update ${def.slug} FILE (or --name/--aliases/--defendants)\n`,
    );
    return 1;
  }
  await cases.put(def);
  if (values.guild) await cases.track(values.guild, def.slug);
  ctx.stdout.write(`added ${def.slug}: ${def.name}${values.guild ? ` (tracked by ${values.guild})` : ''}\n`);
  return 0;
}

/** `case update SLUG [FILE] [--name N] [--aliases "a, b"] [--defendants "a, b"]`: says what changed. */
async function update(args: string[], ctx: CliContext): Promise<number> {
  const { values, positionals } = parseCommandArgs(
    args,
    { name: { type: 'string' }, aliases: { type: 'string' }, defendants: { type: 'string' } },
    ['SLUG', '[FILE]'],
  );
  const [slug, file] = positionals as [string, string | undefined];
  const edits = values.name !== undefined || values.aliases !== undefined || values.defendants !== undefined;
  if (!file && !edits) throw new UsageError('give a FILE or at least one of --name, --aliases, --defendants');
  const cases = createCaseStore(await ctx.store());
  const before = await cases.get(slug);
  if (!before) {
    ctx.stderr.write(`case update: no case "${slug}" (add it with: casewatch case add FILE)\n`);
    return 1;
  }
  const base = file ? await readDefinition(file) : before;
  if (base.slug !== slug)
    throw new Error(`${file} defines "${base.slug}", not "${slug}" (a slug never changes)`);
  // The owner (a server's own case) is the store's, never the file's: kept as it is.
  const edited = editDefinition(base, values);
  if (!edited.ok) throw new Error(`case update: ${edited.problem}`);
  const after = before.owner ? { ...edited.def, owner: before.owner } : edited.def;
  const changes = caseChanges(before, after);
  if (changes.length === 0) {
    ctx.stdout.write(`${slug}: nothing changed\n`);
    return 0;
  }
  await cases.put(after);
  ctx.stdout.write(`updated ${slug}: ${changes.join('; ')}\n`);
  return 0;
}

async function list(args: string[], ctx: CliContext): Promise<number> {
  parseCommandArgs(args, {});
  const cases = createCaseStore(await ctx.store());
  const all = await cases.list();
  if (all.length === 0) ctx.stdout.write('no cases yet: add one with "casewatch case add FILE"\n');
  for (const c of all) {
    const guilds = await cases.guildsTracking(c.slug);
    const who = c.defendants.length ? ` — defendants: ${c.defendants.join(', ')}` : '';
    ctx.stdout.write(`${c.slug}\t${c.name}${who}${guilds.length ? ` — servers: ${guilds.length}` : ''}\n`);
  }
  return 0;
}

async function remove(args: string[], ctx: CliContext): Promise<number> {
  const slug = parseCommandArgs(args, {}, ['SLUG']).positionals[0] as string;
  if (!(await createCaseStore(await ctx.store()).remove(slug))) {
    ctx.stderr.write(`case remove: no case "${slug}"\n`);
    return 1;
  }
  ctx.stdout.write(`removed ${slug}\n`);
  return 0;
}

/** `case docket add|remove SLUG COURT NUMBER`, `case docket list SLUG`. */
async function docket(args: string[], ctx: CliContext): Promise<number> {
  const { positionals } = parseCommandArgs(args, {}, ['ACTION', 'SLUG', '[COURT]', '[NUMBER]']);
  const [action, slug, court, number] = positionals as [string, string, string?, string?];
  if (!['add', 'remove', 'list'].includes(action)) throw new UsageError(`unknown docket action "${action}"`);
  if (action !== 'list' && (!court || !number))
    throw new UsageError(`docket ${action} needs COURT and NUMBER`);
  const cases = createCaseStore(await ctx.store());
  const def = await cases.get(slug);
  if (!def) {
    ctx.stderr.write(`case docket: no case "${slug}"\n`);
    return 1;
  }
  const answer =
    action === 'list'
      ? listCaseDockets(def, await createDocketOffers(await ctx.store()).list(slug))
      : await changeCaseDocket(action as 'add' | 'remove', cases, def, court ?? '', number ?? '');
  (answer.ok ? ctx.stdout : ctx.stderr).write(`${answer.text}\n`);
  return answer.ok ? 0 : 1;
}

const SUBCOMMANDS: Record<string, (args: string[], ctx: CliContext) => Promise<number>> = {
  add,
  update,
  list,
  remove,
  docket,
};

export const command: CliCommand = {
  name: 'case',
  summary: 'Add, change, list or remove tracked cases (same store as the bot)',
  usage: [
    'case add FILE [--guild ID]',
    'case update SLUG [FILE] [--name NAME] [--aliases LIST] [--defendants LIST]',
    'case list',
    'case remove SLUG',
    'case docket add|remove SLUG COURT NUMBER',
    'case docket list SLUG',
  ],
  options: {
    FILE: 'a case as JSON: {"slug", "name", "aliases": [...], "defendants": [...]}',
    '--guild ID': 'also track the case in this Discord server',
    '--name NAME': 'the new display name',
    '--aliases LIST': 'the new aliases, comma-separated (replaces the list; "" empties it)',
    '--defendants LIST': 'the new defendants, comma-separated (replaces the list)',
    'COURT NUMBER': 'a federal court id and docket number, e.g. nysd 1:24-cr-00542 (S.D.N.Y. works too)',
  },
  async run(args, ctx) {
    const { name, run, rest } = subcommandOf(SUBCOMMANDS, args);
    try {
      return await run(rest, ctx);
    } catch (err) {
      if (err instanceof UsageError) throw err;
      ctx.stderr.write(`case ${name}: ${(err as Error).message}\n`);
      return 1;
    }
  },
};
