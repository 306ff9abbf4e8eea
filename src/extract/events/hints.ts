import { EVENT_TYPES, type EventType } from '../../facts.ts';
import { TRIGGER_RULES, type TriggerRule } from './rules.ts';

/** Word stems per type, found in one pass per sentence so that only the rules that can match run. */
const TYPE_HINTS: Record<EventType, string[]> = {
  investigation: [
    'warrant',
    'raid',
    'search',
    'report',
    'findings',
    'case file',
    'binder',
    'charges',
    'ruled out',
    'investigation',
    'questioned',
    'interviewed',
    'collected',
    'seized',
    'recovered',
    'gathered',
    'fbi',
    'forensic',
    'lab',
    'ballistic',
    'autopsy',
    'linked',
    'identified',
    'inquiry',
    'probe',
    'suspect',
  ],
  arrest: [
    'arrest',
    'custody',
    'surrender',
    'booked',
    'himself in',
    'herself in',
    'themselves in',
    'extradit',
    'report',
    'prison',
  ],
  charge: ['charg', 'indict', 'refiled', 'count of', 'counts of'],
  charge_dropped: ['drop', 'remov', 'downgrad', 'reduc', 'withdr', 'amended', 'altered', 'revised'],
  dismissal: ['dismiss', 'threw out', 'thrown out', 'throws out', 'toss'],
  bail: [
    'bail',
    'bond',
    'remand',
    'custody',
    'jail',
    'detain',
    'appeal',
    'behind bars',
    'recognizance',
    'posted',
    'released',
  ],
  plea: ['plea', 'pled', 'silent'],
  motion: [
    'motion',
    'request',
    'petition',
    'brief',
    'letter',
    'argu',
    'accused prosecutors',
    'propos',
    'fighting',
    'seek',
    'sought',
    'asked',
    'moved for',
    'moved to',
    'filed to',
    'recommend',
    'new trial',
    'change of venue',
  ],
  ruling: [
    'grant',
    'denied',
    'denying',
    'admitted',
    'allowed',
    'reject',
    'ruled',
    'upheld',
    'overturn',
    'struck',
    'sided',
    'refused',
    'declined',
    'turned down',
    'ordered',
    'barred',
    'excluded',
    'suppressed',
    'threw',
  ],
  hearing: ['arraign', 'hearing', 'conference', 'appear', 'sentenc', 'court', 'return', 'adjourn'],
  trial: [
    'trial',
    'pretrial',
    'retrial',
    'jury',
    'jurors',
    'mistrial',
    'deadlock',
    'opening',
    'closing',
    'deliberat',
    'verdict',
    'seated',
    'selected',
  ],
  verdict: ['acquitt', 'guilty', 'convicted', 'verdict', 'jury', 'jurors'],
  sentence: [
    'sentenc',
    'got',
    'received',
    'given',
    'handed',
    'gave',
    'imposed',
    'serving',
    'jailed',
    'imprisoned',
  ],
  appeal: [
    'appeal',
    'petition',
    'supreme court',
    'superior court',
    'panel',
    'circuit',
    'high court',
    'justices',
  ],
  lawsuit: ['suit', 'lawsuit', 'sued', 'settle', 'default', 'damages', 'bankruptcy'],
  release: ['released', 'freed', 'walked'],
  // Court-record entries only (src/courts): no article sentence is typed a filing.
  filing: [],
};

const isLower = (c: number) => c >= 97 && c <= 122;
/** Three lower-case letters as one number (a map key that needs no string). */
const prefixKey = (s: string, at: number) =>
  (s.charCodeAt(at) - 97) * 676 + (s.charCodeAt(at + 1) - 97) * 26 + (s.charCodeAt(at + 2) - 97);

/** Hints by their first three letters: one map look-up per word of the sentence. */
const HINTS_BY_PREFIX = new Map<number, Array<[string, number]>>();
for (const [type, hints] of Object.entries(TYPE_HINTS) as Array<[EventType, string[]]>) {
  const bit = 1 << EVENT_TYPES.indexOf(type);
  for (const hint of hints) {
    if (!/^[a-z]{3}/.test(hint)) continue; // no word of a sentence could start with it
    const key = prefixKey(hint, 0);
    HINTS_BY_PREFIX.set(key, [...(HINTS_BY_PREFIX.get(key) ?? []), [hint, bit]]);
  }
}
const RULES_BY_MASK = new Map<number, TriggerRule[]>();

/** The rules worth running on a sentence. */
export function rulesFor(text: string): TriggerRule[] {
  const lower = text.toLowerCase();
  let mask = 0;
  // Each word of three letters or more (a maximal run of a-z, as /[a-z]{3,}/g finds them), by hand:
  // no match object nor prefix string per word.
  const n = lower.length;
  for (let i = 0; i < n; ) {
    if (!isLower(lower.charCodeAt(i))) {
      i++;
      continue;
    }
    let end = i + 1;
    while (end < n && isLower(lower.charCodeAt(end))) end++;
    const entries = end - i >= 3 ? HINTS_BY_PREFIX.get(prefixKey(lower, i)) : undefined;
    if (entries)
      for (const [hint, bit] of entries) if ((mask & bit) === 0 && lower.startsWith(hint, i)) mask |= bit;
    i = end;
  }
  let rules = RULES_BY_MASK.get(mask);
  if (!rules) {
    rules = TRIGGER_RULES.filter((r) => (mask & (1 << EVENT_TYPES.indexOf(r.type))) !== 0);
    RULES_BY_MASK.set(mask, rules);
  }
  return rules;
}
