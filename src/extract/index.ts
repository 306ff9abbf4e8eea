import type { Article, Facts } from '../facts.ts';
import { extractCharges } from './charges.ts';
import { extractEvents } from './events.ts';
import { extractPenalties } from './penalties.ts';
import { buildPersonRegistry, peopleFacts } from './people.ts';
import { extractQuotes } from './quotes.ts';
import { segment } from './segment.ts';

/**
 * The extractor: one segmentation pass and one person registry per article, shared by every kind.
 * Pure: text in, facts out, each fact with its provenance (sentence and offset).
 */
export function extractFacts(article: Pick<Article, 'text' | 'title' | 'published'>): Facts {
  const doc = segment(article);
  const registry = buildPersonRegistry(doc);
  return {
    people: peopleFacts(registry, doc),
    quotes: extractQuotes(doc, registry),
    events: extractEvents(doc, registry),
    charges: extractCharges(doc, registry),
    penalties: extractPenalties(doc, registry),
  };
}
