import type { CaseEvent, HearingKind } from '../../facts.ts';

/**
 * What kind of hearing an event's words tell, as the facts contract's `hearingKind`, so that
 * src/cases (the stage after an arraignment set, a sentencing set after a plea, the next date and
 * which hearing a new date replaces) reads a field and never the sentence. In this order: a
 * sentence that names a sentencing and an arraignment is about the sentencing to come.
 */
const KINDS: Array<[HearingKind, RegExp]> = [
  ['sentencing', /\bsentenc/i],
  ['arraignment', /\barraign/i],
  ['preliminary', /\bpreliminary\s+(?:hearing|examination)\b/i],
  ['extradition', /\bextradit/i],
  ['trial', /\bjury\s+selection\b|\b(?:re)?trial\s+(?:date|set|scheduled|to\s+begin|begins?|starts?)\b/i],
];

/** The kind of a `hearing` whose report reads `text`; none when its words tell none. */
export function hearingDetails(text: string): Pick<CaseEvent, 'hearingKind'> {
  const kind = KINDS.find(([, re]) => re.test(text))?.[0];
  return kind ? { hearingKind: kind } : {};
}
