import { fold } from '../text.ts';

/** A server's keyword filters on one feed (`/feed add include: exclude:`), applied before extraction. */
export interface FeedFilters {
  /** Only items naming at least one of these (words or phrases, any case and accents). */
  include?: string[];
  /** Never items naming any of these. */
  exclude?: string[];
}

const regexText = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function names(text: string, keyword: string): boolean {
  const k = fold(keyword.trim());
  return k.length > 0 && new RegExp(`(^|[^\\p{L}\\p{N}])${regexText(k)}($|[^\\p{L}\\p{N}])`, 'u').test(text);
}

/** Whether an item's title and text pass a subscription's filters (no filters: every item). */
export function passesFilters(item: { title: string; text: string }, filters: FeedFilters): boolean {
  if (!filters.include?.length && !filters.exclude?.length) return true;
  const text = fold(`${item.title}\n${item.text}`);
  if (filters.exclude?.some((k) => names(text, k))) return false;
  return !filters.include?.length || filters.include.some((k) => names(text, k));
}
