import { type CaseDefinition, slugify } from '../cases/definition.ts';
import { fold } from '../cases/text.ts';
import { createCaseStore } from '../store/cases.ts';
import type { Store } from '../store/types.ts';

/** Helpers shared by the case CLI commands (ingest, status, timeline, quotes, people). */

/** A tracked case by slug, or by its name or an alias ("Rust" finds "rust"). */
export async function findCase(
  store: Store,
  name: string,
): Promise<{ def?: CaseDefinition; all: CaseDefinition[] }> {
  const cases = createCaseStore(store);
  const direct = await cases.get(name.trim().toLowerCase());
  if (direct) return { def: direct, all: [] };
  const all = await cases.list();
  const slug = slugify(name);
  const needle = fold(name.trim());
  const def =
    all.find((c) => c.slug === slug) ??
    all.find((c) => fold(c.name) === needle || c.aliases.some((a) => fold(a) === needle));
  return { def, all };
}

export function unknownCaseLine(command: string, name: string, all: CaseDefinition[]): string {
  const known = all.map((c) => c.slug).join(', ');
  return `${command}: unknown case "${name}"${known ? ` (tracked: ${known})` : ' (no case is tracked yet: casewatch case add FILE)'}\n`;
}

export function isDayString(s: string): boolean {
  return (
    /^\d{4}-\d{2}-\d{2}$/.test(s) &&
    !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) &&
    new Date(`${s}T00:00:00Z`).toISOString().startsWith(s)
  );
}
