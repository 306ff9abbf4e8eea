import type { Charge, ChargeStatus } from '../facts.ts';
import { maskedSentences, maskQuotes } from './eventContext.ts';
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
    /\b(?:convicted (?:[\w'’-]+ ){0,5}?(?:of|on)|found (?:[\w'’-]+ ){0,3}?guilty|guilty (?:of|on|to)|convictions? (?:for|on|of))\b/gi,
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
// A conviction on one count outweighs an acquittal on another count of the same offence.
const RANK: Record<ChargeStatus, number> = {
  pending: 0,
  dropped: 1,
  dismissed: 2,
  acquitted: 3,
  convicted: 4,
};

export function extractCharges(doc: ArticleDoc, people: PersonRegistry): Charge[] {
  return mergeCharges(findOffenceMentions(doc, people), doc);
}

export function findOffenceMentions(doc: ArticleDoc, people: PersonRegistry): OffenceMention[] {
  const ctx = whoContext(people, doc.sentences);
  const maskedOf = maskedSentences();
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
function mergeCharges(mentions: OffenceMention[], doc: ArticleDoc): Charge[] {
  const names = [...new Set(mentions.map((m) => m.charge))];
  const fuller = (name: string) => {
    if (name.includes(' ')) return name;
    const longer = names.filter((n) => n !== name && offenceHead(n) === name && !n.startsWith('felony '));
    return longer.length === 1 ? longer[0]! : name;
  };
  const guiltyPlea = doc.sentences.some(
    (s) => GUILTY_PLEA.test(maskQuotes(s.text).masked) && !/agreed to plead/i.test(s.text),
  );
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
  // A guilty plea convicts the defendant of what is still pending.
  if (guiltyPlea) for (const c of charges) if (c.status === 'pending') c.status = 'convicted';
  return charges;
}
