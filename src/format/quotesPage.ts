import type { QuoteRecord } from '../cases/types.ts';
import { COLORS, escapeMarkdown, payload, sourceLink } from './payload.ts';
import { type Page, pageCount } from './timelinePage.ts';

/** /quotes: what a person said, newest first, with date and source link. */
export function quotesPage(quotes: QuoteRecord[], page: number, pageSize = 5, title = 'Quotes'): Page {
  const sorted = [...quotes].sort((a, b) => b.published.localeCompare(a.published));
  const size = Math.min(Math.max(1, pageSize), 10);
  const pages = pageCount(sorted.length, size);
  const p = Math.min(Math.max(0, Math.floor(page)), pages - 1);
  const slice = sorted.slice(p * size, p * size + size);
  return {
    page: p,
    pages,
    payload: payload({
      title,
      description: sorted.length ? undefined : 'No quotes found.',
      color: COLORS.quotes,
      fields: slice.map((q) => ({
        name: `${q.speaker ?? 'unnamed speaker'} · ${q.published}`,
        value: `“${escapeMarkdown(q.text)}”\n— ${sourceLink(q.outlet, q.url)}`,
      })),
      footer: { text: `Page ${p + 1}/${pages} · ${sorted.length} quotes, newest first` },
    }),
  };
}
