import { allMatches } from '../../text.ts';

/**
 * The word patterns behind role evidence (general English, never case-specific): what around a
 * name says the person was harmed, charged, sued, suing, testifying or related to someone.
 */

export const VICTIM_TRIGGER =
  /\b(?:kill(?:ed|ings?)|murder(?:s|ed|ing)?|deaths?|slay(?:ing|ings)|stabb(?:ed|ings?)|shootings?|wound(?:ed|ing)|injur(?:ed|ing)|shot|assault(?:ed|ing)?|victims?|rap(?:ed|ing|es?)|strangl(?:ed|ing)|beat(?:en|ing)|poison(?:ed|ing)|kidnapp(?:ed|ing)|abduct(?:ed|ing)|hitting|striking|struck|(?:the )?(?:body|remains) of|(?:oral )?sex(?:ual acts?)? on)\b/gi;
export const VICTIM_GAP_STOP =
  /\b(?:by|suspects?|accused|defendants?|charged|charges?|counts?|was|were|is|are|but|that|which|who|led|said|as|when|while|after|before|to|into|reported|against|for|on|upon|inside|outside|near)\b/i;

const ANY_VICTIM_TRIGGER = new RegExp(VICTIM_TRIGGER.source, 'i');

/** "deaths of X", "killing X", "wounding the director, X": the name is the object of a harm word. */
export function victimBefore(before: string): boolean {
  // Most contexts hold no harm word: one plain test is cheaper than iterating the matches.
  if (!ANY_VICTIM_TRIGGER.test(before)) return false;
  let last: RegExpExecArray | null = null;
  for (const m of allMatches(before, VICTIM_TRIGGER)) last = m as RegExpExecArray;
  if (!last) return false;
  const gap = before.slice(last.index + last[0].length);
  if (gap.split(/\s+/).filter(Boolean).length > 7 || VICTIM_GAP_STOP.test(gap) || /[.;:]/.test(gap))
    return false;
  const comma = gap.indexOf(',');
  // A comma only before the name, closing a described object ("wounding the director, ").
  return comma < 0 || (comma === gap.trimEnd().length - 1 && /^\s+(?:the|a|an|his|her)\b/.test(gap));
}
export const VICTIM_AFTER =
  /^(?:,[^,]{0,40},|,)?\s*(?:(?:was|were|had been|has been|been)\s+(?:fatally |mortally |also )?(?:shot|killed|stabbed|wounded|injured|murdered|strangled|beaten|poisoned|kidnapped|abducted|found dead)|died|survived)\b/;
export const DEFENDANT_AFTER =
  /^(?:,(?:[^,]{0,120}(?:,|\s--|\s[–—])){1,3}|,)?\s*(?:(?:has|had|have|was|were|is|are|will|would|could|who|also|now|previously|already|still|not|been|be|then|later|since|each|both|all|going|to|as of now|next|remains?|remained|[a-z]+ly)\s+){0,5}(?:charged|agreed to plead|agreed to a plea|accepted (?:a |the )?plea (?:deal|agreement|offer)s?|found guilty|found not guilty|appeared in court|appeared before|(?:is|was) due (?:back )?in court|serve|served|serving|in (?:federal |state |police )?custody|(?:held |detained |locked up )?in (?:the )?(?:[\w'’-]+ ){0,3}(?:[Jj]ail|[Pp]rison|[Dd]etention [Cc]ent(?:er|re))|indicted|arraigned|convicted|acquitted|sentenced|(?:pleaded|pleads|plead)(?!\s+(?:with|for)\b)|faces|face|facing|faced|stood silent|stands silent|waived|jailed|on trial|(?:stood|stands|standing) trial|appeared (?:at|in) (?:[\w'’-]+ ){0,3}(?:[Cc]ourt|Old Bailey)|signed a plea|entered (?:a|his|her) |accused|arrested|extradited|surrendered|remanded|denied (?:bail|bond)|held without (?:bail|bond)|granted (?:conditional )?bail|released on (?:conditional )?bail|bailed|booked into|on probation|on parole|(?:got|received|was given) (?:a |an )?(?:(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|\w+-year)[\s-](?:[\w-]+\s){0,2}(?:months?|years?|days?|weeks?|probation|sentence|prison term)|life (?:in prison|sentence|without)|probation|house arrest)\b|(?:is|was|are|were) (?:the |an? |one of the |among the )?(?:suspects?|defendants?|accused))\b/;
export const DEFENDANT_BEFORE =
  /(?:\b(?:faces?|facing|charged)\b[^.;]{0,100}\bas (?:does|do|did|was|were|is)\s+(?:the\s+)?(?:[a-z]+['’]s\s+)?(?:[a-z-]+\s+)?$)|(?:\bprosecutors (?:had |have )?(?:argued|alleged?|allege[sd]|claim(?:ed|s)?|say|said|contend(?:ed|s)?|accused?|accuse[sd])\s+$)|(?:\b(?:verdicts?|judgments?)(?:\s+[\w$-]+){0,3}\s+against\s+(?:(?:the|[a-z][a-z-]*|[a-z]+['’]s)\s+){0,3}$)|(?:\b(?:charges?|counts?|case|indictment|complaint|(?:law)?suits?)\b[^.;]{0,100}\bagainst\s+(?:(?!by\s)(?:the|[a-z][a-z-]*|[a-z]+['’]s)\s+){0,3}$)|(?:\bsu(?:ed|ing|es?)\s+(?:(?:the|[a-z][a-z-]*|[a-z]+['’]s)\s+){0,3}$)|\b(charges?|counts?|indictment|indicted|charged|charging|prosecut(?:e|ed|ing|ion)|convict(?:ed|ing|ion)|acquit(?:ted|tal)|sentenc(?:e|ed|ing)|case|trial|accus(?:e|ed|es|ing)|suspect|defendants?|arraignment|extradition|arrested|arrest)\b(?:\s+(?:of|against|for|with))?\s+(?:(?:the|actor|actress|armorer|star|rapper|mogul|singer|producer|director|\d+-year-old|[a-z]+-[a-z]+|assistant|former|his|her|co-?defendant)\s+){0,3}$/i;
/** "X's murder", not "X's murder trial" or "X's murder charge" (a proceeding against X). */
export const VICTIM_POSSESSION =
  /^\s*(?:(?:shooting|stabbing|untimely|tragic|violent)\s+)?(?:death|murder|killing|slaying|homicide|disappearance)\b(?!\s+(?:re)?trials?\b|\s+(?:charges?|counts?|case|conviction|indictment|acquittal|verdict|defen[cs]e)\b)/;
export const DEFENDANT_POSSESSION =
  /^\s*(?:co-?defendants?\b|(?:(?:murder|criminal|federal|upcoming|first|retrial|sex-trafficking)\s+)?(?:trial|retrial|arraignment|sentencing|conviction|indictment|guilty plea|plea deal|plea agreement|defense team|bail hearing|extradition)\b)/;
export const RELATIVES_AFTER =
  /^\s*(?:father|mother|parents|family|brother|sister|dad|mom|stepfather|stepmother|relatives|loved ones)\b/;
export const PLAINTIFF_AFTER =
  /^(?:,[^,]{0,80},)?\s*(?:has |have |had |is |was )?(?:sued|suing|seeking (?:\S+ )*?damages|filed (?:a |the )?(?:civil |wrongful[- ]death )?(?:law)?suit)/;
export const PLAINTIFF_BEFORE =
  /\b(?:sued|lawsuit|suit|complaint)\b[^.;]{0,60}\bby\s+(?:[a-z’'-]+\s+){0,4}(?:,\s*)?$/;
export const CIVIL_DEFENDANT_AFTER =
  /^(?:,[^,]{0,80},["”]?)?\s*(?:was|is|has been|were|are|have been) (?:being )?sued\b/;
/** "X testified", "X, a former chemist who testified": the person gave testimony. */
export const WITNESS_AFTER =
  /^(?:,[^,]{0,60},|,[^,;:]{0,60}?\bwho|,)?\s*(?:also\s+|later\s+|had\s+|has\s+)?(?:testified|recounted|took the stand|told jurors|told the jury)\b/;

/** "Testimony came from X", "witnesses included X": a list of witnesses opens right before the name. */
export const WITNESS_BEFORE =
  /\b(?:[Tt]estimony|[Tt]estified|[Ww]itness(?:es)?|took the stand)\b[^.;:“”"]{0,30}\b(?:included|includes|including|from|were|was|by|such as|like)\s+(?:[a-z’'-]+\s+){0,4}$/;

export const ABBREVIATED_TITLE = /\b(?:Mr|Mrs|Ms|Mx|Dr|Sgt|Lt|Det|Capt|Cpl|Gov|Sen|Rep|Prof|Rev)\.\s+$/;

/** "X, who drove the car and pleaded guilty": a relative clause that reports a charge or plea. */
export const WHO_DEFENDANT =
  /^(?:,\s*\d{1,3})?,\s*who\b[^;:]{0,120}?\b(?:pleaded|pleads|was (?:charged|convicted|indicted|sentenced|arrested|acquitted|cleared|jailed|found (?:not )?guilty)|is (?:charged|accused)|(?:has|had) been (?:charged|indicted|held without)|faces|faced)\b/;
/** "the contractor who pleaded guilty in May": an apposition whose relative clause reports a plea or charge. */
export const APPOSITION_WHO_DEFENDANT =
  /^(?:the|a|an)\b[^,]{0,50}\bwho (?:pleaded|pleads|was (?:charged|convicted|indicted|sentenced)|is (?:charged|accused))\b/;
/** "the man prosecutors say fired the shots": the person the state accuses, not a prosecutor. */
export const ACCUSED_APPOSITION =
  /^(?:the|a|an)\s+(?:[a-z-]+\s+){1,2}(?:whom?\s+|that\s+)?(?:prosecutors|police|authorities|investigators|officials|the state|the government)\s+(?:say|said|says|allege[sd]?|contend|believe|accuse)\b/;
/** "X has not been charged": a denial is no evidence of a charge. */
export const NOT_CHARGED =
  /^(?:,[^,]{0,60},|,)?\s*(?:has|had|have|was|were|is|are)\s+(?:not|never)\s+(?:yet\s+)?(?:been\s+)?(?:charged|arrested|accused|indicted)\b/;
export const CO_DEFENDANT_BEFORE = /\bco-?(?:defendants?|accused),?\s+(?:[a-z-]+\s+){0,3}$/i;
/** "The suit, filed Monday, names Sgt. X": the people a suit or indictment names are its defendants. */
export const SUIT_NAMES_BEFORE =
  /\b(?:suit|lawsuit|complaint|indictment)\b(?:[^.;]|(?<=\b\p{Lu})\.){0,80}\bnames\s+(?:as defendants\s+)?(?:[a-z-]+\s+){0,2}$/u;
/** "the charge against him was dismissed" after a name: the charge is the named subject's. */
export const CHARGE_AGAINST_PRONOUN = /\b(?:charges?|counts?|indictment)\b[^.;]{0,40}\bagainst (?:him|her)\b/;
export const WHOSE_RELATIVE =
  /^,\s*whose\s+(?:\w+\s+)?(?:son|daughter|child|children|husband|wife|brother|sister|father|mother|parents|grandson|granddaughter)\b/;
export const TEACHER_APPOSITION = /^who (?:teaches|studies|researches|specializes|has studied)\b/;

/** "a suit against Acme Corp., Dr. X and clinic manager": the name ends a list that follows "against". */
export function inAgainstList(before: string): boolean {
  const m =
    /\b(?:suit|lawsuit|complaint|charges?|indictment)\b(?:[^.;]|(?<=\b\p{Lu}\p{Ll}?)\.){0,80}?\bagainst\s+((?:[^.;]|(?<=\b\p{Lu}\p{Ll}?)\.){0,120})$/u.exec(
      before,
    );
  if (!m) return false;
  const tokens = (m[1] ?? '').split(/[\s,]+/).filter(Boolean); // the group is not optional
  // Up to two lower-case words of description right before the name ("and clinic manager").
  let trailing = 0;
  let described = 0;
  while (trailing < tokens.length) {
    const w = tokens[tokens.length - 1 - trailing];
    if (w === undefined || !/^[a-z-]+$/.test(w)) break;
    // "a suit against the city by Ann Lee": a preposition starts a new phrase about someone else.
    if (/^(?:by|for|from|on|of|with|to|in|at|after|before|over|who|which|that)$/.test(w)) return false;
    if (!/^(?:and|the)$/.test(w)) described++;
    trailing++;
  }
  if (described > 2) return false;
  return tokens
    .slice(0, tokens.length - trailing)
    .every((t) => /^(?:\p{Lu}[\p{L}.'’-]*|&|and|the|its|his|her)$/u.test(t));
}

/** "ordered Jones and his company to pay": the party a court orders to pay is the one sued. */
export const ORDERED_TO_PAY_BEFORE = /\border(?:ed|ing|s)\s+(?:[a-z-]+\s+){0,4}$/;
export const ORDERED_TO_PAY_AFTER = /^(?:\s+and\s+[^.;,]{0,40}?)?\s+to\s+pay\b/;

/** "X named Y in his suit": X sues (plaintiff), Y is sued. */
export const NAMED_IN_SUIT_AFTER =
  /^(?:,[^,]{0,80},)?\s*(?:also\s+)?named\b[^.;]{0,80}\bin\s+(?:his|her|their|the|a)\s+(?:[\w-]+\s+)?(?:law)?suits?\b/;
export const NAMED_BEFORE = /\bnamed\s+(?:as a defendant\s+)?(?:[a-z-]+\s+){0,3}$/i;
export const IN_SUIT_AFTER =
  /^\s+(?:as a defendant\s+)?in\s+(?:his|her|their|the|a)\s+(?:[\w-]+\s+)?(?:law)?suits?\b/;

/** "the suits were filed in Austin by lawyer X": counsel who files a suit is the plaintiffs'. */
export const SUIT_FILED_BY_BEFORE =
  /\b(?:law)?suits?\b[^.;]{0,100}\b(?:filed|brought)\b[^.;]{0,100}\bby\s+(?:[\w’'-]+\s+){0,3}$/;

/** ", …, who appeared in court": a relative clause after a clause of the subject's own is another noun's. */
export const CLAUSE_THEN_WHO = /^,(?!\s*\d{1,3},)[^,]{0,120},(?:[^,]{0,120},)?\s*who\b/;

/** "the conviction of her former business and romantic partner X", "a retrial of his cousin, X": the act's object, described. */
export const ACT_OF_DESCRIBED_BEFORE =
  /\b(?:conviction|trial|retrial|sentencing|arrest|indictment|extradition|prosecution|acquittal)\s+of\s+(?:(?!(?:of|for|by|in|on|at|to|with|from|after|before|who|which|that|was|were|is|are|had|has)\b)[a-z-]+,?\s+){1,6}$/;

/**
 * "X, 34, denies murder", "Y admitted manslaughter": admitting or denying an offence is a plea in
 * English court reporting. After the name (and an age), the verb; the offence follows it.
 */
export const AGE_APPOSITION = /^(?:, \d+,| \(\d+\))/;
/** One part of an apposition after a name (", of Carnforth Drive", ", Leicester"), up to the next comma. */
export const APPOSITION_PART = /^,[^,.;]{1,60}(?=,)/;
export const ADMITS_OR_DENIES =
  /^ (?:(?:has|had|have|also|now|previously|both|all|each) ){0,2}(?:admit(?:s|ted)?|den(?:y|ies|ied)) /;
/** Words between the verb and the offence's name: "two counts of", "all charges of". */
export const COUNT_WORDS =
  /^(?:a|an|the|one|two|three|four|five|six|seven|eight|nine|ten|\d+|single|further|all|both|charges?|counts?|of) /;

/** "X, 22, appeared alongside them and was granted bail": a second verb of the name's own clause. */
export const COORDINATED_DEFENDANT =
  /^ [a-z][a-z ]{0,60}? and (?:was|were|is|has been|had been) (?:granted (?:conditional )?bail|released on (?:conditional )?bail|bailed|remanded|charged|arrested|jailed|sentenced|convicted)\b/;
