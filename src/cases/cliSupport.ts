import { createCaseStore } from '../store/cases.ts';
import type { Store } from '../store/types.ts';
import { type CaseDefinition, slugify } from './definition.ts';
import { fold } from './text.ts';

/** Helpers shared by the case CLI commands (ingest, status, timeline, quotes, people). */

export interface ParsedArgs {
  positional: string[];
  flags: Map<string, string | true>;
}

/** `--name value`, `--name=value` and bare `--flag`; flags in `booleans` never take a value. */
export function parseArgs(args: string[], booleans: string[] = ['json']): ParsedArgs {
  const positional: string[] = [];
  const flags = new Map<string, string | true>();
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string;
    if (!a.startsWith('--')) {
      positional.push(a);
      continue;
    }
    const eq = a.indexOf('=');
    const name = a.slice(2, eq > 0 ? eq : undefined);
    if (eq > 0) flags.set(name, a.slice(eq + 1));
    else if (booleans.includes(name) || args[i + 1] === undefined || (args[i + 1] as string).startsWith('--'))
      flags.set(name, true);
    else flags.set(name, args[++i] as string);
  }
  return { positional, flags };
}

export function flagString(parsed: ParsedArgs, name: string): string | undefined {
  const v = parsed.flags.get(name);
  return typeof v === 'string' ? v : undefined;
}

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
