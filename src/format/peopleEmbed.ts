import { COLORS, escapeMarkdown, type MessagePayload, payload, truncate } from './payload.ts';

export interface PersonRow {
  name: string;
  role: string;
  quotes: number;
}

/** /people: who is who in a case — name, role, number of quotes (defendants first). */
export function peopleEmbed(people: PersonRow[], title = 'People'): MessagePayload {
  const lines: string[] = [];
  let length = 0;
  for (const [i, p] of people.entries()) {
    const line = `**${escapeMarkdown(p.name)}** — ${p.role.replace('_', ' ')}${p.quotes ? ` · ${p.quotes} quote${p.quotes === 1 ? '' : 's'}` : ''}`;
    if (length + line.length + 40 > 4000) {
      lines.push(`… and ${people.length - i} more`);
      break;
    }
    lines.push(line);
    length += line.length + 1;
  }
  return payload({
    title: truncate(title, 256),
    description: lines.join('\n') || 'Nobody named yet.',
    color: COLORS.people,
    fields: [],
    footer: { text: `${people.length} people` },
  });
}
