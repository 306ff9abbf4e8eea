import type { Role } from '../facts.ts';
import type { CaseDefinition } from './definition.ts';
import { fuller, nameAgreement, nameKey } from './names.ts';
import type { CaseKnowledge, CasePerson } from './types.ts';

/**
 * The person registry of a case: every name variant across articles resolves to one person with
 * one role. The case definition's defendants are seeded first and keep their canonical names.
 */

export function seedDefendants(knowledge: CaseKnowledge, definition: CaseDefinition): void {
  for (const name of definition.defendants) {
    const existing = findPerson(knowledge.people, name);
    if (existing) {
      existing.defendant = true;
      existing.name = name;
      existing.role = 'defendant';
      continue;
    }
    knowledge.people.push({
      id: uniqueId(knowledge.people, nameKey(name)),
      name,
      role: 'defendant',
      roles: {},
      aliases: [name],
      defendant: true,
      quotes: 0,
      firstSeen: '',
    });
  }
}

/** The registered person a surface name denotes, if any (descriptors like "the armorer" included). */
export function findPerson(people: CasePerson[], name: string): CasePerson | undefined {
  const descriptor = descriptorKey(name);
  let best: CasePerson | undefined;
  let bestScore = 0;
  for (const person of people) {
    let score = 0;
    for (const alias of person.aliases) {
      if (descriptor && descriptorKey(alias) === descriptor) score = Math.max(score, 3);
      else score = Math.max(score, nameAgreement(alias, name));
      if (score === 3) break;
    }
    if (score === 0) continue;
    // A lone surname shared by two people goes to the defendant, then to the better-known one.
    const tiebreak = (person.defendant ? 0.5 : 0) + Math.min(person.aliases.length, 40) / 100;
    if (score + tiebreak > bestScore) {
      best = person;
      bestScore = score + tiebreak;
    }
  }
  return best;
}

/** Resolves (or registers) the person behind a name as seen in one article. */
export function registerPerson(
  knowledge: CaseKnowledge,
  name: string,
  role: Role | undefined,
  published: string,
): CasePerson {
  let person = findPerson(knowledge.people, name);
  if (!person) {
    person = {
      id: uniqueId(knowledge.people, nameKey(name) || name.toLowerCase()),
      name,
      role: role ?? 'other',
      roles: {},
      aliases: [],
      defendant: false,
      quotes: 0,
      firstSeen: '',
    };
    knowledge.people.push(person);
  }
  if (!person.aliases.includes(name)) person.aliases.push(name);
  if (!person.defendant && !descriptorKey(name)) person.name = fuller(person.name, name);
  if (role) {
    person.roles[role] = (person.roles[role] ?? 0) + 1;
    if (role === 'defendant' && (!person.firstSeen || published < person.firstSeen))
      person.firstSeen = published;
  }
  person.role = person.defendant || person.joined ? 'defendant' : dominantRole(person);
  return person;
}

/**
 * Parts the extractor gives on strong words (a title, "defending", "prosecuting", "the victim"):
 * someone an article showed in one of them is not a defendant of the case because another article
 * attached an act to their name (the victim of "convicted of killing X", the barrister beside the
 * accused); the case definition, or joining as a co-defendant, says otherwise.
 */
const OTHER_PART: ReadonlySet<Role> = new Set(['judge', 'prosecutor', 'defense_attorney', 'juror', 'victim']);

function dominantRole(person: CasePerson): Role {
  let best: Role = person.role === 'defendant' ? 'other' : person.role;
  let count = 0;
  const otherPart = Object.entries(person.roles).some(([role, n]) => n > 0 && OTHER_PART.has(role as Role));
  for (const [role, n] of Object.entries(person.roles) as Array<[Role, number]>) {
    if (role === 'defendant' && otherPart) continue;
    // A defendant stays a defendant even when most articles called them something else earlier.
    if (role === 'defendant' && n > 0) return 'defendant';
    if (n > count) {
      best = role;
      count = n;
    }
  }
  return best;
}

/** "the armorer" -> "armorer": a descriptor standing in for a name. */
function descriptorKey(name: string): string | undefined {
  const m = /^the\s+(.+)$/i.exec(name.trim());
  return m ? (m[1] as string).toLowerCase() : undefined;
}

/** "the armorer" (a descriptor the article put before the person's name) now names the person. */
export function addDescriptors(person: CasePerson, descriptors: readonly string[] = []): void {
  for (const d of descriptors) if (!person.aliases.includes(`the ${d}`)) person.aliases.push(`the ${d}`);
}

function uniqueId(people: CasePerson[], base: string): string {
  let id = base;
  for (let i = 2; people.some((p) => p.id === id); i++) id = `${base}#${i}`;
  return id;
}
