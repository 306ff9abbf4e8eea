import { matchCases } from '../cases/match.ts';
import { checkFeed } from '../feeds/check.ts';
import { addFeed, describeCheck, describeDiscovery, describeFeed, keywordLists } from '../feeds/manage.ts';
import { createCaseStore } from '../store/cases.ts';
import { createFeedStore } from '../store/feeds.ts';
import { parseCommandArgs, subcommandOf, UsageError } from './args.ts';
import { findCase, unknownCaseLine } from './support.ts';
import type { CliCommand, CliContext } from './types.ts';

/** Options of `feed add` also accepted by the Discord command: parsed and checked in one place. */
export function parseInterval(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 24 * 60)
    throw new UsageError(`--interval must be a whole number of minutes from 1 to 1440, got "${value}"`);
  return n;
}

/** `casewatch feed check URL`: what the poller would see, item by item, and which cases match. */
async function check(args: string[], ctx: CliContext): Promise<number> {
  const url = parseCommandArgs(args, {}, ['URL']).positionals[0] as string;
  const result = await checkFeed(url, ctx.config, { fullText: true, maxArticles: 20 });
  ctx.stdout.write(`${describeCheck(result)}\n`);
  if (!result.ok) return 1;
  let cases: Awaited<ReturnType<ReturnType<typeof createCaseStore>['list']>> = [];
  try {
    cases = await createCaseStore(await ctx.store()).list();
  } catch (err) {
    ctx.stderr.write(
      `feed check: cannot read the tracked cases (${(err as Error).message}); matching skipped\n`,
    );
  }
  for (const w of result.warnings.slice(0, 20)) ctx.stdout.write(`  warning: ${w}\n`);
  for (const a of result.articles) {
    const matched = cases.length ? matchCases(a, cases) : [];
    ctx.stdout.write(
      `- ${a.published} ${a.title}\n  ${a.url}\n  text: ${a.source} (${a.text.length} chars)` +
        `${cases.length ? ` · cases: ${matched.join(', ') || 'none'}` : ''}\n`,
    );
  }
  if (result.itemCount > result.articles.length) {
    ctx.stdout.write(`(${result.itemCount - result.articles.length} more items not shown)\n`);
  }
  return 0;
}

async function add(args: string[], ctx: CliContext): Promise<number> {
  const { values, positionals } = parseCommandArgs(
    args,
    {
      case: { type: 'string' },
      guild: { type: 'string' },
      interval: { type: 'string' },
      include: { type: 'string' },
      exclude: { type: 'string' },
    },
    ['URL'],
  );
  const intervalMinutes = parseInterval(values.interval);
  const store = await ctx.store();
  let caseSlug: string | undefined;
  if (values.case !== undefined) {
    const { def, all } = await findCase(store, values.case);
    if (!def) {
      ctx.stderr.write(unknownCaseLine('feed add', values.case, all));
      return 1;
    }
    caseSlug = def.slug;
  }
  const result = await addFeed(store, ctx.config, positionals[0] as string, {
    guildId: values.guild,
    caseSlug,
    intervalMinutes,
    ...keywordLists(values.include, values.exclude),
  });
  if (!result.ok) {
    ctx.stderr.write(`feed add: ${describeCheck(result)}\n`);
    return 1;
  }
  const what = result.added
    ? 'added'
    : result.changes.length
      ? `already followed; changed ${result.changes.join(', ')}:`
      : 'already followed, nothing changed:';
  if (result.discovered) ctx.stdout.write(`${describeDiscovery(result.discovered)}\n`);
  ctx.stdout.write(`${what} ${result.url}\n${describeCheck(result)}\n`);
  return 0;
}

async function remove(args: string[], ctx: CliContext): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, { guild: { type: 'string' } }, ['URL']);
  const url = positionals[0] as string;
  if (!(await createFeedStore(await ctx.store()).remove(url, values.guild))) {
    ctx.stderr.write(`feed remove: no feed ${url}\n`);
    return 1;
  }
  ctx.stdout.write(`removed ${url}\n`);
  return 0;
}

async function list(args: string[], ctx: CliContext): Promise<number> {
  const { values } = parseCommandArgs(args, { guild: { type: 'string' } });
  const feeds = createFeedStore(await ctx.store());
  const all = await feeds.list(values.guild);
  if (all.length === 0) ctx.stdout.write('no feeds yet: add one with "casewatch feed add URL"\n');
  for (const f of all) ctx.stdout.write(`${describeFeed(f, await feeds.getState(f.url), new Date())}\n`);
  return 0;
}

/** `feed pause URL` / `feed resume URL`: stop and restart polling a feed, keeping its settings. */
function pauseOrResume(pause: boolean) {
  return async (args: string[], ctx: CliContext): Promise<number> => {
    const url = parseCommandArgs(args, {}, ['URL']).positionals[0] as string;
    const feeds = createFeedStore(await ctx.store());
    if (!(await feeds.get(url))) {
      ctx.stderr.write(`feed ${pause ? 'pause' : 'resume'}: no feed ${url} (see: casewatch feed list)\n`);
      return 1;
    }
    if (pause) await feeds.pause(url, 'paused by an admin');
    else await feeds.resume(url);
    ctx.stdout.write(`${pause ? 'paused' : 'resumed'} ${url}\n`);
    return 0;
  };
}

const SUBCOMMANDS: Record<string, (args: string[], ctx: CliContext) => Promise<number>> = {
  add,
  remove,
  list,
  check,
  pause: pauseOrResume(true),
  resume: pauseOrResume(false),
};

export const command: CliCommand = {
  name: 'feed',
  summary: 'Add, remove, list, pause, resume or try out news feeds (same store as the bot)',
  usage: [
    'feed add URL [--case CASE] [--interval MIN] [--include WORDS] [--exclude WORDS] [--guild ID]',
    'feed remove URL [--guild ID]',
    'feed list [--guild ID]',
    'feed pause URL',
    'feed resume URL',
    'feed check URL',
  ],
  options: {
    URL: 'an RSS or Atom feed (http or https)',
    '--case CASE': 'match only this tracked case (slug, name or alias)',
    '--interval MIN': 'minutes between polls of this feed, 1 to 1440 (default POLL_INTERVAL_MINUTES)',
    '--include WORDS': 'only items naming one of these words or phrases, comma-separated',
    '--exclude WORDS': 'never items naming one of these, comma-separated (applied before extraction)',
    '--guild ID': 'the Discord server the feed is for',
  },
  async run(args, ctx) {
    const { run, rest } = subcommandOf(SUBCOMMANDS, args);
    return run(rest, ctx);
  },
};
