import type { Charge, ChargeStatus } from '../facts.ts';
import { maskedSentence } from './eventContext.ts';
import { factDefendants, namedInSentence, sentenceDefendants, whoContext } from './eventWho.ts';
import { canonicalOffence, OFFENCE_RE, offenceHead } from './legalTerms.ts';
import type { ArticleDoc, PersonRegistry, Sentence } from './types.ts';

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
  /\b(?:charg\w*|counts?|indict\w*|accused|fac(?:e|es|ed|ing)|plead\w*|pled|plea|convict\w*|acquitt\w*|guilty|cleared|sentenc\w*|terms? for|years for|dropp\w*|dismiss\w*|remov\w*|trial (?:for|on))\b/i;
const ENHANCEMENT = /enhancement$/;
const CUE_AFTER = /^\s*(?:charges?|counts?|case|indictment|convictions?|claim)\b/i;
/** Lists of alleged crimes that are not charges (the predicate acts of a racketeering count). */
const NOT_CHARGES = /\bcrimes (?:including|like|such as)\b[^.;]*/gi;

const STATUS_BEFORE: Array<[ChargeStatus, RegExp]> = [
  ['acquitted', /\b(?:acquitt\w*|found not guilty|not guilty (?:of|on)|cleared of|rejected the)\b/gi],
  [
    'convicted',
    /\b(?:convicted (?:[\w'’-]+ ){0,5}?(?:of|on)|found (?:[\w'’-]+ ){0,5}?guilty|guilty (?:of|on|to)|convictions? (?:for|on|of)|sentenced)\b/gi,
  ],
  ['dismissed', /\b(?:judge|court)\b[^.;]{0,40}\bdismiss\w*/gi],
  [
    'dropped',
    /\b(?:dropp\w*|remov\w*|withdr[ae]w\w*|notice (?:to|of) dismiss\w*|downgrad\w*)\b|\bprosecutors?\b[^.;]{0,40}\bdismiss\w*/gi,
  ],
];
const STATUS_AFTER: Array<[ChargeStatus, RegExp]> = [
  ['acquitted', /^\W*(?:charges?|counts?|claim)?\s*(?:was|were) (?:rejected|acquitted)\b/i],
  [
    'dismissed',
    /^\W*(?:charges?|counts?|case)?\s*(?:was|were|has been|have been|had been)\s+(?:\w+ly\s+)?dismissed\b/i,
  ],
  [
    'dropped',
    /^\W*(?:charges?|counts?)?\s*(?:was|were|has been|have been|had been)\s+(?:\w+ly\s+)?(?:dropped|removed|withdrawn)\b|^[^.;]{0,25}\bwould have carried\b/i,
  ],
];
/** A modal or plan before the status word: the change has not happened yet. */
const NOT_YET =
  /\b(?:to be|could|may|might|will|would|expected to|set to|agreed to|agrees to|plans? to|if)\s+(?:\w+\s+){0,2}$/i;
const ANAPHORIC_DROP =
  /\b(?:the|that|this) (?:charge|enhancement)\b[^.;]{0,20}\b(?:was|were|has been|had been) (?:also )?(?:dropped|removed)\b/i;
const GUILTY_PLEA = /\b(?:pleaded|pleads|pled) guilty\b/i;
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
  return charges.map((c) => ({ ...c, ...(c.provenance ? { provenance: { ...c.provenance } } : {}) }));
}

export function findOffenceMentions(doc: ArticleDoc, people: PersonRegistry): OffenceMention[] {
  const ctx = whoContext(people, doc.sentences);
  const maskedOf = maskedSentence;
  const out: OffenceMention[] = [];
  let lastDropped: string | undefined;
  for (const s of doc.sentences) {
    const masked = maskedOf(s).masked.replace(NOT_CHARGES, (m) => ' '.repeat(m.length));
    const lower = masked.toLowerCase();
    const found = [...lower.matchAll(OFFENCE_RE)];
    // "The charge was also dropped against X": the charge last reported dropped, for X.
    const anaphora = lastDropped ? ANAPHORIC_DROP.exec(masked) : null;
    if (anaphora && lastDropped && (found.length === 0 || (found[0]!.index ?? 0) > anaphora.index)) {
      const { spans } = maskedOf(s);
      const named = sentenceDefendants(ctx, s, masked, namedInSentence(ctx, s, spans)).map((d) => d.name);
      if (named.length > 0)
        out.push({ charge: lastDropped, status: 'dropped', defendants: named, sentence: s, start: 0 });
    }
    if (found.length === 0) continue;
    let prevEnd = -1;
    let prevCue = false;
    let prevStatus: ChargeStatus = 'pending';
    for (const m of found) {
      const start = m.index ?? 0;
      const end = start + m[0].length;
      const between = prevEnd >= 0 ? masked.slice(prevEnd, start) : '';
      // "charges of racketeering, sex trafficking and ...": a list shares its context.
      const listed = prevEnd >= 0 && between.length <= 25 && /,|\band\b|\bor\b|\bplus\b/.test(between);
      const before = masked.slice(Math.max(0, start - 60), start);
      const after = masked.slice(end, end + 40);
      const cue: boolean =
        (listed && prevCue) || CUE_BEFORE.test(before) || CUE_AFTER.test(after) || ENHANCEMENT.test(m[0]);
      const status: ChargeStatus =
        listed && prevStatus !== 'pending' ? prevStatus : statusAround(masked, prevEnd, start, end);
      prevEnd = end;
      prevCue = cue;
      prevStatus = status;
      if (!cue) continue;
      const charge = canonicalOffence(m[0], masked.slice(Math.max(0, start - 4), start));
      if (status === 'dropped') lastDropped = charge;
      const defendants = factDefendants(ctx, doc.sentences, s.index, maskedOf).map((d) => d.name);
      out.push({ charge, status, defendants, sentence: s, start });
    }
  }
  return out;
}

const CLAUSE_CUT = /.*(?:;|, who |, which |, and |, but |\s[—–]\s)/s;

function statusAround(masked: string, prevEnd: number, start: number, end: number): ChargeStatus {
  // Only the offence's own clause: "dropped against X, who faces the same manslaughter charge".
  const before = masked.slice(Math.max(0, prevEnd, start - 80), start).replace(CLAUSE_CUT, '');
  let best: { status: ChargeStatus; at: number } | undefined;
  for (const [status, re] of STATUS_BEFORE) {
    for (const m of before.matchAll(re)) {
      const at = m.index ?? 0;
      if (status === 'convicted' && /\bnot\s+$/i.test(before.slice(0, at))) continue;
      if (!best || at > best.at) best = { status, at };
    }
  }
  if (best) return NOT_YET.test(before.slice(0, best.at)) ? 'pending' : best.status;
  const after = masked.slice(end, end + 60);
  for (const [status, re] of STATUS_AFTER) {
    const m = re.exec(after);
    if (!m) continue;
    return NOT_YET.test(m[0]) ? 'pending' : status;
  }
  return 'pending';
}

/** One charge per defendant and offence; the furthest status wins; bare names join a fuller one. */
function mergeCharges(mentions: OffenceMention[], outcomes: Map<string, ChargeStatus>): Charge[] {
  const names = [...new Set(mentions.map((m) => m.charge))];
  const fuller = (name: string) => {
    if (name.includes(' ')) return name;
    const longer = names.filter((n) => n !== name && offenceHead(n) === name && !n.startsWith('felony '));
    return longer.length === 1 ? longer[0]! : name;
  };
  const byKey = new Map<string, Charge>();
  for (const m of mentions) {
    const charge = fuller(m.charge);
    for (const defendant of m.defendants) {
      const key = `${defendant}|${charge}`;
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
  const charges = [...byKey.values()];
  for (const c of charges) {
    const outcome = outcomes.get(c.defendant);
    if (outcome && c.status === 'pending') c.status = outcome;
  }
  return charges;
}

/**
 * Outcomes for a defendant's whole case, which settle every charge still pending: a guilty plea
 * convicts, a court's dismissal of the case dismisses.
 */
function caseOutcomes(doc: ArticleDoc, people: PersonRegistry): Map<string, ChargeStatus> {
  const ctx = whoContext(people, doc.sentences);
  const out = new Map<string, ChargeStatus>();
  for (const s of doc.sentences) {
    const { masked } = maskedSentence(s);
    const outcome: ChargeStatus | undefined =
      GUILTY_PLEA.test(masked) && !/\bagreed to plead|\bwill plead|\bexpected to plead/i.test(masked)
        ? 'convicted'
        : CASE_DISMISSED.test(masked) && !NOT_YET.test(masked.slice(0, CASE_DISMISSED.exec(masked)!.index))
          ? 'dismissed'
          : undefined;
    if (!outcome) continue;
    for (const d of factDefendants(ctx, doc.sentences, s.index, maskedSentence)) out.set(d.name, outcome);
  }
  return out;
}
