import type { Role } from '../facts.ts';
import type { NameRun } from './name-runs.ts';
import { firstNameGender } from './names.ts';
import { GENDERED_NOUNS, HONORIFIC_GENDER, roleFromPhrase, TITLE_WORDS } from './roles.ts';

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
  const titleLen = run.title ? run.title.length + 1 : 0;
  const from = Math.max(run.sentence.offset, run.start - titleLen - 80);
  const before =
    text
      .slice(from, run.start - titleLen)
      .split(/[;:“"(]/)
      .at(-1) ?? '';
  // "his attorney, Anne Taylor": a comma right before the name closes the title.
  const words = (run.possessive ? before : before.replace(/,\s*$/, ' ')).trim().split(/\s+/);
  const tail: string[] = [];
  for (let k = words.length - 1; k >= 0 && tail.length < 5; k--) {
    const w = words[k]!;
    if (!w || w.endsWith(',')) break;
    const titleWord = TITLE_WORDS.has(w.toLowerCase()) || /^[A-Z]{2,4}$/.test(w);
    if (/^\p{Lu}/u.test(w) && !/[’']s?$/.test(w) && !titleWord) break;
    tail.unshift(w);
  }
  const head = tail.at(-1)?.toLowerCase() ?? '';
  if (!head || !(TITLE_WORDS.has(head) || GENDERED_NOUNS[head] || roleFromPhrase(head, 'last')))
    return run.title;
  return `${tail.join(' ')} ${run.title}`.trim();
}

function widerTitle(run: NameRun, text: string): string {
  const titleLen = run.title ? run.title.length + 1 : 0;
  const before = text.slice(Math.max(run.sentence.offset, run.start - titleLen - 60), run.start - titleLen);
  const words = (before.split(/[;:“"(]/).at(-1) ?? '').trim().split(/\s+/).slice(-4);
  return words.every((w) => /^[a-z’'-]+,?$/.test(w) || /^(?:His|Her|Their|The)$/.test(w))
    ? words.join(' ')
    : '';
}

/** The apposition after a run: ", the chief public defender for the county," / " – one of the …". */
export function appositionAfter(run: NameRun, text: string): string {
  const end = run.sentence.offset + run.sentence.text.length;
  const after = text.slice(run.end + (run.possessive ? 2 : 0), Math.min(end, run.end + 120));
  // "Rosa Diaz, Ortiz's sister" / "Ann Cole, Dr. Lee's lawyer": a possessive name opens an apposition too.
  const m =
    /^(?:,\s*\d{1,3},)?\s*(?:,|\s[–—-])\s*((?:the|a|an|one|another|his|her|their|who|whose|(?:(?:Mr|Mrs|Ms|Dr|Sgt|Lt|Det|Officer|Judge)\.?\s+)?[A-Z][\w-]*(?:[’']s|s[’']))(?=[\s,])[^,;:–—()]{0,90})/.exec(
      after,
    );
  return m?.[1] ?? '';
}

const VICTIM_TRIGGER =
  /\b(?:kill(?:ed|ing)|murder(?:s|ed|ing)?|deaths?|slay(?:ing|ings)|stabb(?:ed|ing)|shooting|wound(?:ed|ing)|injur(?:ed|ing)|shot|assault(?:ed|ing)?|victims?|rap(?:ed|ing))\b/gi;
const VICTIM_GAP_STOP =
  /\b(?:by|suspects?|accused|defendants?|charged|charges?|counts?|was|were|is|are|but|that|which|who|led|said|as|when|while|after|before|to|into|reported|against|for)\b/i;

/** "deaths of X", "killing X", "wounding the director, X": the name is the object of a harm word. */
function victimBefore(before: string): boolean {
  let last: RegExpExecArray | null = null;
  for (const m of before.matchAll(VICTIM_TRIGGER)) last = m as RegExpExecArray;
  if (!last) return false;
  const gap = before.slice(last.index + last[0].length);
  if (gap.split(/\s+/).filter(Boolean).length > 7 || VICTIM_GAP_STOP.test(gap) || /[.;:]/.test(gap))
    return false;
  const comma = gap.indexOf(',');
  // A comma only before the name, closing a described object ("wounding the director, ").
  return comma < 0 || (comma === gap.trimEnd().length - 1 && /^\s+(?:the|a|an|his|her)\b/.test(gap));
}
const VICTIM_AFTER =
  /^(?:,[^,]{0,40},)?\s*(?:(?:was|were|had been|has been|been)\s+(?:fatally |mortally |also )?(?:shot|killed|stabbed|wounded|injured|murdered)|died|survived)\b/;
const DEFENDANT_AFTER =
  /^(?:,(?:[^,]{0,120}(?:,|\s--|\s[–—])){1,2}|,)?\s*(?:(?:has|had|have|was|were|is|are|will|would|could|who|also|now|previously|already|still|not|been|be|then|later|since|each|both|all|going|to|as of now|[a-z]+ly)\s+){0,5}(?:charged|agreed to plead|agreed to a plea|found guilty|found not guilty|appeared in court|appeared before|(?:is|was) due (?:back )?in court|serve|served|serving|in (?:federal |state |police )?custody|indicted|arraigned|convicted|acquitted|sentenced|pleaded|pleads|plead|faces|face|facing|faced|stood silent|stands silent|waived|signed a plea|entered (?:a|his|her) |accused|arrested|extradited|surrendered|remanded|denied (?:bail|bond)|held without (?:bail|bond)|booked into|on probation|on parole|(?:got|received|was given) (?:a |an )?(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|life)\b|(?:is|was) (?:the )?(?:suspect|defendant))\b/;
const DEFENDANT_BEFORE =
  /(?:\b(?:faces?|facing|charged)\b[^.;]{0,100}\bas (?:does|do|did|was|were|is)\s+(?:the\s+)?(?:[a-z]+['’]s\s+)?(?:[a-z-]+\s+)?$)|(?:\bprosecutors (?:had |have )?(?:argued|alleged?|allege[sd]|claim(?:ed|s)?|say|said|contend(?:ed|s)?|accused?|accuse[sd])\s+$)|(?:\b(?:charges?|counts?|case|indictment|complaint)\b[^.;]{0,100}\bagainst\s+(?:(?:the|[a-z][a-z-]*|[a-z]+['’]s)\s+){0,3}$)|\b(charges?|counts?|indictment|indicted|charged|charging|prosecut(?:e|ed|ing|ion)|convict(?:ed|ing|ion)|acquit(?:ted|tal)|sentenc(?:e|ed|ing)|case|trial|accus(?:e|ed|es|ing)|suspect|defendants?|arraignment|extradition|arrested|arrest)\b(?:\s+(?:of|against|for|with))?\s+(?:(?:the|actor|actress|armorer|star|rapper|mogul|singer|producer|director|\d+-year-old|[a-z]+-[a-z]+|assistant|former|his|her|co-?defendant)\s+){0,3}$/i;
const VICTIM_POSSESSION =
  /^\s*(?:(?:shooting|stabbing|untimely|tragic|violent)\s+)?(?:death|murder|killing|slaying|homicide|disappearance)\b/;
const DEFENDANT_POSSESSION =
  /^\s*(?:co-?defendants?|(?:murder|criminal|federal|upcoming|first|retrial|sex-trafficking)\s+)?(?:trial|retrial|arraignment|sentencing|conviction|indictment|guilty plea|plea deal|plea agreement|defense team|bail hearing|extradition)\b/;
const RELATIVES_AFTER =
  /^\s*(?:father|mother|parents|family|brother|sister|dad|mom|stepfather|stepmother|relatives|loved ones)\b/;
const PLAINTIFF_AFTER =
  /^(?:,[^,]{0,80},)?\s*(?:has |have |had |is |was )?(?:sued|suing|seeking (?:\S+ )*?damages|filed (?:a |the )?(?:civil |wrongful[- ]death )?(?:law)?suit)/;
const PLAINTIFF_BEFORE =
  /\b(?:sued|lawsuit|suit|complaint)\b[^.;]{0,60}\bby\s+(?:[a-z’'-]+\s+){0,4}(?:,\s*)?$/;
const CIVIL_DEFENDANT_AFTER =
  /^(?:,[^,]{0,80},["”]?)?\s*(?:was|is|has been|were|are|have been) (?:being )?sued\b/;
const WITNESS_AFTER = /^(?:,\s*who)?\s*(?:testified|recounted|took the stand|told jurors|told the jury)\b/;

/** "X, who drove the car and pleaded guilty": a relative clause that reports a charge or plea. */
const WHO_DEFENDANT =
  /^(?:,\s*\d{1,3})?,\s*who\b[^;:]{0,120}?\b(?:pleaded|pleads|was (?:charged|convicted|indicted|sentenced|arrested|acquitted)|is (?:charged|accused)|(?:has|had) been (?:charged|indicted|held without)|faces|faced)\b/;
/** "the man prosecutors say fired the shots": the person the state accuses, not a prosecutor. */
const ACCUSED_APPOSITION =
  /^(?:the|a|an)\s+(?:[a-z-]+\s+){1,2}(?:whom?\s+|that\s+)?(?:prosecutors|police|authorities|investigators|officials|the state|the government)\s+(?:say|said|says|allege[sd]?|contend|believe|accuse)\b/;
/** "X has not been charged": a denial is no evidence of a charge. */
const NOT_CHARGED =
  /^(?:,[^,]{0,60},)?\s*(?:has|had|have|was|were|is|are)\s+(?:not|never)\s+(?:yet\s+)?(?:been\s+)?(?:charged|arrested|accused|indicted)\b/;
const CO_DEFENDANT_BEFORE = /\bco-?defendants?,?\s+(?:[a-z-]+\s+){0,3}$/i;
/** "The suit, filed Monday, names Sgt. X": the people a suit or indictment names are its defendants. */
const SUIT_NAMES_BEFORE =
  /\b(?:suit|lawsuit|complaint|indictment)\b[^.;]{0,80}\bnames\s+(?:as defendants\s+)?(?:[a-z-]+\s+){0,2}$/;
/** "the charge against him was dismissed" after a name: the charge is the named subject's. */
const CHARGE_AGAINST_PRONOUN = /\b(?:charges?|counts?|indictment)\b[^.;]{0,40}\bagainst (?:him|her)\b/;
const WHOSE_RELATIVE =
  /^,\s*whose\s+(?:\w+\s+)?(?:son|daughter|child|children|husband|wife|brother|sister|father|mother|parents|grandson|granddaughter)\b/;
const TEACHER_APPOSITION = /^who (?:teaches|studies|researches|specializes|has studied)\b/;

/** "a suit against Acme Corp., Dr. X and clinic manager": the name ends a list that follows "against". */
function inAgainstList(before: string): boolean {
  const m = /\b(?:suit|lawsuit|complaint|charges?|indictment)\b[^.;]{0,80}?\bagainst\s+([^.;]{0,120})$/.exec(before);
  if (!m) return false;
  const tokens = m[1]!.split(/[\s,]+/).filter(Boolean);
  let trailing = 0;
  while (trailing < tokens.length && /^[a-z-]+$/.test(tokens[tokens.length - 1 - trailing]!)) trailing++;
  if (trailing > 2) return false;
  return tokens
    .slice(0, tokens.length - trailing)
    .every((t) => /^(?:\p{Lu}[\p{L}.'’-]*|&|and|the|its|his|her)$/u.test(t));
}

/** What one mention says about its person. */
export interface RunEvidence {
  title?: Role | undefined;
  evidence: Set<Evidence>;
  gender: Array<'male' | 'female'>;
}

/** Collects role and gender evidence from one mention. */
export function collectEvidence(run: NameRun, text: string): RunEvidence {
  const cached = evidenceCache.get(run);
  if (cached) return { title: cached.title, evidence: new Set(cached.evidence), gender: [...cached.gender] };
  const votes = computeEvidence(run, text);
  evidenceCache.set(run, votes);
  return { title: votes.title, evidence: new Set(votes.evidence), gender: [...votes.gender] };
}

const evidenceCache = new WeakMap<NameRun, RunEvidence>();

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
  const fromAppo = appoRole ? roleFromPhrase(appoRole, 'first') : undefined;
  let role = fromTitle ?? fromAppo;
  if (ACCUSED_APPOSITION.test(appo)) role = 'defendant';
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
  for (const g of [genderFromWords(title), genderFromWords(appo.split(/\s+/).slice(0, 3).join(' '))]) {
    if (g) votes.gender.push(g);
  }
  const fg = firstNameGender(run.words[0] ?? '');
  if (fg && run.words.length >= 2) votes.gender.push(fg);

  const titleLen = run.title ? run.title.length + 1 : 0;
  const before = text.slice(Math.max(run.sentence.offset, run.start - 90 - titleLen), run.start - titleLen);
  const after = text.slice(
    run.end + (run.possessive ? 2 : 0),
    run.sentence.offset + run.sentence.text.length,
  );
  // "The family of Tyre Nichols filed a lawsuit": what follows is the relatives' doing, not his.
  if (
    /\b(?:family|families|mother|father|parents|relatives|estate|widow|widower|son|daughter) of\s+$/.test(
      before,
    )
  ) {
    votes.evidence.add('relative');
    return votes;
  }
  if (
    victimBefore(before) ||
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
  if (!run.possessive && DEFENDANT_AFTER.test(after) && !NOT_CHARGED.test(after)) votes.evidence.add('defendant');
  if (!run.possessive && WHO_DEFENDANT.test(after)) votes.evidence.add('defendant');
  if (
    DEFENDANT_BEFORE.test(before) ||
    CO_DEFENDANT_BEFORE.test(before) ||
    SUIT_NAMES_BEFORE.test(before) ||
    inAgainstList(before)
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
  if (!run.possessive && WITNESS_AFTER.test(after)) votes.evidence.add('witness');
  // "Kaylee Goncalves’ father", "Ethan Chapin’s family": in crime news, a victim's relatives speak.
  if (run.possessive && RELATIVES_AFTER.test(after)) votes.evidence.add('relative');
  // "Hutchins’ death" names a victim; "Kohberger’s trial" a defendant.
  if (run.possessive && VICTIM_POSSESSION.test(after)) votes.evidence.add('victim');
  if (run.possessive && DEFENDANT_POSSESSION.test(after)) votes.evidence.add('defendant');
  return votes;
}

function genderFromWords(phrase: string): 'male' | 'female' | undefined {
  for (const w of phrase.toLowerCase().split(/[^a-z]+/)) {
    const g = GENDERED_NOUNS[w] ?? HONORIFIC_GENDER[w];
    if (g) return g;
  }
  return undefined;
}

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
  let score = 0;
  for (const v of all) for (const g of v.gender) score += g === 'male' ? 1 : -1;
  return score > 0 ? 'male' : score < 0 ? 'female' : undefined;
}
