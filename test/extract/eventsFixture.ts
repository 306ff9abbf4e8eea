import { segment } from '../../src/extract/segment.ts';
import type { ArticleDoc, PersonEntry, PersonMention, PersonRegistry } from '../../src/extract/types.ts';
import type { Role } from '../../src/facts.ts';

/**
 * A hand-made person registry for the event, charge and penalty tests, so that they test those
 * modules and not the name finder: every listed person is found by full name and surname.
 */
export interface FixturePerson {
  name: string;
  role: Role;
  gender?: 'male' | 'female';
}

export function fixture(
  text: string,
  published: string,
  persons: FixturePerson[],
): { doc: ArticleDoc; people: PersonRegistry } {
  const doc = segment({ text, title: text.split('\n')[0] ?? '', published });
  const entries: PersonEntry[] = persons.map((p) => ({
    name: p.name,
    role: p.role,
    gender: p.gender,
    aliases: [p.name, p.name.split(' ').at(-1) ?? p.name],
    mentions: [],
  }));
  const mentions: PersonMention[] = [];
  for (const entry of entries) {
    for (const alias of entry.aliases) {
      for (const m of text.matchAll(new RegExp(`\\b${alias}\\b`, 'g'))) {
        const start = m.index ?? 0;
        const end = start + alias.length;
        if (mentions.some((o) => start < o.end && end > o.start)) continue;
        mentions.push({ person: entry, start, end });
        entry.mentions.push(start);
      }
    }
  }
  mentions.sort((a, b) => a.start - b.start);
  const people: PersonRegistry = {
    people: entries,
    mentions,
    resolve: (surface) => entries.find((e) => e.aliases.includes(surface)),
    mentionedIn: (start, end) => [
      ...new Set(mentions.filter((m) => m.start >= start && m.start < end).map((m) => m.person)),
    ],
    mentionsIn: (start, end) => mentions.filter((m) => m.start >= start && m.start < end),
    antecedent: (offset, gender) =>
      [...mentions]
        .reverse()
        .find((m) => m.start < offset && (!gender || !m.person.gender || m.person.gender === gender))?.person,
    defendants: () => entries.filter((e) => e.role === 'defendant'),
  };
  return { doc, people };
}
