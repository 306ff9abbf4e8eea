import { findPerson } from './people.ts';
import type { CaseKnowledge } from './types.ts';

export interface PersonSummary {
  name: string;
  role: string;
  quotes: number;
  aliases: string[];
}

const ROLE_ORDER = [
  'defendant',
  'victim',
  'judge',
  'prosecutor',
  'defense_attorney',
  'witness',
  'plaintiff',
  'family',
  'official',
  'expert',
  'juror',
  'other',
];

/** Who is who: defendants first, then by role, then the most quoted. */
export function peopleOf(knowledge: CaseKnowledge): PersonSummary[] {
  return knowledge.people
    .filter((p) => p.aliases.length > 0 || p.defendant)
    .map((p) => ({
      name: p.name,
      role: p.role,
      quotes: p.quotes,
      aliases: p.aliases.filter((a) => a !== p.name),
    }))
    .sort(
      (a, b) =>
        ROLE_ORDER.indexOf(a.role) - ROLE_ORDER.indexOf(b.role) ||
        b.quotes - a.quotes ||
        a.name.localeCompare(b.name),
    );
}

/** The registry id of a person named in a case (any variant), if known. */
export function personIdIn(knowledge: CaseKnowledge, name: string): string | undefined {
  return findPerson(knowledge.people, name)?.id;
}
