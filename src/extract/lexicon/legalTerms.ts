import { allMatches } from '../../text.ts';
import { NUMBER_WORDS, numberWords } from './numbers.ts';

/**
 * Legal vocabulary shared by charges/charges.ts and charges/penalties.ts: offence names as news
 * writes them (number words are in numbers.ts).
 */

/** A word inside a conspiracy's verb phrase: not a preposition, determiner, pronoun or clause word. */
const CONSPIRED =
  '(?!(?:in|on|at|for|after|before|with|and|or|between|from|during|over|against|by|the|a|an|his|her|their|its|him|them|who|which|that|was|were|is|are|had|has|have|while|when|but)\\b)';

const MODIFIER =
  '(?:(?:first|second|third)[- ]degree |felony |misdemeanor |attempted |aggravated |involuntary |voluntary |vehicular |armed |sexual |wire |securities |bank |mail |tax |criminal |reckless |domestic |child |witness |drug |human |sex |capital |simple |grand |petty |insurance |identity |voter |computer |bankruptcy |mortgage |investment |health care |healthcare |criminally negligent |gross negligence |depraved indifference |honest services |common |racially aggravated |religiously aggravated |negligent |official |records |evidence |jury |unlawful |illegal |felonious |felony drug |predatory |forcible )*';

const HEADS = [
  'manslaughter in the commission of a lawful act',
  'manslaughter while (?:operating|driving) (?:a |an )?(?:motor )?vehicle (?:while )?(?:under the influence|intoxicated|impaired)',
  'manslaughter by (?:gross )?negligence',
  'manslaughter',
  'murder for hire',
  'murders?',
  // the offence as a verb after "convicted of", "charged with" ("murdering seven babies")
  'murdering',
  '(?:attempting|trying) to (?:kill|murder)',
  'raping',
  'homicide',
  'misconduct(?: in (?:public )?office)?',
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
  'kidnap',
  'arson',
  'assault(?: with a deadly weapon| occasioning actual bodily harm| by (?:penetration|beating))?',
  'battery',
  'rape',
  '(?:cyber)?stalking',
  'theft by (?:deception|unlawful taking|extortion|fraud|swindle|embezzlement)',
  'theft of (?:services|government property|public funds|trade secrets|property)',
  'theft',
  'embezzlement',
  'extortion',
  'bribery',
  'perjury',
  // before the bare word, which would otherwise win the alternation at the same place
  'fraud (?:committed )?against (?:investors|patients|lenders|banks|customers)',
  'fraud',
  'money laundering',
  'obstruction of justice',
  // "charged with obstruction": the short name outlets use for obstruction of justice
  'obstruction(?! of )',
  // up to a list word, or a relative clause or a phrase about the case ("… that had been brought against")
  'conspiracy to commit [a-z ]+?(?=[,.;]| and | or | that | which | who | against | by |$)',
  // "conspiracy to …" is named by the patterns below (a named one first, else the verb phrase)
  'conspiracy(?! theor| to )',
  'armed criminal action',
  'intimidation of (?:a )?(?:witness|witnesses|victim|juror|public servant)',
  'intimidation',
  'engaging in a pattern of corrupt activity',
  'pattern of corrupt activity',
  'corrupt activity',
  'racketeering activity',
  'harassment',
  'solicitation(?: of (?:murder|a minor|prostitution))?',
  'aiding and abetting',
  'criminal mischief',
  'criminal trespass',
  'trespassing',
  'resisting arrest',
  'carjacking',
  'home invasion',
  'larceny',
  'vandalism',
  'misappropriation(?: of (?:public )?funds)?',
  'abuse of a corpse',
  '(?:child|elder|sexual) abuse',
  'cruelty to (?:animals|children)',
  'animal cruelty',
  'unlawful restraint',
  'falsif(?:ying|ied|ication of) (?:(?:business|financial|public|government|bank|medical|court) )?(?:records|documents|evidence|statements)',
  'making false statements',
  'false statements?',
  'receiving stolen property',
  'distribution of (?:a )?controlled substances?',
  'possession with intent to distribute',
  // U.S. traffic offences, in each state's words
  'leaving (?:the|a) scene of (?:(?:a|an) )?(?:[a-z]+ ){0,2}?(?:crash|accident|collision|personal injury(?: and death)?)(?: (?:resulting in|causing|involving) (?:a )?(?:death|serious (?:bodily )?injury|personal injury(?: and death)?|injury))?',
  'leaving the scene',
  '(?:operating|driving) (?:a |an )?(?:motor )?(?:vehicle )?(?:while )?(?:under the influence|intoxicated|impaired)(?: of (?:alcohol|liquor|drugs))?',
  'drunk driving',
  'causing (?:death|serious injury) by (?:dangerous|careless|reckless) driving',
  'hit-and-run',
  'reckless driving',
  'endangerment',
  'tampering with (?:public |government |official |court )?records',
  'tampering with (?:physical )?(?:evidence|a witness|witnesses|a juror|a victim)',
  'tampering',
  'forced labor',
  'contempt of court',
  'evasion',
  'insider trading',
  'forgery',
  'driving under the influence',
  // possession offences: the thing possessed decides the name ("criminal possession of a weapon")
  'possess(?:ion|ing) of (?:a |an )?(?:[a-z]+ ){0,2}?(?:weapons?|firearms?|guns?|machine ?guns?|handguns?|rifles?|pistols?|ammunition|explosives?|destructive devices?|controlled substances?|drugs?|marijuana|cocaine|heroin|fentanyl|methamphetamine|forged instruments?|stolen property|child pornography|child sexual abuse material|indecent images)(?: (?:as|by) a (?:convicted )?felon| during (?:the commission of )?(?:a|an) (?:felony|crime)(?: of violence)?| with intent to (?:distribute|sell|supply))?',
  'carrying (?:a )?(?:concealed )?(?:firearms?|guns?|weapons?|pistols?)(?: without a (?:license|licence|permit))?',
  'firearms? not to be carried without a license',
  '(?:firearms?|weapons?|gun|drug|sex|sexual|terrorism|fraud|public order) offen[cs]es?',
  '(?:providing |giving )?false (?:identification|information|name|report)(?: to (?:law enforcement|police)(?: (?:authorities|officers?))?)?',
  // statutes named as offences ("conspiracy to violate the RICO act", "violating Georgia's gang law")
  "(?:conspiracy|conspiring) to violate [a-z'’ ]{2,60}?(?:act|law|statute)",
  "violat(?:ing|ions? of) (?:[a-z'’]+ ){0,5}?(?:act|law|statute)",
  'participat(?:ion|ing) in (?:a )?criminal street gang(?: activity)?',
  'criminal street gang activity',
  'engaging in (?:violent )?criminal (?:group|gang) activity',
  'gang activity',
  'defrauding (?:investors|patients|the government|the united states|[a-z]+ customers|lenders|banks|donors)',
  'conspiracy to defraud(?: (?:investors|patients|the government|the united states|lenders|banks))?',
  // English and Welsh offences
  'causing or allowing the death of a (?:child|vulnerable adult)',
  '(?:causing |inflicting )?grievous bodily harm(?: with intent)?',
  'actual bodily harm',
  'wounding(?: with intent)?',
  '(?:conspiracy to )?pervert(?:ing)? the course of justice',
  'assisting an offender',
  'preventing (?:the |a )?lawful (?:and decent )?burial(?: of a (?:dead )?body)?',
  '(?:making )?threats to kill',
  'affray',
  'violent disorder',
  'criminal damage',
  'having (?:a |an )?(?:bladed article|article with a blade or point|offensive weapon)',
  'sexual (?:activity|communication) with a (?:child|minor)',
  '(?:making|taking|distributing|possessing|possession of) indecent (?:images|photographs|photos)(?: of (?:a )?child(?:ren)?)?',
  'fraud by (?:false representation|abuse of (?:a )?position|failing to disclose information)',
  '(?:dangerous|careless|drink|drug) driving',
  'blackmail',
  'infanticide',
  '(?:child|wilful) neglect',
  'outraging public decency',
  'voyeurism',
  'indecent exposure',
  'handling stolen goods',
  'malicious communications',
  'public nuisance',
  '(?:non fatal )?strangulation',
  'encouraging (?:or assisting )?(?:terrorism|murder|suicide|an offence)',
  '(?:preparing|preparation of|engaging in conduct in preparation (?:for|of)) (?:terrorist acts|acts of terrorism)',
  '(?:membership of|belonging to|(?:inviting|expressing) support for) a proscribed (?:organisation|organization|group)',
  '(?:dissemination of|disseminating) terrorist publications',
  'collecting information (?:likely to be )?useful to a terrorist',
  'people smuggling',
  'modern slavery',
  'arson with intent to endanger life',
  'arson (?:being )?reckless as to whether life (?:was|would be) endangered',
  'controlling (?:or|and) coercive behaviou?r',
  'indecent assault',
  'child cruelty',
  // more U.S. state and federal offences
  'endangering the welfare of a child',
  'child molestation',
  'lewd (?:and lascivious )?(?:acts?|conduct) (?:with|upon|on) a (?:child|minor)',
  'indecency with a child',
  'sexual exploitation of (?:a )?(?:child|minor)(?:ren|s)?',
  '(?:making )?(?:criminal|terroristic) threats',
  'disorderly conduct',
  'hindering (?:apprehension or )?prosecution',
  'obstruct(?:ion of|ing) (?:an official proceeding|a police officer|law enforcement|governmental administration|justice)',
  'seditious conspiracy',
  'assaulting (?:a |an )?(?:federal |police )?(?:officer|officers|emergency worker)',
  'failure to register as a sex offender',
  'unlawful imprisonment',
  'child endangerment',
  'accessory(?: after the fact)?',
  'conceal(?:ing|ment of) (?:a |the )?(?:death|body|dead body|evidence)',
  'desecration of (?:a )?(?:grave|corpse|human remains)',
  'criminal sexual act',
  'sexual battery',
  'lying to (?:a federal agent|federal agents|federal investigators|investigators|the fbi|congress)',
  'enticement of a minor',
  'failure to (?:pay|file) (?:taxes|tax returns|federal taxes)',
  'filing (?:a )?false tax returns?',
  'campaign finance violations?',
  'terrorism',
  'treason',
  'espionage',
  'hate crime',
  '(?:firearm|gun|weapons?) enhancement',
  // last, so that the named conspiracies above win: "conspiracy to murder", "conspiracy to cause
  // grievous bodily harm": the verb phrase, up to a preposition, a determiner or a clause word
  `conspiracy to [a-z]+(?: ${CONSPIRED}[a-z]+){0,4}`,
];

/** What may follow any offence's name: a degree, terrorism, a firearm ("murder in the first degree"). */
const SUFFIX =
  '(?: in the (?:first|second|third|fourth)[- ]degree)?(?: (?:in furtherance of an act of|as an act of|as a crime of) terrorism)?(?: through (?:the )?use of a firearm)?';

/** Offence names, longest alternatives first; matched on lower-cased text. */
export const OFFENCE_RE = new RegExp(`\\b${MODIFIER}(?:${HEADS.join('|')})${SUFFIX}\\b`, 'g');

/** Where a list of offences starts: "charged with", "convicted of", "pleaded guilty to", "counts of". */
const LIST_CUE =
  /\b(?:charged with|convicted of|acquitted of|cleared of|found (?:not )?guilty of|pleaded (?:guilty|not guilty|no contest) to|indicted on|charges? of|counts? of)\s+/g;
/** Where the list ends: punctuation, or a clause about when, where or why. */
const LIST_END =
  /[.;:()"“”]|\s(?:in|for|after|before|that|which|who|when|while|under|as|at|on|from|during|since|last|this|over|because|stemming|related|linked|connected)\s/;
const PART_SPLIT = /,\s*(?:and\s+|or\s+)?|\s+and\s+|\s+or\s+/g;
const COUNT_PREFIX = new RegExp(
  `^(?:(?:${numberWords(1, 10)}|\\d+|several|multiple|numerous|single) )?(?:(?:felony|misdemeanor|additional|related|lesser|new|reduced) )*(?:(?:counts?|charges?) of )?`,
);
/** Words that make a phrase a description, not an offence's name. */
const NOT_A_NAME =
  /\b(?:the|a|an|his|her|their|its|him|them|this|that|these|those|who|crimes?|charges?|counts?|offen[cs]es?|same|other|various|people|victims?|dollars?|money|was|were|is|are|be|been|has|have|had|would|will|could|may|face|faces|faced|said|says|added|weeks?|days?|months?|years?|life|death|prison|jail|probation)\b|\d|ly\b/;
/** A one-word offence looks like a crime noun ("menacing", "bribery", "extortion", "arson"). */
const ONE_WORD_OFFENCE = /(?:ing|ery|ary|ion|ism|ment|ft|ud|ty|cy|ry|ult|ape|der|son|ence|ance)$/;

/**
 * Offences named in a charging list that the lexicon does not know ("charged with menacing and
 * harassment of a public servant"): each short lower-case part of the list after a charging verb,
 * as [start, end) in `lower`. Parts with articles, pronouns or adverbs are descriptions and are left out.
 */
export function unlistedOffences(lower: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (const cue of allMatches(lower, LIST_CUE)) {
    const from = (cue.index ?? 0) + cue[0].length;
    const rest = lower.slice(from, from + 120);
    const end = LIST_END.exec(rest)?.index ?? rest.length;
    const list = rest.slice(0, end);
    let at = 0;
    for (const sep of [...allMatches(list, PART_SPLIT), null]) {
      const stop = sep ? (sep.index ?? 0) : list.length;
      const raw = list.slice(at, stop);
      const prefix = COUNT_PREFIX.exec(raw)?.[0].length ?? 0;
      const part = raw.slice(prefix).trimEnd();
      const words = part.split(/\s+/).filter(Boolean);
      const name =
        words.length >= 1 &&
        words.length <= 5 &&
        /^[a-z][a-z' -]*$/.test(part) &&
        !NOT_A_NAME.test(part) &&
        (words.length > 1 || ONE_WORD_OFFENCE.test(part));
      // A part that is no offence's name ends the list; so does the part after the final "and".
      if (!name) break;
      out.push([from + at + prefix, from + at + prefix + part.length]);
      if (!sep || /\b(?:and|or)\b/.test(list.slice(at - 6, at))) break;
      at = stop + sep[0].length;
    }
  }
  return out;
}

/**
 * "federal civil rights, conspiracy and obstruction offenses": modifiers listed before one plural
 * offence noun each name an offence. Returns [start, end) of each; the one next to the noun keeps
 * it. `text` is `lower` before lower-casing (a capitalised word is a name, not a modifier).
 */
const SHARED_NOUN = /\b(?:offen[cs]es|charges|crimes)\b/g;
const LIST_TOKEN = /[a-z][a-z-]*|,/g;
const NOT_A_MODIFIER =
  /^(?:with|of|on|for|to|in|by|from|against|over|about|after|before|at|into|under|as|some|any|many|much|more|most|no|such|each|every|own|faces?|faced|facing|charged|convicted|acquitted|accused|all|both|new|additional|other|related|lesser|several|multiple|dropped|dismissed|filed|pending|remaining|\w+ly)$/;

export function sharedHeadOffences(lower: string, text: string = lower): SharedOffence[] {
  const out: SharedOffence[] = [];
  for (const noun of allMatches(lower, SHARED_NOUN)) {
    const at = noun.index ?? 0;
    const from = Math.max(0, at - 160);
    const window = lower.slice(from, at);
    const cut = Math.max(...[...'.;:()"“”'].map((c) => window.lastIndexOf(c))) + 1;
    const tokens = [...allMatches(window.slice(cut), LIST_TOKEN)].map((m) => ({
      t: m[0],
      start: from + cut + (m.index ?? 0),
    }));
    const parts: Array<Array<{ t: string; start: number }>> = [];
    let cur: Array<{ t: string; start: number }> = [];
    let joined = false;
    for (let i = tokens.length - 1; i >= 0; i--) {
      const tok = tokens[i];
      if (!tok) continue;
      if (tok.t === ',' || tok.t === 'and' || tok.t === 'or') {
        if (tok.t !== ',') joined = true;
        if (cur.length > 0) parts.push(cur);
        cur = [];
        continue;
      }
      const capitalised = /^\p{Lu}/u.test(text.slice(tok.start, tok.start + 1));
      // "three first degree and three second degree murder charges": a count opens its part.
      if (tok.t in NUMBER_WORDS && tok.t !== 'a' && tok.t !== 'an') {
        if (cur.length > 0) parts.push(cur);
        cur = [];
        continue;
      }
      if (capitalised || NOT_A_NAME.test(tok.t) || NOT_A_MODIFIER.test(tok.t)) break;
      cur.unshift(tok);
      if (cur.length > 4) {
        cur = [];
        break;
      }
    }
    if (cur.length > 0) parts.push(cur);
    // A one-word part must look like an offence ("arson", "drug"), not like an idiom ("back and forth").
    const named = parts.filter(
      (p) => p.length > 1 || ONE_WORD_OFFENCE.test(p[0]?.t ?? '') || OFFENCE_ADJECTIVE.test(p[0]?.t ?? ''),
    );
    if (named.length < 2 || named.length < parts.length || !joined) continue;
    const nounEnd = at + noun[0].length;
    // Every part holds one token at least, and there are two parts at least.
    const head = parts[0]?.at(-1)?.t ?? '';
    parts.forEach((p, k) => {
      const first = p[0];
      const last = p.at(-1);
      if (!first || !last) return;
      const span: SharedOffence = [first.start, k === 0 ? nounEnd : last.start + last.t.length];
      // "first degree and second degree murder charges": a degree alone takes the shared offence.
      if (k > 0 && DEGREE_ONLY.test(p.map((x) => x.t).join(' ')))
        span.push(`${lower.slice(span[0], span[1])} ${head}`);
      out.push(span);
    });
  }
  return out;
}

type SharedOffence = [number, number, string?];
const DEGREE_ONLY = /^(?:first|second|third|fourth)[- ]?degree$/;
const OFFENCE_ADJECTIVE =
  /^(?:drugs?|weapons?|guns?|firearms?|sex|terror|tax|traffic|theft|rape|murder|fraud)$/;

/** The offence as the schema writes it: lower case, singular, "gun enhancement" as "firearm enhancement". */
export function canonicalOffence(raw: string, before: string): string {
  let name = raw.toLowerCase().replace(/\s+/g, ' ').trim();
  // "a felony involuntary manslaughter charge": felony is the class there, not part of the name.
  if (/\b(?:a|an|the)\s+$/i.test(before)) name = name.replace(/^felony /, '');
  name = name.replace(/\bmurders\b/, 'murder');
  name = name.replace(/^(?:attempting|trying) to (?:kill|murder)$/, 'attempted murder');
  name = name.replace(/^murdering$/, 'murder').replace(/^raping$/, 'rape');
  name = name.replace(/^(?:gun|weapons?) enhancement$/, 'firearm enhancement');
  name = name.replace(/^terror(?: charges| offen[cs]es)?$/, 'terrorism');
  if (name === 'transportation') name = 'transportation to engage in prostitution';
  // "obstruction offenses", "fraud charges": an offence's own name before the category noun
  const category = / (?:offen[cs]es|crimes|charges|counts)$/.exec(name);
  if (category && WHOLE_OFFENCE.test(name.slice(0, category.index))) name = name.slice(0, category.index);
  return name;
}

const WHOLE_OFFENCE = new RegExp(`^(?:${OFFENCE_RE.source})$`);

/** The last word of an offence name ("first-degree murder" → "murder"). */
export function offenceHead(name: string): string {
  return name.split(' ').at(-1) ?? name;
}
