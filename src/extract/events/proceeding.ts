import { allMatches } from '../../text.ts';

/**
 * Which proceeding an act or a charge belongs to, from the court words of its sentence: `federal`
 * (a federal grand jury, judge, jury, charges; a U.S. District Court or Attorney), a US state named
 * with a court word or after "in" ("a Tennessee jury", "New York's appeals court", "convicted in
 * California"; a big city's courts stand for their state: "a Los Angeles jury"), or `state` for an
 * unnamed state's ("the state charges", "a state jury"). Undefined when the words name none, or
 * more than one ("federal and state prosecutors"). One defendant's separate proceedings (state and
 * federal, two states) are kept apart by the case knowledge (src/cases/proceedings.ts).
 */

const STATES =
  'Alabama|Alaska|Arizona|Arkansas|California|Colorado|Connecticut|Delaware|Florida|Georgia|Hawaii|Idaho|Illinois|Indiana|Iowa|Kansas|Kentucky|Louisiana|Maine|Maryland|Massachusetts|Michigan|Minnesota|Mississippi|Missouri|Montana|Nebraska|Nevada|New Hampshire|New Jersey|New Mexico|New York|North Carolina|North Dakota|Ohio|Oklahoma|Oregon|Pennsylvania|Rhode Island|South Carolina|South Dakota|Tennessee|Texas|Utah|Vermont|Virginia|West Virginia|Wisconsin|Wyoming';

/** Cities whose courts outlets name instead of the state's. */
const CITY_STATE: Record<string, string> = {
  'los angeles': 'california',
  'san francisco': 'california',
  manhattan: 'new york',
  brooklyn: 'new york',
  chicago: 'illinois',
  atlanta: 'georgia',
  houston: 'texas',
  dallas: 'texas',
  miami: 'florida',
  philadelphia: 'pennsylvania',
  boston: 'massachusetts',
  phoenix: 'arizona',
  detroit: 'michigan',
  memphis: 'tennessee',
};

const PLACE = `(${STATES}|${Object.keys(CITY_STATE)
  .map((c) => c.replace(/\b\w/g, (l) => l.toUpperCase()))
  .join('|')})`;
const COURT_WORD =
  '(?:state\\s+|county\\s+|superior\\s+|criminal\\s+|appeals?\\s+|appellate\\s+|supreme\\s+)?(?:grand\\s+jury|jury|juries|jurors|court|judge|prosecutors?|district\\s+attorney|attorney\\s+general|case|charges?|counts?|conviction|verdict|trial|retrial|indictment|sentence)\\b';

/** A place before a court word ("a Tennessee jury", "New York's appeals court"). */
const COURT_OF_PLACE = new RegExp(`\\b${PLACE}(?:['’]s)?\\s+${COURT_WORD}`, 'gi');
/** A place after "in" ("convicted in California"), not a prison's or a jail's ("a prison in Texas"). */
const IN_PLACE = new RegExp(`(?<!\\b(?:prison|jail|camp|facility|custody)\\s)\\bin\\s+${PLACE}\\b`, 'gi');
const FEDERAL =
  /\bfederal\s(?:grand\sjury|jury|judge|court|prosecutors?|charges?|counts?|case|trial|retrial|indictment|conviction|verdict|sentence|civil\srights|crimes?|offen[cs]es?|witness|obstruction|murder|fraud|firearms?|weapons?|drug|hate)\b|\bU\.?\s?S\.?\s+(?:District\s+Court|Court\s+of\s+Appeals|Attorney|Magistrate)\b|\b(?:First|Second|Third|Fourth|Fifth|Sixth|Seventh|Eighth|Ninth|Tenth|Eleventh|[1-9]\w{2}|D\.?C\.?)\s+Circuit\b/i;
const STATE =
  /\bstate\s(?:jury|court|judge|prosecutors?|charges?|counts?|case|trial|retrial|conviction|verdict|indictment|murder|terrorism)\b|\bstate['’]s\s+(?:case|charges)\b/i;
/** "Federal and state prosecutors", "state and federal charges": both at once. */
const BOTH = /\b(?:federal|state)\s+and\s+(?:federal|state)\b/i;

function places(re: RegExp, text: string): string[] {
  return [...allMatches(text, re)].map((m) => {
    const place = (m[1] ?? '').toLowerCase();
    return CITY_STATE[place] ?? place;
  });
}

/** proceedingOf by text: an article's charges and events ask it of the same sentences again and again. */
const PROCEEDING = new Map<string, string | undefined>();
const PROCEEDING_MAX = 4096;

export function proceedingOf(text: string): string | undefined {
  if (PROCEEDING.has(text)) return PROCEEDING.get(text);
  const found = readProceeding(text);
  if (PROCEEDING.size >= PROCEEDING_MAX) PROCEEDING.clear();
  PROCEEDING.set(text, found);
  return found;
}

function readProceeding(text: string): string | undefined {
  if (BOTH.test(text)) return undefined;
  const found = new Set(places(COURT_OF_PLACE, text));
  // A federal court sits in some state ("a federal jury in California"): only a state's own
  // court beside it is another proceeding.
  if (FEDERAL.test(text)) found.add('federal');
  else for (const p of places(IN_PLACE, text)) found.add(p);
  // An unnamed state's court is the named state's, if any; beside a federal one it is another.
  if (STATE.test(text) && ![...found].some((p) => p !== 'federal')) found.add('state');
  return found.size === 1 ? [...found][0] : undefined;
}

/** `{ proceeding }` when the text names exactly one, else nothing (for spreading into a fact). */
export function proceedingDetails(text: string): { proceeding?: string } {
  const p = proceedingOf(text);
  return p ? { proceeding: p } : {};
}
