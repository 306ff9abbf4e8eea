import { z } from 'zod';
import { fold, foldAccents } from '../text.ts';

/** Lower-case letters of any script (and the marks that belong to them), digits, dashes. */
const SLUG = /^[\p{Ll}\p{Lo}\p{Lm}\p{N}][\p{Ll}\p{Lo}\p{Lm}\p{M}\p{N}-]*$/u;

/** A tracked case as an operator defines it (`/case track`, `casewatch case add FILE`, config/cases.json). */
export const caseDefinitionSchema = z.object({
  slug: z
    .string()
    .trim()
    .min(1)
    .max(64)
    .regex(SLUG, 'use lower-case letters, digits and dashes (e.g. "rust")'),
  name: z.string().trim().min(1).max(200),
  aliases: z.array(z.string().trim().min(1).max(100)).max(25).default([]),
  defendants: z.array(z.string().trim().min(1).max(100)).max(25).default([]),
  /** Federal dockets whose entries become developments (src/courts): `/case docket add`. */
  dockets: z
    .array(
      z.object({
        court: z.string().trim().min(2).max(10),
        number: z.string().trim().min(5).max(40),
      }),
    )
    .max(10)
    .optional(),
});

export type CaseDefinition = z.infer<typeof caseDefinitionSchema> & {
  /**
   * The server whose `/case track` created it; only that server sees, tracks and changes it (see
   * src/store/cases.ts). Set by the store alone. Absent: the operator's case (config/cases.json,
   * the CLI), shared by every server that tracks it and fed only by public feeds.
   */
  owner?: string;
};

/**
 * A slug from a free-form name: "Rust shooting" -> "rust-shooting", "Gutiérrez" -> "gutierrez";
 * other scripts are kept ("Дело Петрова" -> "дело-петрова") rather than coming out empty.
 */
export function slugify(name: string): string {
  const slug = foldAccents(name)
    .normalize('NFC')
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}]+/gu, '-')
    .replace(/^[-\p{M}]+|-+$/gu, '');
  return Array.from(slug).slice(0, 64).join('').replace(/-+$/, '');
}

/**
 * The tracked case a user means: slug, name or alias, with case, accents and typographic quotes
 * folded ("Muñoz" finds "Munoz", "O’Neil" finds "O'Neil"). With no input and exactly one tracked
 * case, that one. Undefined when nothing matches (callers say so politely). The one lookup behind
 * the slash commands and the CLI.
 */
export function findCase(
  tracked: CaseDefinition[],
  input: string | null | undefined,
): CaseDefinition | undefined {
  const raw = (input ?? '').trim();
  if (!raw) return tracked.length === 1 ? tracked[0] : undefined;
  const q = fold(raw);
  const slug = slugify(raw);
  return (
    tracked.find((c) => c.slug === q) ??
    tracked.find((c) => fold(c.name) === q) ??
    tracked.find((c) => c.aliases.some((a) => fold(a) === q)) ??
    tracked.find((c) => c.slug === slug || slugify(c.name) === slug)
  );
}

/** Autocomplete: tracked cases whose slug, name or alias contains what was typed, at most 25. */
export function suggestCases(tracked: CaseDefinition[], typed: string) {
  const q = typed.trim().toLowerCase();
  return tracked
    .filter((c) => !q || [c.slug, c.name, ...c.aliases].some((s) => s.toLowerCase().includes(q)))
    .slice(0, 25)
    .map((c) => ({ name: `${c.name} (${c.slug})`, value: c.slug }));
}

/** "a, b; c" -> ["a", "b", "c"]: how /case track takes its lists in one option. */
export function splitList(input: string | null | undefined): string[] {
  return (input ?? '')
    .split(/[,;]/)
    .map((s) => s.trim())
    .filter(Boolean);
}
