/**
 * Legal vocabulary shared by charges.ts and penalties.ts: offence names as news writes them, and
 * number words ("five-year", "eighteen months").
 */

const MODIFIER =
  '(?:(?:first|second|third)[- ]degree |felony |misdemeanor |attempted |aggravated |involuntary |voluntary |vehicular |armed |sexual |wire |securities |bank |mail |tax |criminal |reckless |domestic |child |witness |drug |human |sex |capital |simple |grand |petty |insurance |identity |voter |computer |bankruptcy |mortgage |investment |health care |healthcare |criminally negligent |negligent |official )*';

const HEADS = [
  'manslaughter in the commission of a lawful act',
  'manslaughter',
  'murders?',
  'homicide',
  'misconduct(?: in office)?',
  'deprivation of (?:civil )?rights',
  'false imprisonment',
  'oppression',
  'negligent use of a deadly weapon',
  'racketeering conspiracy',
  'racketeering',
  'trafficking(?: of (?:a )?minors?)?',
  'transportation to engage in prostitution',
  'transport(?:ing|ation of) [a-z ]{1,25}?(?:for|to engage in) prostitution',
  'transportation(?= charges?| counts?|\\b)',
  'burglary',
  'robbery',
  'kidnapping',
  'arson',
  'assault(?: with a deadly weapon)?',
  'battery',
  'rape',
  'stalking',
  'theft',
  'embezzlement',
  'extortion',
  'bribery',
  'perjury',
  'fraud',
  'money laundering',
  'obstruction of justice',
  'conspiracy to commit [a-z ]+?(?=[,.;]| and | or |$)',
  'endangerment',
  'tampering with (?:evidence|a witness|witnesses|a juror)',
  'tampering',
  'forced labor',
  'contempt of court',
  'evasion',
  'insider trading',
  'forgery',
  'driving under the influence',
  'possession of (?:a )?(?:controlled substance|firearm|child pornography|stolen property)',
  'terrorism',
  'treason',
  'espionage',
  'hate crime',
  '(?:firearm|gun|weapons?) enhancement',
];

/** Offence names, longest alternatives first; matched on lower-cased text. */
export const OFFENCE_RE = new RegExp(`\\b${MODIFIER}(?:${HEADS.join('|')})\\b`, 'g');

/** The offence as the schema writes it: lower case, singular, "gun enhancement" as "firearm enhancement". */
export function canonicalOffence(raw: string, before: string): string {
  let name = raw.toLowerCase().replace(/\s+/g, ' ').trim();
  // "a felony involuntary manslaughter charge": felony is the class there, not part of the name.
  if (/\b(?:a|an|the)\s+$/i.test(before)) name = name.replace(/^felony /, '');
  name = name.replace(/\bmurders\b/, 'murder');
  name = name.replace(/^(?:gun|weapons?) enhancement$/, 'firearm enhancement');
  if (name === 'transportation') name = 'transportation to engage in prostitution';
  return name;
}

/** The last word of an offence name ("first-degree murder" → "murder"). */
export function offenceHead(name: string): string {
  return name.split(' ').at(-1) ?? name;
}

const SMALL: Record<string, number> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
  a: 1,
  an: 1,
};

export const NUMBER =
  '(?:\\d+(?:\\.\\d+)?|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)';

/** "18" → 18, "five" → 5, "twenty-five" → 25. */
export function parseNumber(text: string): number | null {
  const t = text.toLowerCase().trim();
  if (/^\d/.test(t)) return Number(t);
  let total = 0;
  for (const part of t.split(/[- ]/)) {
    const v = SMALL[part];
    if (v === undefined) return null;
    total += v;
  }
  return total;
}
