import { allMatches } from '../../text.ts';
import { sentenceAt } from '../segment.ts';
import type { ArticleDoc, PersonRegistry } from '../types.ts';
import type { QuoteSpan } from './spans.ts';
import { type Attribution, firstOfList, isPossessive, resolvePronoun, resolveSubject } from './subject.ts';

export type { Attribution } from './subject.ts';

const VERBS =
  'said|says|say|told|tells|added|adds|wrote|writes|stated|states|argued|argues|claimed|claims|explained|explains|noted|notes|continued|recalled|recalls|testified|asked|asks|replied|responded|answered|insisted|maintained|acknowledged|admitted|announced|declared|described|warned|urged|posted|shared|tweeted|read|reads|alleged|alleges|contended|contends|countered|concluded|reiterated|emphasized|stressed|shouted|shout|yelled|went on|goes on|lambasted|accused|slammed|blasted|criticized|called|branded|dubbed|saying|adding|arguing|claiming|writing|telling|[Aa]ccording to|' +
  // Broader reporting verbs (past and present): a quotation's verb is often a colourful one.
  'fumed|fumes|snapped|snaps|quipped|quips|insists|conceded|concedes|acknowledges|admits|explained|' +
  'testify|testifies|pleaded(?! (?:not |no )?(?:guilty|contest|to)\\b)|urges|warns|vowed|vows|texted|texts|posts|tweets|declares|remarked|' +
  'remarks|counters|replies|responds|answers|sobbed|sobs|cried|screamed|yelled|whispered|muttered|' +
  'cautioned|cautions|complained|complains|boasted|boasts|joked|jokes|confirmed|confirms|accuses|' +
  'demanded|demands|begged|promised|promises|predicted|predicts|mused|' +
  'lamented|laments|observed|observes|recounted|recounts|conceded|listed|lists|described|describes|' +
  'asserted|asserts|maintains|announces|explains|repeated|repeats|added|shot back|fired back|told|' +
  // A judge's written findings and a lawyer's address to the jury report words as well.
  'ruled|rules|opined|informed|informs|reminded|assured|advised|' +
  // a court's findings: "the judge found that the officer made “…”", "concluding that “…”"
  'found that|determined that|concluding that|finding that|' +
  // infinitives after a main verb ("walked in to announce, “…”"): the main clause's subject speaks
  'announce|declare|tell|' +
  // participles that carry a quotation after the subject's main verb ("…, noting she “…”")
  'noting|stating|explaining|insisting|acknowledging|admitting|warning|declaring|' +
  '(?:released|issued) (?:a|an) (?:[\\w-]+ )?statement';
const VERB_AFTER_SUBJECT = new RegExp(
  `^[\\s,.!?;:—–-]*((?:[\\p{L}\\p{M}\\d’'.&-]+,?\\s+){0,9}?)(?:(?:also|then|later|previously|has|had|have|once|again|reportedly|further)\\s+)*(${VERBS})\\b`,
  'u',
);
const VERB_BEFORE_SUBJECT = new RegExp(`^[\\s,.!?;:—–-]*(${VERBS})\\s+([^.;!?“”"]{1,120})`, 'u');
const ANY_VERB = new RegExp(`\\b(${VERBS})\\b`, 'gu');
/** The first reporting verb (no lastIndex state; compiled once, not per call). */
const FIRST_VERB = new RegExp(ANY_VERB.source, 'u');
const NAMES_APPOSITION_VERB = new RegExp(
  `^[\\s,]*((?:\\p{Lu}[\\p{L}\\p{M}’'.-]*\\s+(?:and\\s+|&\\s+)?){1,7}?\\p{Lu}[\\p{L}\\p{M}’'.-]*)(?:\\s+of\\s+(?:the\\s+)?(?:\\p{Lu}[\\p{L}\\p{M}’'.&-]*\\s*){1,5})?,\\s[^,“”"]{1,140},\\s+(?:also\\s+|then\\s+)?(?:${VERBS})\\b`,
  'u',
);
const OBJECT_BEFORE = /\b(?:[a-z]{3,}ing|for|of|with|against|on behalf of)\s+$/;
const SUBORDINATOR = /^(?:as|while|because|since|although|though|until|whereas|once)$/;
const CLAUSE_STOP = /\b(that|who|which|when|while|because|if|is|was|were|are|be|been|not)\b/;

const CLOSING_VERB =
  /^(?:said|says|added|adds|wrote|writes|stated|states|continued|explained|testified|told|tells|recalled|insisted|concluded|declared|noted|replied|responded|answered)$/;

/** `“…,” X said` / `“…,” said X`: the reporting clause right after the closing mark. */
export function attributeAfter(
  span: QuoteSpan,
  masked: string,
  doc: ArticleDoc,
  reg: PersonRegistry,
): Attribution | undefined {
  const base = span.paragraph.offset;
  const rel = span.close - base;
  let tail = masked.slice(rel, rel + 160);
  const stop = clauseEnd(tail);
  const lead = /^[\s,.!?;:—–-]*/.exec(tail)?.[0].length ?? 0;
  if (stop >= 0 && stop < lead) return undefined;
  const nextQuote = stop >= 0 && /[“"]/.test(tail.charAt(stop));
  if (stop >= 0) tail = tail.slice(0, Math.max(stop, lead));
  // "“…,” X and Y, two lawyers who represent the family, said": names before a long apposition.
  const listed = NAMES_APPOSITION_VERB.exec(tail);
  if (listed?.[1]) {
    const names = listed[1].trim();
    const start = base + rel + tail.indexOf(names);
    const found = resolveSubject(names, start, start + names.length, doc, reg);
    if (found?.speaker) return found;
  }
  const a = VERB_AFTER_SUBJECT.exec(tail);
  // After a finished sentence (“… soon.” He added: “…”) a capitalised clause is new, unless it is
  // only "Smith said." closing the quotation.
  if (a && /[.!?]$/.test(span.text) && /^\s*\p{Lu}/u.test(tail)) {
    const rest = tail.slice(a.index + a[0].length).trim();
    // "“…?” X asked the group of jurors": a question's asker, however long the object.
    const asked = /\?$/.test(span.text) && /^ask(?:ed|s)$/.test(a[2] ?? '');
    if (!asked && (nextQuote || rest.split(/\s+/).filter(Boolean).length > 3 || /^[:,]/.test(rest)))
      return undefined;
    // "… community." The office had asked for nine years: only a saying verb closes a finished quotation.
    if (!asked && !CLOSING_VERB.test(a[2] ?? '')) return undefined;
  }
  if (a?.[1]?.trim()) {
    // "Crump, who represents the family, said": the name before an apposition is the subject.
    // "…” in October 2021, the sheriff's office said": a leading time or place phrase is not the subject.
    const subject = a[1]
      .trim()
      .replace(/^(?:in|on|at|during|after|before|since|last|this|earlier|later)\b[^,]{0,40},\s*/i, '')
      .replace(/,\s*(?:who|which|a|an|the|one|his|her|their)\b.*$/, '');
    if (CLAUSE_STOP.test(subject)) return undefined;
    const start = base + rel + tail.indexOf(subject);
    return resolveSubject(subject, start, start + subject.length, doc, reg);
  }
  const b = VERB_BEFORE_SUBJECT.exec(tail);
  if (b?.[2]) {
    const start = base + rel + tail.indexOf(b[2], (b[1] ?? '').length);
    return resolveSubject(b[2].trim(), start, start + b[2].length, doc, reg);
  }
  return undefined;
}

/** Honorifics and initials whose period does not end the reporting clause ("Mr. Reyes said"). */
const ABBREVIATION_BEFORE_DOT =
  /(?:(?:^|[\s(])(?:Mr|Mrs|Ms|Mx|Dr|Prof|Rev|Sen|Rep|Gov|Lt|Sgt|Det|Capt|Col|Gen|Atty|Supt|Insp|St|Jr|Sr)|(?:^|[\s(.])\p{Lu})$/u;

/** Offset of the first quote mark or sentence end in a clause, skipping abbreviation periods; -1 if none. */
function clauseEnd(tail: string): number {
  for (const m of allMatches(tail, /[“"]|[.!?](?:\s|$)/g)) {
    if (m[0][0] === '.' && ABBREVIATION_BEFORE_DOT.test(tail.slice(0, m.index))) continue;
    return m.index;
  }
  return -1;
}

/** `X said, “…”` / `X told the courtroom, “…”` / `X said that “…”`: the last reporting verb before it. */
export function attributeBefore(
  span: QuoteSpan,
  masked: string,
  doc: ArticleDoc,
  reg: PersonRegistry,
): Attribution | undefined {
  const base = span.paragraph.offset;
  const sentence = sentenceAt(doc, span.open);
  if (!sentence) return undefined;
  const clause = masked.slice(sentence.offset - base, span.open - base);
  const verbs = [...allMatches(clause, ANY_VERB)];
  for (let k = verbs.length - 1; k >= 0; k--) {
    const v = verbs[k];
    if (!v) continue;
    const verb = v[1] ?? ''; // the group is not optional
    const between = clause.slice(v.index + v[0].length);
    if (between.length > 160 || /[;]/.test(between)) return undefined;
    if (/^according to$/i.test(verb)) {
      // "According to the complaint, Mills “…”": the source is the phrase up to the comma.
      const source = between.split(',')[0] ?? ''; // split always yields one part
      const start = sentence.offset + v.index + v[0].length;
      return resolveSubject(source.trim(), start, start + source.length, doc, reg);
    }
    // A participle's or an infinitive's subject is its clause's ("X met Y, …, noting she “…”",
    // "X walked in to announce, “…”"), not the nearest name.
    const infinitive = /\bto\s+$/.test(clause.slice(0, v.index));
    if (infinitive) {
      const subject = finiteSubject(sentence.offset, sentence.offset + v.index, doc, reg);
      if (subject) return subject;
    }
    if (/ing\b/.test(verb) && verb !== 'according to') {
      const subject =
        finiteSubject(sentence.offset, sentence.offset + v.index, doc, reg) ??
        sentenceSubject(sentence.offset, span.open, doc, reg);
      if (subject) return subject;
    }
    const found = subjectBefore(clause.slice(0, v.index), sentence.offset, doc, reg);
    if (found === 'reported-speech') continue; // "recalled hearing Combs shout": the outer speaker
    // "X was able to present first, … and claiming that …": a participle takes the sentence's subject;
    // so does a verb joined to the subject's first verb ("X, representing Y, reflected … and said:").
    const shared =
      verb.endsWith('ing') || /\band\s+(?:then\s+|also\s+|later\s+)?$/.test(clause.slice(0, v.index));
    if (shared && !found?.speaker && !found?.org) {
      const subject = sentenceSubject(sentence.offset, span.open, doc, reg);
      if (subject || !found) return subject;
    }
    return found;
  }
  return undefined;
}

/** A finite verb right after a name: a past form, a present "-s" form of a common verb, or an auxiliary. */
const FINITE_VERB =
  /^(?:[a-z]{2,}ed|sent|told|said|wrote|went|gave|made|took|left|met|spoke|began|rang|was|is|had|has|would|will|could)$/;

/** A finite verb right after a name, after one adverb at most ("X allegedly sent"). */
function finiteAfter(after: string): boolean {
  if (!/^\s/.test(after)) return false;
  const [first = '', second = ''] = after.trim().split(/\s+/, 2);
  return (
    FINITE_VERB.test(first) ||
    (/^[a-z]+ly$|^(?:also|then|once|again)$/.test(first) && FINITE_VERB.test(second))
  );
}

/**
 * The nearest named subject of a finite verb before a participle ("… Y was stabbed, and X later sent
 * a message to his father saying: “…”" → X): the participle's clause, not the sentence's first name.
 */
function finiteSubject(
  start: number,
  end: number,
  doc: ArticleDoc,
  reg: PersonRegistry,
): Attribution | undefined {
  const mentions = reg.mentionsIn(start, end).filter((m) => !m.inQuote);
  for (let k = mentions.length - 1; k >= 0; k--) {
    const m = mentions[k];
    if (!m || isPossessive(doc.text, m.end)) continue;
    if (finiteAfter(doc.text.slice(m.end, Math.min(end, m.end + 40)))) return { speaker: m.person.name };
  }
  return undefined;
}

/** The named subject opening a sentence ("Prosecutor Erlinda Johnson was able …"), if any. */
function sentenceSubject(
  start: number,
  end: number,
  doc: ArticleDoc,
  reg: PersonRegistry,
): Attribution | undefined {
  const first = reg.mentionsIn(start, end).find((m) => !m.inQuote);
  if (!first || isPossessive(doc.text, first.end)) return undefined;
  const lead = doc.text.slice(start, first.start).trim().split(/\s+/).filter(Boolean);
  // "Los Angeles County District Attorney X": a capitalised title of any length leads the name.
  return lead.length <= 4 || lead.every((w) => /^\p{Lu}/u.test(w))
    ? { speaker: first.person.name }
    : undefined;
}

/** A sentence that opens with "X stated (that) …": its reporter, for an unattributed quote after it. */
export function leadingReporter(
  text: string,
  offset: number,
  doc: ArticleDoc,
  reg: PersonRegistry,
): Attribution | undefined {
  const v = FIRST_VERB.exec(text);
  if (!v || v.index > 80) return undefined;
  const found = subjectBefore(text.slice(0, v.index), offset, doc, reg);
  return found && found !== 'reported-speech' && (found.speaker || found.org) ? found : undefined;
}

/** Whether a stretch of (masked) text holds a reporting verb. */
export function hasReportingVerb(text: string): boolean {
  return FIRST_VERB.test(text);
}

/** "X said." ending a sentence (or "X said there are..."): the speaker of what follows, if named. */
export function reportingSubject(
  text: string,
  offset: number,
  doc: ArticleDoc,
  reg: PersonRegistry,
): Attribution | undefined {
  const verbs = [...allMatches(text, ANY_VERB)];
  const v = verbs.at(-1);
  if (!v) return undefined;
  const found = subjectBefore(text.slice(0, v.index), offset, doc, reg);
  if (!found || found === 'reported-speech') {
    const after =
      /^\s+((?:the|a|an)\s+[a-z ]{1,40}?|\p{Lu}[\p{L}’'-]+(?:\s+\p{Lu}[\p{L}’'-]+)*)\s*[.,]?\s*$/u.exec(
        text.slice(v.index + v[0].length),
      );
    if (!after?.[1]) return undefined;
    const start = offset + v.index + v[0].length + text.slice(v.index + v[0].length).indexOf(after[1]);
    return resolveSubject(after[1], start, start + after[1].length, doc, reg);
  }
  return found;
}

/** The subject right before a verb: a name (skipping an apposition), a pronoun, or a noun phrase. */
function subjectBefore(
  before: string,
  offset: number,
  doc: ArticleDoc,
  reg: PersonRegistry,
): Attribution | 'reported-speech' | undefined {
  const end = offset + before.length;
  const mentions = reg.mentionsIn(offset, end).filter((m) => !m.inQuote);
  for (let k = mentions.length - 1; k >= 0; k--) {
    const m = mentions[k];
    if (!m || isPossessive(doc.text, m.end)) continue;
    if (!closeToVerb(doc.text.slice(m.end, end))) continue;
    // "X and Y, lawyers representing Z, told …", "the lawyer for Z said": Z is an object, not the subject.
    if (OBJECT_BEFORE.test(doc.text.slice(Math.max(offset, m.start - 40), m.start))) continue;
    if (/\b(hearing|heard|saw|watched|watching)\s+$/.test(doc.text.slice(offset, m.start)))
      return 'reported-speech';
    return { speaker: firstOfList(m, mentions, doc).name };
  }
  const pronoun = /\b(he|she|they)\s+((?:[a-z]+ly|also|then|later|has|had|have|once|again)\s+){0,2}$/i.exec(
    before,
  );
  if (pronoun) return resolvePronoun((pronoun[1] ?? '').toLowerCase(), offset + pronoun.index, reg, doc);
  // "The lawsuit, filed in Superior Court, claims": drop the apposition before the verb.
  const bare = before.replace(/,[^,]{1,80},\s*$/, ' ');
  const phrase =
    /(?:^|[,(—–]\s*|\b(?:but|and|however|instead|meanwhile|because|after|since|while|although|though|when|as)\s+)((?:the|a|an|his|her|their|\p{Lu}[\p{L}’'-]*)\b[^,;:]{0,60})\s+$/u.exec(
      bare,
    );
  if (phrase?.[1]) {
    const start = offset + bare.lastIndexOf(phrase[1]);
    return resolveSubject(phrase[1].trim(), start, start + phrase[1].length, doc, reg);
  }
  return undefined;
}

/** Between a name and its verb: nothing, a few adverbs, or an apposition in commas. */
function closeToVerb(between: string): boolean {
  let rest = between;
  if (/^\s*,/.test(rest)) {
    const first = rest.indexOf(',');
    const last = rest.lastIndexOf(',');
    // "His attorney, Mark Feldman, said": the comma closing an apposition around the name.
    rest = last > first ? rest.slice(last + 1) : rest.slice(first + 1);
  }
  const words = rest.trim().split(/\s+/).filter(Boolean);
  // "X wept as the judge announced": a subordinate clause brings its own subject.
  return (
    words.length <= 4 &&
    words.every((w) => /^[a-z]+$/.test(w) && !CLAUSE_STOP.test(w) && !SUBORDINATOR.test(w))
  );
}
