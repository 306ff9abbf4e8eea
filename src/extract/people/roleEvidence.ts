import type { Role } from '../../facts.ts';
import { OFFENCE_RE } from '../lexicon/legalTerms.ts';
import { firstNameGender, isCommonWord, isFirstName } from '../lexicon/names.ts';
import { GENDERED_NOUNS, HONORIFIC_GENDER, roleFromPhrase, TITLE_WORDS } from '../lexicon/roles.ts';
import { type NameRun, titleLength } from './nameRuns.ts';
import {
  ABBREVIATED_TITLE,
  ACCUSED_APPOSITION,
  ACT_OF_DESCRIBED_BEFORE,
  ADMITS_OR_DENIES,
  AGE_APPOSITION,
  APPOSITION_PART,
  APPOSITION_WHO_DEFENDANT,
  CHARGE_AGAINST_PRONOUN,
  CIVIL_DEFENDANT_AFTER,
  CLAUSE_THEN_WHO,
  CO_DEFENDANT_BEFORE,
  COORDINATED_DEFENDANT,
  COUNT_WORDS,
  DEFENDANT_AFTER,
  DEFENDANT_BEFORE,
  DEFENDANT_POSSESSION,
  IN_SUIT_AFTER,
  inAgainstList,
  NAMED_BEFORE,
  NAMED_IN_SUIT_AFTER,
  NOT_CHARGED,
  ORDERED_TO_PAY_AFTER,
  ORDERED_TO_PAY_BEFORE,
  PLAINTIFF_AFTER,
  PLAINTIFF_BEFORE,
  RELATIVES_AFTER,
  SUIT_FILED_BY_BEFORE,
  SUIT_NAMES_BEFORE,
  TEACHER_APPOSITION,
  VICTIM_AFTER,
  VICTIM_POSSESSION,
  victimBefore,
  WHO_DEFENDANT,
  WHOSE_RELATIVE,
  WITNESS_AFTER,
  WITNESS_BEFORE,
} from './patterns.ts';

/**
 * Role and gender evidence from the words around each mention. Explicit titles and appositions
 * beat what the sentence says happened to the person (victim, defendant, witness).
 */

export type Evidence = 'title' | 'victim' | 'defendant' | 'plaintiff' | 'witness' | 'relative';

/** The lower-case words right before a run when they end in a role noun ("Baldwin’s attorneys"). */
export function titleBefore(run: NameRun, text: string): string {
  const cached = titleCache.get(run);
  if (cached !== undefined) return cached;
  const title = computeTitleBefore(run, text);
  titleCache.set(run, title);
  return title;
}

const titleCache = new WeakMap<NameRun, string>();

function computeTitleBefore(run: NameRun, text: string): string {
  const titleLen = titleLength(run);
  const to = run.start - titleLen;
  let from = Math.max(run.sentence.offset, to - 80);
  // Only the text after the last clause mark (; : “ ” " or opening parenthesis) counts.
  for (let k = to - 1; k >= from; k--) {
    const c = text.charCodeAt(k);
    if (c === 59 || c === 58 || c === 0x201c || c === 0x201d || c === 34 || c === 40) {
      from = k + 1;
      break;
    }
  }
  const before = text.slice(from, to);
  // "Commonwealth's Attorney Ann Lee", "State's Attorney": the office's owner belongs to the title.
  const office = /\b(?:Commonwealth|State|People)[’']s\s+$/.exec(before);
  if (office && run.title) return `${office[0].trim().toLowerCase()} ${run.title}`;
  // "his attorney, Anne Taylor": a comma right before the name closes the title.
  // "two other defendants — X and Y": a dash before the name closes the title as a comma does.
  // "The magistrate, Mr. E. J. Crowther": an honorific between the apposition's comma and the name.
  const honorific = run.possessive ? null : HONORIFIC_END.exec(before);
  const bare =
    honorific && describedEnd(before.slice(0, honorific.index))
      ? before.slice(0, honorific.index + 1)
      : before;
  const words = (run.possessive ? before : bare.replace(/(?:,|\s[—–])\s*$/, ' ')).trim().split(/\s+/);
  const tail: string[] = [];
  // The sentence's first word is capitalised by position only ("Prosecution counsel Ann Lee").
  const opensSentence = from === run.sentence.offset && /^\s*\p{Lu}/u.test(before);
  for (let k = words.length - 1; k >= 0 && tail.length < 5; k--) {
    const w = words[k];
    if (!w || w.endsWith(',')) break;
    // Only a capitalised word needs the title check (lower-case words always join the tail).
    if (
      /^\p{Lu}/u.test(w) &&
      !/[’']s?$/.test(w) &&
      !isTitleWord(w) &&
      !(k === 0 && opensSentence && isLowerWord(w))
    )
      break;
    tail.unshift(w);
  }
  const head = tail.at(-1)?.toLowerCase() ?? '';
  if (!head || !(TITLE_WORDS.has(head) || GENDERED_NOUNS[head] || roleFromPhrase(head, 'last')))
    return run.title;
  return `${tail.join(' ')} ${run.title}`.trim();
}

/** A sentence-initial word that is an ordinary lower-case word of the lexicon ("Defence", not "Paxton"). */
const isLowerWord = (w: string) => isCommonWord(w) && !isFirstName(w);
/** The side of counsel, often capitalised in English reports ("Crown counsel", "Prosecution barrister"). */
const COUNSEL_SIDE_WORD = /^(?:Crown|Prosecution|Prosecuting|Defen[cs]e|Defending)$/;

/** "The magistrate, Mr. ": an honorific after an apposition's comma ... */
const HONORIFIC_END = /, ?(?:Mr|Mrs|Ms|Miss|Dr)\.? $/;
const HONORIFIC_TAIL = /\b(?:Mr|Mrs|Ms|Miss|Dr)\.? $/;

/** ... when the apposition is described (a determiner and up to three words), not a list ("police and prosecutors"). */
function describedEnd(text: string): boolean {
  const words = text.trim().split(/\s+/).slice(-4);
  const at = words.findIndex((w) => /^(?:the|his|her|their|an?)$/i.test(w));
  return at >= 0 && at < words.length - 1 && words.slice(at + 1).every((w) => /^[a-z-]+$/.test(w));
}

const isTitleWord = (w: string) =>
  COUNSEL_SIDE_WORD.test(w) || TITLE_WORDS.has(w.toLowerCase().replace(/\.$/, '')) || /^[A-Z]{2,4}$/.test(w);

function widerTitle(run: NameRun, text: string): string {
  const titleLen = titleLength(run);
  const before = text.slice(Math.max(run.sentence.offset, run.start - titleLen - 60), run.start - titleLen);
  const words = (before.split(/[;:“"(]/).at(-1) ?? '').trim().split(/\s+/).slice(-4);
  return words.every((w) => /^[a-z’'-]+,?$/.test(w) || /^(?:His|Her|Their|The)$/.test(w))
    ? words.join(' ')
    : '';
}

const POSSESSIVE_OWNER = /^(?:[A-Z][\w.-]*\s+){0,2}[A-Z][\w-]*(?:[’']s|s[’'])\s+/;

/** The apposition after a run: ", the chief public defender for the county," / " – one of the …". */
export function appositionAfter(run: NameRun, text: string): string {
  const end = run.sentence.offset + run.sentence.text.length;
  const after = text.slice(run.end + (run.possessive ? 2 : 0), Math.min(end, run.end + 120));
  // "Rosa Diaz, Ortiz's sister" / "Ann Cole, Dr. Lee's lawyer": a possessive name opens an apposition too.
  const m =
    /^(?:,\s*\d{1,3},)?\s*(?:,|\s[–—-])\s*((?:the|a|an|one|another|his|her|their|who|whose|(?:[A-Z][\w.-]*\s+){0,2}[A-Z][\w-]*(?:[’']s|s[’'])|(?:[Aa]cting|[Ii]nterim|[Aa]ssistant|[Dd]eputy|[Cc]hief|[Ss]enior|[Ll]ead|[Ss]pecial|[Dd]efen[cs]e|[Dd]istrict|[Ff]ederal|U\.S\.|United States|[Pp]ublic|[Cc]o-counsel)(?=\s+[\w.]+)|(?:defense|defence|criminal|trial) (?:attorneys?|lawyers?)|attorneys|lawyers|prosecutors)(?=[\s,])[^,;:–—()]{0,90})/.exec(
      after,
    );
  const appo = m?.[1] ?? '';
  // "held by X, Santa Fe’s top prosecutor is …" is a new clause: a possessive apposition is short and closed.
  if (m && POSSESSIVE_OWNER.test(appo)) {
    const rest = after.slice(m.index + m[0].length);
    if (appo.trim().split(/\s+/).length > 6 || !/^\s*(?:,|[.;]|$)/.test(rest)) return '';
  }
  return appo;
}

/** A plural role noun heading an apposition. */
const PLURAL_HEAD =
  /^(?:[\w’'-]+\s+){0,2}?(?:attorneys|lawyers|prosecutors|judges|witnesses|victims|jurors|officers|detectives|experts|spokespeople|co-defendants|defendants)\b/i;

/** What one mention says about its person. */
export interface RunEvidence {
  title?: Role | undefined;
  evidence: Set<Evidence>;
  gender: Array<'male' | 'female'>;
  /** The defendant evidence is a verb after the name ("… are charged"), which a whole list shares. */
  chargedAfter?: boolean;
  /** The title is a plural apposition after a list ("X and Y, defense attorneys for Z"): the whole list's. */
  listTitle?: boolean;
  /** Gender guessed from the first name only (weaker than a title or a gendered noun). */
  nameGender?: 'male' | 'female' | undefined;
}

/** Collects role and gender evidence from one mention. */
export function collectEvidence(run: NameRun, text: string): RunEvidence {
  let votes = evidenceCache.get(run);
  if (!votes) {
    votes = computeEvidence(run, text);
    evidenceCache.set(run, votes);
  }
  return copyEvidence(votes);
}

/** A copy the caller may extend (lists share evidence); built field by field, faster than a spread. */
function copyEvidence(v: RunEvidence): RunEvidence {
  return {
    title: v.title,
    evidence: new Set(v.evidence),
    gender: v.gender.slice(),
    chargedAfter: v.chargedAfter,
    listTitle: v.listTitle,
    nameGender: v.nameGender,
  };
}

const evidenceCache = new WeakMap<NameRun, RunEvidence>();

/** "Former Elk County sheriff's deputy ", "ex-officer ": a title the person no longer holds. */
const FORMER_BEFORE = /(?:\b(?:former|fired|onetime)\s|\bex-)[^,.;:()]{0,50}$/i;

function computeEvidence(run: NameRun, text: string): RunEvidence {
  const votes: RunEvidence = { evidence: new Set(), gender: [] };
  const title = titleBefore(run, text);
  const appo = appositionAfter(run, text);
  // "Her husband, director Paul Brooks": a role noun one comma further back still describes the name.
  const fromTitle = title
    ? (roleFromPhrase(title, 'last') ?? roleFromPhrase(widerTitle(run, text), 'last'))
    : undefined;
  // A relative clause ("who is cooperating with investigators") names a role only as "who is a/the …".
  const appoRole = /^who\b/.test(appo)
    ? /^who (?:is|was|has been|had been) (?:a|an|the)\b/.test(appo)
      ? appo
      : ''
    : appo;
  // "Sgt. Lee's lawyer": the owner's title is not the role of the person in apposition.
  const ownerless = appoRole.replace(POSSESSIVE_OWNER, '');
  const fromAppo = ownerless ? roleFromPhrase(ownerless, 'first') : undefined;
  let role = fromTitle ?? fromAppo;
  // "former deputy X", "X, a fired officer": no longer an official at publication; in crime news the
  // accused officers of a police case ("five former officers charged"). The facts decide.
  if (
    role === 'official' &&
    (fromTitle === 'official'
      ? FORMER_BEFORE.test(text.slice(Math.max(run.sentence.offset, run.start - 80), run.start))
      : /^(?:a |an |the )?(?:former|fired|onetime|ex-)/i.test(appo))
  )
    role = undefined;
  // English counsel: "X KC, prosecuting,", "Prosecuting, X KC", "X, defending,".
  const counsel = counselSide(run, text);
  if (counsel && (!role || role === 'defense_attorney')) role = counsel;
  // "attorney X, a lawyer representing the families": the apposition says whose counsel the title is.
  if (fromTitle === 'defense_attorney' && fromAppo === 'other') role = 'other';
  if (ACCUSED_APPOSITION.test(appo) || APPOSITION_WHO_DEFENDANT.test(appo)) role = 'defendant';
  else if (!role && TEACHER_APPOSITION.test(appo)) role = 'expert';
  // Lawyers commenting from outside the case (a former prosecutor, "not involved") are experts.
  if (
    (role === 'defense_attorney' || role === 'prosecutor') &&
    /not involved|outside|former/.test(`${title} ${appo}`)
  ) {
    role = 'expert';
  }
  if (role === 'defendant') votes.evidence.add('defendant');
  else if (role) votes.title = role;
  if (votes.title && !fromTitle && PLURAL_HEAD.test(ownerless)) votes.listTitle = true;
  for (const g of [genderFromWords(title), genderFromWords(appo.split(/\s+/).slice(0, 3).join(' '))]) {
    if (g) votes.gender.push(g);
  }
  const fg = firstNameGender(run.words[0] ?? '');
  if (fg && run.words.length >= 2) votes.nameGender = fg;

  const titleLen = titleLength(run);
  // "names Sgt. Ann Lee": an abbreviated title is its own run; the context is what precedes it.
  const before = text
    .slice(Math.max(run.sentence.offset, run.start - 96 - titleLen), run.start - titleLen)
    .replace(ABBREVIATED_TITLE, '');
  // "Peter Doe (59) was found guilty": an age in brackets (British and Irish style) is an apposition.
  const after = text
    .slice(run.end + (run.possessive ? 2 : 0), run.sentence.offset + run.sentence.text.length)
    .replace(BRACKETED_AGE, '');
  if (votes.title === 'defense_attorney' && SUIT_FILED_BY_BEFORE.test(wideBefore(run, text, titleLen)))
    votes.title = 'other';
  // "The family of Tyre Nichols filed a lawsuit": what follows is the relatives' doing, not his.
  if (
    /\b(?:family|families|mother|father|parents|relatives|estate|widow|widower|son|daughter) of\s+$/.test(
      before,
    )
  ) {
    votes.evidence.add('relative');
    return votes;
  }
  // "charged with the killing of X were indicted": X is the object of the harm word; the verb
  // after it belongs to the phrase's head, not to X.
  const harmed = victimBefore(before);
  const harmObject = harmed && /\bof\s+(?:[\w’'-]+\s+){0,3}$/.test(before);
  if (
    harmed ||
    // A numbered court pseudonym ("Jane Doe 2") shields an accuser.
    /^(?:Jane|John) (?:Doe|Roe) \d$/.test(run.name) ||
    VICTIM_AFTER.test(after) ||
    /^(?:one of )?(?:the|two|three|four|five|\d+)\b[^,]*\b(?:killed|died|slain|murdered|victims)\b/.test(appo)
  ) {
    votes.evidence.add('victim');
  }
  if (
    /\b(?:lawyers|attorneys|counsel|defen[cs]e (?:lawyers?|attorneys?|team)) (?:for|representing)\s+$/i.test(
      before,
    )
  ) {
    votes.evidence.add('defendant');
  }
  if (
    !run.possessive &&
    !harmObject &&
    DEFENDANT_AFTER.test(after) &&
    !NOT_CHARGED.test(after) &&
    !CLAUSE_THEN_WHO.test(after)
  ) {
    votes.evidence.add('defendant');
    votes.chargedAfter = true;
  }
  if (!run.possessive && WHO_DEFENDANT.test(after)) votes.evidence.add('defendant');
  if (!run.possessive && admitsOrDeniesOffence(after)) {
    // "X and Y, 55, deny murder": the plea after the list's last name is the whole list's.
    votes.evidence.add('defendant');
    votes.chargedAfter = true;
  }
  if (!run.possessive && COORDINATED_DEFENDANT.test(after.replace(AGE_APPOSITION, '')))
    votes.evidence.add('defendant');
  if (
    DEFENDANT_BEFORE.test(before) ||
    ACT_OF_DESCRIBED_BEFORE.test(before) ||
    CO_DEFENDANT_BEFORE.test(before) ||
    (before.includes('names') && SUIT_NAMES_BEFORE.test(before)) ||
    againstListBefore(run, text, titleLen)
  )
    votes.evidence.add('defendant');
  // "Officer X resigned after the charge against him was dismissed": no other name in between.
  const against = CHARGE_AGAINST_PRONOUN.exec(after);
  if (!run.possessive && against && !/\p{Lu}\p{Ll}+\s+\p{Lu}/u.test(after.slice(0, against.index)))
    votes.evidence.add('defendant');
  if (!run.possessive && WHOSE_RELATIVE.test(after) && !votes.title) votes.title = 'family';
  if ((!run.possessive && PLAINTIFF_AFTER.test(after)) || PLAINTIFF_BEFORE.test(before))
    votes.evidence.add('plaintiff');
  if (!run.possessive && CIVIL_DEFENDANT_AFTER.test(after)) votes.evidence.add('defendant');
  if (
    !run.possessive &&
    ((ORDERED_TO_PAY_BEFORE.test(before) && ORDERED_TO_PAY_AFTER.test(after)) ||
      (NAMED_BEFORE.test(before) && IN_SUIT_AFTER.test(after)))
  )
    votes.evidence.add('defendant');
  if (!run.possessive && NAMED_IN_SUIT_AFTER.test(after)) votes.evidence.add('plaintiff');
  if ((!run.possessive && WITNESS_AFTER.test(after)) || WITNESS_BEFORE.test(before))
    votes.evidence.add('witness');
  // "Kaylee Goncalves’ father", "Ethan Chapin’s family": in crime news, a victim's relatives speak.
  if (run.possessive && RELATIVES_AFTER.test(after)) votes.evidence.add('relative');
  // "Hutchins’ death" names a victim; "Kohberger’s trial" a defendant.
  if (run.possessive && VICTIM_POSSESSION.test(after)) votes.evidence.add('victim');
  if (run.possessive && DEFENDANT_POSSESSION.test(after)) votes.evidence.add('defendant');
  return votes;
}

const OFFENCE_AT_START = new RegExp(`^(?:${OFFENCE_RE.source})`);

/** "X, 34, denies murder": the words after the name admit or deny an offence the lexicon names. */
function admitsOrDeniesOffence(after: string): boolean {
  // The age's closing comma may open the rest of the apposition (", 55, of Mill Lane, Leeds, denies").
  let rest = after.slice(0, 200).replace(AGE_APPOSITION, ',');
  // "X, 25, of Columbine Road, Leicester, also denies murder": up to three parts of an apposition.
  for (let k = 0; k < 3 && rest.startsWith(','); k++) {
    if (ADMITS_OR_DENIES.test(rest.slice(1))) break; // the verb comes first: no apposition to skip
    const part = APPOSITION_PART.exec(rest);
    if (!part) break;
    rest = rest.slice(part[0].length);
  }
  if (rest.startsWith(',')) rest = rest.slice(1);
  const verb = ADMITS_OR_DENIES.exec(rest);
  if (!verb) return false;
  rest = rest.slice(verb[0].length).toLowerCase();
  for (let k = 0; k < 4; k++) {
    const w = COUNT_WORDS.exec(rest);
    if (!w) break;
    rest = rest.slice(w[0].length);
  }
  return OFFENCE_AT_START.test(rest);
}

const BRACKETED_AGE = /^ \(\d{1,3}\)/;

/** Silk after a barrister's name ("Jane Roe KC"): counsel, for the side the words around say. */
const SILK_AFTER = /^\s+(?:KC|QC)\b/;
const SIDE_AFTER =
  /^(?: KC| QC)?, (?:(prosecuting|for the (?:prosecution|Crown))|(defending|for the defen[cs]e))[,.;]/i;
const SIDE_BEFORE =
  /\b(?:(Prosecuting|[Pp]rosecuting coun[cs][ei]l|[Pp]rosecution coun[cs][ei]l)|(Defending|[Dd]efen[cs]e coun[cs][ei]l)),\s+$/;

function counselSide(run: NameRun, text: string): Role | undefined {
  if (run.possessive) return undefined;
  // "Ann Roe, QC, for …": the silk in commas as after a space.
  const after = text.slice(run.end, run.end + 40).replace(/^, (KC|QC)\b/, ' $1');
  const before = text.slice(Math.max(run.sentence.offset, run.titleStart - 40), run.titleStart);
  const side = SIDE_AFTER.exec(after) ?? SIDE_BEFORE.exec(before.replace(HONORIFIC_TAIL, ''));
  if (side) return side[1] ? 'prosecutor' : 'defense_attorney';
  // A silk with no side named is counsel, as "barrister" is (lexicon/roles.ts).
  return SILK_AFTER.test(after) ? 'defense_attorney' : undefined;
}

/** The sentence's 220 characters before the run's title. */
function wideBefore(run: NameRun, text: string, titleLen: number): string {
  return text.slice(Math.max(run.sentence.offset, run.start - 220 - titleLen), run.start - titleLen);
}

/** inAgainstList on the 220 characters before the run; its pattern needs the word "against". */
function againstListBefore(run: NameRun, text: string, titleLen: number): boolean {
  const wide = wideBefore(run, text, titleLen);
  return wide.includes('against') && inAgainstList(wide.replace(ABBREVIATED_TITLE, ''));
}

function genderFromWords(phrase: string): 'male' | 'female' | null {
  if (phrase === '') return null;
  // Titles and appositions repeat across the mentions of a person: remember each phrase's answer.
  const cached = genderCache.get(phrase);
  if (cached !== undefined) return cached;
  let found: 'male' | 'female' | null = null;
  for (const w of phrase.toLowerCase().split(/[^a-z]+/)) {
    const g = GENDERED_NOUNS[w] ?? HONORIFIC_GENDER[w];
    if (g) {
      found = g;
      break;
    }
  }
  if (genderCache.size > 5000) genderCache.clear();
  genderCache.set(phrase, found);
  return found;
}

const genderCache = new Map<string, 'male' | 'female' | null>();

/** The role from all evidence: explicit titles first, then what happened to the person. */
export function decideRole(all: RunEvidence[]): Role {
  const titled = all.find((v) => v.title)?.title;
  const count = (e: Evidence) => all.filter((v) => v.evidence.has(e)).length;
  const victim = count('victim');
  const defendant = count('defendant');
  // Court roles are what the title says; a mayor or an officer can still be charged or killed.
  // A relative who sues is the plaintiff of that suit.
  if (titled === 'family' && victim === 0 && defendant === 0 && count('plaintiff') > 0) return 'plaintiff';
  if (
    titled &&
    (['judge', 'prosecutor', 'defense_attorney'].includes(titled) || (victim === 0 && defendant === 0))
  ) {
    return titled;
  }
  if (victim > 0 || defendant > 0) return victim > defendant ? 'victim' : 'defendant';
  if (count('plaintiff') > 0) return 'plaintiff';
  if (count('witness') > 0) return 'witness';
  if (count('relative') > 0) return 'victim';
  return 'other';
}

/** Gender by majority of the evidence, if any. */
export function decideGender(all: RunEvidence[]): 'male' | 'female' | undefined {
  const strong = genderScore(all.flatMap((v) => v.gender));
  const score = strong !== 0 ? strong : genderScore(all.flatMap((v) => (v.nameGender ? [v.nameGender] : [])));
  return score > 0 ? 'male' : score < 0 ? 'female' : undefined;
}

/** Whether the only gender cue is the first name (a pronoun that follows may overrule it). */
export function genderFromNameOnly(all: RunEvidence[]): boolean {
  return genderScore(all.flatMap((v) => v.gender)) === 0 && all.some((v) => v.nameGender);
}

function genderScore(list: Array<'male' | 'female'>): number {
  let score = 0;
  for (const g of list) score += g === 'male' ? 1 : -1;
  return score;
}
