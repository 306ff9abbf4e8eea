import { type CaseDefinition, findCase as findTrackedCase } from '../cases/definition.ts';
import { createCaseStore } from '../store/cases.ts';
import type { Store } from '../store/types.ts';

/** Helpers shared by the case CLI commands (ingest, status, timeline, quotes, people). */

/** A tracked case by slug, name or alias ("Rust" finds "rust"): the same lookup as the slash commands. */
export async function findCase(
  store: Store,
  name: string,
): Promise<{ def?: CaseDefinition; all: CaseDefinition[] }> {
  const all = await createCaseStore(store).list();
  return { def: name.trim() ? findTrackedCase(all, name) : undefined, all };
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
