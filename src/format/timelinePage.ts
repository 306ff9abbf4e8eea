import type { DevelopmentView } from '../cases/types.ts';
import {
  COLORS,
  courtMark,
  dateLabel,
  escapeMarkdown,
  type MessagePayload,
  payload,
  sourceList,
  typeLabel,
} from './payload.ts';

export interface Page {
  payload: MessagePayload;
  /** 0-based page actually shown (clamped). */
  page: number;
  pages: number;
}

export function pageCount(total: number, pageSize: number): number {
  return Math.max(1, Math.ceil(total / Math.max(1, pageSize)));
}

/** The requested page clamped to what exists (1–10 items a page), and its items. */
export function pageOf<T>(
  items: T[],
  page: number,
  pageSize: number,
): { p: number; pages: number; slice: T[] } {
  const size = Math.min(Math.max(1, pageSize), 10);
  const pages = pageCount(items.length, size);
  const p = Math.min(Math.max(0, Math.floor(page)), pages - 1);
  return { p, pages, slice: items.slice(p * size, p * size + size) };
}

/** /timeline: developments in date order, `pageSize` per page, each with its sources. */
export function timelinePage(devs: DevelopmentView[], page: number, pageSize = 5, title = 'Timeline'): Page {
  const { p, pages, slice } = pageOf(devs, page, pageSize);
  return {
    page: p,
    pages,
    payload: payload({
      title,
      description: devs.length ? undefined : 'No developments reported yet.',
      color: COLORS.timeline,
      fields: slice.map((d) => ({
        name: `${dateLabel(d.date)} · ${typeLabel(d.type)}${d.status === 'scheduled' ? ' (scheduled)' : ''}${d.who ? ` · ${d.who}` : ''}${courtMark(d)}`,
        value: `${escapeMarkdown(d.summary)}\n${sourceList(d.sources, 500)}`,
      })),
      footer: { text: `Page ${p + 1}/${pages} · ${devs.length} developments` },
    }),
  };
}
