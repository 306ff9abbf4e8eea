import type { CaseDefinition } from '../../src/cases/definition.ts';
import type { Article, CaseEvent, Facts, Role } from '../../src/facts.ts';

/**
 * Synthetic cases, articles and facts for the benchmark: a template filled with made-up names and
 * dates from a seeded generator (never corpus text), so every run measures the same data.
 */

const FIRST = [
  'Ada',
  'Boris',
  'Carla',
  'Dmitri',
  'Elena',
  'Farid',
  'Greta',
  'Hugo',
  'Ines',
  'Jonas',
  'Kiri',
  'Lena',
  'Marco',
  'Nadia',
  'Otto',
  'Priya',
  'Quentin',
  'Rosa',
  'Sven',
  'Tamsin',
  'Umar',
  'Vera',
  'Wes',
  'Yara',
];
const LAST = [
  'Abbott',
  'Brennan',
  'Castellano',
  'Drummond',
  'Esposito',
  'Fairweather',
  'Galloway',
  'Hollis',
  'Ingram',
  'Jaworski',
  'Kettering',
  'Lindqvist',
  'Moreau',
  'Northcott',
  'Okafor',
  'Pemberton',
  'Quist',
  'Rutherford',
  'Salazar',
  'Thornbury',
  'Underhill',
  'Valdez',
  'Whitlock',
  'Yeager',
];
const PLACES = [
  'Millbrook',
  'Ashford',
  'Redwater',
  'Stonehaven',
  'Glenrock',
  'Fairhaven',
  'Kestrel Bay',
  'Oakridge',
];
const OFFENCES = [
  'involuntary manslaughter',
  'fraud',
  'tampering with evidence',
  'reckless endangerment',
  'obstruction of justice',
  'embezzlement',
];
const WORDS = [
  'the',
  'evidence',
  'shows',
  'that',
  'we',
  'will',
  'prove',
  'our',
  'case',
  'court',
  'jury',
  'truth',
  'never',
  'always',
  'believe',
  'family',
  'justice',
  'deserves',
  'answers',
  'today',
  'process',
  'fair',
  'client',
  'innocent',
  'responsible',
];
const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const CAST_ROLES: Role[] = [
  'defendant',
  'defendant',
  'prosecutor',
  'prosecutor',
  'defense_attorney',
  'defense_attorney',
  'judge',
  'witness',
  'witness',
  'family',
  'official',
  'expert',
];
const EVENT_KINDS: CaseEvent['type'][] = ['hearing', 'motion', 'ruling', 'charge', 'plea', 'trial', 'bail'];

/** mulberry32: small, fast, seeded. */
export function rng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T;
  const int = (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1));
  return { next, pick, int };
}
type Rng = ReturnType<typeof rng>;

export interface SynthCase {
  definition: CaseDefinition;
  cast: Array<{ name: string; role: Role }>;
  place: string;
}

/** `count` made-up cases; slugs start with `prefix` so the run can find and remove what it wrote. */
export function synthCases(prefix: string, count: number, seed = 1): SynthCase[] {
  const r = rng(seed);
  return Array.from({ length: count }, (_, i) => {
    const cast = CAST_ROLES.map((role) => ({ name: `${r.pick(FIRST)} ${r.pick(LAST)}`, role }));
    const defendants = cast.filter((c) => c.role === 'defendant').map((c) => c.name);
    const place = r.pick(PLACES);
    const name = `${place} case ${i + 1}`;
    return {
      definition: { slug: `${prefix}-${i + 1}`, name, aliases: [`${place} trial ${i + 1}`], defendants },
      cast,
      place,
    };
  });
}

function isoDate(r: Rng, year = 2024) {
  return `${year}-${String(r.int(1, 12)).padStart(2, '0')}-${String(r.int(1, 28)).padStart(2, '0')}`;
}
const words = (r: Rng, n: number) => Array.from({ length: n }, () => r.pick(WORDS)).join(' ');

/**
 * Ten facts an article: three people, three quotes, two events, one charge, one penalty. Cheap to
 * make, so the store can be filled with 100,000 facts without running the extractor.
 */
export function synthFacts(c: SynthCase, r: Rng, published: string): Facts {
  const person = () => r.pick(c.cast);
  const sentence = (s: string) => ({ sentence: s, offset: r.int(0, 3000) });
  const defendant = c.definition.defendants[r.int(0, c.definition.defendants.length - 1)] ?? 'Unknown';
  const events: CaseEvent[] = [0, 1].map(() => {
    const type = r.pick(EVENT_KINDS);
    const date = isoDate(r);
    const summary = `${type} in the ${c.place} case`;
    return {
      type,
      date,
      status: date > published ? 'scheduled' : 'happened',
      who: defendant,
      summary,
      new: r.next() < 0.3,
      provenance: sentence(summary),
    };
  });
  return {
    people: [person(), person(), person()].map((p) => ({
      name: p.name,
      role: p.role,
      provenance: sentence(`${p.name} spoke.`),
    })),
    quotes: [0, 1, 2].map(() => {
      const p = person();
      const text = words(r, r.int(6, 18));
      return { speaker: p.name, text, provenance: sentence(`"${text}," ${p.name} said.`) };
    }),
    events,
    charges: [{ defendant, charge: r.pick(OFFENCES), status: 'pending', provenance: sentence('charged') }],
    penalties: [
      { defendant, max: r.int(1, 20), unit: 'years', current: true, provenance: sentence('faces years') },
    ],
  };
}

/** An article about the case, written from the template so the real extractor finds facts in it. */
export function synthArticle(c: SynthCase, r: Rng, n: number): Article {
  const published = isoDate(r);
  const defendant = c.cast[0]?.name ?? 'Ada Abbott';
  const prosecutor = c.cast.find((p) => p.role === 'prosecutor')?.name ?? 'Boris Brennan';
  const lawyer = c.cast.find((p) => p.role === 'defense_attorney')?.name ?? 'Carla Castellano';
  const judge = c.cast.find((p) => p.role === 'judge')?.name ?? 'Dmitri Drummond';
  const surname = (name: string) => name.split(' ').pop() ?? name;
  const month = r.pick(MONTHS);
  const paragraphs = [
    `${c.place} — ${defendant} appeared in court on Monday, where Judge ${judge} heard arguments about the ${c.definition.name}.`,
    `Special prosecutor ${prosecutor} said ${surname(defendant)} was charged with ${r.pick(OFFENCES)} in ${month} and faces up to ${r.int(2, 18)} years in prison if convicted.`,
    `"${words(r, r.int(8, 16))}," ${prosecutor} told the courtroom. "${words(r, r.int(6, 12))}."`,
    `${surname(defendant)}'s lawyer, ${lawyer}, filed a motion to dismiss the case on Tuesday. "${words(r, r.int(8, 14))}," ${surname(lawyer)} said in a statement.`,
    `A hearing is scheduled for ${month} ${r.int(1, 28)}. ${surname(defendant)} pleaded not guilty and was released on bail.`,
    ...Array.from({ length: r.int(3, 8) }, () =>
      `${words(r, r.int(12, 24))}.`.replace(/^./, (s) => s.toUpperCase()),
    ),
  ];
  return {
    url: `https://news.example/${c.definition.slug}/${n}`,
    title: `${defendant} in court over the ${c.definition.name}`,
    published,
    text: paragraphs.join('\n\n'),
    outlet: `outlet${r.int(1, 40)}.example`,
  };
}
