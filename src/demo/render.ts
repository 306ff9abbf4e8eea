/** A message as the emulator recorded it, rendered the way a Discord client would show it. */
export interface RenderableMessage {
  content?: string | null;
  embeds?: Array<{
    title?: string;
    description?: string;
    url?: string;
    fields?: Array<{ name: string; value: string }>;
    footer?: { text: string };
  }>;
}

export function renderMessage(message: RenderableMessage, width = 78): string {
  const lines: string[] = [];
  if (message.content) lines.push(message.content);
  for (const embed of message.embeds ?? []) {
    const bar = '│ ';
    const box: string[] = [];
    if (embed.title) box.push(`**${embed.title}**`);
    if (embed.description) box.push(...embed.description.split('\n'));
    for (const field of embed.fields ?? []) box.push('', `__${field.name}__`, ...field.value.split('\n'));
    if (embed.footer?.text) box.push('', embed.footer.text);
    lines.push(
      `┌${'─'.repeat(width - 1)}`,
      ...box.flatMap((l) => wrap(l, width - 2).map((w) => bar + w)),
      `└${'─'.repeat(width - 1)}`,
    );
  }
  return lines.join('\n');
}

function wrap(line: string, width: number): string[] {
  if (line.length <= width) return [line];
  const out: string[] = [];
  let rest = line;
  while (rest.length > width) {
    const cut = rest.lastIndexOf(' ', width);
    // Never break inside a word (a link stays clickable): an over-long word gets its own line.
    const at = cut > 0 ? cut : rest.indexOf(' ') > 0 ? rest.indexOf(' ') : rest.length;
    out.push(rest.slice(0, at));
    rest = rest.slice(at).trimStart();
  }
  out.push(rest);
  return out;
}
