import type { Penalty } from '../../facts.ts';
import { allMatches } from '../../text.ts';
import { maskedSentence } from '../events/context.ts';
import {
  factDefendants,
  namedInSentence,
  sentenceDefendants,
  type WhoContext,
  whoContext,
} from '../events/who.ts';
import { canonicalOffence, OFFENCE_RE } from '../lexicon/legalTerms.ts';
import { NUMBER, parseNumber } from '../lexicon/numbers.ts';
import type { ArticleDoc, PersonEntry, PersonRegistry, Sentence } from '../types.ts';
import { extractCharges } from './charges.ts';

/**
 * Penalties: the maximum or possible sentence the article states for a defendant ("faces up to
 * 18 months", "a possible five-year prison sentence", life, death). A sentence imposed is an event,
 * not a penalty; fines are not penalties.
 */

const UNIT = '(years?|months?)';
const AMOUNT = new RegExp(
  [
    // "up to 18 months", "a mandatory five years", "plus six months of probation"
    `\\b(?:up to|maximum of|mandatory(?: minimum)?(?: of)?|minimum of|sentence of|term of|possible|potential|faces?|facing|faced|carries|carried|carry|punishable by(?: up to)?|serve|spend|and|plus|to)\\s+(?:a |an |the )?(${NUMBER})[ -]${UNIT}(?!-old)(?! to life)\\b`,
    // "a five-year prison sentence", "18 months in prison", "six months of probation"
    `\\b(${NUMBER})[ -]${UNIT}(?:[- ]long)?\\s+(?:in (?:federal )?(?:prison|jail)|of (?:prison|probation|jail)|(?:prison |jail )?(?:sentence|term)|behind bars|prison)\\b`,
    // "punishable by up to a year in jail"
    `\\b(?:up to|maximum of|punishable by(?: up to)?|faces?|facing|carries|carry|possible)\\s+(an?|one)\\s+(year|month)\\b(?![-\\w])`,
  ].join('|'),
  'gi',
);
const LIFE =
  /\blife (?:in (?:federal )?prison|sentences?|terms?|prison terms?|imprisonment|without (?:the possibility of )?parole)\b|\brest of (?:his|her|their) (?:natural )?life in prison\b|\byears to life\b/gi;
const DEATH = /\bdeath (?:penalty|row|sentence)\b|\bsentenced to death\b|\bexecution\b/gi;
/** Words that make a number a possible or agreed sentence rather than a fact of time. */
const CUE =
  /\b(?:faces?|facing|faced|face|carr(?:y|ies|ied)|punishable|could|would|might|maximum|up to|possible|potential|mandatory|minimum|result in|eligible|agree(?:d|ing)? to|will (?:serve|carry|face|get)|avoid\w*|spared?|no longer|sentence of|expected to)\b/i;
const NOT_CURRENT =
  /\b(?:no longer|would have|could have|might have|avoid\w*|spared?|previously faced|faced|(?:will|would|does|do|can|could)(?: not|n['’]t) (?:face|be facing|be eligible|risk))\b/i;
const ALREADY_SERVED = /^\s*(?:already )?served\b/i;
const IMPOSED =
  /\bpronounced (?:the|his|her) sentence\b|\bwas sentenced\b|\bsentenced (?:him|her|them) to\b/i;
const SENTENCE_HINT = /year|month|life|death|execution/i;
const MINIMUM_TERM_IMPOSED =
  /\b(?:jailed|sentenced|given|handed|imprisoned|ordered)\b[^.;]{0,80}\b(?:(?:with|and) (?:a )?minimum (?:term|tariff) of|(?:must|will) serve (?:a )?(?:minimum (?:term )?of|at least))\s*$/i;

interface Found {
  max: number | null;
  unit: string;
  start: number;
  end: number;
  /** "33 years rather than 41": the figure that no longer applies. */
  past?: boolean;
}

const REPLACED = new RegExp(
  `\\b(?:rather than|instead of|down from)\\s+(${NUMBER})\\b(?![ -]?(?:years?|months?|percent))`,
  'gi',
);

export function extractPenalties(doc: ArticleDoc, people: PersonRegistry): Penalty[] {
  const ctx = whoContext(people, doc.sentences);
  const maskedOf = maskedSentence;
  const imposed = doc.sentences.some((s) => IMPOSED.test(s.text));
  let statuses: Map<string, string> | undefined;
  const byKey = new Map<string, Penalty>();
  for (const s of doc.sentences) {
    if (!SENTENCE_HINT.test(s.text)) continue;
    const masked = maskedOf(s).masked;
    for (const f of findAmounts(masked)) {
      const before = masked.slice(Math.max(0, f.start - 100), f.start);
      // "a deal that takes the death penalty off the table": a penalty that no longer applies.
      const offTable = /^[^.;]{0,15}\boff the table\b/i.test(masked.slice(f.end));
      const cue =
        CUE.test(before) || offTable || (f.unit === 'death' && /\bseek\w*\s+(?:the\s+)?$/i.test(before));
      if (!cue || ALREADY_SERVED.test(masked.slice(f.end))) continue;
      if (imposed && /\bwould serve\b/i.test(before)) continue;
      // "jailed for life with a minimum term of 30 years": the term of a sentence imposed, no penalty.
      if (MINIMUM_TERM_IMPOSED.test(before)) continue;
      statuses ??= chargeStatuses(doc, people);
      const offence = lastOffence(masked.slice(0, f.start));
      const defendants = penaltyDefendants(ctx, doc, s, masked, offence, statuses);
      for (const d of defendants) {
        const linked = offence ? statuses.get(`${d.name}|${offence}`) : undefined;
        const gone = linked === 'dropped' || linked === 'dismissed' || linked === 'acquitted';
        const current = !(gone || offTable || f.past || NOT_CURRENT.test(lastClause(before)));
        const key = `${d.name}|${f.max}|${f.unit}`;
        const seen = byKey.get(key);
        if (seen) seen.current &&= current;
        else {
          byKey.set(key, {
            defendant: d.name,
            max: f.max,
            unit: f.unit,
            current,
            provenance: { sentence: s.text, offset: s.offset },
          });
        }
      }
    }
  }
  return [...byKey.values()];
}

/**
 * "Official misconduct is punishable by up to a year": with no one named or referred to in the
 * sentence, the penalty of an offence applies to the defendants charged with it.
 */
function penaltyDefendants(
  ctx: WhoContext,
  doc: ArticleDoc,
  s: Sentence,
  masked: string,
  offence: string | undefined,
  statuses: Map<string, string>,
): PersonEntry[] {
  if (offence) {
    const here = sentenceDefendants(ctx, s, masked, namedInSentence(ctx, s, maskedSentence(s).spans));
    if (here.length === 0) {
      const holders = ctx.defendants.filter((d) => statuses.has(`${d.name}|${offence}`));
      if (holders.length > 0) return holders;
    }
  }
  return factDefendants(ctx, doc.sentences, s.index, maskedSentence);
}

/** The words between the last comma or semicolon and the amount: where "no longer" would apply. */
function lastClause(before: string): string {
  const near = before.slice(-80);
  return near.slice(Math.max(near.lastIndexOf(','), near.lastIndexOf(';')) + 1);
}

function findAmounts(masked: string): Found[] {
  const out: Found[] = [];
  for (const m of allMatches(masked, AMOUNT)) {
    const num = m[1] ?? m[3] ?? m[5];
    const unit = (m[2] ?? m[4] ?? m[6] ?? '').toLowerCase();
    const value = num ? parseNumber(num) : null;
    if (!num || value === null || !unit) continue;
    // The number as a word of its own ("a" in "up to a year", not the one in "punishable").
    const at = new RegExp(`\\b${num.replace(/[.]/g, '\\.')}(?=[ -])`, 'i').exec(m[0])?.index ?? 0;
    const start = (m.index ?? 0) + at;
    out.push({
      max: value,
      unit: unit.endsWith('s') ? unit : `${unit}s`,
      start,
      end: (m.index ?? 0) + m[0].length,
    });
  }
  for (const m of allMatches(masked, REPLACED)) {
    const [, figure = ''] = m; // the group is not optional
    const start = (m.index ?? 0) + m[0].lastIndexOf(figure);
    const previous = out.filter((f) => f.end <= start).at(-1);
    const value = parseNumber(figure);
    if (previous && value !== null)
      out.push({
        max: value,
        unit: previous.unit,
        start: previous.start,
        end: start + figure.length,
        past: true,
      });
  }
  for (const m of allMatches(masked, LIFE))
    out.push({ max: null, unit: 'life', start: m.index ?? 0, end: (m.index ?? 0) + m[0].length });
  for (const m of allMatches(masked, DEATH))
    out.push({ max: null, unit: 'death', start: m.index ?? 0, end: (m.index ?? 0) + m[0].length });
  return out;
}

function lastOffence(text: string): string | undefined {
  const lower = text.toLowerCase();
  let last: RegExpMatchArray | undefined;
  for (const m of allMatches(lower, OFFENCE_RE)) last = m;
  if (!last) return undefined;
  const start = last.index ?? 0;
  return canonicalOffence(last[0], text.slice(Math.max(0, start - 4), start));
}

function chargeStatuses(doc: ArticleDoc, people: PersonRegistry): Map<string, string> {
  return new Map(extractCharges(doc, people).map((c) => [`${c.defendant}|${c.charge}`, c.status]));
}
