import { type CaseDefinition, caseDefinitionSchema, splitList } from './definition.ts';

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

/** A definition checked against the schema, or the first problem as "field message". */
export function checkDefinition(
  input: unknown,
): { ok: true; def: CaseDefinition } | { ok: false; problem: string } {
  const parsed = caseDefinitionSchema.safeParse(input);
  if (parsed.success) return { ok: true, def: parsed.data };
  const issue = parsed.error.issues[0];
  return { ok: false, problem: `${issue?.path.join('.') || 'case'} ${issue?.message}` };
}

/** An edit as /case edit and `casewatch case update` take it: a field left out (null) stays. */
export interface CaseEdit {
  name?: string | null;
  /** Comma- or semicolon-separated; replaces the list ("" empties it). */
  aliases?: string | null;
  defendants?: string | null;
}

/** `base` with the edit applied, checked; the slug never changes. */
export function editDefinition(base: CaseDefinition, edit: CaseEdit) {
  return checkDefinition({
    ...base,
    ...(edit.name != null && { name: edit.name }),
    ...(edit.aliases != null && { aliases: splitList(edit.aliases) }),
    ...(edit.defendants != null && { defendants: splitList(edit.defendants) }),
  });
}
