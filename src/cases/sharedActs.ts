import type { IncomingEvent } from './developments.ts';
import type { CaseKnowledge } from './types.ts';

/**
 * One act told of several people in one article: who joins the case as a co-defendant, and whose
 * news the act is when it names a defendant of the case definition beside someone else.
 */

/** Acts that make someone a party to the proceeding when they share them with a defendant. */
const JOINT_ACTS = new Set(['charge', 'arrest', 'plea', 'trial', 'verdict', 'sentence']);

/**
 * Someone charged, arrested, tried or sentenced in the same act as a tracked defendant (one
 * sentence of the article, or one act and date where facts carry no sentence: "Dale and Brandt
 * were indicted Tuesday", "Brandt, on trial with Dale") joins the case as a co-defendant when the
 * articles make them a defendant too: on real news the other name of a shared act was the victim,
 * the target, a city or the reporter in every join the role did not back. A person merely named
 * beside the case (a precedent's defendant, a relative) shares no act and never joins.
 */
export function joinCoDefendants(
  knowledge: CaseKnowledge,
  incoming: IncomingEvent[],
  published: string,
): void {
  const tracked = (id: string | null) =>
    id !== null && knowledge.people.some((p) => p.id === id && (p.defendant || p.joined));
  for (const inc of incoming) {
    if (!inc.who || !JOINT_ACTS.has(inc.event.type) || tracked(inc.who)) continue;
    if (!incoming.some((o) => o !== inc && tracked(o.who) && sameAct(o, inc))) continue;
    const person = knowledge.people.find((p) => p.id === inc.who);
    if (person?.role === 'defendant') {
      person.joined = published;
      person.role = 'defendant';
    }
  }
}

/** One act told of two people: same type and status, in one sentence (or, without sentences, one date). */
function sameAct(a: IncomingEvent, b: IncomingEvent): boolean {
  return (
    a.event.type === b.event.type &&
    a.event.status === b.event.status &&
    (a.event.provenance && b.event.provenance
      ? a.event.provenance.offset === b.event.provenance.offset
      : a.event.date !== null && a.event.date === b.event.date)
  );
}

/**
 * An act told in one sentence of a defendant the case definition names and of someone it does not
 * ("DePape found guilty in the attack on Paul Pelosi", "I'm the reporter in court for X, who has
 * pleaded guilty") is the defendant's news: the other name is usually the victim, a place or the
 * writer, so the act is not news about them. It stays in the timeline, and a real co-defendant
 * still joins the case (joinCoDefendants); their own acts told alone alert as usual.
 */
export function borrowedActs(knowledge: CaseKnowledge, incoming: IncomingEvent[]): IncomingEvent[] {
  const defined = (id: string | null) =>
    id !== null && knowledge.people.some((p) => p.id === id && p.defendant);
  return incoming.filter(
    (inc) =>
      inc.who !== null &&
      !defined(inc.who) &&
      incoming.some((o) => o !== inc && defined(o.who) && sameAct(o, inc)),
  );
}
