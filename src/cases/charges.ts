import type { ChargeStatus } from '../facts.ts';
import { fold, words } from '../text.ts';
import { newestPublished } from './dates.ts';
import { sameProceeding } from './proceedings.ts';
import type { ChargeObservation } from './types.ts';

/**
 * Charges per defendant, canonicalised across articles' wording: "felony burglary" is
 * "burglary", "gun enhancement" is "firearm enhancement", "racketeering" is "racketeering
 * conspiracy", "transporting people for prostitution" is "transportation to engage in
 * prostitution". A name that only extends another ("involuntary manslaughter in the commission of
 * a lawful act") is the same charge unless the newest article listing either names both apart.
 */

const FILLER = new Set(
  'a an the of to in for and or on by with engage engaging people persons person individuals count counts charge charges felony misdemeanor one two three four five six first second third degree alleged'.split(
    ' ',
  ),
);
// "RICO" is the racketeering statute's name: "violating the RICO act" is a racketeering charge.
const SYNONYMS: Record<string, string> = {
  gun: 'firearm',
  weapon: 'weapon',
  firearms: 'firearm',
  rico: 'racketeering',
};

/** Stems of the words that identify an offence. */
export function chargeStems(charge: string): Set<string> {
  const out = new Set<string>();
  for (const w of words(charge)) {
    if (FILLER.has(w) || /^\d+$/.test(w)) continue;
    out.add((SYNONYMS[w] ?? w).slice(0, 5));
  }
  return out;
}

function subsetOf(a: Set<string>, b: Set<string>): boolean {
  for (const x of a) if (!b.has(x)) return false;
  return true;
}

/** Whether two charge names can denote the same offence (equal stems, or one extends the other). */
export function sameOffence(a: string, b: string): boolean {
  if (qualifiersConflict(a, b)) return false;
  const sa = chargeStems(a);
  const sb = chargeStems(b);
  if (sa.size === 0 || sb.size === 0) return a.trim().toLowerCase() === b.trim().toLowerCase();
  return subsetOf(sa, sb) || subsetOf(sb, sa);
}

/**
 * Words that make a different offence of the same act: first- vs second-degree murder, capital
 * vs non-capital murder, attempted X vs X, conspiracy to commit X vs X. A name without a degree
 * ("robbery") may still be shorthand for one with a degree ("first-degree robbery").
 */
const DEGREE =
  /\b(first|second|third|fourth|1st|2nd|3rd|4th)[\s-]+degree\b|\bdegree\s+(one|two|three|four|[1-4])\b/;
const DEGREE_WORD: Record<string, string> = {
  '1st': 'first',
  '2nd': 'second',
  '3rd': 'third',
  '4th': 'fourth',
  one: 'first',
  two: 'second',
  three: 'third',
  four: 'fourth',
  '1': 'first',
  '2': 'second',
  '3': 'third',
  '4': 'fourth',
};
const MARKERS: Array<[string, RegExp]> = [
  ['attempt', /\battempt(?:ed|s)?\b/],
  // A bare "conspiracy" (an outlet's short name for the count) is a conspiracy too: it may stand
  // for "conspiracy to witness tamper", never for the offence conspired to.
  ['conspiracy', /\bconspir(?:acy|ing)\s+to\b|^\s*conspiracy\s*$/],
  ['solicitation', /\bsolicit(?:ation|ing)\s+(?:to|of)\b/],
  ['capital', /\bcapital\b/],
  // Murder "as a crime of terrorism" or "in furtherance of terrorism" is its own count.
  ['terrorism', /\bterroris[mt]\b/],
];

function degreeOf(charge: string): string | undefined {
  const m = DEGREE.exec(fold(charge));
  if (!m) return undefined;
  const word = (m[1] ?? m[2]) as string;
  return DEGREE_WORD[word] ?? word;
}

/** True when the names carry different degrees, or one is attempted/conspiracy/capital and the other not. */
export function qualifiersConflict(a: string, b: string): boolean {
  const da = degreeOf(a);
  const db = degreeOf(b);
  if (da && db && da !== db) return true;
  const fa = fold(a);
  const fb = fold(b);
  // The racketeering count news reports is mostly the conspiracy to violate the statute ("charged
  // with racketeering" for "conspiracy to violate the RICO act"): there the conspiracy is no other offence.
  const racketeering = chargeStems(a).has('racke') && chargeStems(b).has('racke');
  return MARKERS.some(
    ([kind, re]) => !(racketeering && kind === 'conspiracy') && re.test(fa) !== re.test(fb),
  );
}

export interface ChargeView {
  charge: string;
  status: ChargeStatus;
  /** The articles that named the charge (for rules that look at when it was last reported). */
  seen: Array<Pick<ChargeObservation, 'url' | 'published' | 'status'>>;
  /** The proceeding it belongs to (the first one its observations name). */
  proceeding?: string;
}

/** The charges of one person from observations already filtered to the person and the as-of day. */
export function currentCharges(observations: ChargeObservation[]): ChargeView[] {
  const names = [...new Set(observations.map((o) => normal(o.charge)))];
  const parent = names.map((_, i) => i);
  const root = (i: number): number => (parent[i] === i ? i : root(parent[i] as number));
  const members = (r: number) => names.filter((_, k) => root(k) === r);
  const specific = names.map((n) => namedApartFromItsForms(n, observations));
  // Two rounds: the same offence worded differently first ("murder in the second degree",
  // "second-degree murder"), then a shorter name joining a longer one; so that what an article
  // lists apart is known for the whole group before a short name glues two groups together.
  for (const round of ['equal', 'extends'] as const) {
    for (let i = 0; i < names.length; i++) {
      for (let j = i + 1; j < names.length; j++) {
        const a = names[i] as string;
        const b = names[j] as string;
        if (!sameOffence(a, b)) continue;
        const equal = sameStems(a, b);
        if (round === 'equal' ? !equal : equal) continue;
        // A bare name its own article lists beside a longer form names another offence there.
        if (!equal && (specific[i] || specific[j])) continue;
        const ri = root(i);
        const rj = root(j);
        if (ri === rj) continue;
        // "murder" may join "first-degree murder" or "second-degree murder", never both at once;
        // and no two names one article lists apart end in one group.
        const clash = members(ri).some((x) =>
          members(rj).some((y) => qualifiersConflict(x, y) || keptApart(x, y, observations)),
        );
        if (!clash) parent[rj] = ri;
      }
    }
  }
  const groups = new Map<number, ChargeObservation[]>();
  for (const o of observations) {
    const r = root(names.indexOf(normal(o.charge)));
    const g = groups.get(r) ?? [];
    g.push(o);
    groups.set(r, g);
  }
  return [...groups.values()].map((g) => {
    const proceeding = proceedingOf(g);
    return {
      charge: displayName(g),
      status: latestStatus(g),
      seen: g.map(({ url, published, status }) => ({ url, published, status })),
      ...(proceeding ? { proceeding } : {}),
    };
  });
}

function proceedingOf(observations: ChargeObservation[]): string | undefined {
  return observations.find((o) => o.proceeding)?.proceeding;
}

function sameStems(a: string, b: string): boolean {
  const sa = chargeStems(a);
  const sb = chargeStems(b);
  return sa.size === sb.size && subsetOf(sa, sb) && degreeOf(a) === degreeOf(b) && !qualifiersConflict(a, b);
}

/** `long` is a fuller form of the offence `short` names: more words, or a degree it lacks. */
function longerForm(short: string, long: string): boolean {
  if (!sameOffence(short, long) || sameStems(short, long)) return false;
  return chargeStems(long).size > chargeStems(short).size || (!degreeOf(short) && !!degreeOf(long));
}

/**
 * The newest article naming `name` also lists, apart, a longer form of the same offence ("rape"
 * beside "third-degree rape", "sexual assault" beside "criminal sexual assault"): there the short
 * name is an offence of its own (another statute, another court), not shorthand for the long one.
 */
function namedApartFromItsForms(name: string, all: ChargeObservation[]): boolean {
  const mine = all.filter((o) => normal(o.charge) === name);
  const newest = newestPublished(mine);
  for (const url of new Set(mine.filter((o) => o.published === newest).map((o) => o.url))) {
    const others = all.filter((o) => o.url === url && normal(o.charge) !== name).map((o) => o.charge);
    if (others.some((o) => longerForm(name, o))) return true;
  }
  return false;
}

function normal(charge: string): string {
  return (
    charge
      .trim()
      .toLowerCase()
      .replace(/\s+/g, ' ')
      // The statute is named by its usual abbreviation, however an outlet spells it out.
      .replace(/\bracketeer(?:ing)? influenced and corrupt organi[sz]ations?\b/g, 'rico')
      // The schema's name of the sentencing enhancement, whatever an outlet calls the weapon.
      .replace(/\b(?:gun|weapons?) enhancement\b/g, 'firearm enhancement')
  );
}

/**
 * True when the newest article naming `a` or `b` lists them as two charges of the person, or any
 * article gives them different outcomes (convicted of one, acquitted of the other: two counts).
 */
function keptApart(a: string, b: string, all: ChargeObservation[]): boolean {
  const related = all.filter((o) => normal(o.charge) === a || normal(o.charge) === b);
  if (decidedApart(a, b, related)) return true;
  // Charges of two proceedings (state and federal, two states) are two charges whatever their names.
  const court = (name: string) => related.find((o) => normal(o.charge) === name && o.proceeding)?.proceeding;
  if (!sameProceeding(court(a), court(b))) return true;
  const newest = newestPublished(related);
  const urls = new Set(related.filter((o) => o.published === newest).map((o) => o.url));
  for (const url of urls) {
    const listed = new Set(related.filter((o) => o.url === url).map((o) => normal(o.charge)));
    if (listed.has(a) && listed.has(b)) return true;
  }
  return false;
}

function decidedApart(a: string, b: string, related: ChargeObservation[]): boolean {
  return related.some(
    (x) =>
      normal(x.charge) === a &&
      related.some(
        (y) =>
          normal(y.charge) === b &&
          ((y.url === x.url && y.status !== x.status) ||
            convictedAfterAcquittal(x, y) ||
            convictedAfterAcquittal(y, x)),
      ),
  );
}

/**
 * An acquittal is final (no one is tried twice for one count): a conviction reported later under
 * another name of the offence ("acquitted of predatory sexual assault", two years on "convicted of
 * sexual assault" in another court) is of another count.
 */
function convictedAfterAcquittal(acquitted: ChargeObservation, convicted: ChargeObservation): boolean {
  return (
    acquitted.status === 'acquitted' &&
    convicted.status === 'convicted' &&
    convicted.published > acquitted.published
  );
}

/**
 * The wording most articles use; on a tie a fuller form over its shorthand ("conspiracy to obstruct
 * an inquiry" over "conspiracy", "second-degree arson" over "arson"), else the first reported (the
 * charging document's words over a later outlet's paraphrase).
 */
function displayName(group: ChargeObservation[]): string {
  const articles = new Map<string, Set<string>>();
  for (const o of group) {
    const name = normal(o.charge);
    const set = articles.get(name) ?? new Set<string>();
    set.add(o.url);
    articles.set(name, set);
  }
  const most = Math.max(...[...articles.values()].map((urls) => urls.size));
  const tied = [...articles].filter(([, urls]) => urls.size === most).map(([name]) => name);
  return tied.find((name) => !tied.some((other) => shorthandFor(name, other))) ?? (tied[0] as string);
}

/** `short` is shorthand for `long` (of one group): a bare one-word name of it, or a name without its degree. */
function shorthandFor(short: string, long: string): boolean {
  return (longerForm(short, long) && chargeStems(short).size <= 1) || (!degreeOf(short) && !!degreeOf(long));
}

/** Newest article wins; among the newest day's articles, a final outcome beats "pending". */
function latestStatus(group: ChargeObservation[]): ChargeStatus {
  const newest = newestPublished(group);
  const day = group.filter((o) => o.published === newest);
  const decided = day.filter((o) => o.status !== 'pending');
  return (decided[decided.length - 1] ?? day[day.length - 1] ?? (group[0] as ChargeObservation)).status;
}
