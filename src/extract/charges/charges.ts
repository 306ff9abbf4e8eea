import type { Charge, ChargeStatus } from '../../facts.ts';
import { allMatches } from '../../text.ts';
import { dismissalDetails } from '../events/acts.ts';
import { maskedSentence } from '../events/context.ts';
import { actorRole } from '../events/events.ts';
import { proceedingDetails } from '../events/proceeding.ts';
import { factDefendants, namedInSentence, sentenceDefendants, whoContext } from '../events/who.ts';
import {
  canonicalOffence,
  OFFENCE_RE,
  offenceHead,
  sharedHeadOffences,
  unlistedOffences,
} from '../lexicon/legalTerms.ts';
import type { ArticleDoc, PersonRegistry, Sentence } from '../types.ts';

/**
 * Charges: each offence the article names in a charging context ("charged with", "counts of",
 * "pleaded not guilty to", "X charge"), per defendant, with its status from the words around it.
 */

/** Offence mentions found in one sentence, before article-wide merging. */
export interface OffenceMention {
  charge: string;
  status: ChargeStatus;
  defendants: string[];
  sentence: Sentence;
  /** Offset of the offence in the sentence. */
  start: number;
}

const CUE_BEFORE =
  /\b(?:charg\w*|counts?|indict\w*|accused\b(?=[^.;]{0,40}\bof\b)|fac(?:e|es|ed|ing)|plead\w*|pled|plea|convict\w*|acquitt\w*|guilty|cleared|admit(?:s|ted)|den(?:y|ies|ied)|sentenc\w*|jailed|terms? for|orders? for|years for|dropp\w*|dismiss\w*|remov\w*|trial (?:for|on)|along with|as well as|in addition to)\b/i;
const ENHANCEMENT = /enhancement$/;
const CUE_AFTER = /^\s*(?:charges?|counts?|case|indictment|convictions?|claim)\b/i;
/** Lists of alleged crimes that are not charges (the predicate acts of a racketeering count). */
const NOT_CHARGES = /\bcrimes (?:including|like|such as)\b[^.;]*/gi;

const STATUS_BEFORE: Array<[ChargeStatus, RegExp]> = [
  [
    'acquitted',
    /\b(?:acquitt\w*|found not guilty|not guilty (?:of|on)|cleared (?:\w+ )?of|rejected the)\b/gi,
  ],
  [
    'convicted',
    /\b(?:convicted\b[^;]{0,100}?\b(?:of|on)|admit(?:s|ted)|found (?:[\w'’-]+ ){0,5}?guilty|guilty (?:of|on|to)|(?:no contest|nolo contendere)\b|convictions? (?:for|on|of)|sentenced|jailed|(?:serv|begin|began|start|given|handed|receiv)\w* (?:a |an |the |his |her |their )?(?:[\w-]+ ){0,3}(?:sentence|term|order)(?: (?:in|at)(?: [\w-]+){1,3}?)? for)\b/gi,
  ],
  ['dismissed', /\b(?:judge|court)\b[^.;]{0,40}\bdismiss\w*/gi],
  // A jury that could not agree decided nothing: "hung on three counts, including X", "deadlocked on".
  [
    'pending',
    /\b(?:hung|deadlocked|(?:(?:could|did)(?: not|n['’]t)|failed to) (?:reach (?:a )?verdicts?|agree))\b(?: \w+){0,2}? (?:on|over)\b/gi,
  ],
  [
    'dropped',
    /\b(?:dropp\w*|remov\w*|withdr[ae]w\w*|notice (?:to|of) dismiss\w*|downgrad\w*|reduced the)\b|\b(?:prosecut\w*|district attorney|DA|attorney general|state['’]s attorney)\b[^.;]{0,40}\bdismiss\w*/gi,
  ],
];
const STATUS_AFTER: Array<[ChargeStatus, RegExp]> = [
  // "The man accused of the murder of X has been found guilty": the verdict on the subject's offence.
  [
    'convicted',
    /^[^.;]{0,80}?\b(?:has been|have been|had been|was|were) (?:found guilty|convicted)\b(?! of\b| on \w+ (?:counts?|charges?)\b)/i,
  ],
  // "the theft and conspiracy convictions of X"
  ['convicted', /^[a-z ,-]{0,40}?\bconvictions?\b(?! (?:was|were) (?:overturned|vacated|reversed))/i],
  ['acquitted', /^\W*(?:charges?|counts?|claim)?\s*(?:was|were) (?:rejected|acquitted)\b/i],
  [
    'dismissed',
    /^\W*(?:charges?|counts?|case)?(?: against \w+)?\s*(?:was|were|has been|have been|had been)\s+(?:(?:\w+ly|later|also|since|then)\s+)?dismissed\b/i,
  ],
  [
    'dropped',
    /^\W*(?:charges?|counts?)?\s*(?:was|were|has been|have been|had been)\s+(?:(?:\w+ly|later|also|since|then)\s+)?(?:dropped|removed|withdrawn)\b|^[^.;]{0,25}\bwould have carried\b/i,
  ],
  // "gun enhancement charges initially filed against X and Y were ultimately dropped last year"
  [
    'dropped',
    /^\s(?:charges\s|charge\s|counts\s|count\s)?(?:initially\s|originally\s|first\s)?(?:filed|brought|lodged)\s[^.;]{0,80}\b(?:was|were|had\sbeen|have\sbeen)\s(?:ultimately\s|later\s|eventually\s|subsequently\s|also\s)?(?:dropped|removed|withdrawn)\b/i,
  ],
];
/** A modal or plan before the status word: the change has not happened yet. */
const NOT_YET =
  // Case-sensitive: the month "May" is no modal.
  /\b(?:to be|[Cc]ould|may|[Mm]ight|[Ww]ill|[Ww]ould|expected to|set to|agreed to|agrees to|plans? to|[Ii]f|fac(?:es|ing|e) being|risks? being)\s+(?:\w+\s+){0,2}$/;
const ANAPHORIC_DROP =
  /\b(?:the|that|this) (?:charge|enhancement)\b[^.;]{0,20}\b(?:was|were|has been|had been) (?:also )?(?:dropped|removed)\b/i;
/** A plea under a deal the court has not accepted yet convicts of nothing. */
const PLEA_PENDING =
  /\bpending (?:court |the court['’]s |a judge['’]s )?approval|\bnot yet (?:been )?(?:accepted|approved)/i;
const SAME_OFFENCES =
  /\b(?:charged|indicted|accused)\b[^.;]{0,40}?\b(?:with|on|of) the same (?:offen[cs]es|charges|counts|crimes)\b/i;
/** "pushed for murder charges", "called for a hate crime charge": a charge wished for is none filed. */
const WISHED =
  /\b(?:push\w*|call\w*|urg\w*|demand\w*|lobb\w*|ask\w*|want\w*|hop\w*|press\w*) for (?:an? |the )?(?:[\w-]+ ){0,2}$/i;
const DISMISS_WORD = /\bdismiss(?:ed|es)\b/i;
const GUILTY_PLEA =
  /\b(?:pleaded|pleads|pled) (?:guilty|no contest|nolo contendere)\b|\bchanged (?:his|her|their) pleas? to guilty\b/i;
/** A court ends the whole case ("the judge dismissed the case", "the case was dismissed"). */
const CASE_DISMISSED =
  /\b(?:judge|court)\b[^.;]{0,60}\b(?:dismissed|threw out|tossed)\b[^.;]{0,20}\b(?:case|charges|indictment)\b|\bcase (?:was|has been|had been) (?:\w+ly )?dismissed\b/i;
// A conviction on one count outweighs an acquittal on another count of the same offence.
const RANK: Record<ChargeStatus, number> = {
  pending: 0,
  dropped: 1,
  dismissed: 2,
  acquitted: 3,
  convicted: 4,
};

const CHARGES = new WeakMap<ArticleDoc, WeakMap<PersonRegistry, Charge[]>>();

/** The charges of an article (computed once per article: penalties.ts reads them too). */
export function extractCharges(doc: ArticleDoc, people: PersonRegistry): Charge[] {
  let byRegistry = CHARGES.get(doc);
  if (!byRegistry) {
    byRegistry = new WeakMap();
    CHARGES.set(doc, byRegistry);
  }
  let charges = byRegistry.get(people);
  if (!charges) {
    charges = mergeCharges(findOffenceMentions(doc, people), caseOutcomes(doc, people));
    byRegistry.set(people, charges);
  }
  return charges.map((c) => ({
    ...c,
    ...(c.provenance ? { provenance: { ...c.provenance } } : {}),
    ...(c.status === 'dismissed' && c.provenance ? dismissalDetails(c.provenance.sentence) : {}),
    ...(c.provenance ? proceedingDetails(c.provenance.sentence) : {}),
  }));
}

export function findOffenceMentions(doc: ArticleDoc, people: PersonRegistry): OffenceMention[] {
  const ctx = whoContext(people, doc.sentences);
  const maskedOf = maskedSentence;
  const out: OffenceMention[] = [];
  let lastDropped: string | undefined;
  for (const s of doc.sentences) {
    const masked = maskedOf(s).masked.replace(NOT_CHARGES, (m) => ' '.repeat(m.length));
    // "records-tampering", "pattern-of-corrupt-activity": the offence with spaces (same length).
    const lowered = masked.toLowerCase();
    const lower = lowered.includes('-') ? lowered.replace(/(?<=[a-z])-(?=[a-z])(?!degree)/g, ' ') : lowered;
    const found = withUnlistedOffences(lower, masked, [...allMatches(lower, OFFENCE_RE)]);
    // "The charge was also dropped against X": the charge last reported dropped, for X.
    const anaphora = lastDropped ? ANAPHORIC_DROP.exec(masked) : null;
    if (anaphora && lastDropped && (found.length === 0 || (found[0]?.index ?? 0) > anaphora.index)) {
      const { spans } = maskedOf(s);
      const named = sentenceDefendants(ctx, s, masked, namedInSentence(ctx, s, spans)).map((d) => d.name);
      if (named.length > 0)
        out.push({ charge: lastDropped, status: 'dropped', defendants: named, sentence: s, start: 0 });
    }
    // "Y was arrested and charged with the same offenses": every offence named so far, for Y.
    if (SAME_OFFENCES.test(masked)) {
      const { spans } = maskedOf(s);
      const named = sentenceDefendants(ctx, s, masked, namedInSentence(ctx, s, spans)).map((d) => d.name);
      for (const charge of new Set(out.map((o) => o.charge)))
        out.push({ charge, status: 'pending', defendants: named, sentence: s, start: 0 });
    }
    if (found.length === 0) continue;
    const items = readOffences(masked, found);
    const defendants = () => factDefendants(ctx, doc.sentences, s.index, maskedOf).map((d) => d.name);
    let who: string[] | undefined;
    const dismiss = DISMISS_WORD.exec(masked);
    const dismisser = dismiss ? actorRole(ctx, s, dismiss.index) : undefined;
    for (const item of items) {
      if (!item.cue || WISHED.test(masked.slice(Math.max(0, item.start - 40), item.start))) continue;
      // "Crowder dismissed the murder charge": who dismissed decides between dropped and dismissed.
      if (
        dismiss &&
        item.start > dismiss.index &&
        (item.status === 'pending' || item.status === 'dismissed')
      ) {
        if (dismisser === 'prosecutor') item.status = 'dropped';
        else if (dismisser === 'judge') item.status = 'dismissed';
      }
      if (item.status === 'convicted' && PLEA_PENDING.test(masked)) item.status = 'pending';
      const charge = canonicalOffence(item.raw, masked.slice(Math.max(0, item.start - 4), item.start));
      if (item.status === 'dropped') lastDropped = charge;
      who ??= defendants();
      out.push({ charge, status: item.status, defendants: who, sentence: s, start: item.start });
    }
  }
  return out;
}

/** Offences the lexicon lacks, read from the phrase after "charged with" (see legalTerms.ts). */
function withUnlistedOffences(lower: string, masked: string, found: RegExpMatchArray[]): RegExpMatchArray[] {
  const extra = [...unlistedOffences(lower), ...sharedHeadOffences(lower, masked)].filter(
    ([start, end]) => !found.some((m) => start < (m.index ?? 0) + m[0].length && end > (m.index ?? 0)),
  );
  if (extra.length === 0) return found;
  const made = extra.map(
    ([start, end, name]) =>
      Object.assign([lower.slice(start, end)], { index: start, name }) as RegExpMatchArray & {
        name?: string;
      },
  );
  return [...found, ...made].sort((a, b) => (a.index ?? 0) - (b.index ?? 0));
}

interface OffenceItem {
  raw: string;
  start: number;
  cue: boolean;
  status: ChargeStatus;
}

/** A status word between two offences ends the list ("of theft, but acquitted him of forgery"). */
const LIST_BREAK = /\b(?:but|acquitt\w*|convict\w*|guilty|dropp\w*|dismiss\w*|withdr\w*|cleared)\b/i;
/** A charging or verdict verb further back in the clause: "convicted Jane Roe, a former clerk, of theft". */
const FAR_CUE =
  /\b(?:convict\w*|acquitt\w*|charg\w*|indict\w*|guilty|cleared)\b[^;]{0,130}\b(?:of|with|to|on)\s+(?:the |a |one |two |three |\d+ )?(?:counts? of )?$/i;

/** The offences of one sentence with their cue and status; a list shares both, in either direction. */
function readOffences(masked: string, found: RegExpMatchArray[]): OffenceItem[] {
  const items: OffenceItem[] = [];
  const listedWithPrev: boolean[] = [];
  let prevEnd = -1;
  for (const m of found) {
    const start = m.index ?? 0;
    const end = start + m[0].length;
    const between = prevEnd >= 0 ? masked.slice(prevEnd, start) : '';
    // "charges of racketeering, sex trafficking and ...": a list shares its context.
    const listed =
      prevEnd >= 0 &&
      between.length <= 25 &&
      /,|\band\b|\bor\b|\bplus\b/.test(between) &&
      !LIST_BREAK.test(between);
    const prev = items.at(-1);
    const before = masked.slice(Math.max(0, start - 60), start);
    const after = masked.slice(end, end + 40);
    const cue: boolean =
      (listed && prev?.cue === true) ||
      CUE_BEFORE.test(before) ||
      CUE_AFTER.test(after) ||
      ENHANCEMENT.test(m[0]) ||
      FAR_CUE.test(masked.slice(Math.max(0, start - 160), start));
    const status: ChargeStatus =
      listed && prev && prev.status !== 'pending' ? prev.status : statusAround(masked, prevEnd, start, end);
    items.push({ raw: (m as { name?: string }).name ?? m[0], start, cue, status });
    listedWithPrev.push(listed);
    prevEnd = end;
  }
  // "the theft and conspiracy convictions": the cue after the last item covers the list before it.
  for (let i = items.length - 2; i >= 0; i--) {
    const item = items[i];
    const next = items[i + 1];
    if (!item || !next || !listedWithPrev[i + 1] || !next.cue) continue;
    item.cue = true;
    if (item.status === 'pending') item.status = next.status;
  }
  return items;
}

const CLAUSE_CUT = /.*(?:;|, who |, which |, and |, but |\s[—–]\s)/s;
/** CLAUSE_CUT's clause marks: without one, CLAUSE_CUT would fail at every start (quadratic) to cut nothing. */
const CLAUSE_MARK = /;|, who |, which |, and |, but |\s[—–]\s/;

function statusAround(masked: string, prevEnd: number, start: number, end: number): ChargeStatus {
  // Only the offence's own clause: "dropped against X, who faces the same manslaughter charge".
  const near = masked.slice(Math.max(0, prevEnd, start - 140), start);
  const before = CLAUSE_MARK.test(near) ? near.replace(CLAUSE_CUT, '') : near;
  let best: { status: ChargeStatus; at: number } | undefined;
  for (const [status, re] of STATUS_BEFORE) {
    for (const m of allMatches(before, re)) {
      const at = m.index ?? 0;
      if (status === 'convicted' && /\bnot\s+$/i.test(before.slice(0, at))) continue;
      if (!best || at > best.at) best = { status, at };
    }
  }
  if (best) return NOT_YET.test(before.slice(0, best.at)) ? 'pending' : best.status;
  // Every pattern after is anchored and bounded; the widest reads past a participle phrase.
  const after = masked.slice(end, end + 160);
  for (const [status, re] of STATUS_AFTER) {
    const m = re.exec(after);
    if (!m) continue;
    return NOT_YET.test(m[0]) ? 'pending' : status;
  }
  return 'pending';
}

/** One charge per defendant and offence; the furthest status wins; bare names join a fuller one. */
function mergeCharges(mentions: OffenceMention[], outcomes: Map<string, ChargeStatus>): Charge[] {
  const allNames = [...new Set(mentions.map((m) => m.charge))];
  const namesOf = (defendant: string) => [
    ...new Set(mentions.filter((m) => m.defendants.includes(defendant)).map((m) => m.charge)),
  ];
  // "theft" joins "theft by deception"; "manslaughter" joins "involuntary manslaughter": the
  // defendant's own fuller name first, else the only fuller name of the article.
  const fuller = (name: string, defendant: string) => {
    const own = longerNames(name, namesOf(defendant));
    if (own.length === 1 && own[0] !== undefined) return own[0];
    // "aggravated sexual assault" … "the sexual assault charge": a name of several words joins only
    // the defendant's own fuller name.
    if (own.length > 1 || name.includes(' ')) return name;
    const any = longerNames(name, allNames);
    return any.length === 1 && any[0] !== undefined ? any[0] : name;
  };
  const longerNames = (name: string, names: string[]) =>
    names.filter(
      (n) =>
        n !== name &&
        // a name of several words takes only a qualifier before it, not a phrase after it
        // ("involuntary manslaughter in the commission of a lawful act" is charged beside it)
        (name.includes(' ') ? qualifies(n, name) : offenceHead(n) === name || n.startsWith(`${name} `)) &&
        !/^(?:felony|attempted) /.test(n),
    );
  const byKey = new Map<string, Charge>();
  for (const m of mentions) {
    for (const defendant of m.defendants) {
      const charge = fuller(m.charge, defendant);
      // "evidence tampering" and "tampering with evidence", "murder in the first degree" and
      // "first-degree murder": the same words in another order name the same offence.
      const key = `${defendant}|${offenceWords(charge)}`;
      const seen = byKey.get(key);
      if (!seen) {
        byKey.set(key, {
          defendant,
          charge,
          status: m.status,
          provenance: { sentence: m.sentence.text, offset: m.sentence.offset },
        });
      } else if (RANK[m.status] > RANK[seen.status]) seen.status = m.status;
    }
  }
  // "charged with the murders" beside "first-degree and second-degree murder": the bare name is
  // the same offence told generically, when it says nothing the fuller names do not.
  const charges = [...byKey.values()].filter((c) => {
    if (c.charge.includes(' ')) return true;
    const own = charges0(byKey, c.defendant).filter((o) => longerNames(c.charge, [o.charge]).length > 0);
    return own.length < 2 || (c.status !== 'pending' && !own.some((o) => o.status === c.status));
  });
  for (const c of charges) {
    const outcome = outcomes.get(c.defendant);
    if (outcome && c.status === 'pending') c.status = outcome;
  }
  return charges;
}

/** The words of an offence's name without order or linking words: one key per offence. */
function offenceWords(name: string): string {
  return name
    .split(/[\s-]+/)
    .filter((w) => !LINKING_WORD.test(w))
    .sort()
    .join(' ');
}
const LINKING_WORD = /^(?:with|of|a|an|the|in)$/;

/**
 * "aggravated sexual assault" and "first-degree criminal sexual act" qualify the name without their
 * degree; "criminal sexual assault" or "conspiracy to commit wire fraud" name other offences.
 */
function qualifies(longer: string, name: string): boolean {
  return longer.endsWith(` ${name}`) && DEGREE_QUALIFIER.test(longer.slice(0, -name.length - 1));
}
const DEGREE_QUALIFIER = /^(?:(?:first|second|third|fourth)[- ]degree|aggravated)$/;

function charges0(byKey: Map<string, Charge>, defendant: string): Charge[] {
  return [...byKey.values()].filter((c) => c.defendant === defendant);
}

/**
 * A verdict on every charge at once ("acquitted on all charges", "guilty on all three counts",
 * "convicted of all seven offences"): group 1 for an acquittal, group 2 for a conviction.
 */
const ALL_COUNTS =
  /(?<!\bplead\w*\s|\bpled\s)\b(?:(acquitt\w*|cleared|found not guilty|not guilty)|(convicted|found guilty|guilty))\b[^.;]{0,25}?\b(?:on|of)\s+(?:all|each|every)(?:\s+(?:of\s+the\s+)?[\w-]+){0,2}?\s+(?:charges|counts|offen[cs]es)\b/i;

/** The outcome a sentence gives a defendant's whole case, if it gives one. */
function caseOutcome(masked: string): ChargeStatus | undefined {
  const plea = GUILTY_PLEA.exec(masked);
  if (
    plea &&
    !namesItsOffence(masked.slice(plea.index + plea[0].length, plea.index + plea[0].length + 120)) &&
    !/\bagreed to plead|\bwill plead|\bexpected to plead/i.test(masked) &&
    !PLEA_PENDING.test(masked)
  )
    return 'convicted';
  const dismissed = CASE_DISMISSED.exec(masked);
  if (dismissed && !NOT_YET.test(masked.slice(0, dismissed.index))) return 'dismissed';
  const all = ALL_COUNTS.exec(masked);
  if (all && !NOT_YET.test(masked.slice(0, all.index))) return all[1] ? 'acquitted' : 'convicted';
  return undefined;
}

const OFFENCE_ANYWHERE = new RegExp(OFFENCE_RE.source);

/** "pleaded guilty to manslaughter": a plea to a named offence settles that offence, not the case. */
function namesItsOffence(after: string): boolean {
  return /^\s+to\b/.test(after) && OFFENCE_ANYWHERE.test(after.toLowerCase());
}

/**
 * Outcomes for a defendant's whole case, which settle every charge still pending: a guilty plea
 * convicts, a court's dismissal of the case dismisses, a verdict on all counts decides them all.
 */
function caseOutcomes(doc: ArticleDoc, people: PersonRegistry): Map<string, ChargeStatus> {
  const ctx = whoContext(people, doc.sentences);
  const out = new Map<string, ChargeStatus>();
  for (const s of doc.sentences) {
    const outcome = caseOutcome(maskedSentence(s).masked);
    if (!outcome) continue;
    for (const d of factDefendants(ctx, doc.sentences, s.index, maskedSentence)) out.set(d.name, outcome);
  }
  return out;
}
