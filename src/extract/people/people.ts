import type { Person } from '../../facts.ts';
import { isCommonWord, isFirstName, lexTag, nameTokens } from '../lexicon/names.ts';
import { roleFromPhrase } from '../lexicon/roles.ts';
import { sentenceAt } from '../segment.ts';
import type { ArticleDoc, PersonEntry, PersonMention, PersonRegistry } from '../types.ts';
import { descriptorsIn } from './descriptors.ts';
import { addToDrafts, type Draft, fullestName, respelledSurname } from './merge.ts';
import { findNameRuns, type NameRun, titleLength } from './nameRuns.ts';
import { makeRegistry, resolveWords } from './registry.ts';
import {
  appositionAfter,
  collectEvidence,
  decideGender,
  decideRole,
  genderFromNameOnly,
  type RunEvidence,
  titleBefore,
} from './roleEvidence.ts';

const PERSON_VERB_AFTER =
  /^(?:,[^,]{0,60},)?\s+(?:also |later |then |previously |has |had |have |was |is )?(?:said|says|told|testified|added|wrote|argued|stated|claimed|asked|explained|noted|recalled|pleaded|was charged|was arrested)\b/;

/** Finds the people of an article and every mention of each (full name, surname, title + surname). */
export function buildPersonRegistry(doc: ArticleDoc): PersonRegistry {
  const runs = findNameRuns(doc).filter((r) => r.looksLikeName);
  const drafts: Draft[] = [];
  const runDraft = new Map<NameRun, Draft>();
  // Pass 1: runs that are people on their own create (or join) a person.
  // Full names first, so that a single word ("Diddy", "Mr. Combs") can join the person it names.
  const ordered = [...runs.filter((r) => r.words.length > 1), ...runs.filter((r) => r.words.length === 1)];
  const stage = stageNames(runs, doc.text);
  const lastToken = (name: string) => nameTokens(name).at(-1) ?? '';
  const stageWords = new Set([...stage.keys()].map((r) => lastToken(r.name)));
  for (const run of ordered) {
    // "Aldo and Bruno Smithers", "father and son Gregory and Travis Holm": a first name alone
    // before "and" and a full name shares its surname.
    const shared = run.inQuote ? undefined : sharedSurname(run, doc, runs);
    if (!shared && (run.inQuote || stageWords.has(lastToken(run.name)) || !isPersonCandidate(run, doc, runs)))
      continue;
    const composed = shared ?? composeFromRelation(run, doc, runs);
    const known = composed ? undefined : resolveWords(run.words, drafts);
    runDraft.set(run, known ?? addToDrafts(drafts, composed ?? run));
  }
  // A stage name beside a legal name is the same person, named by the legal name (its mentions follow in pass 2).
  for (const [alias, legal] of stage) {
    const d = runDraft.get(legal);
    if (!d) continue;
    d.nickname ??= alias.name;
    runDraft.set(alias, d);
  }
  // Pass 2: every other run that names a known person is a mention of it. The drafts are final
  // now, so each spelling ("Baldwin", said forty times) is resolved once.
  const resolved = new Map<string, Draft | undefined>();
  for (const run of runs) {
    if (runDraft.has(run) || namesAKind(run, doc.text)) continue;
    const key = run.words.join(' ');
    const d = resolved.has(key) ? resolved.get(key) : resolveWords(run.words, drafts);
    resolved.set(key, d);
    if (d) runDraft.set(run, d);
  }
  const evidence = new Map<Draft, RunEvidence[]>();
  let chain: RunEvidence[] = [];
  let prev: NameRun | undefined;
  for (const run of runs) {
    const d = runDraft.get(run);
    // Words inside quotations describe people loosely ("Halyna, her son"): no role evidence there.
    if (!d || run.inQuote) continue;
    const ev = collectEvidence(run, doc.text);
    const inList = prev && prev.sentence === run.sentence && chained(prev, run, doc.text);
    // "X and his father, Y, deny murder": a relative added to the subject shares the verb after the
    // list, not what the words before the first name say of it ("the victim, X, and his mother, Y").
    const kinAdded = !inList && prev && prev.sentence === run.sentence && kinAppended(prev, run, doc.text);
    if (inList || kinAdded) {
      const head = chain.at(-1); // the chain holds prev's evidence
      if (head && inList) propagate(head, ev);
      chain.push(ev);
      // A list is often only marked at its end ("X, Y and Z were stabbed", "X and Y are charged").
      if (ev.evidence.has('victim')) for (const c of chain) c.evidence.add('victim');
      if (ev.chargedAfter) for (const c of chain) c.evidence.add('defendant');
      // "X and Y, defense attorneys for Z": the plural apposition after the last name is the list's.
      if (ev.listTitle) for (const c of chain) c.title ??= ev.title;
    } else chain = [ev];
    prev = run;
    const list = evidence.get(d);
    if (list) list.push(ev);
    else evidence.set(d, [ev]);
  }
  // How often each draft's last word is written each way (full names and surnames alone).
  const spellings = new Map<Draft, Map<string, number>>();
  for (const [run, d] of runDraft) {
    let counts = spellings.get(d);
    if (!counts) {
      counts = new Map();
      spellings.set(d, counts);
    }
    const last = run.name.split(/\s+/).at(-1) ?? '';
    counts.set(last, (counts.get(last) ?? 0) + 1);
  }
  const entries = new Map<Draft, PersonEntry>();
  const nameOnlyGender = new Set<PersonEntry>();
  for (const d of drafts) {
    const ev = evidence.get(d) ?? [];
    const entry: PersonEntry = {
      name: respelledSurname(fullestName(d), spellings.get(d) ?? new Map()),
      role: decideRole(ev),
      titled: ev.some((v) => v.title),
      gender: decideGender(ev),
      aliases: [...d.variants.keys(), ...(d.nickname ? [d.nickname] : [])],
      mentions: [],
    };
    entries.set(d, entry);
    if (genderFromNameOnly(ev)) nameOnlyGender.add(entry);
  }
  const mentions: PersonMention[] = [];
  // The words around each mention outside quotations, in order, each once (one set per person).
  const titleWords = new Map<PersonEntry, Set<string>>();
  for (const [run, d] of runDraft) {
    const person = entries.get(d);
    if (!person) continue; // every run's draft is among the drafts
    mentions.push({ person, start: run.start, end: run.end, inQuote: run.inQuote });
    if (!run.inQuote) {
      const words = `${titleBefore(run, doc.text)} ${appositionAfter(run, doc.text).split(/\s+/).slice(0, 4).join(' ')}`;
      const seen = titleWords.get(person) ?? new Set<string>();
      titleWords.set(person, seen);
      for (const w of words.toLowerCase().split(/[^a-z]+/)) if (w) seen.add(w);
    }
    if (!person.aliases.includes(run.name)) person.aliases.push(run.name);
  }
  for (const [person, seen] of titleWords) person.titles = [...seen];
  mentions.sort((a, b) => a.start - b.start);
  for (const m of mentions) m.person.mentions.push(m.start);
  const people = [...entries.values()].filter((p) => p.mentions.length > 0);
  relativesBySurname(people);
  counselOfAccusers(runs, runDraft, entries, doc.text);
  people.sort((a, b) => (a.mentions[0] ?? 0) - (b.mentions[0] ?? 0)); // each has a mention
  inferGenderFromPronouns(mentions, doc, nameOnlyGender);
  return makeRegistry(people, mentions, drafts, entries);
}

const STAGE_THEN_LEGAL =
  /^\s*,?\s*(?:whose (?:legal|real|given|birth|full) name is|(?:who was )?born|real name:?|legally named)\s+$/i;
const LEGAL_THEN_STAGE =
  /^\s*,?\s*(?:(?:better |professionally |also |widely )?known as|who (?:performs|goes|records|raps) (?:as|by|under)|a\.?k\.?a\.?)\s+(?:the )?[“"]?(?:\p{Lu}[\p{L}.]*\s+){0,2}$/iu;

/**
 * Stage names given beside a legal name ("Young Thug, whose legal name is Jeffery Williams",
 * "Jeffery Williams, known as Young Thug"): the stage name's run mapped to the legal name's run.
 */
function stageNames(runs: NameRun[], text: string): Map<NameRun, NameRun> {
  const out = new Map<NameRun, NameRun>();
  for (let k = 0; k + 1 < runs.length; k++) {
    const a = runs[k];
    const b = runs[k + 1];
    if (!a || !b || a.sentence !== b.sentence || b.start - a.end > 60) continue;
    const between = text.slice(a.end, b.start);
    if (STAGE_THEN_LEGAL.test(between) && b.words.length >= 2) out.set(a, b);
    else if (LEGAL_THEN_STAGE.test(between) && a.words.length >= 2) out.set(b, a);
  }
  // "RAPPER Gunna was released. The rapper, whose real name is Sergio Kitchens, …": a described
  // subject's legal name belongs to the person the sentence before is about (its first name run).
  for (const b of runs) {
    if (b.words.length < 2 || b.inQuote || [...out.values()].includes(b)) continue;
    const before = text.slice(b.sentence.offset, b.start);
    if (!DESCRIBED_LEGAL_NAME.test(before)) continue;
    const alias = runs.find(
      (r) => r.sentence.index === b.sentence.index - 1 && r.looksLikeName && !r.inQuote && r.name !== b.name,
    );
    if (alias && !out.has(alias)) out.set(alias, b);
  }
  return out;
}

/** "an Alford plea", "a Miranda warning": a surname after an indefinite article names a kind of thing. */
function namesAKind(run: NameRun, text: string): boolean {
  return (
    run.words.length === 1 &&
    /\b(?:a|an|An|A)\s+$/.test(text.slice(Math.max(0, run.titleStart - 4), run.titleStart)) &&
    /^\s+[a-z]/.test(text.slice(run.end, run.end + 3))
  );
}

const DESCRIBED_LEGAL_NAME =
  /(?:^|\s)(?:The|the) (?:[\w-]+ ){0,4}[a-z-]+\s*(?:,|[—–])\s*whose (?:legal|real|given|birth|full) name is\s+$/;

/** The schema's people list: fullest name and role. */
export function peopleFacts(
  registry: PersonRegistry,
  doc: ArticleDoc,
  accused: ReadonlySet<string> = new Set(),
): Person[] {
  // A bare surname known only as a quotation's speaker, with no title or role, is kept for the
  // quotes but too thin to list as a person of the story, unless the article's facts accuse it.
  const thin = (p: PersonEntry) =>
    !p.name.includes(' ') && p.role === 'other' && !p.titles?.length && !accused.has(p.name);
  return registry.people
    .filter((p) => !thin(p))
    .map((p) => {
      const at = p.mentions[0] ?? 0;
      const s = sentenceAt(doc, at);
      return {
        name: p.name,
        role: p.role,
        provenance: { sentence: s?.text ?? '', offset: s?.offset ?? at },
        descriptors: descriptorsIn([doc.title, doc.text], p.aliases),
      };
    });
}

const COMMON_LIST_HEAD =
  /^(?:The|A|An|General|Judge|Justice|Police|Court|State|County|District|Federal|National|United|New|North|South|East|West|Central|Royal|First|Old|Great)$/;
const MODIFIER_TITLE_END =
  /(?:^|\s)(?:first|former|legal|assistant|general|special|district|defen[cs]e|public|state|county|federal|superior|circuit|court|medical|forensic|entertainment)$/i;
const FIRM_SUFFIX = /^,?\s+(?:LLP|LLC|PLLC|PC|P\.C\.|Inc|Ltd)\b/;
const PLACE_NOUN_AFTER = /^\s+(?:residents?|natives?|homeowners?|neighbou?rhoods?|suburbs?)\b/;

function isPersonCandidate(run: NameRun, doc: ArticleDoc, runs: NameRun[]): boolean {
  const w = run.words;
  const firstWord = w[0] ?? ''; // a run has one word at least
  const lastWord = w.at(-1) ?? '';
  // A byline ("By Jane Writer") names the reporter, not a person of the story.
  if (/^\s*By\s+$/.test(doc.text.slice(run.sentence.offset, run.start))) return false;
  if (/^By\s+(?:\p{Lu}[\p{L}.'’-]*\s*|and\s+|&\s*)+(?:[,|–—].*)?$/u.test(run.sentence.text)) return false; // "By A and B"
  // "Jane Writer | (Agency) Paper": a name alone on its line before a bar is a byline.
  if (
    /(?:^|\n)[ \t]*$/.test(doc.text.slice(Math.max(0, run.start - 3), run.start)) &&
    /^[ \t]*\|/.test(doc.text.slice(run.end, run.end + 3))
  )
    return false;
  // Photo credits: "(AP Photo/Jane Doe)", "Photo: Jane Doe/Getty Images".
  const near = doc.text.slice(Math.max(run.sentence.offset, run.start - 25), run.end + 2);
  if (
    /\b(?:photo|photograph|image|credit|illustration)s?\b[^.]*$|^[^.]*\//i.test(
      near.slice(0, run.start - Math.max(run.sentence.offset, run.start - 25)),
    ) ||
    /^\//.test(doc.text.slice(run.end, run.end + 1))
  )
    return false;
  // Characters: "who played Detective Sara Lane", "the role of Harland".
  const titleLen = titleLength(run);
  const lead = doc.text.slice(Math.max(run.sentence.offset, run.start - titleLen - 30), run.start - titleLen);
  if (
    /\b(?:play(?:s|ed|ing)?|portray(?:s|ed|ing)?|character|role of|starr?(?:ed|ing|s) as|voiced)\s+$/.test(
      lead,
    )
  )
    return false;
  // "North Carolina v. Alford": the parties of a cited case are no people of the story.
  if (/^\s+vs?\.?\s+\p{Lu}/u.test(doc.text.slice(run.end, run.end + 8))) return false;
  // "Kirker Lane LLP": a firm named after its partners.
  if (FIRM_SUFFIX.test(doc.text.slice(run.end, run.end + 8))) return false;
  // "a Massapequa Park resident", "the Memphis native": a place that describes someone.
  if (PLACE_NOUN_AFTER.test(doc.text.slice(run.end, run.end + 20)) && !run.possessive) return false;
  const title = titleBefore(run, doc.text);
  const hasTitle = title.length > 0 && !/^(?:the|a|an)$/i.test(title);
  if (w.length === 1)
    return (
      // "Mangione, 27, is due in court": an age in apposition is said of a person.
      // "the first Ohio mayor": a modifier word ("first", "former") heads no title of a person.
      ((hasTitle && !MODIFIER_TITLE_END.test(title)) ||
        namesQuoteSpeaker(run, doc.text) ||
        /^,\s*\d{1,3},/.test(doc.text.slice(run.end, run.end + 6))) &&
      !isCommonWord(firstWord) &&
      !/^\p{Lu}{2,}$/u.test(firstWord) &&
      !lexTag(firstWord)?.match(/Place|City|Country|Region|Organization/)
    );
  if (hasTitle || isFirstName(firstWord) || run.nickname || /^(?:\p{Lu}\.)+$/u.test(firstWord)) return true;
  const after = doc.text.slice(run.end, run.end + 80);
  if (/^,\s*\d{1,3}\b/.test(after) || PERSON_VERB_AFTER.test(after)) return true;
  if (speaksAfterQuote(run, doc.text)) return true;
  // Unknown words (no first name the lexicon knows) need some sign that they name a person.
  // A surname that is also a word ("Rice", "Bean") still names someone when the first word is no
  // word and the run stands in a list of names with known first names.
  if (w.some((x) => isCommonWord(x)))
    return (
      // "Hunter Rose, Dean Price and Carl Brill": words that are also nouns still name people in a
      // list of full names with a known member; a title or plural word first makes no first name.
      (w.length === 2 &&
        !COMMON_LIST_HEAD.test(firstWord) &&
        !(isCommonWord(firstWord) && /s$/.test(firstWord)) &&
        inNameList(run, doc, runs)) ||
      // "Rex Heuermann appeared before a judge": a first name that is also a word, before a surname
      // no lexicon knows, names a person when the words around it give a role.
      (w.length === 2 && lexTag(lastWord) === undefined && hasRoleEvidence(run, doc.text))
    );
  if (lexTag(lastWord) === 'LastName') return true;
  if (hasRoleEvidence(run, doc.text)) return true;
  const last = nameTokens(lastWord)[0];
  if (runs.some((r) => r !== run && r.words.length === 1 && nameTokens(r.words[0] ?? '')[0] === last))
    return true;
  // A member of a list of names with a known first name ("Madison Mogen, Xana Kernodle and ...").
  return inNameList(run, doc, runs);
}

function hasRoleEvidence(run: NameRun, text: string): boolean {
  const ev = collectEvidence(run, text);
  return Boolean(ev.title) || ev.evidence.size > 0;
}

/**
 * The run stands in a list of full names ("X, Y and Z") of which another member has a first name
 * or a surname the lexicon knows.
 */
function inNameList(run: NameRun, doc: ArticleDoc, runs: NameRun[]): boolean {
  const at = runs.indexOf(run);
  const known = (r: NameRun) =>
    r.words.length >= 2 && (isFirstName(r.words[0] ?? '') || lexTag(r.words.at(-1) ?? '') === 'LastName');
  for (const step of [-1, 1]) {
    let a = run;
    for (let k = at + step; k >= 0 && k < runs.length; k += step) {
      const r = runs[k];
      if (!r || r.sentence !== run.sentence || r.words.length < 2) break;
      if (!(step > 0 ? chained(a, r, doc.text) : chained(r, a, doc.text))) break;
      if (known(r)) return true;
      a = r;
    }
  }
  return false;
}

/**
 * A single word that closes a quotation as its speaker (`,” Bragg said`, `?” asked Cannone`): an
 * article that names someone only by surname still names a person.
 */
function namesQuoteSpeaker(run: NameRun, text: string): boolean {
  const before = text.slice(Math.max(0, run.start - 30), run.start);
  if (/[”"]\s*(?:said|says|asked|asks|added|adds|continued|replied)\s+$/.test(before)) return true;
  return (
    /[,.?!—–-][”"]\s*$/.test(before) &&
    /^\s+(?:said|says|asked|asks|added|adds|told|tells|wrote|writes|continued|replied)\b/.test(
      text.slice(run.end, run.end + 20),
    )
  );
}

/**
 * `,” Ann Lee of Lee Fox LLP, a lawyer who …, said.`: a name right after a closing quotation mark whose
 * clause ends in a reporting verb is the quotation's speaker, however long the apposition between.
 */
function speaksAfterQuote(run: NameRun, text: string): boolean {
  if (!/[,?!—–-][”"]\s*$/.test(text.slice(Math.max(0, run.titleStart - 4), run.titleStart))) return false;
  const rest = text.slice(run.end, run.sentence.offset + run.sentence.text.length);
  const clause = rest.split(/[“”"]/)[0] ?? '';
  return /, (?:also )?(?:said|says|added|adds|told|tells|wrote|writes)\b[^,.!?]{0,40}[.!?]?$/.test(
    clause.slice(0, 220).trimEnd(),
  );
}

const COUNSEL_OF = /^['’]s?\s+(?:[a-z-]+\s+)?(?:lawyers?|attorneys?|counsel)(?:,\s*|\s+)$/;
const ACCUSERS = new Set(['victim', 'plaintiff', 'family']);

/**
 * "the victim's lawyer, Ann Lee" / "Roe's attorney Ann Lee": a lawyer for a victim, plaintiff or
 * relative defends no one: the schema gives such counsel no court role (`other`).
 */
function counselOfAccusers(
  runs: NameRun[],
  runDraft: Map<NameRun, Draft>,
  entries: Map<Draft, PersonEntry>,
  text: string,
): void {
  for (let k = 0; k + 1 < runs.length; k++) {
    const owner = runs[k];
    const lawyer = runs[k + 1];
    if (!owner || !lawyer || !owner.possessive || owner.sentence !== lawyer.sentence) continue;
    if (!COUNSEL_OF.test(text.slice(owner.end, lawyer.titleStart))) continue;
    const o = runDraft.get(owner);
    const l = runDraft.get(lawyer);
    const ownerEntry = o && entries.get(o);
    const lawyerEntry = l && entries.get(l);
    if (ownerEntry && lawyerEntry && ACCUSERS.has(ownerEntry.role) && lawyerEntry.role === 'defense_attorney')
      lawyerEntry.role = 'other';
  }
}

const RELATION = '(?:father|mother|brother|sister|son|daughter|dad|mom|husband|wife)';
const POSSESSIVE_RELATION_GAP = new RegExp(`^['’]s?\\s+${RELATION},?\\s+$`);
const WHOSE_RELATION_GAP = new RegExp(`^,\\s+whose\\s+(?:\\w+\\s+)?${RELATION}\\s+$`);
/** "Abel Dace, 61, and his son Ronald": a relative added to a full name, by first name only. */
const AND_RELATION_GAP = new RegExp(
  `^(?:,\\s*\\d{1,3},?)?\\s+and\\s+(?:his|her)\\s+(?:\\d{1,3}-year-old\\s+)?${RELATION},?\\s+$`,
);

/** "Kaylee Goncalves’ father, Steve" → Steve Goncalves: a first name given by relation. */
function composeFromRelation(run: NameRun, doc: ArticleDoc, runs: NameRun[]): NameRun | undefined {
  if (run.words.length !== 1) return undefined;
  // "X’s father, Steve" or "Carol X, whose son Evan": the owner's surname completes the first name.
  let owner: NameRun | undefined;
  for (const r of runs)
    if (r.end < run.start && r.sentence === run.sentence && r.words.length >= 2) owner = r;
  if (!owner) return undefined;
  const gap = doc.text.slice(owner.end, run.start);
  const byPossessive = owner.possessive && POSSESSIVE_RELATION_GAP.test(gap);
  const byWhose = !owner.possessive && WHOSE_RELATION_GAP.test(gap);
  const byAnd = !owner.possessive && AND_RELATION_GAP.test(gap) && isFirstName(run.name);
  if (!byPossessive && !byWhose && !byAnd) return undefined;
  const surname = owner.words.at(-1) ?? ''; // owner has two words at least
  return { ...run, name: `${run.name} ${surname}`, words: [...run.words, surname] };
}

/** "Aldo and Bruno Smithers": a first name, then " and " and a full name of two words or more. */
function sharedSurname(run: NameRun, doc: ArticleDoc, runs: NameRun[]): NameRun | undefined {
  if (run.words.length !== 1 || !isFirstName(run.name)) return undefined;
  const next = runs.find((r) => r.start > run.end && r.sentence === run.sentence);
  if (!next || next.words.length < 2 || !isFirstName(next.words[0] ?? '')) return undefined;
  if (!/^ (?:and|&) $/.test(doc.text.slice(run.end, next.titleStart))) return undefined;
  const surname = next.words.slice(1).join(' ');
  return { ...run, name: `${run.name} ${surname}`, words: [...run.words, ...next.words.slice(1)] };
}

const NAME_SUFFIX = /^,?\s+(?:Jr|Sr|II|III|IV)\b\.?/;

/** b follows a in a list of names ("X, Y and Z", "X, 20, Y, 21"); possessives are not list members. */
function chained(a: NameRun, b: NameRun, text: string): boolean {
  if (a.possessive || b.possessive || b.start <= a.end) return false;
  // "X, Dr. Y and Z": an abbreviated title is a run of its own, so it sits in the gap.
  // "X III and Y": a generational suffix the run left out belongs to the name before the gap.
  const gap = text
    .slice(a.end, b.titleStart)
    .replace(NAME_SUFFIX, '')
    .replace(/\b(?:Mr|Mrs|Ms|Mx|Dr|Sgt|Lt|Det|Capt|Prof|Rev)\.\s+$/, '');
  // "X and former lab associate Y": a short description of the next member.
  if (/^(?:,\s*\d{1,3},?)?\s*(?:;\s*)?(?:,\s*)?(?:and|&)\s+(?:[a-z-]+\s+){0,3}$/.test(gap)) return true;
  // "X, and her clerk, Y": a plain description (no role noun) between commas still joins the list.
  const described = /^,?\s*(?:and|&)\s+((?:[a-z-]+\s+){0,3}[a-z-]+),\s*$/.exec(gap);
  if (described && !roleFromPhrase(described[1] ?? '', 'last')) return true; // the group is not optional
  if (!/^(?:,\s*\d{1,3})?\s*[,;]\s*$/.test(gap)) return false;
  // A bare comma only joins list members: b must itself be followed by the list's next separator.
  const after = text.slice(b.end, b.end + 16).replace(NAME_SUFFIX, '');
  return /^(?:,\s*\d{1,3})?(?:,|;|\s+and\b|\s+&)/.test(after);
}

const KIN_ADDED = new RegExp(`^,?\\s+(?:and|&)\\s+(?:his|her|their)\\s+(?:[a-z0-9-]+\\s+)?${RELATION},\\s*$`);

/** b is a relative added to a after a comma ("X and his father, Y"). */
function kinAppended(a: NameRun, b: NameRun, text: string): boolean {
  return !a.possessive && !b.possessive && b.start > a.end && KIN_ADDED.test(text.slice(a.end, b.titleStart));
}

function propagate(from: RunEvidence, to: RunEvidence): void {
  if (from.title && !to.title) to.title = from.title;
  for (const e of ['victim', 'defendant', 'relative', 'witness'] as const)
    if (from.evidence.has(e)) to.evidence.add(e);
}

/**
 * Someone with no role of their own who shares a full named victim's or defendant's surname is a
 * relative in crime news ("Ana Ruiz said her brother…" in a story about the killing of Tomas Ruiz).
 */
function relativesBySurname(people: PersonEntry[]): void {
  const surname = (p: PersonEntry) => {
    const t = nameTokens(p.name);
    return t.length >= 2 ? t.at(-1) : undefined;
  };
  const principals = people.filter((p) => p.role === 'victim' || p.role === 'defendant');
  for (const p of people) {
    const last = surname(p);
    if (p.role !== 'other' || !last) continue;
    if (principals.some((q) => q !== p && surname(q) === last)) p.role = 'family';
  }
}

/** For people without a gendered cue (or only a first-name guess): the pronoun after sentences where they are alone. */
function inferGenderFromPronouns(mentions: PersonMention[], doc: ArticleDoc, weak: Set<PersonEntry>): void {
  const votes = new Map<PersonEntry, number>();
  let k = 0; // mentions are sorted: walk them alongside the sentences
  for (const s of doc.sentences) {
    while (k < mentions.length && (mentions[k]?.start ?? s.offset) < s.offset) k++;
    const inS: PersonMention[] = [];
    for (let j = k; j < mentions.length; j++) {
      const m = mentions[j];
      if (!m || m.start >= s.offset + s.text.length) break;
      inS.push(m);
    }
    const [firstIn] = inS;
    if (!firstIn) continue;
    const distinct = new Set(inS.map((m) => m.person));
    if (distinct.size !== 1) continue;
    const p = firstIn.person;
    if (p.gender && !weak.has(p)) continue;
    const next = doc.sentences[s.index + 1];
    const nextText = next?.paragraph === s.paragraph ? next.text : '';
    if (p.gender) {
      // Overruling a first-name guess takes a sentence that opens with the subject pronoun.
      const opener = /^\W*(he|she)\b/i.exec(nextText)?.[1]?.toLowerCase();
      if (opener) votes.set(p, (votes.get(p) ?? 0) + (opener === 'he' ? 1 : -1));
      continue;
    }
    const window = `${s.text.slice(firstIn.end - s.offset)} ${nextText}`;
    const he = (window.match(/\b(he|him|his|himself)\b/gi) ?? []).length;
    const she = (window.match(/\b(she|her|hers|herself)\b/gi) ?? []).length;
    votes.set(p, (votes.get(p) ?? 0) + Math.sign(he - she));
  }
  // A first-name guess ("Rowan", "Jordan") gives way to the pronouns the article uses.
  for (const [p, v] of votes) if ((!p.gender || weak.has(p)) && v !== 0) p.gender = v > 0 ? 'male' : 'female';
}
