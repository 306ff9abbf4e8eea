import { createHash } from 'node:crypto';
import type { CaseDefinition } from '../cases/definition.ts';
import type { Article, Facts } from '../facts.ts';
import { defendantOf } from './dockets.ts';
import { classifyEntry } from './entryTypes.ts';
import type { DocketEntry } from './rss.ts';

/**
 * One docket entry's identity: the same entry repeated or reordered by the feed, fetched again, by
 * another instance or from CourtListener, is one entry. A numbered document is its docket and
 * number; an unnumbered entry is that docket's entry at that time (with its wording when the feed
 * gives no document id or sequence number, as EDNY's does).
 */
export function entryKey(entry: DocketEntry): string {
  const head = `${entry.court}|${entry.docket.number}`;
  if (entry.documentNumber) return `${head}|doc ${entry.documentNumber}`;
  const wording = entry.pacerDocId || entry.pacerSeqNo ? '' : entry.shortDescription;
  return [
    head,
    entry.pacerCaseId ?? '',
    entry.filedAt,
    entry.pacerDocId ?? '',
    entry.pacerSeqNo ?? '',
    wording,
  ].join('|');
}

/**
 * A docket entry of a linked docket as the pipeline takes it: an "article" from the court (its
 * link is the docket, told apart per entry by the `#item-` fragment the store keeps) and the facts
 * the entry states, so nothing is extracted. Routine paperwork is stored but not news.
 */
export function entryAsArticle(entry: DocketEntry, def: CaseDefinition): { article: Article; facts: Facts } {
  const kind = classifyEntry(entry.shortDescription, entry.docket.type);
  const hash = createHash('sha256').update(entryKey(entry)).digest('hex').slice(0, 20);
  const docket = entry.docketUrl ?? `https://ecf.${entry.court}.uscourts.gov/`;
  const doc =
    entry.documentNumber && entry.documentNumber.length < 8 ? ` · doc. ${entry.documentNumber}` : '';
  const summary = `${entry.shortDescription || 'Docket entry'} · ${entry.docket.number}${doc}`;
  return {
    article: {
      url: `${docket.split('#')[0]}#item-${hash}`,
      title: `${entry.docket.number} ${entry.caseName ?? ''}: ${entry.shortDescription}`.slice(0, 300),
      published: entry.date,
      text: summary,
      outlet: `${entry.courtName} docket`,
    },
    facts: {
      people: [],
      quotes: [],
      charges: [],
      penalties: [],
      events: [
        {
          type: kind.type,
          date: entry.date,
          status: 'happened',
          who: defendantOf(def, entry.caseName),
          summary,
          new: kind.followed,
          courtRecord: true,
        },
      ],
    },
  };
}
