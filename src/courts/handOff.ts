import type { CaseDefinition } from '../cases/definition.ts';
import type { ArticleMeta } from '../pipeline.ts';
import type { DocketEntry } from './rss.ts';
import { entryAsArticle } from './toDevelopment.ts';

type HandleArticle = (article: import('../facts.ts').Article, meta: ArticleMeta) => Promise<unknown>;

/**
 * The court poller's hand-off: each case following the entry's docket gets it as a development
 * through the article pipeline (merge with the news, alerts, edits), with the facts the entry
 * states. A throw leaves the entry unseen so the next poll retries it.
 */
export function docketHandOff(handleArticle: HandleArticle) {
  return async (entry: DocketEntry, cases: CaseDefinition[], meta: { history: boolean }) => {
    for (const def of cases) {
      const { article, facts } = entryAsArticle(entry, def);
      await handleArticle(article, { history: meta.history, onlyCases: [def.slug], facts });
    }
  };
}
