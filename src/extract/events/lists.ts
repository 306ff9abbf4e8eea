import type { PersonEntry, PersonMention, Sentence } from '../types.ts';
import type { WhoContext } from './who.ts';

/**
 * Lists of people in one sentence ("A, 27, of X, and B", "A, along with ex-officer B"): who an act
 * told once of a list concerns, and which list a verb takes as its object. Split from who.ts.
 */

export const isDefendant = (p: PersonEntry) => p.role === 'defendant';
/** In the sentence that states the fact, a person with no legal role named there is its subject. */
export const defendantOrUnplaced = (p: PersonEntry) => p.role === 'defendant' || p.role === 'other';

/** Between two names of one list: ", ", " and ", ", and ", an age (", 24, "). */
export const LIST_GLUE = /^(?:,\s*(?:\d{1,3},\s*)?(?:and\s+)?|\s+and\s+)$/;

/** Between two names of one coordination: a list's glue, or "along with" and a title ("along with ex-officer"). */
const ALONG_WITH_HEAD = /^,? (?:along|together) with |^,? as well as /;
/** ", along with ex-officer ": the joining words, then at most a short title without punctuation. */
const alongWith = (glue: string) => {
  const head = ALONG_WITH_HEAD.exec(glue);
  if (!head) return false;
  const rest = glue.slice(head[0].length);
  return !/[,.;:]/.test(rest) && rest.split(' ').length <= 5;
};

const CAPITALISED = /^[A-Z][\w'’.-]*$/;
/** One item between two listed names: an age, a home town ("of Lake Orion", "Michigan"), a name the registry missed. */
const listItem = (x: string) => {
  if (/^\d{1,3}$/.test(x)) return true;
  const words = x.replace(/^of /, '').split(' ');
  return words.length <= 4 && words.every((w) => CAPITALISED.test(w));
};

/** The text between two names of one list: its glue, with ages, home towns and other names in it. */
function listGlue(glue: string): boolean {
  if (LIST_GLUE.test(glue)) return true;
  if (glue.length > 120 || !/^(?:,|\s+and\s)/.test(glue) || !/(?:,|\sand)\s+$/.test(glue)) return false;
  return glue
    .split(/,|\band\b/)
    .map((x) => x.trim())
    .every((x) => x === '' || listItem(x));
}

/** Whether the text between two names joins them in one list. */
export const joinsList = (glue: string) => listGlue(glue) || alongWith(glue);

/**
 * "A, B, C and D, along with E, pleaded guilty": the people coordinated with a defendant share the
 * predicate, whatever part the registry could give each alone (no other part than defendant or
 * none: a judge, lawyer or victim in a list is no co-accused).
 */
export function withCoordinated(ctx: WhoContext, s: Sentence, found: PersonEntry[]): PersonEntry[] {
  const out = [...found];
  for (const chain of listChains(ctx, s))
    if (chain.some((m) => found.includes(m.person)))
      for (const m of chain) if (!out.includes(m.person) && coAccused(ctx, m.person)) out.push(m.person);
  return out;
}

/** Someone a list can make a co-accused: no other part, never a victim. */
export const coAccused = (ctx: WhoContext, p: PersonEntry) => defendantOrUnplaced(p) && !ctx.harmed?.has(p);

/** The mentions of a sentence grouped into lists ("A, 27, of X, and B", "A, along with ex-officer B"). */
export function listChains(ctx: WhoContext, s: Sentence): PersonMention[][] {
  const chains: PersonMention[][] = [];
  let chain: PersonMention[] = [];
  for (const m of ctx.people.mentionsIn(s.offset, s.offset + s.text.length)) {
    const last = chain.at(-1);
    const glue = last ? s.text.slice(last.end - s.offset, m.start - s.offset) : '';
    if (last && joinsList(glue)) chain.push(m);
    else {
      if (chain.length > 0) chains.push(chain);
      chain = [m];
    }
  }
  if (chain.length > 0) chains.push(chain);
  return chains;
}

/** An act's verb right before its object: "convicted ", "a jury on Friday found ", "sentenced 29-year-old ". */
const OBJECT_LEAD =
  /^(?:convicted|sentenced|acquitted|found|charged|indicted|arrested|cleared) (?:former |co-defendant |co-defendants |defendant |defendants )?$/i;
/** What may stand before that verb and after the object's describing words: "a jury on Friday ", "29-year-old ". */
const leadOf = (text: string) =>
  text
    .replace(/^(?:jury|jurors|judge|panel|court) /i, '')
    .replace(/^on \w+ /i, '')
    .replace(/\d{1,3}-year-old $/, '');

/**
 * "The court convicted A, a Michigan resident, and B, ..., after a trial that saw C and D acquitted":
 * the people an act's verb takes as its object list are those it concerns, not others named later.
 */
export function objectList(ctx: WhoContext, s: Sentence, masked: string, at: number): PersonEntry[] {
  if (at < 0) return [];
  for (const chain of listChains(ctx, s)) {
    const first = chain[0];
    if (!first || first.start - s.offset <= at) continue;
    if (
      first.start - s.offset > at + 60 ||
      !OBJECT_LEAD.test(leadOf(masked.slice(at, first.start - s.offset)))
    )
      return [];
    return chain
      .map((m) => m.person)
      .filter((p, i, all) => all.indexOf(p) === i && (isDefendant(p) || coAccused(ctx, p)));
  }
  return [];
}
