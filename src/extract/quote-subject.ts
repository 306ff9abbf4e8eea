import { sentenceAt } from './segment.ts';
import type { ArticleDoc, PersonEntry, PersonRegistry } from './types.ts';

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
  /\b(papers|docs|documents?|statement|lawsuit|suit|complaint|indictment|filing|motion|affidavit|report|order|ruling|letter|appeal|note|release|petition|warrant|office|department|records|memo|brief|agency|bureau|court|prosecution|police|city|county|state|government|administration|studio|company|network|university|school|hospital|organi[sz]ation|firm|board|commission|union|league|club)\b/i;
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
  if (sentence) {
    const first = reg
      .mentionsIn(sentence.offset, Math.min(at, sentence.offset + sentence.text.length))
      .find((m) => !m.inQuote && m.person.gender === gender && !isPossessive(doc!.text, m.end));
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
  const p = /^(he|she|they)\b/i.exec(phrase);
  if (p) return resolvePronoun(p[1]!.toLowerCase(), start, reg, doc);
  const words = phrase
    .toLowerCase()
    .replace(/[’']s\b/g, '')
    .split(/[^a-z]+/)
    .filter(Boolean);
  if (words.length === 0 || words.length > 8) return undefined;
  const head = words.at(-1)!;
  // "the judge", "the sheriff", "the special prosecutors", "the actor’s attorneys": a person noun the
  // article attached to a named person; a plural group goes to its first-named member.
  const singular = head.replace(/s$/, '');
  if (/^the\b/i.test(phrase) && PERSON_HEADS.has(singular)) {
    const titled = reg.people.filter((x) => x.titles?.some((t) => t === singular || t === `${singular}s`));
    const plural = head !== singular;
    if (titled[0] && (plural || titled.length === 1)) return { speaker: titled[0].name };
  }
  if (ORG_WORDS.test(phrase) && !/\b(lawyers?|attorneys?|team|spokes\w+|defense)\b/i.test(phrase)) {
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
