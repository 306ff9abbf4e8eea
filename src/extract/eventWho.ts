import type { EventType } from '../facts.ts';
import { maskedSentence, relativeClauses } from './eventContext.ts';
import type { PersonEntry, PersonRegistry, Sentence } from './types.ts';

/**
 * Who a fact is about: the defendants named in the sentence (outside quotations), else the
 * defendant a pronoun refers to, else the article's main defendant.
 */

export interface WhoContext {
  people: PersonRegistry;
  /** Defendants, most mentioned first. */
  defendants: PersonEntry[];
  /** The article's sentences, for a pronoun that opens a sentence. */
  sentences: Sentence[];
}

export function whoContext(people: PersonRegistry, sentences: Sentence[] = []): WhoContext {
  const defendants = [...people.defendants()].sort((a, b) => b.mentions.length - a.mentions.length);
  return { people, defendants, sentences };
}

function inSpans(pos: number, spans: Array<[number, number]>): boolean {
  return spans.some(([s, e]) => pos >= s && pos < e);
}

/** The people named in the sentence outside its quotations, in text order, without repeats. */
export function namedInSentence(
  ctx: WhoContext,
  s: Sentence,
  quoteSpans: Array<[number, number]>,
): PersonEntry[] {
  const out: PersonEntry[] = [];
  const skip = [...quoteSpans, ...relativeClauses(s.text)];
  for (const m of ctx.people.mentionsIn(s.offset, s.offset + s.text.length)) {
    if (inSpans(m.start - s.offset, skip)) continue;
    if (!out.includes(m.person)) out.push(m.person);
  }
  return out;
}

const isDefendant = (p: PersonEntry) => p.role === 'defendant';
/** In the sentence that states the fact, a person with no legal role named there is its subject. */
const defendantOrUnplaced = (p: PersonEntry) => p.role === 'defendant' || p.role === 'other';

/** "both defendants", "all three men", "the brothers": every defendant the group counts. */
const GROUP =
  /\b(?:(both)|all (two|three|four|five|six)|the (two|three|four|five|six))\s+(?:of them|defendants|men|women|officers|brothers|sisters|suspects|accused)\b|\bthe (?:defendants|brothers|sisters|co-defendants|accused)\b/i;
const GROUP_SIZE: Record<string, number> = { both: 2, two: 2, three: 3, four: 4, five: 5, six: 6 };
const PRONOUN = /\b(he|him|his|she|her)\b/i;

/** Defendants the sentence is about, by name, "both defendants" or a pronoun; empty when none. */
export function sentenceDefendants(
  ctx: WhoContext,
  s: Sentence,
  masked: string,
  named: PersonEntry[],
  accused: (p: PersonEntry) => boolean = isDefendant,
): PersonEntry[] {
  const byName = named.filter(accused);
  if (byName.length > 0) return byName;
  const group = GROUP.exec(masked);
  if (group && ctx.defendants.length > 1) {
    const size = GROUP_SIZE[(group[1] ?? group[2] ?? group[3] ?? '').toLowerCase()];
    return ctx.defendants.slice(0, size ?? ctx.defendants.length);
  }
  const pronoun = PRONOUN.exec(masked);
  if (pronoun) {
    const word = pronoun[1]!.toLowerCase();
    const gender = word === 'she' || word === 'her' ? 'female' : 'male';
    // "He will serve ...": a sentence-opening pronoun continues the previous sentence's subject.
    const prev = ctx.sentences[s.index - 1];
    if (pronoun.index === 0 && prev) {
      const { spans } = maskedSentence(prev);
      const subject = namedInSentence(ctx, prev, spans)[0];
      if (subject && accused(subject) && subject.gender !== (gender === 'male' ? 'female' : 'male'))
        return [subject];
    }
    const ante = ctx.people.antecedent(s.offset + pronoun.index, gender);
    if (ante && accused(ante)) return [ante];
  }
  return [];
}

/** The `who` values of one event: one per defendant, or one null for case-wide steps. */
export function eventWho(
  ctx: WhoContext,
  type: EventType,
  targeted: boolean,
  s: Sentence,
  masked: string,
  named: PersonEntry[],
): Array<string | null> {
  if (type === 'lawsuit') {
    const party = named.find((p) => p.role === 'plaintiff' || p.role === 'family') ?? named[0];
    return [party?.name ?? null];
  }
  const defendants = sentenceDefendants(ctx, s, masked, named);
  if (type === 'investigation' && !targeted) return [null];
  if (defendants.length > 0) return defendants.map((d) => d.name);
  if (type === 'investigation') {
    const subject = named.find((p) => p.role === 'other');
    return [subject?.name ?? ctx.defendants[0]?.name ?? null];
  }
  // "A jury found Jane Roe guilty": the person named is the one it is about, whatever role the
  // registry gave (roles follow the whole article; the event names its subject here).
  const subject = named.find((p) => p.role === 'other');
  return [subject?.name ?? ctx.defendants[0]?.name ?? null];
}

/**
 * Defendants a charge or penalty sentence is about: named or referred to in the sentence, else
 * those of the nearest of the three sentences before ("One version is punishable by..."), else
 * the article's main defendant.
 */
export function factDefendants(
  ctx: WhoContext,
  sentences: Sentence[],
  index: number,
  maskedOf: (s: Sentence) => { masked: string; spans: Array<[number, number]> },
): PersonEntry[] {
  for (let i = index; i >= Math.max(0, index - 3); i--) {
    const s = sentences[i]!;
    const { masked, spans } = maskedOf(s);
    const accused = i === index ? defendantOrUnplaced : isDefendant;
    const found = sentenceDefendants(ctx, s, masked, namedInSentence(ctx, s, spans), accused);
    if (found.length > 0) return found;
  }
  return ctx.defendants.slice(0, 1);
}
