import type { AutocompleteInteraction } from 'discord.js';
import { type CaseDefinition, findCase, suggestCases } from '../cases/definition.ts';
import { UserError } from '../errors.ts';
import { createCaseStore } from '../store/cases.ts';
import type { Store } from '../store/types.ts';

/** The cases the server behind an interaction tracks (none outside a server). */
export async function trackedCases(store: Store, guildId: string | null): Promise<CaseDefinition[]> {
  return guildId ? createCaseStore(store).trackedBy(guildId) : [];
}

/**
 * The tracked case a user means, or a polite UserError naming what the server tracks. With no
 * input and exactly one tracked case, that one.
 */
export function requireCase(tracked: CaseDefinition[], input: string | null | undefined): CaseDefinition {
  const found = findCase(tracked, input);
  if (found) return found;
  if (tracked.length === 0)
    throw new UserError('This server tracks no case yet. An admin can add one with `/case track`.');
  throw new UserError(
    input
      ? `No tracked case matches "${input.slice(0, 100)}". Tracked here: ${trackedNames(tracked)}.`
      : `Which case? Tracked here: ${trackedNames(tracked)}.`,
  );
}

export function trackedNames(tracked: CaseDefinition[]): string {
  const names = tracked.slice(0, 20).map((c) => `\`${c.slug}\``);
  if (tracked.length > 20) names.push(`and ${tracked.length - 20} more`);
  return names.join(', ');
}

/** Autocomplete for a `case` option over the server's tracked cases (store only, ≤ 25 choices). */
export async function caseChoices(interaction: AutocompleteInteraction, store: Store) {
  const tracked = await trackedCases(store, interaction.guildId);
  return suggestCases(tracked, String(interaction.options.getFocused()));
}

/** "Today" for as-of computations, from the injected clock (tests pin it). */
export function today(now: () => Date): string {
  return now().toISOString().slice(0, 10);
}
