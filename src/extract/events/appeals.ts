import type { CaseEvent, EventType } from '../../facts.ts';

/**
 * What an event's words say about an appeal or a new trial, as facts-contract fields (src/cases
 * reads the fields, never the sentences): an appeal under way named in another act ("bail pending
 * appeal", "while he appeals"), an appeal or ruling that confirmed or undid a conviction, an appeal
 * withdrawn or refused, a retrial ordered. From the schema's `appeal` type and the corpus README's
 * case-file rules (a conviction overturned with a new trial ordered is pretrial again), not from
 * any one article.
 */

export type AppealDetails = Pick<CaseEvent, 'appealPending' | 'appealOutcome' | 'appealEnded' | 'retrial'>;

/** An appeal under way, named in another development ("bail pending appeal", "while he appeals"). */
const APPEAL_PENDING =
  /\bpending\s(?:her\s|his\s|their\s|the\s|an?\s)?appeal\b|\bwhile\s(?:s?he|they|it|\w+)\sappeals?\b|\bappeal(?:s|ing)\s(?:her|his|their|the)\s(?:conviction|verdict|sentence)/i;

/** A higher court confirmed the decision appealed (the stage returns to what it was). */
const AFFIRMED = /\baffirm(?:ed|s|ing)?\b|\buph[eo]ld(?:s|ing)?\b|\bupheld\b/i;

/** A new or fresh trial ordered or granted ("ordered a fresh trial", "a new trial was granted"). */
const TRIAL_ORDERED =
  /\b(?:new|fresh)\s(?:\w+\s)?trial\s[^.;]{0,30}?\b(?:ordered|granted)\b|\b(?:ordered|granted|grants?|orders?)\s[^.;]{0,30}?\b(?:new|fresh)\s(?:\w+\s)?trial\b/i;
/**
 * A conviction undone: overturned, vacated, reversed, quashed, set aside; or a new trial ordered
 * or granted. The charges are pending again and the stage is pretrial.
 */
const OVERTURNED = new RegExp(
  `\\b(?:overturn|vacat|revers|quash)\\w*\\s[^.;]{0,60}?\\b(?:conviction|verdict)s?\\b|\\b(?:conviction|verdict)s?\\s[^.;]{0,60}?\\b(?:overturned|vacated|reversed|quashed|set\\saside|thrown\\sout|tossed)\\b|${TRIAL_ORDERED.source}`,
  'i',
);

/** Words that make an act only asked for, or refused ("asked for a new trial", "refused to order one"). */
const NOT_DONE =
  /\b(?:ask(?:s|ed|ing)?|seek(?:s|ing)?|sought|request\w*|bid|urg\w*|motion|wants?|hop\w*|refus\w*|den(?:y|ies|ied)|reject\w*|declin\w*|not|never|no)\b/i;

/**
 * "A retrial", "a new trial", also of one court ("a new federal trial"). "A fresh trial" counts when
 * ordered or granted (TRIAL_ORDERED); a bare "fresh trial" is not flagged (see the commit message).
 */
const RETRIAL = /\bretri(?:al|ed|es)\b|\bre-?try\b|\bnew\s+(?:\w+\s+)?trial\b/i;

/** An appeal that ended without a decision on the merits, or a state's appeal that failed. */
const WITHDRAWN = /\bwithdr[ae]wn?\b|\bwithdrawing\b|\bdropp?ed\b|\babandon/i;
const REJECTED = /\bdenied\b|\brejected\b|\bupheld\s+the\s+dismissal\b|\baffirmed\s+the\s+dismissal\b/i;

export function mentionsPendingAppeal(text: string): boolean {
  return APPEAL_PENDING.test(text);
}

export function overturnsConviction(text: string): boolean {
  return OVERTURNED.test(text) && !AFFIRMED.test(text) && !NOT_DONE.test(text);
}

/** The decision the words tell: the one appealed confirmed, a conviction undone, or none (undefined). */
export function appealOutcome(text: string): CaseEvent['appealOutcome'] {
  if (AFFIRMED.test(text)) return 'affirmed';
  return overturnsConviction(text) ? 'overturned' : undefined;
}

/** A retrial or new trial ordered or set: the defendant is back before trial. */
export function ordersRetrial(text: string): boolean {
  return (
    (RETRIAL.test(text) || TRIAL_ORDERED.test(text)) &&
    !NOT_DONE.test(text.replace(/\b(?:could|did)\s+not\s+(?:reach|agree)\b/gi, ' '))
  );
}

/** An appeal withdrawn (or dropped, abandoned), else one refused (or a dismissal upheld). */
export function appealEnded(text: string): CaseEvent['appealEnded'] {
  if (WITHDRAWN.test(text)) return 'withdrawn';
  return REJECTED.test(text) ? 'rejected' : undefined;
}

/**
 * The appeal fields of an event of the given type whose report reads `text`: `retrial` and
 * `appealPending` of any type (src/cases picks), the outcome of an appeal or ruling, how an
 * appeal (or the one another act names as pending) ended.
 */
export function appealDetails(type: EventType, text: string): AppealDetails {
  const pending = mentionsPendingAppeal(text);
  const outcome = type === 'appeal' || type === 'ruling' ? appealOutcome(text) : undefined;
  const ended = type === 'appeal' || pending ? appealEnded(text) : undefined;
  return {
    ...(pending ? { appealPending: true } : {}),
    ...(outcome ? { appealOutcome: outcome } : {}),
    ...(ended ? { appealEnded: ended } : {}),
    ...(ordersRetrial(text) ? { retrial: true } : {}),
  };
}
