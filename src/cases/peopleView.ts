import { editDistance } from '../extract/lexicon/nameForms.ts';
import type { Role } from '../facts.ts';
import { fold } from '../text.ts';
import { findPerson } from './people.ts';
import type { CaseKnowledge } from './types.ts';

export interface PersonSummary {
  name: string;
  role: string;
  quotes: number;
  aliases: string[];
}

/** Display rank of every role of the contract (facts.ts ROLES): a role added there must be ranked here. */
const ROLE_RANK: Record<Role, number> = {
  defendant: 0,
  victim: 1,
  judge: 2,
  prosecutor: 3,
  defense_attorney: 4,
  witness: 5,
  plaintiff: 6,
  family: 7,
  official: 8,
  expert: 9,
  juror: 10,
  other: 11,
};

/** Rank of a stored role string; one the contract does not know sorts with `other`. */
function roleRank(role: string): number {
  return ROLE_RANK[role as Role] ?? ROLE_RANK.other;
}

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
      (a, b) => roleRank(a.role) - roleRank(b.role) || b.quotes - a.quotes || a.name.localeCompare(b.name),
    );
}

/** The registry id of a person named in a case (any variant), if known. */
export function personIdIn(knowledge: CaseKnowledge, name: string): string | undefined {
  return findPerson(knowledge.people, name)?.id;
}

/**
 * The `n` named people of a case whose name or a variant is nearest to `name` (edit distance over
 * whole names and surnames, relative to length): the suggestions of a "no such person" answer.
 */
export function closestPeople(knowledge: CaseKnowledge, name: string, n = 3): string[] {
  const query = fold(name.trim());
  const distance = (variant: string) => {
    const v = fold(variant);
    const whole = editDistance(query, v) / Math.max(query.length, v.length, 1);
    const surname = v.split(/\s+/).at(-1) ?? v;
    return Math.min(whole, editDistance(query, surname) / Math.max(query.length, surname.length, 1));
  };
  return knowledge.people
    .filter((p) => p.aliases.length > 0 || p.defendant)
    .map((p) => ({ name: p.name, d: Math.min(...[p.name, ...p.aliases].map(distance)) }))
    .sort((a, b) => a.d - b.d || a.name.localeCompare(b.name))
    .slice(0, n)
    .map((p) => p.name);
}
