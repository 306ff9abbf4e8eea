import type { Role } from '../facts.ts';

/**
 * Shared by every extractor module: one segmentation pass and one person registry per article.
 * segment.ts builds an ArticleDoc; people/ builds the PersonRegistry; quotes/, events/ and charges/
 * read both.
 */

export interface Sentence {
  text: string;
  /** Character offset of the sentence in the article text. */
  offset: number;
  /** Index of the paragraph the sentence belongs to. */
  paragraph: number;
  /** Index of the sentence in the whole article. */
  index: number;
}

export interface Paragraph {
  text: string;
  offset: number;
  index: number;
  sentences: Sentence[];
}

export interface ArticleDoc {
  text: string;
  title: string;
  /** YYYY-MM-DD */
  published: string;
  paragraphs: Paragraph[];
  sentences: Sentence[];
}

export interface PersonEntry {
  /** The fullest form the article gives. */
  name: string;
  role: Role;
  gender?: 'male' | 'female' | undefined;
  /** Every surface form seen ("Baldwin", "Mr. Baldwin", "Alec Baldwin"). */
  aliases: string[];
  /** Offsets of every mention in the article text, sorted. */
  mentions: number[];
  /** Lower-case title and apposition words seen with the person ("judge", "special", "prosecutors"). */
  titles?: string[];
  /** The role comes from a title or apposition ("a lawyer for the families"), not from what happened. */
  titled?: boolean;
}

/** One mention of a person by name: [start, end) in the article text. */
export interface PersonMention {
  person: PersonEntry;
  start: number;
  end: number;
  /** The mention is inside a quotation (antecedent() skips those). */
  inQuote?: boolean;
}

export interface PersonRegistry {
  people: PersonEntry[];
  /** Every name mention, sorted by offset (added by people/people.ts; pronouns are not mentions). */
  mentions: PersonMention[];
  /** The person a surface form refers to ("Sommer", "Judge Sommer", "Mr. Baldwin"), if any. */
  resolve(surface: string): PersonEntry | undefined;
  /** The people mentioned inside [start, end) of the article text, in order of first mention. */
  mentionedIn(start: number, end: number): PersonEntry[];
  /** The name mentions inside [start, end), in text order. */
  mentionsIn(start: number, end: number): PersonMention[];
  /** The nearest person mentioned before `offset` compatible with a pronoun's gender. */
  antecedent(offset: number, gender?: 'male' | 'female'): PersonEntry | undefined;
  /** People whose role is `defendant`. */
  defendants(): PersonEntry[];
}
