import type { CaseEvent, Charge, EventType, Person } from '../../facts.ts';

/**
 * A person's role as the article's other facts show it: whoever is charged, pleads, is tried,
 * convicted or sentenced is a defendant, even where no sentence around a mention says so
 * ("Holmes, who began her prison term…"). Only a person left without any role evidence (`other`)
 * is changed: a title (judge, lawyer) or an apposition says more than an event's subject.
 */
const DEFENDANT_ACTS: ReadonlySet<EventType> = new Set<EventType>([
  'charge',
  'charge_dropped',
  'dismissal',
  'plea',
  'verdict',
  'sentence',
  'arrest',
  'bail',
  // a civil suit's `who` is the party sued or ordered to pay
  'lawsuit',
]);

/** The people the article's charges and events make defendants. */
export function accusedNames(charges: Charge[], events: CaseEvent[]): Set<string> {
  return new Set<string>([
    ...charges.map((c) => c.defendant),
    ...events.flatMap((e) => (e.who && DEFENDANT_ACTS.has(e.type) ? [e.who] : [])),
  ]);
}

/** `titled`: people whose role a title or apposition gave (counsel for the families is `other` by title). */
export function rolesFromFacts(
  people: Person[],
  charges: Charge[],
  events: CaseEvent[],
  titled: ReadonlySet<string> = new Set(),
): Person[] {
  const accused = accusedNames(charges, events);
  return people.map((p) =>
    (p.role === 'other' || p.role === 'family') && accused.has(p.name) && !titled.has(p.name)
      ? { ...p, role: 'defendant' }
      : p,
  );
}
