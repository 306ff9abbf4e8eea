import { z } from 'zod';

/** A tracked case as an operator defines it (`/case track`, `casewatch case add FILE`, config/cases.json). */
export const caseDefinitionSchema = z.object({
  slug: z
    .string()
    .trim()
    .min(1)
    .max(64)
    .regex(/^[a-z0-9][a-z0-9-]*$/, 'use lower-case letters, digits and dashes (e.g. "rust")'),
  name: z.string().trim().min(1).max(200),
  aliases: z.array(z.string().trim().min(1).max(100)).max(25).default([]),
  defendants: z.array(z.string().trim().min(1).max(100)).max(25).default([]),
});

export type CaseDefinition = z.infer<typeof caseDefinitionSchema>;

/** A slug from a free-form name: "Rust shooting" -> "rust-shooting". */
export function slugify(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 64);
}
