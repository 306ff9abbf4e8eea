import { readFile } from 'node:fs/promises';
import { caseDefinitionSchema } from '../cases/definition.ts';
import { createCaseStore } from '../store/cases.ts';
import type { CliCommand } from './types.ts';

const usage = 'case add FILE [--guild ID] | case list | case remove SLUG';

export const command: CliCommand = {
  name: 'case',
  summary: 'Add, list or remove tracked cases (same store as the bot)',
  usage,
  async run(args, ctx) {
    const [sub, arg, ...rest] = args;
    if (sub === 'add' && arg) {
      let json: unknown;
      try {
        json = JSON.parse(await readFile(arg, 'utf8'));
      } catch (err) {
        ctx.stderr.write(`casewatch case add: cannot read ${arg}: ${(err as Error).message}\n`);
        return 1;
      }
      const parsed = caseDefinitionSchema.safeParse(json);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        ctx.stderr.write(
          `casewatch case add: ${arg}: ${issue?.path.join('.') || 'case'} ${issue?.message}\n`,
        );
        return 1;
      }
      const cases = createCaseStore(await ctx.store());
      await cases.put(parsed.data);
      const guildAt = rest.indexOf('--guild');
      const guild = guildAt >= 0 ? rest[guildAt + 1] : undefined;
      if (guild) await cases.track(guild, parsed.data.slug);
      ctx.stdout.write(
        `added ${parsed.data.slug}: ${parsed.data.name}${guild ? ` (tracked by ${guild})` : ''}\n`,
      );
      return 0;
    }
    if (sub === 'list') {
      const cases = createCaseStore(await ctx.store());
      const all = await cases.list();
      if (all.length === 0) ctx.stdout.write('no cases yet: add one with "casewatch case add FILE"\n');
      for (const c of all) {
        const guilds = await cases.guildsTracking(c.slug);
        const who = c.defendants.length ? ` — defendants: ${c.defendants.join(', ')}` : '';
        ctx.stdout.write(
          `${c.slug}\t${c.name}${who}${guilds.length ? ` — servers: ${guilds.length}` : ''}\n`,
        );
      }
      return 0;
    }
    if (sub === 'remove' && arg) {
      const removed = await createCaseStore(await ctx.store()).remove(arg);
      if (!removed) {
        ctx.stderr.write(`casewatch case remove: no case "${arg}"\n`);
        return 1;
      }
      ctx.stdout.write(`removed ${arg}\n`);
      return 0;
    }
    ctx.stderr.write(`usage: casewatch ${usage}\n`);
    return 2;
  },
};
