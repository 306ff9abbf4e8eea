import type { AutocompleteInteraction } from 'discord.js';
import { createKnowledgeStore } from '../cases/knowledgeStore.ts';
import { timeline } from '../cases/views.ts';
import type { Store } from '../store/types.ts';
import { caseChoices, requireCase, trackedCases } from './trackedCase.ts';

/** Autocomplete for commands naming a case and one of its developments (/why, /correct). */
export async function caseOrDevelopmentChoices(interaction: AutocompleteInteraction, store: Store) {
  const focused = interaction.options.getFocused(true);
  if (focused.name === 'case') return interaction.respond(await caseChoices(interaction, store));
  const tracked = await trackedCases(store, interaction.guildId);
  let slug: string;
  try {
    slug = requireCase(tracked, interaction.options.getString('case')).slug;
  } catch {
    return interaction.respond([]);
  }
  const typed = String(focused.value).toLowerCase();
  const devs = timeline(await createKnowledgeStore(store).get(slug)).reverse();
  const choices = devs
    .map((d) => ({
      name: `${d.date ?? 'undated'} · ${d.type} · ${d.summary}`.slice(0, 100),
      value: d.id,
    }))
    .filter((c) => !typed || c.name.toLowerCase().includes(typed) || c.value === typed)
    .slice(0, 25);
  return interaction.respond(choices);
}
