import { matchCases } from '../cases/match.ts';
import { checkFeed } from '../feeds/check.ts';
import { addFeed, describeCheck, describeFeed } from '../feeds/manage.ts';
import { createCaseStore } from '../store/cases.ts';
import { createFeedStore } from '../store/feeds.ts';
import type { CliCommand, CliContext } from './types.ts';

const usage =
  'feed add URL [--case SLUG] [--guild ID] | feed remove URL [--guild ID] | feed list | feed check URL';

function flag(args: string[], name: string): string | undefined {
  const at = args.indexOf(`--${name}`);
  return at >= 0 ? args[at + 1] : undefined;
}

/** `casewatch feed check URL`: what the poller would see, item by item, and which cases match. */
async function check(url: string, ctx: CliContext): Promise<number> {
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

export const command: CliCommand = {
  name: 'feed',
  summary: 'Add, remove, list or try out news feeds (same store as the bot)',
  usage,
  async run(args, ctx) {
    const [sub, url] = args;
    if (sub === 'check' && url) return check(url, ctx);
    if (sub === 'add' && url) {
      const result = await addFeed(await ctx.store(), ctx.config, url, {
        guildId: flag(args, 'guild'),
        caseSlug: flag(args, 'case'),
      });
      if (!result.ok) {
        ctx.stderr.write(`feed add: ${describeCheck(result)}\n`);
        return 1;
      }
      ctx.stdout.write(`added ${result.url}\n${describeCheck(result)}\n`);
      return 0;
    }
    if (sub === 'remove' && url) {
      const removed = await createFeedStore(await ctx.store()).remove(url, flag(args, 'guild'));
      if (!removed) {
        ctx.stderr.write(`feed remove: no feed ${url}\n`);
        return 1;
      }
      ctx.stdout.write(`removed ${url}\n`);
      return 0;
    }
    if (sub === 'list') {
      const feeds = createFeedStore(await ctx.store());
      const all = await feeds.list(flag(args, 'guild'));
      if (all.length === 0) ctx.stdout.write('no feeds yet: add one with "casewatch feed add URL"\n');
      for (const f of all) ctx.stdout.write(`${describeFeed(f, await feeds.getState(f.url), new Date())}\n`);
      return 0;
    }
    ctx.stderr.write(`usage: casewatch ${usage}\n`);
    return 2;
  },
};
