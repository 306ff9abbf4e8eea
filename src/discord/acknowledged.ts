// discord.js sets `deferred` only once the defer's HTTP response is back. An answer sent while the
// dispatcher's auto-defer is on the wire would see neither `deferred` nor `replied`, call reply(),
// and get 40060 (already acknowledged). Every answer asks here instead, after the defer has landed.
import type { Interaction } from 'discord.js';

const inFlight = new WeakMap<Interaction, Promise<unknown>>();

/** Remembers a defer request until Discord has answered it. */
export function trackDefer(interaction: Interaction, defer: Promise<unknown>): void {
  inFlight.set(
    interaction,
    defer.catch(() => undefined),
  );
}

/** Whether the interaction is deferred or replied, once any defer in flight has landed. */
export async function acknowledged(interaction: Interaction): Promise<boolean> {
  await inFlight.get(interaction);
  return interaction.isRepliable() && (interaction.deferred || interaction.replied);
}
