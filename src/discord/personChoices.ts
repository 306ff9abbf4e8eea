import { type CaseDefinition, findCase } from '../cases/definition.ts';
import { createKnowledgeStore } from '../cases/knowledgeStore.ts';
import { personIdIn } from '../cases/peopleView.ts';
import type { CaseKnowledge, CasePerson } from '../cases/types.ts';
import { UserError } from '../errors.ts';
import type { Store } from '../store/types.ts';
import type { Command } from './command.ts';
import { caseChoices, trackedCases } from './trackedCase.ts';

/**
 * People of a server's tracked cases for `person` options: autocomplete served from the knowledge
 * store (kept in memory, one small store probe per case), never the network.
 */

export interface KnownPerson {
  person: CasePerson;
  knowledge: CaseKnowledge;
  definition: CaseDefinition;
}

export async function peopleOfCases(store: Store, cases: CaseDefinition[]): Promise<KnownPerson[]> {
  const knowledgeStore = createKnowledgeStore(store);
  const out: KnownPerson[] = [];
  for (const definition of cases) {
    const knowledge = await knowledgeStore.get(definition.slug);
    for (const person of knowledge.people) {
      if (person.aliases.length > 0 || person.defendant) out.push({ person, knowledge, definition });
    }
  }
  return out;
}

/** How many people of a case get their answers rendered ahead: as many as autocomplete offers. */
const OFFERED = 25;

/**
 * The people of one case that autocomplete offers first with nothing typed (named with a variant,
 * or a defendant; the most quoted first): whose /timeline and /quotes are rendered ahead.
 */
export function offeredPeople(knowledge: CaseKnowledge): CasePerson[] {
  return knowledge.people
    .filter((p) => p.aliases.length > 0 || p.defendant)
    .sort((a, b) => b.quotes - a.quotes || a.name.localeCompare(b.name))
    .slice(0, OFFERED);
}

/** Up to 25 choices whose name or any variant contains what was typed; the most quoted first. */
export function personChoices(known: KnownPerson[], typed: string, options: { withCase: boolean }) {
  const q = typed.trim().toLowerCase();
  const seen = new Set<string>();
  return known
    .filter(({ person }) => !q || [person.name, ...person.aliases].some((n) => n.toLowerCase().includes(q)))
    .sort((a, b) => b.person.quotes - a.person.quotes || a.person.name.localeCompare(b.person.name))
    .filter(({ person }) => {
      // The same person followed in two cases is one choice (quotes are gathered across cases).
      if (seen.has(person.name)) return false;
      seen.add(person.name);
      return true;
    })
    .slice(0, OFFERED)
    .map(({ person, definition }) => {
      const role = person.role.replace('_', ' ');
      const where = options.withCase ? ` · ${definition.name}` : '';
      const quotes = person.quotes ? ` · ${person.quotes} quote${person.quotes === 1 ? '' : 's'}` : '';
      return {
        name: `${person.name} (${role}${where}${quotes})`.slice(0, 100),
        value: person.name.slice(0, 100),
      };
    });
}

/** The registry id of `name` in a case, or a polite UserError listing who is known there. */
export function requirePerson(knowledge: CaseKnowledge, caseName: string, name: string): string {
  const id = personIdIn(knowledge, name);
  if (id) return id;
  throw new UserError(
    `Nobody called "${name.slice(0, 100)}" appears in ${caseName}. ${knownPeople(knowledge.people)}`,
  );
}

export function knownPeople(people: CasePerson[]): string {
  const named = people.filter((p) => p.aliases.length > 0 || p.defendant);
  if (named.length === 0) return 'Nobody is named in its articles yet.';
  const names = named.slice(0, 15).map((p) => p.name);
  if (named.length > 15) names.push(`and ${named.length - 15} more`);
  return `Known: ${names.join(', ')}.`;
}

/**
 * Autocomplete for commands with `case` and `person` options (/timeline, /quotes): the tracked
 * cases, or the people of the chosen case (of every tracked case while none is chosen yet).
 */
export const caseOrPersonAutocomplete: NonNullable<Command['autocomplete']> = async (interaction, ctx) => {
  const focused = interaction.options.getFocused(true);
  if (focused.name === 'case') return interaction.respond(await caseChoices(interaction, ctx.store));
  const tracked = await trackedCases(ctx.store, interaction.guildId);
  const chosen = interaction.options.getString('case');
  const match = chosen ? findCase(tracked, chosen) : undefined;
  const cases = match ? [match] : tracked;
  const known = await peopleOfCases(ctx.store, cases);
  await interaction.respond(personChoices(known, String(focused.value), { withCase: cases.length > 1 }));
};
