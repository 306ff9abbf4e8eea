/**
 * What a development's words say about where a proceeding stands, beyond its type: a civil suit
 * filed or decided, an appeal pending, decided or abandoned, a conviction overturned or a new
 * trial ordered, a sentence being served, bail that is only police bail. These come from the
 * grammar of legal news (the schema's event types and the corpus README's case-file rules), not
 * from any one article.
 */

/** An appeal under way, named in another development ("bail pending appeal", "while he appeals"). */
const APPEAL_PENDING =
  /\bpending\s(?:her\s|his\s|their\s|the\s|an?\s)?appeal\b|\bwhile\s(?:s?he|they|it|\w+)\sappeals?\b|\bappeal(?:s|ing)\s(?:her|his|their|the)\s(?:conviction|verdict|sentence)/i;

export function mentionsPendingAppeal(text: string): boolean {
  return APPEAL_PENDING.test(text);
}

/** A higher court confirmed the decision appealed (the stage returns to what it was). */
const AFFIRMED = /\baffirm(?:ed|s|ing)?\b|\buph[eo]ld(?:s|ing)?\b|\bupheld\b/i;

/**
 * A conviction undone: overturned, vacated, reversed, quashed, set aside; or a new trial ordered
 * or granted. The charges are pending again and the stage is pretrial.
 */
const OVERTURNED =
  /\b(?:overturn|vacat|revers|quash)\w*\s[^.;]{0,60}?\b(?:conviction|verdict)s?\b|\b(?:conviction|verdict)s?\s[^.;]{0,60}?\b(?:overturned|vacated|reversed|quashed|set\saside|thrown\sout|tossed)\b|\bnew\s(?:\w+\s)?trial\s[^.;]{0,30}?\b(?:ordered|granted)\b|\b(?:ordered|granted|grants?|orders?)\s[^.;]{0,30}?\bnew\s(?:\w+\s)?trial\b/i;

/** Words that make an act only asked for, or refused ("asked for a new trial", "refused to order one"). */
const NOT_DONE =
  /\b(?:ask(?:s|ed|ing)?|seek(?:s|ing)?|sought|request\w*|bid|urg\w*|motion|wants?|hop\w*|refus\w*|den(?:y|ies|ied)|reject\w*|declin\w*|not|never|no)\b/i;

export function overturnsConviction(text: string): boolean {
  return OVERTURNED.test(text) && !AFFIRMED.test(text) && !NOT_DONE.test(text);
}

/** The appeal's outcome as far as the stage goes. */
export function appealOutcome(text: string): 'affirmed' | 'overturned' | 'pending' {
  if (AFFIRMED.test(text)) return 'affirmed';
  if (overturnsConviction(text)) return 'overturned';
  return 'pending';
}

/** A retrial or new trial ordered or set: the defendant is back before trial. */
/** "A new trial", also of one court ("a new federal trial"). */
const RETRIAL = /\bretri(?:al|ed|es)\b|\bre-?try\b|\bnew\s+(?:\w+\s+)?trial\b/i;

export function ordersRetrial(text: string): boolean {
  return (
    RETRIAL.test(text) && !NOT_DONE.test(text.replace(/\b(?:could|did)\s+not\s+(?:reach|agree)\b/gi, ' '))
  );
}
