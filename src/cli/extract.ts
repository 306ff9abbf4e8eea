import { readFile } from 'node:fs/promises';
import { extractFacts } from '../extract/index.ts';
import type { Article } from '../facts.ts';
import { parseCommandArgs } from './args.ts';
import type { CliCommand } from './types.ts';

/** `casewatch extract FILE...`: one JSON line of facts per article file; a bad file is one stderr line. */
export const command: CliCommand = {
  name: 'extract',
  summary: 'Extract people, quotes, events, charges and penalties from article JSON files',
  usage: ['extract FILE...'],
  options: { FILE: 'an article as JSON: {url, title, published (YYYY-MM-DD), text}' },
  async run(args, ctx) {
    const { positionals } = parseCommandArgs(args, {}, ['FILE...']);
    let failed = 0;
    for (const file of positionals) {
      try {
        const article = parseArticle(await readFile(file, 'utf8'));
        const facts = extractFacts(article);
        ctx.stdout.write(`${JSON.stringify({ url: article.url, ...facts })}\n`);
      } catch (err) {
        failed++;
        ctx.stderr.write(`extract: ${file}: ${err instanceof Error ? err.message : String(err)}\n`);
      }
    }
    return failed > 0 ? 1 : 0;
  },
};

/** An article JSON needs text; url, title and published default to empty when absent. */
function parseArticle(raw: string): Article {
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch {
    throw new Error('not valid JSON');
  }
  if (!data || typeof data !== 'object')
    throw new Error('expected a JSON object {url, title, published, text}');
  const a = data as Record<string, unknown>;
  if (typeof a.text !== 'string') throw new Error('missing "text" (string)');
  const str = (k: string) => (typeof a[k] === 'string' ? (a[k] as string) : '');
  const published = str('published');
  if (published && !/^\d{4}-\d{2}-\d{2}/.test(published))
    throw new Error(`"published" must be YYYY-MM-DD, got "${published}"`);
  return { url: str('url'), title: str('title'), published: published.slice(0, 10), text: a.text };
}
