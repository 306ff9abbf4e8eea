import type { CaseDefinition } from '../../src/cases/definition.ts';
import type { Article, CaseEvent, Charge, Facts, Penalty, Person, Quote } from '../../src/facts.ts';

/** A made-up case and hand-written facts (never corpus text). */
export const definition: CaseDefinition = {
  slug: 'harbor',
  name: 'Harbor Bridge collapse',
  aliases: ['Harbor Bridge', 'Lucía Ferreira-Stone'],
  defendants: ['Lucía Ferreira-Stone', 'Marcus Dale'],
};

export function article(url: string, published: string, outlet?: string): Article {
  return {
    url,
    title: `Harbor Bridge news ${published}`,
    published,
    text: 'Lucía Ferreira-Stone and Marcus Dale.',
    outlet,
  };
}

export function facts(parts: {
  people?: Person[];
  events?: Array<Partial<CaseEvent> & Pick<CaseEvent, 'type'>>;
  charges?: Charge[];
  penalties?: Penalty[];
  quotes?: Quote[];
}): Facts {
  return {
    people: parts.people ?? [],
    quotes: parts.quotes ?? [],
    events: (parts.events ?? []).map((e) => ({
      date: null,
      status: 'happened',
      who: null,
      summary: `${e.type} reported`,
      new: true,
      ...e,
    })),
    charges: parts.charges ?? [],
    penalties: parts.penalties ?? [],
  };
}
