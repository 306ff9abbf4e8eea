/**
 * Plain objects shaped like Discord API message payloads (no discord.js here: domain code), and
 * the limits Discord enforces on them. Every formatter ends with `fitEmbed`, so no payload built
 * here can be rejected for size.
 */

export interface EmbedField {
  name: string;
  value: string;
  inline?: boolean;
}

export interface Embed {
  title?: string;
  description?: string;
  url?: string;
  fields: EmbedField[];
  footer?: { text: string };
  timestamp?: string;
  color?: number;
}

export interface MessagePayload {
  content?: string;
  embeds: Embed[];
  allowedMentions: { parse: []; roles?: string[] };
}

export const LIMITS = {
  title: 256,
  description: 4096,
  fields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footer: 2048,
  total: 6000,
  content: 2000,
} as const;

const ELLIPSIS = '…';

/** Cuts text to `max` characters, ending with an ellipsis when cut (code points kept whole). */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  let cut = text.slice(0, Math.max(0, max - 1));
  // Do not leave half of a surrogate pair.
  if (/[\uD800-\uDBFF]$/.test(cut)) cut = cut.slice(0, -1);
  return `${cut}${ELLIPSIS}`;
}

/**
 * Article text is plain, but Discord renders markdown: escape what could fake a link, a mention
 * or formatting ("[click](http://evil)", "<@&123>", "**", "`"), and headings or quotes at a line
 * start.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\\`*_~|[\]()<>@]/g, (c) => (c === '@' ? '@\u200b' : `\\${c}`))
    .replace(/^(\s*)([#>-])/gm, '$1\\$2');
}

/** A masked link to a source; only http(s) URLs become links, anything else stays text. */
export function sourceLink(label: string, url: string): string {
  const safeLabel = escapeMarkdown(label || url);
  if (!/^https?:\/\//i.test(url)) return safeLabel;
  const safeUrl = url.replace(/[()\s<>]/g, (c) => encodeURIComponent(c));
  return `[${safeLabel}](${safeUrl})`;
}

function embedSize(e: Embed): number {
  let n = (e.title?.length ?? 0) + (e.description?.length ?? 0) + (e.footer?.text.length ?? 0);
  for (const f of e.fields) n += f.name.length + f.value.length;
  return n;
}

/** Applies every per-field limit, then the 6000 total (shrinking the description, then fields). */
export function fitEmbed(embed: Embed): Embed {
  const out: Embed = { ...embed, fields: embed.fields.slice(0, LIMITS.fields) };
  if (out.title !== undefined) out.title = truncate(out.title, LIMITS.title);
  if (out.description !== undefined) out.description = truncate(out.description, LIMITS.description);
  if (out.footer) out.footer = { text: truncate(out.footer.text, LIMITS.footer) };
  if (out.url !== undefined && !/^https?:\/\//i.test(out.url)) delete out.url;
  out.fields = out.fields.map((f) => ({
    ...f,
    name: truncate(f.name || '\u200b', LIMITS.fieldName),
    value: truncate(f.value || '\u200b', LIMITS.fieldValue),
  }));
  let over = embedSize(out) - LIMITS.total;
  if (over > 0 && out.description) {
    out.description = truncate(out.description, Math.max(1, out.description.length - over));
    over = embedSize(out) - LIMITS.total;
  }
  while (over > 0 && out.fields.length > 0) {
    const last = out.fields[out.fields.length - 1] as EmbedField;
    const size = last.name.length + last.value.length;
    if (size - over >= 40) {
      out.fields[out.fields.length - 1] = { ...last, value: truncate(last.value, last.value.length - over) };
    } else {
      out.fields.pop();
    }
    over = embedSize(out) - LIMITS.total;
  }
  return out;
}

export function payload(embed: Embed, extra: Partial<Omit<MessagePayload, 'embeds'>> = {}): MessagePayload {
  return { allowedMentions: { parse: [] }, ...extra, embeds: [fitEmbed(embed)] };
}

const TYPE_LABELS: Record<string, string> = {
  investigation: 'Investigation',
  arrest: 'Arrest',
  charge: 'Charges',
  charge_dropped: 'Charge dropped',
  dismissal: 'Dismissal',
  bail: 'Bail',
  plea: 'Plea',
  motion: 'Motion',
  ruling: 'Ruling',
  hearing: 'Hearing',
  trial: 'Trial',
  verdict: 'Verdict',
  sentence: 'Sentence',
  appeal: 'Appeal',
  lawsuit: 'Lawsuit',
  release: 'Release',
  filing: 'Court filing',
};

export function typeLabel(type: string): string {
  return TYPE_LABELS[type] ?? type;
}

/** How /status, /timeline and alerts mark a development the court's own docket shows. */
export function courtMark(dev: { court?: boolean }): string {
  return dev.court ? ' · ⚖️ court record' : '';
}

export const COLORS = {
  alert: 0xc0392b,
  status: 0x2c3e50,
  timeline: 0x2980b9,
  quotes: 0x8e44ad,
  people: 0x16a085,
};

/** A date as users read it: "2023-02-17", "2023-02 (day not given)", "date not given". */
export function dateLabel(date: string | null): string {
  if (!date) return 'date not given';
  return /^\d{4}-\d{2}$/.test(date) ? `${date} (day not given)` : date;
}

/** "[ks95.com](…), [theweek.com](…)" capped to fit a field value. */
export function sourceList(sources: Array<{ outlet: string; url: string }>, max = 600): string {
  const parts: string[] = [];
  let length = 0;
  for (const [i, s] of sources.entries()) {
    const link = sourceLink(s.outlet, s.url);
    if (length + link.length + 2 > max) {
      parts.push(`+${sources.length - i} more`);
      break;
    }
    parts.push(link);
    length += link.length + 2;
  }
  return parts.join(', ') || 'no source';
}
