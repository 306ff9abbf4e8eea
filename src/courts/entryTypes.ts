import type { EventType } from '../facts.ts';

/**
 * What a docket entry is, from its entry type ("MOTION to Dismiss", "ORDER denying…", "NOTICE OF
 * APPEAL", "JUDGMENT as to…"): the development type it becomes, and whether it is a filing people
 * follow. Routine paperwork (appearances, cover sheets, pro hac vice, letters, utility entries) and
 * anything unrecognised is kept in the timeline as a `filing` and never alerted.
 */
export interface EntryKind {
  type: EventType;
  /** Worth an alert (the server's alert settings still decide). */
  followed: boolean;
}

const ROUTINE =
  /\b(notice of appearance|appearance of counsel|civil cover sheet|pro hac vice|corporate disclosure|rule 7\.1|certificate of service|summons|notice of attorney|attorney appearance|transcript|cja ?\d*|letter(?! motion)|declaration|memorandum of law|sentencing (memorandum|submission)|exhibit|affidavit|stipulation|consent(?! motion)|receipt|filing fee|clerk'?s notice|answer to)\b|^~?util\b|^~/i;

/** In order: the first rule whose pattern matches decides. */
const RULES: Array<[RegExp, EventType, { criminalOnly?: boolean; civilOnly?: boolean }?]> = [
  [/\bnotice of appeal\b|\bappeal (docketed|filed)\b/i, 'appeal'],
  [
    /\b(order of dismissal|order dismissing|dismissing (the )?(case|action|complaint|indictment)|judgment of dismissal|nolle prosequi|voluntary dismissal|case dismissed)\b/i,
    'dismissal',
  ],
  [/\bjury verdict\b|\bverdict\b/i, 'verdict'],
  [/\bjudgment\b/i, 'sentence', { criminalOnly: true }],
  [/\bjudgment\b/i, 'verdict'],
  // An order about a sentencing (continuing it) is a ruling, not the sentence.
  [/\b(order|opinion|ruling|decision|memo(randum)? endorsement|mandate|case termination)\b/i, 'ruling'],
  [/\bsentencing\b|\bsentenced\b/i, 'sentence'],
  [
    /\b(change of plea|plea agreement|plea hearing|guilty plea|plea of (not )?guilty|plea entered|arraignment)\b/i,
    'plea',
  ],
  [/\b(jury trial|bench trial|trial held|voir dire|jury selection)\b/i, 'trial'],
  [/\bmotion\b|\bmotn\b|\bapplication\b|\bpetition\b/i, 'motion'],
  [/\b(superseding )?(indictment|information)\b|\bcriminal complaint\b/i, 'charge'],
  [/\bcomplaint\b/i, 'charge', { criminalOnly: true }],
  [/\bcomplaint\b/i, 'lawsuit', { civilOnly: true }],
  [/\bhearing\b|\bminute entry\b|\bconference\b|\bstatus report\b/i, 'hearing'],
  [/\b(bail|bond|detention|release)\b/i, 'bail'],
];

/**
 * `docketType` is the docket number's case type (`cr`, `cv`, …): a judgment in a criminal case is
 * the sentence; a complaint is a charge in a criminal case and a lawsuit in a civil one.
 */
export function classifyEntry(shortDescription: string, docketType: string | null): EntryKind {
  const text = shortDescription.trim();
  const criminal = /^(cr|mj|po)$/i.test(docketType ?? '');
  if (!text || ROUTINE.test(text)) return { type: 'filing', followed: false };
  for (const [pattern, type, only] of RULES) {
    if (only?.criminalOnly && !criminal) continue;
    if (only?.civilOnly && criminal) continue;
    if (pattern.test(text)) return { type, followed: true };
  }
  return { type: 'filing', followed: false };
}
