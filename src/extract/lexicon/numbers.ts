/**
 * Number words as articles write them ("two counts", "five-year", "eighteen months"): the one
 * table, and the regex alternations built from it.
 */

export const NUMBER_WORDS: Record<string, number> = {
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

/** A number as digits or words, up to ninety-nine ("18", "2.5", "eighteen", "twenty-five"). */
export const NUMBER = `(?:\\d+(?:\\.\\d+)?|(?:${numberWords(20, 90)})(?:[- ](?:${numberWords(1, 9)}))?|${numberWords(1, 19)})`;

/**
 * The number words from `low` to `high` as a regex alternation, smallest first ("two|three|four"):
 * every pattern that counts in words takes its words from NUMBER_WORDS.
 */
export function numberWords(low: number, high: number): string {
  return Object.entries(NUMBER_WORDS)
    .filter(([w, v]) => v >= low && v <= high && w !== 'a' && w !== 'an')
    .map(([w]) => w)
    .join('|');
}

/** "18" → 18, "five" → 5, "twenty-five" → 25. */
export function parseNumber(text: string): number | null {
  const t = text.toLowerCase().trim();
  if (/^\d/.test(t)) return Number(t);
  let total = 0;
  for (const part of t.split(/[- ]/)) {
    const v = NUMBER_WORDS[part];
    if (v === undefined) return null;
    total += v;
  }
  return total;
}
