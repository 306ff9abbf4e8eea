import nlp from 'compromise';
import { wordList } from '../../text.ts';

/**
 * Name-level helpers: the general English lexicon (compromise's, looked up word by word — no parse).
 * Normalisation, comparison and short forms of names, which need no lexicon, are in nameForms.ts
 * (re-exported here for the extractor).
 */

export {
  canonicalFirstName,
  editDistance,
  nameTokens,
  normaliseName,
  SUFFIXES,
  sameFirstName,
  similarSurname,
  swappedLetters,
} from './nameForms.ts';

const lexicon = new Map(
  Object.entries((nlp.world() as { model: { one: { lexicon: Record<string, string> } } }).model.one.lexicon),
);

/** The lexicon tag of a word, looked up in lower case ("alec" → "MaleName", "court" → "Singular"). */
export function lexTag(word: string): string | undefined {
  // Most words arrive capitalised: remembering each spelling's tag saves a toLowerCase per lookup.
  if (tagCache.has(word)) return tagCache.get(word);
  const tag = lexicon.get(word.toLowerCase());
  if (tagCache.size > 50000) tagCache.clear();
  tagCache.set(word, tag);
  return tag;
}

const tagCache = new Map<string, string | undefined>();

const NAME_TAGS = new Set(['MaleName', 'FemaleName', 'FirstName', 'Person', 'LastName', 'Honorific']);

export function isFirstName(word: string): boolean {
  const tag = lexTag(word);
  return tag === 'MaleName' || tag === 'FemaleName' || tag === 'FirstName';
}

export function firstNameGender(word: string): 'male' | 'female' | undefined {
  const tag = lexTag(word);
  if (tag === 'MaleName') return 'male';
  if (tag === 'FemaleName') return 'female';
  return undefined;
}

/** A capitalised word that is also an ordinary English word ("Court", "Prosecutors", "The"). */
export function isCommonWord(word: string): boolean {
  const tag = lexTag(word);
  if (tag && !NAME_TAGS.has(tag)) return true;
  return COMMON_CAPITALISED.has(word.toLowerCase());
}

/** Words the lexicon lacks that start sentences or headlines and are never names. */
const COMMON_CAPITALISED = new Set(
  wordList(`
  prosecutors authorities officials investigators jurors lawyers attorneys according following
  despite instead however meanwhile earlier later once although though until upon wearing
  appearing initially specifically originally legal former accused live latest updates breaking
  published posted updated exclusive watch read more photo video court jury trial judge police
  sheriff state federal county district office
`),
);

/** Words that make a capitalised run an organisation, place, law or event rather than a person. */
export const NON_PERSON_WORDS = new Set(
  wordList(`
  office department county court courthouse university college school police state states center
  centre hotel township street avenue road act law news times post press unit jail prison bureau
  prisons investigations security entertainment park ranch city island agency service services
  association company corporation inc llc group network studios productions pictures records
  church hospital committee council commission congress senate house administration government
  republic kingdom united america american national international federal supreme appeals circuit
  division weekly magazine daily journal tribune herald gazette reporter deadline instagram
  twitter facebook tiktok youtube monday tuesday wednesday thursday friday saturday sunday january
  february march april may june july august september october november december creek river lake
  mountain valley beach bay airport detention correctional facility institute foundation fund
  party project program western eastern northern southern new santa san los las fort mount saint
  library museum guild union club team league festival awards award prize show film movie series
  season episode book album song tour amendment code rule rules constitution judicial covid fbi
  cia doj nypd lapd cnn abc nbc cbs fox bbc ap psp dna us u.s usa mdc rico pa ph.d phd
`),
);
