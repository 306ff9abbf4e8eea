import type { Role } from '../../facts.ts';
import { allMatches, wordList } from '../../text.ts';

/**
 * Role nouns and titles (general English, not case-specific). A title phrase before a name
 * ("Santa Fe District Attorney", "special prosecutor", "his attorney") or an apposition after it
 * ("Jason LaBar, the chief public defender") gives the role.
 */

/** Multi-word phrases first so that "defense attorney" wins over "attorney". Matched on lower case. */
const ROLE_PHRASES: Array<[RegExp, Role]> = [
  [
    /\b(district attorney|attorney general|(?:state|commonwealth)'?s? attorney|(?:u\.?s\.?|united states) attorney|county attorney|city attorney|solicitor general|circuit solicitor|crown prosecut(?:or|ion service)|(?:prosecution|prosecuting|crown) (?:barristers?|counsel|lawyers?|solicitors?)|special prosecutors?|special counsels?|independent counsel|prosecutors?|prosecuting attorney|da|ausa)\b/,
    'prosecutor',
  ],
  [
    /\b(public defenders?|defen[cs]e (attorney|lawyer|counsel)s?|attorneys?|lawyers?|counsel|litigator|barrister|solicitor)\b/,
    'defense_attorney',
  ],
  [/\b(judges?|justices?|magistrates?)\b/, 'judge'],
  [
    /\b(spokes(wo)?m[ae]n|spokesperson|publicist|representative|sheriff|undersheriff|police|commissioner|detectives?|det|insp|supt|sgt|dci|dc|ds|di|dsi|dsupt|pc|ps|inspector|constable|superintendent|officers?|deputies|deputy(?!\s+(?:district|county|state|city|public|attorney|prosecutor|solicitor|general|u\.?s\.?)\b)|troopers?|agents?|investigators?|lieutenant|sergeant|captain|major|police chief|chief of police|marshal|governor|mayor|senator|coroner|warden|official|(?:board|council|committee) members?|council(?:wo)?man|councilmember|councilor|alderman|trustee|assembly(?:wo)?man|assemblymember|congress(?:wo)?man|legislator|lawmaker|state senator)\b/,
    'official',
  ],
  [/\b(analysts?|experts?|professor|criminologist|examiner|pathologist|consultant)\b/, 'expert'],
  [/\b(jurors?|foreperson|foreman|forewoman)\b/, 'juror'],
  [
    /\b(wife|husband|widow|widower|son|daughter|father|mother|brother|sister|parents|grandmother|grandfather|grandson|granddaughter|uncle|aunt|cousin|fianc[eé]e?|stepfather|stepmother|niece|nephew|relatives?|dad|mom|mum|girlfriend|boyfriend)\b/,
    'family',
  ],
  [/\b(witness(es)?)\b/, 'witness'],
  [/\b(plaintiffs?)\b/, 'plaintiff'],
  [/\b(victims?)\b/, 'victim'],
  // "serial killer X", "convicted murderer X": who killed, in crime news, is the one accused of it.
  [/\b((?:co-?)?defendants?|suspects?|accused|killers?|murderers?)\b/, 'defendant'],
];

/** Title words that can stand before a name inside a capitalised run ("District Judge John Judge"). */
export const TITLE_WORDS = new Set(
  wordList(`
  judge justice magistrate magistrates attorney attorneys prosecutor prosecutors defender lawyer lawyers
  co-accused co-defendant codefendant dc ds dci di dsi pc ps drummer private pte fusilier guardsman gunner bombardier rifleman sapper
  counsel sheriff undersheriff inspector insp constable superintendent supt commissioner detective officer deputy trooper agent lieutenant lt
  sergeant sgt det captain capt major chief marshal governor gov mayor senator sen rep
  airman seaman corporal cpl specialist spc colonel col admiral
  representative president spokesman spokeswoman spokesperson publicist analyst expert professor
  prof dr doctor mr mrs ms miss mx sir dame rev reverend father coroner warden cinematographer
  director producer actor actress armorer armourer rapper singer star assistant general special
  district defense defence public first deputy legal former juror witness boss reporter anchor
  host inmate student suspect defendant victim widower widow wife husband son daughter mother
  brother sister u.s us state county federal superior circuit court magistrate chairman chairwoman
  ceo founder forensic medical investigator entertainment litigator pathologist examiner mogul
  member board council committee councilman councilwoman councilmember councilor alderman trustee
  assemblyman assemblywoman assemblymember congressman congresswoman legislator lawmaker
`),
);

/**
 * Job words that pick out one person of a case ("the armorer", "the sheriff"; not "actor", shared
 * by many): the last word of a descriptor phrase ("chief engineer").
 */
export const JOB_DESCRIPTOR =
  /(?:^|\s)(?:armou?rer|assistant director|cinematographer|director|producer|sheriff|suspect|rapper|mogul|engineer|captain|pilot|nurse|doctor|coach|teacher|deputy|trooper|guard|officer)$/;

export const HONORIFIC_GENDER: Record<string, 'male' | 'female'> = {
  mr: 'male',
  mrs: 'female',
  ms: 'female',
  miss: 'female',
  sir: 'male',
  dame: 'female',
};

/** Gendered role nouns near a name ("spokeswoman Heather Brewer", "widower Matthew Hutchins"). */
export const GENDERED_NOUNS: Record<string, 'male' | 'female'> = {
  spokeswoman: 'female',
  spokesman: 'male',
  actress: 'female',
  actor: 'male',
  wife: 'female',
  husband: 'male',
  widow: 'female',
  widower: 'male',
  son: 'male',
  daughter: 'female',
  father: 'male',
  mother: 'female',
  brother: 'male',
  sister: 'female',
  grandmother: 'female',
  grandfather: 'male',
  chairwoman: 'female',
  chairman: 'male',
  forewoman: 'female',
  foreman: 'male',
  girlfriend: 'female',
  boyfriend: 'male',
  dad: 'male',
  mom: 'female',
  uncle: 'male',
  aunt: 'female',
};

/**
 * The role a title or apposition phrase names. Before a name the head noun is the last one
 * ("Monroe County Chief Public Defender"); in an apposition after it, the first one ("a spokeswoman
 * for the district attorney" is an official, not a prosecutor).
 */
export function roleFromPhrase(phrase: string, head: 'first' | 'last'): Role | undefined {
  const key = `${head}\u0000${phrase}`;
  if (roleCache.has(key)) return roleCache.get(key);
  const role = computeRole(phrase.toLowerCase(), head);
  if (roleCache.size > 5000) roleCache.clear();
  roleCache.set(key, role);
  return role;
}

const roleCache = new Map<string, Role | undefined>();
const COUNSEL_FOR_ACCUSERS =
  /\b(?:plaintiffs?['’]?|families['’]|victims['’]|victim['’]s|accusers?['’]s?)\s+(?:[a-z-]+\s+)?(?:lawyers?|attorneys?|counsel)\b|\b(?:lawyers?|attorneys?|counsel)\s+(?:for|representing)\s+(?:the\s+)?(?:[\w.’'-]+\s+){0,3}(?:plaintiffs?|famil(?:y|ies)|victims?|parents|accusers?|survivors?|(?:ex-)?(?:wife|husband|widow|widower|mother|father|daughter|son|sister|brother))\b|\b(?:lawyers?|attorneys?|counsel)\s+who\s+(?:filed|brought|files|brings)\s+(?:the\s+|a\s+|their\s+)?(?:[\w-]+\s+)?(?:law)?suits?\b/;
const GLOBAL_PHRASES = ROLE_PHRASES.map(([re, role]) => [new RegExp(re.source, 'g'), role] as const);

function computeRole(lower: string, head: 'first' | 'last'): Role | undefined {
  let best: { at: number; role: Role } | undefined;
  for (const [re, role] of GLOBAL_PHRASES) {
    const all = [...allMatches(lower, re)];
    const m = head === 'first' ? all[0] : all[all.length - 1];
    if (!m) continue;
    const at = head === 'first' ? m.index : m.index + m[0].length;
    // Ties go to the earlier (more specific) entry: "district attorney" over "attorney".
    if (!best || (head === 'first' ? at < best.at : at > best.at)) best = { at, role };
  }
  if (!best) return undefined;
  // Outside lawyers commenting on a case are experts, not the defense.
  if (best.role === 'defense_attorney' && /\bnot involved\b|\boutside\b|\bformer\b/.test(lower))
    return 'expert';
  // Counsel for those who accuse or sue ("plaintiffs' lawyer", "a lawyer representing the families",
  // "the lawyer who filed the suits") or for a relative ("a lawyer for his ex-wife") defends no one:
  // the schema gives them no court role.
  if (best.role === 'defense_attorney' && COUNSEL_FOR_ACCUSERS.test(lower)) return 'other';
  return best.role;
}
