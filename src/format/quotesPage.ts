import type { QuoteRecord, Source } from '../cases/types.ts';
import { COLORS, escapeMarkdown, payload, sourceLink, sourceList } from './payload.ts';
import { type Page, pageOf } from './timelinePage.ts';

/** /quotes: what a person said, newest first, with date and source link. */
export function quotesPage(
  quotes: Array<QuoteRecord & { sources?: Source[] }>,
  page: number,
  pageSize = 5,
  title = 'Quotes',
): Page {
  const sorted = [...quotes].sort((a, b) => b.published.localeCompare(a.published));
  const { p, pages, slice } = pageOf(sorted, page, pageSize);
  return {
    page: p,
    pages,
    payload: payload({
      title,
      description: sorted.length ? undefined : 'No quotes found.',
      color: COLORS.quotes,
      fields: slice.map((q) => ({
        name: `${q.speaker ?? 'unnamed speaker'} · ${q.published}`,
        // A statement several outlets carried is one entry with every source.
        value: `“${escapeMarkdown(q.text)}”\n— ${q.sources?.length ? sourceList(q.sources, 300) : sourceLink(q.outlet, q.url)}`,
      })),
      footer: { text: `Page ${p + 1}/${pages} · ${sorted.length} quotes, newest first` },
    }),
  };
}
