import type { CaseDefinition } from './definition.ts';

/**
 * What an edit of a case definition changes, one phrase per field, for `casewatch case update`
 * and `/case edit` to say back (an empty list: nothing changed).
 */
export function caseChanges(before: CaseDefinition, after: CaseDefinition): string[] {
  const out: string[] = [];
  if (before.name !== after.name) out.push(`name "${before.name}" → "${after.name}"`);
  for (const field of ['aliases', 'defendants'] as const) {
    const added = after[field].filter((x) => !before[field].includes(x));
    const removed = before[field].filter((x) => !after[field].includes(x));
    if (added.length) out.push(`${field} added: ${added.join(', ')}`);
    if (removed.length) out.push(`${field} removed: ${removed.join(', ')}`);
  }
  return out;
}
