import type { EventType } from '../../facts.ts';
import { NUMBER, numberWords } from '../lexicon/numbers.ts';
import type { PersonEntry, PersonRegistry, Sentence } from '../types.ts';
import { maskedSentence, relativeClauses } from './context.ts';
import {
  coAccused,
  defendantOrUnplaced,
  isDefendant,
  joinsList,
  LIST_GLUE,
  listChains,
  objectList,
  withCoordinated,
} from './lists.ts';

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
  /** The main defendant, else the person the article is about (for events only). */
  subject?: PersonEntry | undefined;
  /** A dateline's place that the person registry took for a name. */
  place?: PersonEntry | undefined;
  /** People named as whom a crime was done to ("the murders of A, B and C"): never what an act is about. */
  harmed?: Set<PersonEntry>;
}

const CONTEXTS = new WeakMap<PersonRegistry, { sentences: Sentence[]; ctx: WhoContext }>();

/**
 * The context of an article's registry, built once: events, charges, case outcomes and penalties
 * each ask for it (it reads every mention of every sentence), and nothing changes it.
 */
export function whoContext(people: PersonRegistry, sentences: Sentence[] = []): WhoContext {
  const hit = CONTEXTS.get(people);
  if (hit && hit.sentences === sentences) return hit.ctx;
  const ctx = buildWhoContext(people, sentences);
  CONTEXTS.set(people, { sentences, ctx });
  return ctx;
}

function buildWhoContext(people: PersonRegistry, sentences: Sentence[]): WhoContext {
  const byMentions = (a: PersonEntry, b: PersonEntry) => b.mentions.length - a.mentions.length;
  const place = datelinePlace(people, sentences[0]);
  const harmed = harmedPeople(people, sentences);
  const defendants = people
    .defendants()
    .filter((p) => p !== place && !harmed.has(p))
    .sort(byMentions);
  // No one is called a defendant ("the former nurse filed ...", "the judge defaulted him"): the
  // person the article is about, the most mentioned one the article gives no other part.
  const subject =
    defendants[0] ??
    people.people
      .filter((p) => p.role === 'other' && p !== place && !harmed.has(p) && p.mentions.length >= 2)
      .sort(byMentions)[0];
  return { people, defendants, sentences, place, subject, harmed };
}

/** "the murders of", "the death of", "killing": the crime whose victims the names after it are. */
const HARM_OF =
  /\b(?:murders?|killings?|deaths?|slayings?|rapes?|beating(?: death)?|shootings?|stabbings?|disappearances?) of\s+(?:(?:the\s+)?(?:[a-z-]+\s+){0,3}(?:women|men|girls|boys|people|victims|children|babies|infants),?\s+)?$/i;

/** "who chased and killed X", "accused of attacking 25-year-old X", "plotted to kidnap Gov. X": the object of a violent act. */
const HARM_DONE_TO =
  /\b(?:kill(?:ed|ing)?|murder(?:ed|ing)|shot|stabb(?:ed|ing)|stab|attack(?:ed|ing)?|tortur(?:ed|ing|e)|beat|assault(?:ed|ing)|rap(?:ed|ing)|kidnap(?:ped|ping)?|abduct(?:ed|ing)?|strangl(?:ed|ing)|rob(?:bed|bing)?)\s+(?:(?!(?:of|against|by|with|for|in|on|at|to|and|or|that|who|which|when|while|as|after|before|during|said|says|was|were|is|are|had|has|suspects?|accused|defendants?|charged|charges?|counts?|case)\b)[a-z\d][\w’'-]*\s+|[A-Z][a-z]{1,4}\.\s+){0,3}$/;

/** The people an article names as the victims of the crime, by the words before their names. */
function harmedPeople(people: PersonRegistry, sentences: Sentence[]): Set<PersonEntry> {
  const out = new Set<PersonEntry>();
  for (const s of sentences) {
    let last: { end: number } | undefined;
    for (const m of people.mentionsIn(s.offset, s.offset + s.text.length)) {
      const before = s.text.slice(Math.max(0, m.start - s.offset - 80), m.start - s.offset);
      const listed =
        last !== undefined && LIST_GLUE.test(s.text.slice(last.end - s.offset, m.start - s.offset));
      if (HARM_OF.test(before) || HARM_DONE_TO.test(before) || listed) {
        out.add(m.person);
        last = m;
      } else last = undefined;
    }
  }
  return out;
}

/** "DEDHAM, Mass. (WHDH) —", "SOME COUNTY, St. —": the capitalised place opening the article is no person. */
function datelinePlace(people: PersonRegistry, first: Sentence | undefined): PersonEntry | undefined {
  const head = first && /^([A-Z][A-Z.'’-]+(?: [A-Z][A-Z.'’-]+)*),/.exec(first.text);
  if (!head) return undefined;
  const place = (head[1] ?? '').toLowerCase();
  return people.people.find((p) => p.aliases.some((a) => a.toLowerCase() === place));
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
    if (inSpans(m.start - s.offset, skip) || m.person === ctx.place || ctx.harmed?.has(m.person)) continue;
    if (!out.includes(m.person)) out.push(m.person);
  }
  return out;
}

/** "both defendants", "all three men", "the brothers": every defendant the group counts. */
const GROUP = new RegExp(
  `\\b(?:(both)|all (${numberWords(2, 6)})|the (${numberWords(2, 6)}))\\s+(?:of them|defendants|men|women|officers|deputies|guards|agents|troopers|brothers|sisters|suspects|accused|teens|teenagers)\\b|\\bthe (?:defendants|brothers|sisters|co-defendants|accused|(?:former |fired )?(?:officers|deputies|guards|agents|troopers))\\b|\\beach (?:man|woman|defendant|officer|of them)\\b|\\bthe (pair|couple|duo|trio)\\b`,
  'i',
);
/** A count with a description: "Five fired Memphis police officers", "three former jail guards" (case-sensitive: names are capitalised). */
const COUNTED_GROUP =
  /\b([Tt]wo|[Tt]hree|[Ff]our|[Ff]ive|[Ss]ix)\s+(?:(?:former|fired|ex|onetime|[A-Z][\w.'’-]*|police|prison|jail|correctional|sheriff['’]s|detention|county|city|state|federal)[\s-]+){1,4}(?:defendants|men|women|officers|deputies|guards|agents|troopers|brothers|sisters|suspects|teens|teenagers)\b|^\s*(Two|Three|Four|Five|Six)\s+(?:defendants|men|women|officers|deputies|guards|agents|troopers|suspects|teens|teenagers)\b/;
/** A bare count as the subject or object ("The three surrendered", "All three were released", "Both pleaded"). */
const BARE_GROUP = new RegExp(
  `(?:^|[,;]\\s|\\b(?:released|indicted|charged|arrested|sentenced|arraigned|convicted|acquitted)\\s)(?:(both)|(?:all|the) (${numberWords(2, 6)}))\\b(?!\\s+(?:years?|months?|weeks?|days?|counts?|charges?|sides|parties|lawyers|attorneys|prosecutors|teams|cases|families|judges|victims|of (?:the|his|her|its)))`,
  'i',
);
/** A sentence about the defendants of the sentence before: "Each is charged with", "They are due in court". */
const PLURAL_SUBJECT =
  /^\s*(?:Each|They|Their)\b|\b(?:indicted|charged|arrested|released|arraigned) them\b|\b(?:were|have been)\s+(?:\w+ly\s+)?(?:arrested|indicted|charged|released|arraigned|sentenced)\b/;
const OTHERS_SUBJECT = new RegExp(
  `\\b(?:${numberWords(2, 10)}|several|dozens of|\\d+|some|many|other)\\s+([a-z-]+)\\s+(?:were|have been|had been)\\b`,
  'i',
);
/** A sentence whose subject is someone's unnamed relative or co-accused ("His younger brother, of …,"). */
const RELATIVE_SUBJECT =
  /^\s*(?:His|Her|Their) [\w -]{0,30}?\b(?:brother|sister|wife|husband|son|daughter|mother|father|partner|girlfriend|boyfriend|cousin|nephew|niece|uncle|aunt|co-accused|co-defendant)\b(?!['’])/;
const ANOTHER_PERSON =
  /^\s*(?:(?:A|An)\s+(?:second|third|fourth|fifth|sixth|further)|Another)\s+(?:man|woman|boy|girl|teenager|teen|youth|person|suspect|defendant)\b/;
const GROUP_NOUN =
  /^(?:defendants|men|women|officers|deputies|guards|agents|troopers|brothers|sisters|suspects|accused|teens|teenagers|co-defendants)$/i;
const GROUP_SIZE: Record<string, number> = {
  both: 2,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  pair: 2,
  couple: 2,
  duo: 2,
  trio: 3,
};
const PRONOUN = /\b(he|him|his|she|her)\b/i;

/** Defendants named in the sentences just before `s`, nearest sentence first. */
function recentDefendants(
  ctx: WhoContext,
  s: Sentence,
  accused: (p: PersonEntry) => boolean,
  back = 3,
): PersonEntry[] {
  const out: PersonEntry[] = [];
  for (let i = s.index - 1; i >= Math.max(0, s.index - back); i--) {
    const prev = ctx.sentences[i];
    if (!prev) continue;
    for (const p of namedInSentence(ctx, prev, maskedSentence(prev).spans))
      if (accused(p) && !out.includes(p)) out.push(p);
  }
  return out;
}

/** The defendants a group word counts: those just named when there are enough, else the most mentioned. */
function groupMembers(
  ctx: WhoContext,
  s: Sentence,
  size: number | undefined,
  accused: (p: PersonEntry) => boolean,
) {
  const recent = recentDefendants(ctx, s, accused);
  if (size !== undefined && recent.length >= size) return recent.slice(0, size);
  // "Five officers were charged Thursday. A, B, C, D and E were in custody": a lede's group is
  // the list of names the next sentence gives.
  if (size !== undefined && recent.length === 0) {
    const listed = nextListed(ctx, s);
    if (listed.length >= 2) return listed.slice(0, size);
  }
  if (size === undefined && recent.length >= 2) return recent;
  return ctx.defendants.length > 1 ? ctx.defendants.slice(0, size ?? ctx.defendants.length) : [];
}

/** People of no other part named in the sentence after `s`: the members of a group it counts. */
function nextListed(ctx: WhoContext, s: Sentence): PersonEntry[] {
  const next = ctx.sentences[s.index + 1];
  if (!next) return [];
  return namedInSentence(ctx, next, maskedSentence(next).spans).filter(defendantOrUnplaced);
}

function earliest(a: RegExpExecArray | null, b: RegExpExecArray | null): RegExpExecArray | null {
  if (!a || !b) return a ?? b;
  return a.index <= b.index ? a : b;
}

/** Offset in the sentence of the first mention of any of `people`. */
function firstMention(ctx: WhoContext, s: Sentence, people: PersonEntry[]): number {
  const m = ctx.people.mentionsIn(s.offset, s.offset + s.text.length).find((x) => people.includes(x.person));
  return m ? m.start - s.offset : Number.POSITIVE_INFINITY;
}

const AGAINST_BEFORE = /\bagainst\s+(?:[\w'’.-]+\s+){0,2}$/i;

/**
 * "The co-defendant, X, was sentenced after testifying against Y", "He ... agreed to testify against
 * Y": a defendant named only after "against" is not what the sentence reports about, when someone
 * else (another name, an opening pronoun) is its subject.
 */
function subjectsOf(ctx: WhoContext, s: Sentence, byName: PersonEntry[]): PersonEntry[] {
  if (byName.length === 0) return byName;
  const opensWithPronoun = /^\s*(?:He|She)\b/.test(s.text);
  if (byName.length === 1 && !opensWithPronoun) return byName;
  const mentions = ctx.people.mentionsIn(s.offset, s.offset + s.text.length);
  const onlyObject = (p: PersonEntry) =>
    mentions
      .filter((m) => m.person === p)
      .every(
        (m) =>
          AGAINST_BEFORE.test(s.text.slice(Math.max(0, m.start - s.offset - 40), m.start - s.offset)) ||
          // only as an owner: "X's co-defendant, Y, pleaded ..."
          /^['’]s\b/.test(s.text.slice(m.end - s.offset)),
      );
  const subjects = byName.filter((p) => !onlyObject(p));
  return subjects.length > 0 || opensWithPronoun ? subjects : byName;
}

/** Defendants the sentence is about, by name, "both defendants" or a pronoun; empty when none. */
export function sentenceDefendants(
  ctx: WhoContext,
  s: Sentence,
  masked: string,
  named: PersonEntry[],
  accused: (p: PersonEntry) => boolean = isDefendant,
): PersonEntry[] {
  return withRelative(ctx, masked, defendantsOf(ctx, s, masked, named, accused));
}

/** "He and his wife were charged": a sentence whose subject adds a relative, named earlier by that kinship word. */
const AND_RELATIVE = /^\W*(?:He|She|\p{Lu}[\p{L}'’-]+|\p{Lu}[\p{L}'’-]+ \p{Lu}[\p{L}'’-]+) and (?:his|her) /u;
const KIN_WORD = /^(?:wife|husband|son|daughter|brother|sister|father|mother)$/;

function withRelative(ctx: WhoContext, masked: string, found: PersonEntry[]): PersonEntry[] {
  if (found.length !== 1) return found;
  const head = AND_RELATIVE.exec(masked);
  // the kinship word, after one describing word at most ("his estranged wife")
  const kin = head
    ? masked
        .slice(head[0].length)
        .split(/[\s,.;]/, 2)
        .find((w) => KIN_WORD.test(w))
    : undefined;
  if (!kin) return found;
  const relatives = ctx.people.people.filter(
    (p) => p.role === 'family' && p.titles?.includes(kin) && !found.includes(p) && !ctx.harmed?.has(p),
  );
  const [relative] = relatives;
  return relatives.length === 1 && relative ? [...found, relative] : found;
}

function defendantsOf(
  ctx: WhoContext,
  s: Sentence,
  masked: string,
  named: PersonEntry[],
  accused: (p: PersonEntry) => boolean,
): PersonEntry[] {
  const group = earliest(earliest(GROUP.exec(masked), BARE_GROUP.exec(masked)), COUNTED_GROUP.exec(masked));
  const byName = subjectsOf(ctx, s, named.filter(accused));
  // "All three were released ... $250,000 for X": a group subject counts more than the names after it.
  const groupFirst = group !== null && group.index < firstMention(ctx, s, byName);
  if (byName.length > 0 && !(groupFirst && ctx.defendants.length > byName.length))
    return withCoordinated(ctx, s, byName);
  if (group) {
    const size = GROUP_SIZE[(group[1] ?? group[2] ?? group[3] ?? group[4] ?? '').toLowerCase()];
    const members = groupMembers(ctx, s, size, accused);
    if (members.length > 0) return members;
    // "A and B were arrested in 2022. The pair were convicted Thursday": the group counts the
    // people just named even when nothing has yet made them defendants (this act does), never a
    // victim, and only when the sentences before name as many as it counts.
    // "Christopher and Cameron Ray … The brothers were charged": a kinship group counts the relatives named.
    const kinGroup = /\b(?:brothers|sisters|siblings|twins|couple)\b/i.test(group[0]);
    const named = recentDefendants(
      ctx,
      s,
      (p) => coAccused(ctx, p) || (kinGroup && p.role === 'family' && !ctx.harmed?.has(p)),
    );
    if (named.length >= (size ?? 2)) return named.slice(0, size);
  }
  if (PLURAL_SUBJECT.test(masked)) {
    const recent = recentDefendants(ctx, s, accused);
    if (recent.length >= 2) return recent;
    const unplaced = recentDefendants(ctx, s, (p) => coAccused(ctx, p));
    if (unplaced.length >= 2) return unplaced;
    if (ctx.defendants.length > 1) return ctx.defendants;
  }
  const pronoun = RELATIVE_SUBJECT.test(masked) ? null : PRONOUN.exec(masked);
  if (pronoun) {
    const word = (pronoun[1] ?? '').toLowerCase();
    const gender = word === 'she' || word === 'her' ? 'female' : 'male';
    // "He will serve ...": a sentence-opening pronoun continues the previous sentence's subject.
    const prev = ctx.sentences[s.index - 1];
    const subject = pronoun.index === 0 && prev ? sentenceSubject(ctx, prev) : undefined;
    if (subject && accused(subject) && subject.gender === gender) return [subject];
    // "His trial is set for July" after a sentence about her: the nearest accused of his gender.
    const ante = ctx.people.antecedent(s.offset + pronoun.index, gender);
    if (ante && accused(ante) && ante.gender === gender) return [ante];
    if (subject && accused(subject) && subject.gender === undefined) return [subject];
    if (ante && accused(ante)) return [ante];
  }
  return [];
}

/**
 * The first person a sentence names other than as an owner: in "Platt's son, Dean Platt, appeared",
 * Dean Platt (a possessive names whose son he is, not who acted).
 */
function sentenceSubject(ctx: WhoContext, s: Sentence): PersonEntry | undefined {
  const named = namedInSentence(ctx, s, maskedSentence(s).spans);
  const mentions = ctx.people.mentionsIn(s.offset, s.offset + s.text.length);
  const owner = (p: PersonEntry) =>
    mentions.filter((m) => m.person === p).every((m) => /^['’]s?\b/.test(s.text.slice(m.end - s.offset)));
  return named.find((p) => !owner(p)) ?? named[0];
}

/** The `who` values of one event: one per defendant, or one null for case-wide steps. */
export function eventWho(
  ctx: WhoContext,
  type: EventType,
  targeted: boolean,
  s: Sentence,
  masked: string,
  named: PersonEntry[],
  clause: [number, number] = [0, s.text.length],
  lastActWho: string[] = [],
  at = -1,
): Array<string | null> {
  if (type === 'lawsuit') return civilDefendants(ctx, s, masked).map((p) => p?.name ?? null);
  // "Two protesters were arrested outside": about people who are not in the case.
  const others = OTHERS_SUBJECT.exec(masked);
  if (others && !GROUP_NOUN.test(others[1] ?? '') && !named.some(isDefendant)) return [];
  // "A second man, aged 19, was released on bail": someone else, unnamed, not the defendant.
  if (named.length === 0 && ANOTHER_PERSON.test(masked)) return [];
  const defendants = sentenceDefendants(ctx, s, masked, named);
  if (type === 'investigation' && !targeted) return [null];
  const gapped = type === 'sentence' ? gappedTerms(ctx, s) : [];
  for (const p of gapped) if (!defendants.includes(p)) defendants.push(p);
  const object = objectList(ctx, s, masked, at);
  if (object.length > 0)
    return [...object, ...defendants.filter((p) => !object.includes(p) && gapped.includes(p))].map(
      (d) => d.name,
    );
  if (defendants.length > 0) return ownConjunct(ctx, s, masked, at, defendants).map((d) => d.name);
  if (type === 'investigation') {
    // "Agents searched the district's office": a step aimed at a place of business, not a person.
    const subject = named.find((p) => p.role === 'other');
    const atBusiness =
      /\b(?:office|offices|clinic|business|headquarters|company|district|store|warehouse|firm|agency)\b/i;
    return [subject?.name ?? (atBusiness.test(masked) ? null : (ctx.defendants[0]?.name ?? null))];
  }
  // "A jury found Jane Roe guilty": the person named in the act's clause is the one it is about,
  // whatever role the registry gave (roles follow the whole article; the event names its subject
  // here); "A, B and C accepted plea deals": each of the people listed.
  const listed = listedInClause(ctx, s, named, clause);
  if (listed.length > 0) return listed.map((p) => p.name);
  const referred = openingPronounSubject(ctx, s);
  if (referred) return [referred.name];
  // "A hearing on that motion is set for ...": the defendant the sentence before was about.
  const previous = recentDefendants(ctx, s, isDefendant, 1)[0];
  if (previous) return [previous.name];
  // "X was convicted. Sentencing is slated for April", "Jury selection in her trial begins Monday.
  // The trial is expected to start Feb. 22": a date set that names no one continues the story of
  // the act told just before it (the caller passes that act's people for scheduled acts only: a
  // step that happened and names no one is left out, see merge.ts).
  if (lastActWho.length > 0) return lastActWho;
  return [ctx.subject?.name ?? null];
}

/** Where coordinated clauses meet: "; B", ", and B", " and B", ", while B" before a capitalised word. */
const CONJUNCT = /(?:;|,? and|, while|, but|, whereas)\s+(?=[A-Z])/g;
const FINITE_VERB =
  /\b(?:was|were|is|are|has|have|had|will|would|could|did|got|went|received|faces?|faced|pleaded|pled|took|gave|remains?|\w{3,}ed)\b/;

/** A verb of the part's own, not of a relative clause about a person in it ("B, who supervised ..."). */
const ownVerb = (part: string) => FINITE_VERB.test(part.replace(/,?\s(?:who|whom|whose|which)\s.*$/, ''));

/**
 * "A pleaded guilty in March and B went to trial", "A was given 20 years, and B, 46, was given 17":
 * the people of a sentence's act are those named in its own conjunct when that conjunct names any.
 * A conjunct with no verb belongs to its neighbour ("A and B were sentenced", "A received 20 years
 * and B 15"), so that a shared act stays with every person it concerns.
 */
function ownConjunct(
  ctx: WhoContext,
  s: Sentence,
  masked: string,
  at: number,
  people: PersonEntry[],
): PersonEntry[] {
  if (at < 0) return people;
  // "saw A and B acquitted": no cut between two members of one list.
  const inList = (c: number) =>
    listChains(ctx, s).some((chain) =>
      chain.some((m, i) => i > 0 && (chain[i - 1]?.end ?? 0) - s.offset <= c && c < m.start - s.offset),
    );
  const cuts = [
    0,
    ...[...masked.matchAll(CONJUNCT)].map((m) => m.index ?? 0).filter((c) => !inList(c)),
    masked.length,
  ];
  const parts: Array<[number, number]> = [];
  for (let i = 0; i + 1 < cuts.length; i++) {
    const part: [number, number] = [cuts[i] ?? 0, cuts[i + 1] ?? 0];
    const last = parts.at(-1);
    // A verbless part joins the part before it, or the next one when it opens the sentence.
    if (last && (!ownVerb(masked.slice(last[0], last[1])) || !ownVerb(masked.slice(...part))))
      last[1] = part[1];
    else parts.push(part);
  }
  const own = parts.find(([a, b]) => at >= a && at < b);
  if (!own || parts.length < 2) return people;
  // A person of no legal part counts as the conjunct's subject, named before its verb.
  const mine = ctx.people
    .mentionsIn(s.offset + own[0], s.offset + own[1])
    .filter((m) => people.includes(m.person) || (m.start - s.offset < at && coAccused(ctx, m.person)))
    .map((m) => m.person)
    .filter((p, i, all) => all.indexOf(p) === i);
  return mine.length > 0 ? mine : people;
}

/** A conjunct with no verb of its own: "; B to 15 years", "and B 15", ", B, 46, nearly 20 years". */
const GAP_BEFORE = /(?:;|,|\band|\bwhile) $/;
const AGE_BEFORE = /\d{1,3}-year-old $/;
const GAP_TERM = new RegExp(
  `^(?:,\\s*\\d{1,3},)?\\s+(?:to\\s+)?(?:(?:nearly|about|almost|roughly|more than|just over|just under)\\s+)?(?:${NUMBER}|life)\\b(?![\\s-]+(?:year|month)s?[\\s-]+old\\b)`,
  'i',
);

/**
 * "A was sentenced to 20 years; B to 15", "A received 20 years and B 15": the people named in a
 * verbless conjunct that gives only a term share the sentencing verb of the clause before.
 */
function gappedTerms(ctx: WhoContext, s: Sentence): PersonEntry[] {
  const out: PersonEntry[] = [];
  for (const m of ctx.people.mentionsIn(s.offset, s.offset + s.text.length)) {
    const before = s.text
      .slice(Math.max(0, m.start - s.offset - 30), m.start - s.offset)
      .replace(AGE_BEFORE, '');
    const after = s.text.slice(m.end - s.offset, m.end - s.offset + 60);
    if (
      GAP_BEFORE.test(before) &&
      GAP_TERM.test(after) &&
      !ctx.harmed?.has(m.person) &&
      !out.includes(m.person)
    )
      if (m.person.role === 'defendant' || m.person.role === 'other') out.push(m.person);
  }
  return out;
}

/**
 * "His trial is set for July" after a sentence about her and him: the person with no legal part
 * whom the opening pronoun refers to (its gender rules out the defendant named before).
 */
function openingPronounSubject(ctx: WhoContext, s: Sentence): PersonEntry | undefined {
  const pronoun = /^\s*(He|His|She|Her)\b/.exec(s.text);
  if (!pronoun) return undefined;
  const gender = /^(?:He|His)$/.test(pronoun[1] ?? '') ? 'male' : 'female';
  const ante = ctx.people.antecedent(s.offset + pronoun.index, gender);
  return ante?.role === 'other' && ante.gender === gender && !ctx.harmed?.has(ante) ? ante : undefined;
}

/**
 * The people with no legal part named in the clause [start, end) of the sentence: the first, with
 * the names listed right after it ("A, B and C").
 */
function listedInClause(
  ctx: WhoContext,
  s: Sentence,
  named: PersonEntry[],
  [start, end]: [number, number],
): PersonEntry[] {
  const mentions = ctx.people
    .mentionsIn(s.offset + start, s.offset + end)
    .filter((m) => m.person.role === 'other' && named.includes(m.person) && !ctx.harmed?.has(m.person));
  const first = mentions[0];
  if (!first) return [];
  const out = [first.person];
  let last = first;
  for (const m of mentions.slice(1)) {
    const glue = s.text.slice(last.end - s.offset, m.start - s.offset);
    if (!joinsList(glue)) break;
    if (!out.includes(m.person)) out.push(m.person);
    last = m;
  }
  return out;
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
    const s = sentences[i];
    if (!s) continue;
    const { masked, spans } = maskedOf(s);
    const named = namedInSentence(ctx, s, spans).filter(
      (p) => p.role !== 'other' || !onlyAfterPreposition(ctx, s, p),
    );
    // A person with no role is the fact's subject only when the sentence names no defendant
    // ("indicted Roe for payments made to Doe": the charge is Roe's alone).
    const accused = i === index && !named.some(isDefendant) ? defendantOrUnplaced : isDefendant;
    const found = sentenceDefendants(ctx, s, masked, named, accused);
    if (found.length > 0) return found;
    // "His younger brother denies a charge of …": the relative's fact, not the owner's nor an earlier one's.
    if (i === index && RELATIVE_SUBJECT.test(masked)) return [];
  }
  return ctx.defendants.slice(0, 1);
}

const PREPOSITION_BEFORE = /\b(?:of|including|from|by|with|on|at|among)\s+(?:[a-z-]+\s+){0,4}$/;

/** "defrauding investors, including the family of X": X is named only as an object, never as the subject. */
function onlyAfterPreposition(ctx: WhoContext, s: Sentence, p: PersonEntry): boolean {
  return ctx.people
    .mentionsIn(s.offset, s.offset + s.text.length)
    .filter((m) => m.person === p)
    .every(
      (m) =>
        // "X's case" is X's own, whatever comes before it.
        !/^['’]/.test(s.text.slice(m.end - s.offset, m.end - s.offset + 1)) &&
        PREPOSITION_BEFORE.test(s.text.slice(Math.max(0, m.start - s.offset - 60), m.start - s.offset)),
    );
}

const SUED_START = /\b(?:against|sued|sues|suing)\b/i;
const NOT_SUED = new Set([
  'plaintiff',
  'family',
  'victim',
  'judge',
  'defense_attorney',
  'prosecutor',
  'juror',
]);
const SUIT_NAMES = /\b(?:names|named)\b/i;
/** `other` by title: counsel for the families or plaintiffs ("the lawyer who filed the suits") is sued by no one. */
const counsel = (p: PersonEntry) => p.role === 'other' && p.titled === true;

/**
 * A civil suit is about each person it is brought against ("a suit against the clinic, Dr. X and Y",
 * "brought against her", "against the city and the three officers" whom the next sentence names);
 * a suit against an organisation alone is about no one person.
 */
function civilDefendants(ctx: WhoContext, s: Sentence, masked: string): Array<PersonEntry | null> {
  const at = SUED_START.exec(masked);
  if (!at) {
    // "A jury ordered X to pay damages", "the judge defaulted X": the party the decision is against.
    const named = ctx.people
      .mentionedIn(s.offset, s.offset + s.text.length)
      .filter((p) => !NOT_SUED.has(p.role) && !counsel(p));
    if (named.length > 0) return named;
    return [ctx.subject ?? null];
  }
  const from = s.offset + at.index;
  const sued = (p: PersonEntry) => !NOT_SUED.has(p.role) && !counsel(p);
  const byName = ctx.people
    .mentionsIn(from, s.offset + s.text.length)
    .map((m) => m.person)
    .filter((p, i, all) => sued(p) && all.indexOf(p) === i);
  if (byName.length > 0) return byName;
  const rest = masked.slice(at.index);
  const pronoun = /^\w+\s+(him|her)\b/i.exec(rest);
  if (pronoun) {
    const ante = ctx.people.antecedent(
      from + pronoun.index,
      pronoun[1]?.toLowerCase() === 'her' ? 'female' : 'male',
    );
    if (ante && sued(ante)) return [ante];
  }
  if (GROUP.test(rest) || BARE_GROUP.test(rest)) {
    if (ctx.defendants.length > 1) return ctx.defendants;
    const next = ctx.sentences[s.index + 1];
    if (next && SUIT_NAMES.test(next.text)) {
      const listed = ctx.people.mentionedIn(next.offset, next.offset + next.text.length).filter(sued);
      if (listed.length > 0) return listed;
    }
  }
  return [null];
}
