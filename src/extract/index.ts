import type { Article, Facts } from '../facts.ts';
import { extractCharges, extractPenalties } from './charges/index.ts';
import { extractEvents } from './events/index.ts';
import { accusedNames, buildPersonRegistry, peopleFacts, rolesFromFacts } from './people/index.ts';
import { extractQuotes } from './quotes/index.ts';
import { segment } from './segment.ts';

/**
 * The extractor: one segmentation pass and one person registry per article, shared by every kind.
 * Pure: text in, facts out, each fact with its provenance (sentence and offset).
 */
export function extractFacts(article: Pick<Article, 'text' | 'title' | 'published'>): Facts {
  const doc = segment(article);
  const registry = buildPersonRegistry(doc);
  const events = extractEvents(doc, registry);
  const charges = extractCharges(doc, registry);
  // A kinship title ("his son X") does not keep a relative the facts accuse from being a defendant.
  const titled = new Set(registry.people.filter((p) => p.titled && p.role !== 'family').map((p) => p.name));
  return {
    people: rolesFromFacts(
      peopleFacts(registry, doc, accusedNames(charges, events)),
      charges,
      events,
      titled,
    ),
    quotes: extractQuotes(doc, registry),
    events,
    charges,
    penalties: extractPenalties(doc, registry),
  };
}
