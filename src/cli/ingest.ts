import { readFile } from 'node:fs/promises';
import { DEFAULT_THRESHOLD, meetsThreshold } from '../alerts/settings.ts';
import { CONFIDENCE_LEVELS, type ConfidenceLevel } from '../cases/confidence.ts';
import { extractFacts } from '../extract/index.ts';
import type { Article, Facts } from '../facts.ts';
import { ingestArticle } from '../ingest.ts';
import { createCaseStore } from '../store/cases.ts';
import { parseCommandArgs, UsageError } from './args.ts';
import { isDayString } from './support.ts';
import type { CliCommand } from './types.ts';

type ArticleFile = Article & { case?: string; gold?: Facts };

/**
 * `casewatch ingest FILE...`: article JSON files ingested in the order given as if they came from
 * a feed (not history); one JSON line per alert that would be posted. `--facts gold` uses the
 * labelled facts of corpus files instead of the extractor (to test case logic on its own).
 */
export const command: CliCommand = {
  name: 'ingest',
  summary: 'Ingest article JSON files as if from a feed; print the alerts as JSON lines',
  usage: ['ingest FILE... [--facts extractor|gold] [--threshold low|medium|high]'],
  options: {
    FILE: 'an article as JSON {url, title, published, text}, ingested in the order given',
    '--facts extractor|gold': "whose facts: the extractor's (default) or a corpus file's labelled `gold`",
    '--threshold low|medium|high':
      "the least confidence of a 'new' alert printed, as /alerts set threshold (default high)",
  },
  async run(args, ctx) {
    const { values, positionals } = parseCommandArgs(
      args,
      { facts: { type: 'string' }, threshold: { type: 'string' } },
      ['FILE...'],
    );
    const threshold = values.threshold ?? DEFAULT_THRESHOLD;
    if (!isLevel(threshold)) throw new UsageError(`unknown --threshold "${threshold}"`);
    const source = values.facts ?? 'extractor';
    if (source !== 'extractor' && source !== 'gold') throw new UsageError(`unknown --facts "${source}"`);
    const store = await ctx.store();
    const cases = await createCaseStore(store).list();
    if (cases.length === 0) {
      ctx.stderr.write('ingest: no case is tracked yet; add one with "casewatch case add FILE"\n');
      return 1;
    }
    const extract = (a: Article): Facts => {
      const gold = (a as ArticleFile).gold;
      return source === 'gold' && gold ? gold : extractFacts(a);
    };
    let failed = 0;
    for (const file of positionals) {
      try {
        const article = parseArticle(await readFile(file, 'utf8'));
        const result = await ingestArticle(article, { store, extract, cases, history: false });
        if (result.cases.length === 0)
          ctx.stderr.write(`ingest: ${file}: no tracked case matches this article\n`);
        for (const a of result.alerts) {
          if (!meetsThreshold(a, threshold)) continue;
          const d = a.development;
          const line = {
            alert: a.kind,
            case: a.case,
            type: d.type,
            who: d.who,
            date: d.date,
            summary: d.summary,
            sources: d.sources.map((s) => s.url),
          };
          ctx.stdout.write(`${JSON.stringify(line)}\n`);
        }
      } catch (err) {
        failed++;
        ctx.stderr.write(`ingest: ${file}: ${err instanceof Error ? err.message : String(err)}\n`);
      }
    }
    return failed > 0 ? 1 : 0;
  },
};

function parseArticle(raw: string): ArticleFile {
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch {
    throw new Error('not valid JSON');
  }
  const a = data as Partial<ArticleFile> | null;
  if (!a || typeof a !== 'object') throw new Error('expected a JSON object {url, title, published, text}');
  if (typeof a.url !== 'string' || !a.url.trim()) throw new Error('missing "url"');
  if (typeof a.text !== 'string') throw new Error('missing "text"');
  if (typeof a.published !== 'string' || !isDayString(a.published))
    throw new Error('"published" must be a date YYYY-MM-DD');
  return {
    url: a.url,
    title: typeof a.title === 'string' ? a.title : '',
    published: a.published,
    text: a.text,
    outlet: typeof a.outlet === 'string' ? a.outlet : undefined,
    case: typeof a.case === 'string' ? a.case : undefined,
    gold: a.gold,
  };
}

function isLevel(x: string): x is ConfidenceLevel {
  return (CONFIDENCE_LEVELS as readonly string[]).includes(x);
}
