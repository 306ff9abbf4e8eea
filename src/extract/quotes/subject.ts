import { allMatches } from '../../text.ts';
import { sentenceAt } from '../segment.ts';
import type { ArticleDoc, PersonEntry, PersonRegistry } from '../types.ts';

/**
 * Resolving a reporting clause's subject: a named person (the first of a joint list), a pronoun,
 * a document or office (org), a title the article gave a named person, or an unnamed person.
 */

/** Who a quotation belongs to: a person, an organisation or document (`org`), or unnamed (null). */
export interface Attribution {
  speaker: string | null;
  org?: boolean;
}

const ORG_WORDS =
  /\b(papers|docs|documents?|statement|lawsuit|suit|complaint|indictment|filing|motion|affidavit|report|order|ruling|letter|appeal|note|release|petition|warrant|office|department|records|memo|brief|agency|bureau|court|prosecution|police|city|county|state|government|administration|studio|company|network|university|school|hospital|organi[sz]ation|firm|board|commission|union|league|club|association|society|coalition|council|alliance|institute|foundation)\b/i;
const PERSON_HEADS = new Set([
  'judge',
  'justice',
  'prosecutor',
  'attorney',
  'lawyer',
  'sheriff',
  'spokesman',
  'spokeswoman',
  'spokesperson',
  'detective',
  'commissioner',
  'da',
  'coroner',
  'governor',
  'mayor',
  'publicist',
]);
/** The last offset before `at` in a sorted list, or -1. */
function lastBefore(sorted: number[], at: number): number {
  let best = -1;
  for (const x of sorted) {
    if (x >= at) break;
    best = x;
  }
  return best;
}

/** "Grant's", "Brooks'": the name owns what follows and is not the subject. */
export function isPossessive(text: string, end: number): boolean {
  return /^['’](?:s\b|\s|$)/.test(text.slice(end, end + 3));
}

/** A joint statement goes to the first-named signatory ("Luke Nikas & Alex Spiro said"). */
export function firstOfList(
  m: { person: PersonEntry; start: number },
  all: Array<{ person: PersonEntry; start: number; end: number }>,
  doc: ArticleDoc,
) {
  let cur = m;
  for (;;) {
    const prev = all.filter((x) => x.end <= cur.start).at(-1);
    if (!prev || !/^\s*(?:,|and|&)\s*$/.test(doc.text.slice(prev.end, cur.start))) return cur.person;
    cur = prev;
  }
}

export function resolvePronoun(
  pronoun: string,
  at: number,
  reg: PersonRegistry,
  doc?: ArticleDoc,
): Attribution {
  if (pronoun === 'they') return { speaker: null };
  const gender = pronoun === 'he' ? 'male' : 'female';
  const nearest = reg.antecedent(at, gender);
  if (!nearest) return { speaker: null };
  // Prefer the subject (first matching mention) of the sentence that holds the nearest match.
  let person = nearest;
  const sentence = doc ? sentenceAt(doc, lastBefore(nearest.mentions, at)) : undefined;
  // "He said X had …, but he also said": a pronoun repeats the one that opens its own sentence.
  const opening = sentence && doc ? /^\W*(he|she)\b/i.exec(sentence.text) : null;
  if (
    doc &&
    sentence &&
    opening &&
    (opening[1] ?? '').toLowerCase() === pronoun &&
    at > sentence.offset + opening[0].length &&
    at < sentence.offset + sentence.text.length
  )
    return resolvePronoun(pronoun, sentence.offset + opening.index, reg, doc);
  if (doc && sentence) {
    const { text } = doc;
    const first = reg
      .mentionsIn(sentence.offset, Math.min(at, sentence.offset + sentence.text.length))
      .find((m) => !m.inQuote && m.person.gender === gender && !isPossessive(text, m.end));
    if (first) person = first.person;
  }
  // A nearer person of unknown gender makes the pronoun ambiguous.
  const last = Math.max(0, lastBefore(person.mentions, at));
  const nearer = reg
    .mentionsIn(last + 1, at)
    .some((m) => !m.inQuote && m.person !== person && !m.person.gender);
  return { speaker: nearer ? null : person.name };
}

/** A subject phrase: a named person, a pronoun, a document or office (org), or an unnamed person. */
export function resolveSubject(
  phrase: string,
  start: number,
  end: number,
  doc: ArticleDoc,
  reg: PersonRegistry,
): Attribution | undefined {
  const mentions = reg.mentionsIn(start, end).filter((m) => !m.inQuote && !isPossessive(doc.text, m.end));
  if (mentions[0]) {
    // "a spokeswoman for District Attorney X": the speaker is the unnamed spokeswoman.
    if (
      /^(?:a|an|the)\s+[\w\s-]*?\b(?:for|of|to|with|from)\s+/i.test(doc.text.slice(start, mentions[0].start))
    ) {
      return { speaker: null };
    }
    return { speaker: firstOfList(mentions[0], mentions, doc).name };
  }
  // "Quinn's statement read", "the judge's order": a document by a named author is the author's.
  const author = reg
    .mentionsIn(start, end)
    .find(
      (m) =>
        !m.inQuote && isPossessive(doc.text, m.end) && AUTHORED_DOCUMENT.test(doc.text.slice(m.end, end)),
    );
  if (author) return { speaker: author.person.name };
  const p = /^(he|she|they)\b/i.exec(phrase);
  if (p) return resolvePronoun((p[1] ?? '').toLowerCase(), start, reg, doc);
  if (/^it$/i.test(phrase.trim())) return documentAntecedent(start, doc);
  const words = phrase
    .toLowerCase()
    .replace(/[’']s\b/g, '')
    .split(/[^a-z]+/)
    .filter(Boolean);
  if (words.length === 0 || words.length > 8) return undefined;
  const head = words.at(-1) ?? ''; // words is not empty
  // "the judge", "the sheriff", "the special prosecutors", "the actor’s attorneys": a person noun the
  // article attached to a named person; a plural group goes to its first-named member.
  const singular = head.replace(/s$/, '');
  if (/^the\b/i.test(phrase) && PERSON_HEADS.has(singular)) {
    const titled = reg.people.filter((x) => x.titles?.some((t) => t === singular || t === `${singular}s`));
    const plural = head !== singular;
    if (titled[0] && (plural || titled.length === 1)) return { speaker: titled[0].name };
  }
  const counsel = ownersLawyer(phrase, reg);
  if (counsel) return { speaker: counsel.name };
  if (
    /^(?:one|another|the (?:first|second|last|latest|final) one|one of (?:them|those|the \w+))$/i.test(phrase)
  ) {
    const author = messageAuthor(start, doc, reg);
    if (author) return { speaker: author.name };
  }
  // The head noun decides: "the state attorney general's office" is an office, "the family's lawyers" are
  // people, "a spokeswoman for the office" is an unnamed person (the head before "for/of/…").
  const personGroup = /\b(lawyers?|attorneys?|team|spokes\w+|defense|prosecutors?|officers?|members?)\b/i;
  const core = phrase.split(/\s+(?:for|of|at|with|from|in|to)\s+/i)[0] ?? ''; // split yields one part at least
  const coreHead =
    core
      .toLowerCase()
      .replace(/[’']s\b/g, '')
      .split(/[^a-z]+/)
      .filter(Boolean)
      .at(-1) ?? head;
  if (
    (ORG_WORDS.test(coreHead) && !personGroup.test(coreHead)) ||
    (ORG_WORDS.test(phrase) && !personGroup.test(head) && !personGroup.test(phrase))
  ) {
    // "X released a statement … . “…,” the statement read": the statement is X's.
    const issuer = /^the (?:written |brief )?statement$/i.test(phrase.trim())
      ? statementIssuer(start, doc, reg)
      : undefined;
    if (issuer) return { speaker: issuer.name };
    return { speaker: phrase.replace(/^(?:the|a|an)\s+/i, (x) => x.toLowerCase()), org: true };
  }
  if (
    /^(?:the|a|an|his|her|their|one|another|two|several|some)\b/i.test(phrase) ||
    /[’']s\b/.test(phrase) ||
    /^(prosecutors|officials|authorities|police|investigators|lawyers|attorneys)\b/i.test(phrase)
  ) {
    return { speaker: null };
  }
  return undefined;
}

const AUTHORED_DOCUMENT =
  /^['’]s?\s+(?:[a-z-]+\s+)?(?:statement|letter|post|tweet|email|e-mail|message|note|order|ruling|opinion|memo|op-ed|essay|affidavit|declaration)s?\s*$/;

const DOCUMENT_NOUN =
  /\b(?:the|a|an|this|that|its|their|his|her)\s+((?:[\w-]+\s+){0,3}?(?:lawsuit|suit|complaint|indictment|filing|motion|affidavit|report|order|ruling|letter|appeal|petition|warrant|statement|notice(?: of appeal)?|memo|brief|opinion|decision))\b/gi;

/** "It accuses…" after "The family filed the suit Monday.": the document the previous sentence names (org). */
export function documentAntecedent(at: number, doc: ArticleDoc): Attribution | undefined {
  const here = sentenceAt(doc, at);
  if (!here) return undefined;
  for (let k = here.index; k >= Math.max(0, here.index - 2); k--) {
    const s = doc.sentences[k];
    if (!s) continue;
    const text = k === here.index ? s.text.slice(0, at - s.offset) : s.text;
    const found = [...allMatches(text, DOCUMENT_NOUN)].at(-1);
    if (found?.[1]) return { speaker: `the ${found[1].toLowerCase()}`, org: true };
  }
  return undefined;
}

const ISSUED_STATEMENT =
  /\b(?:released|issued|put out|shared|sent|posted)\s+(?:a|an)\s+(?:[\w-]+\s+)?statement\b|\bsaid in (?:a|an) (?:[\w-]+\s+)?statement\b/i;

/** The named person who released or issued a statement in this or one of the two sentences before. */
function statementIssuer(at: number, doc: ArticleDoc, reg: PersonRegistry): PersonEntry | undefined {
  const here = sentenceAt(doc, at);
  if (!here) return undefined;
  for (let k = here.index; k >= Math.max(0, here.index - 2); k--) {
    const s = doc.sentences[k];
    if (!s) continue;
    const verb = ISSUED_STATEMENT.exec(k === here.index ? s.text.slice(0, at - s.offset) : s.text);
    if (!verb) continue;
    const issuers = reg
      .mentionsIn(s.offset, s.offset + verb.index)
      .filter((m) => !m.inQuote && !isPossessive(doc.text, m.end));
    return issuers[0]?.person;
  }
  return undefined;
}

/** "X sent her a series of texts. One read, …": the sender named in the sentence before. */
function messageAuthor(at: number, doc: ArticleDoc, reg: PersonRegistry): PersonEntry | undefined {
  const here = sentenceAt(doc, at);
  const prev = here ? doc.sentences[here.index - 1] : undefined;
  if (!prev) return undefined;
  const verb =
    /\b(?:sent|wrote|texted|emailed|posted|messaged|left)\b[^.]{0,60}\b(?:messages?|texts?|emails?|notes?|letters?|posts?|voicemails?)\b/i.exec(
      prev.text,
    );
  if (!verb) return undefined;
  const senders = reg.mentionsIn(prev.offset, prev.offset + verb.index).filter((m) => !m.inQuote);
  return senders.at(-1)?.person;
}

/** "Lee's attorneys argued": the owner's defence lawyer named elsewhere in the article (a joint statement). */
function ownersLawyer(phrase: string, reg: PersonRegistry): PersonEntry | undefined {
  const m =
    /^(\p{Lu}[\p{L}-]*)[’']s?\s+(?:[a-z]+\s+)?(?:attorneys?|lawyers?|counsel|defense team|legal team)(?:\s+(?:has|had|have|also|previously|then|later|again))*$/u.exec(
      phrase.trim(),
    );
  if (!m) return undefined;
  const [, ownerName = ''] = m; // the group is not optional
  const owner = ownerName.toLowerCase();
  const lawyers = reg.people.filter((x) => x.role === 'defense_attorney');
  // Only a lawyer the article ties to that owner ("Lee's attorney, Ann Cole", or "her lawyer" when the
  // owner is the only person of that gender among the article's defendants); otherwise unnamed.
  const named = lawyers.find((x) => x.titles?.includes(owner));
  if (named) return named;
  const client = reg.resolve(ownerName);
  if (!client?.gender || client.role !== 'defendant') return undefined;
  if (reg.defendants().filter((d) => d.gender === client.gender).length !== 1) return undefined;
  const pronoun = client.gender === 'female' ? 'her' : 'his';
  const byPronoun = lawyers.filter((x) => x.titles?.includes(pronoun));
  return byPronoun.length === 1 ? byPronoun[0] : undefined;
}
