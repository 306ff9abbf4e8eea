import { UserError } from '../errors.ts';
import { EVENT_TYPES, type EventType } from '../facts.ts';

/**
 * Parses the `types` option of `/alerts set`: a comma-separated list of event types ("charge,
 * verdict, charge dropped"), checked against EVENT_TYPES. Empty or "all" means every type
 * (undefined); anything unknown is a UserError listing the valid names.
 */
export function parseEventTypes(input: string | null | undefined): EventType[] | undefined {
  const words = (input ?? '')
    .split(/[,;]/)
    .map((w) =>
      w
        .trim()
        .toLowerCase()
        .replace(/[\s-]+/g, '_'),
    )
    .filter(Boolean);
  if (words.length === 0 || (words.length === 1 && ['all', 'everything', '*'].includes(words[0] ?? '')))
    return undefined;
  const known = new Set<string>(EVENT_TYPES);
  const unknown = words.filter((w) => !known.has(w));
  if (unknown.length > 0) {
    throw new UserError(
      `Unknown event type${unknown.length > 1 ? 's' : ''}: ${unknown.map((u) => `\`${u.slice(0, 40)}\``).join(', ')}. ` +
        `Use a comma-separated list of: ${EVENT_TYPES.join(', ')} (or leave it empty for all of them).`,
    );
  }
  return [...new Set(words)] as EventType[];
}
