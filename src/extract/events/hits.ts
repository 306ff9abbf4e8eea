import type { EventType } from '../../facts.ts';
import { allMatches } from '../../text.ts';
import { requiredLiterals } from '../literals.ts';
import { HYPOTHETICAL } from './context.ts';
import { rulesFor } from './hints.ts';
import { REQUEST_NOUN, type TriggerRule } from './rules.ts';

/** Triggers of one sentence, re-typed by their context ("prosecutors dismissed" is a dropped charge). */

const AUXILIARY_END = /\b(?:was|were|been|being|is|are|get|got|gets)\s+(?:\w+ly\s+)?$/i;
const PROSECUTION_AGENT =
  /\b(?:prosecutors?|prosecuting attorney|district attorney|DA|the state|attorney['’]s office|prosecutor['’]s office|attorney general|the government)\b/i;
/** A noun right before a past participle: "officers charged in ...", "a doctor convicted of ...". */
export const REDUCED_RELATIVE =
  /\b(?!(?:was|were|be|been|being|is|are|get|got|and|or|then|also|later|formally|jury|jurors|judge|panel)\b)(?![a-z]+ly\s+$)[a-z]+s?\s+$/;
const DISMISS_REQUEST = new RegExp(
  `\\b(?:to have|to get|motions? (?:[\\w'’-]+ ){0,6}?to|${REQUEST_NOUN} to|seeking to|asked (?:\\w+ ){0,4}to|requests? (?:[\\w'’-]+ ){0,4}?to|arguing to|fighting to|decision to|(?:argu\\w*|contend\\w*|claim\\w*|saying|said|says) that|should be|must be)\\b[^.;]{0,50}$`,
  'i',
);
const VERDICT_WORDS = /\b(?:verdict|convicted|found (?:\w+ )?guilty|acquitt|sentenced)/i;
const TRIAL_SPEECH = /\b(?:opening|closing) (?:arguments|statements)\b|\btold the jury\b|\bcross-exam/i;
/** "dropped their appeal", "withdrew its motion": a request withdrawn, not a charge. */
const DROPPED_REQUEST =
  /^\s+(?:(?:its|their|his|her|the|a)\s+)?(?:\w+\s+)?(?:appeal|motion|bid|request|petition)\b/i;
const FILED_ARGUMENT =
  /\b(?:motions?|filings?|filed|briefs?|papers|documents|requests?|requested|asked|petitions?|letter|moved|to dismiss|hearing|should|deserves?|sentenc\w*|new trial|acquittal|release|bail|suppress\w*|exclude\w*|barred|argued for|argues for|arguing for)\b/i;
/** A determiner or a number right before "charged", and a noun right after it: "the three charged murders". */
const ATTRIBUTIVE_BEFORE =
  /\b(?:the|a|an|his|her|their|its|all|each|every|other|\d+|two|three|four|five|six|seven|eight|nine|ten)\s+$/i;
const ATTRIBUTIVE_AFTER =
  /^\s+(?!(?:with|in|on|for|over|by|as|after|before|at|under|last|this|early|late|today|yesterday|and|or|were|was|are|is|have|has|had|will|would)\b)[a-z]+\b/;
/** "a motion for a", "moved for an": what follows is asked for, not done. */
const REQUEST_FOR =
  /\b(?:motions?|requests?|bids?|calls?|asked|moved|ask|asks|seek|seeks|seeking|sought) for (?:a |an )?$/i;
const NEGATED = /\b(?:no|not|never|without|cannot|can['’]t|won['’]t)\s+(?:\w+\s+){0,3}$/i;

/** Each rule's required strings (see literals.ts), read once from its pattern. */
const LITERALS = new Map<TriggerRule, string[] | undefined>();
function ruleLiterals(rule: TriggerRule): string[] | undefined {
  if (!LITERALS.has(rule)) LITERALS.set(rule, requiredLiterals(rule.re));
  return LITERALS.get(rule);
}

/** "remains jailed", "all remain in the county jail" (without bond): where someone is, not a decision. */
const CUSTODY_STATE =
  /\b(?:remains?|remained|had been|(?:is|are|was|were) (?:currently |still )?being)\s+(?:jailed|held|detained|locked up|behind bars|in [^.;]{0,60}?\b(?:jail|custody|prison|lockup|center|centre|facility))\b/i;

/** A schedule told in the past tense inside the trigger's own words ("trial ... was scheduled to begin"). */
const PAST_PLAN = /\b(?:was|were) (?:set|scheduled|slated|due) to\b/i;

const MOVED_AFTER = /\b(?:postponed|delayed|moved|pushed back|rescheduled|adjourned|put off)\b/i;

const HUNG =
  /\bmistrial\b|\bhung jury\b|\bdeadlock|\b(?:could not|couldn['’]t|unable to|failed to) (?:be )?reach|\bcould not be reached\b/i;

export interface Hit {
  rule: TriggerRule;
  type: EventType;
  start: number;
  end: number;
}

/** Every trigger of the sentence, re-typed by its context, with hypothetical ones left out. */
export function findHits(masked: string): Hit[] {
  const hits: Hit[] = [];
  const lower = masked.toLowerCase();
  for (const rule of rulesFor(masked)) {
    if (rule.needs && !rule.needs.some((w) => lower.includes(w))) continue;
    const literals = ruleLiterals(rule);
    if (literals && !literals.some((w) => lower.includes(w))) continue;
    rule.re.lastIndex = 0;
    for (const m of allMatches(masked, rule.re)) {
      const start = m.index ?? 0;
      const end = start + m[0].length;
      // The hundred characters before the trigger are all the context rules look at (and keep them fast).
      const before = masked.slice(Math.max(0, start - 100), start);
      // "before finally arresting him" reports an act; "before his trial was set to begin" does not.
      if (HYPOTHETICAL.test(before) && !/^\w+ing\b/i.test(m[0])) continue;
      // "the trial, which was set to begin Monday": a plan told in the past tense, overtaken or kept, is no
      // act; a plan moved later in the sentence ("... has been postponed to June 2") is kept: the move is the act.
      if (PAST_PLAN.test(m[0]) && !MOVED_AFTER.test(masked.slice(end))) continue;
      const type = retype(rule, masked, before, m[0], masked.slice(end));
      if (type) hits.push({ rule, type, start, end });
    }
  }
  return hits;
}

function retype(
  rule: TriggerRule,
  masked: string,
  before: string,
  trigger: string,
  after: string,
): EventType | undefined {
  switch (rule.type) {
    case 'dismissal': {
      // "granted a motion to dismiss" is a dismissal; "asked the court to dismiss" is not.
      if (DISMISS_REQUEST.test(before))
        return /\b(?:granted|agreed to)\b/i.test(before) ? 'dismissal' : undefined;
      if (/notice/i.test(trigger)) return 'charge_dropped';
      // "dismissed the motion to reopen the case": a motion dismissed is a motion denied, a ruling.
      if (
        /^\s+(?:(?:the|a|an|his|her|their|its)\s+)?(?:[\w'’-]+\s+){0,2}?(?:motions?|requests?|petitions?|bids?|applications?)\b/i.test(
          after,
        )
      )
        return 'ruling';
      if (/\b(?:law)?suit\b|\bcivil\b/i.test(masked)) return 'lawsuit';
      const clauseStart = Math.max(before.lastIndexOf(','), before.lastIndexOf(';'), 0);
      return PROSECUTION_AGENT.test(before.slice(clauseStart)) || PROSECUTION_AGENT.test(before.slice(-60))
        ? 'charge_dropped'
        : 'dismissal';
    }
    case 'arrest':
      // "a student arrested in the deaths of ...": a reduced relative that identifies, not reports.
      if (
        /^arrested$/i.test(trigger) &&
        !AUXILIARY_END.test(before) &&
        /^\s+(?:in|on|for|over|near|with)\b/.test(after)
      )
        return undefined;
      // Custody ordered by a court or after a verdict or sentence is detention, not an arrest.
      return /custody/i.test(trigger) && (VERDICT_WORDS.test(masked) || /\bordered\b/i.test(before))
        ? 'bail'
        : 'arrest';
    case 'charge':
      if (NEGATED.test(before) || /\bwho (?:have |had )?$|\b(?:amended|altered|revised) $/i.test(before))
        return undefined;
      // "Read, charged with killing her boyfriend, has maintained ...": an apposition describes.
      if (/^charged$/i.test(trigger) && /[A-Za-z],\s*$/.test(before) && /^\s+(?:with|in)\b/.test(after))
        return undefined;
      // "one of three officers charged in the death", "a clinic charged in an opioid case": identifies.
      if (/^charged$/i.test(trigger) && REDUCED_RELATIVE.test(before) && /^\s+(?:in|over)\b/.test(after))
        return undefined;
      // "the seven charged killings", "each charged offence": an adjective that names, not an act.
      if (/^charged$/i.test(trigger) && ATTRIBUTIVE_BEFORE.test(before) && ATTRIBUTIVE_AFTER.test(after))
        return undefined;
      return 'charge';
    case 'hearing':
      return 'hearing';
    case 'motion':
      // "The judge denied a motion to ...": the ruling reports it, unless it names who filed it.
      if (
        /\b(?:granted|denied|rejected|tossed|dismissed)\s+(?:[\w'’-]+\s+){0,4}$/i.test(before) &&
        !/^[^.;]{0,40}\b(?:filed|brought) by\b/i.test(after)
      )
        return undefined;
      if (TRIAL_SPEECH.test(masked)) return undefined;
      // "Prosecutors moved to dismiss the charges": the dismissal rule reports their drop.
      if (/\bdismiss/i.test(trigger) && PROSECUTION_AGENT.test(before.slice(-60))) return undefined;
      // "Her defense argued that another officer was involved": an argument at trial or in the press
      // is a motion only when the sentence puts it in a filing or a request to the court.
      if (/\b(?:argued|argues|arguing|contended)\b/i.test(trigger) && !FILED_ARGUMENT.test(masked))
        return undefined;
      return 'motion';
    case 'ruling':
      // "The jury could not reach a verdict and a retrial was ordered": the deadlock's trial event.
      if (/trial/i.test(trigger) && HUNG.test(masked)) return undefined;
      // A granted dismissal is a dismissal event; a denied motion to dismiss is a ruling.
      if (/^granted/i.test(trigger) && /\bdismiss/i.test(masked)) return undefined;
      // Courts of appeal decide appeals (the appeal rules report them).
      if (/\bappeals? court|\bcourt of appeals?\b|\bappellate|\bsupreme court|\bcircuit\b/i.test(masked))
        return undefined;
      // "denied X's request to remain free while he appeals", "rejected her bid for bond": custody decided.
      if (/^[^.;]{0,50}?\b(?:bail|bond|custody|remain free|stay free|release)\b/i.test(after)) return 'bail';
      // Any other decision in a sentence about bail is left to the bail rules.
      return /\bbail\b|\bbond\b|\bcustody\b/i.test(masked) ? undefined : 'ruling';
    case 'bail':
      // "X remains jailed without bond", "who had been held without bond", "is currently being held
      // without bond": the state, not a decision.
      return CUSTODY_STATE.test(masked) && /^without/i.test(trigger) ? undefined : 'bail';
    case 'appeal':
      if (rule.family === 'bailAppeal') return 'bail';
      return /\bbail\b/i.test(masked) ? 'bail' : 'appeal';
    case 'trial':
      // "The grand jury had been empaneled": a grand jury charges; it holds no trial.
      if (/\bgrand\s+$/i.test(before)) return undefined;
      // "denied a motion for a mistrial": the request is not a mistrial.
      if (REQUEST_FOR.test(before) || NEGATED.test(before)) return undefined;
      // "said during closing arguments", "In closing arguments, X said": when words were spoken.
      return /^(?:opening|closing)/i.test(trigger) &&
        (/\bduring (?:[\w'’]+ ){0,2}$/i.test(before) ||
          (masked.startsWith(before) && /^\s*In (?:[\w'’]+ ){0,2}$/i.test(before)))
        ? undefined
        : 'trial';
    case 'verdict':
      if (/^convicted/i.test(trigger) && REDUCED_RELATIVE.test(before)) return undefined;
      // "moved for an acquittal": the request is not a verdict.
      if (REQUEST_FOR.test(before)) return undefined;
      return NEGATED.test(before) && !/not guilty/i.test(trigger) ? undefined : rule.type;
    case 'investigation':
      // "the panel affirmed, holding that agents lawfully searched ...": an appeal's reasoning.
      return /\b(?:affirmed|upheld|overturned|reversed|holding that|ruled that)\b/i.test(masked)
        ? undefined
        : 'investigation';
    case 'sentence':
    case 'plea':
      return NEGATED.test(before) && !/not guilty/i.test(trigger) ? undefined : rule.type;
    case 'charge_dropped':
      // "dropped their appeal to reinstate the charges": the appeal rule reports the appeal.
      if (DROPPED_REQUEST.test(after)) return undefined;
      // "dropped the lawsuit": a civil suit, not a charge.
      return /\b(?:law)?suit\b|\bcivil\b/i.test(masked) ? 'lawsuit' : 'charge_dropped';
    default:
      return rule.type;
  }
}
