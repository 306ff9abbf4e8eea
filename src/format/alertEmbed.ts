import type { DevelopmentView } from '../cases/types.ts';
import {
  COLORS,
  courtMark,
  dateLabel,
  escapeMarkdown,
  type MessagePayload,
  payload,
  sourceList,
  typeLabel,
} from './payload.ts';

/** The alert posted when a development lands (and re-rendered with more sources on an update). */
export function alertEmbed(
  development: DevelopmentView,
  kase: { slug: string; name: string },
  options: { roleId?: string } = {},
): MessagePayload {
  const who = development.who ? ` — ${development.who}` : '';
  const when = development.status === 'scheduled' ? 'Scheduled for' : 'When';
  const first = development.sources[0];
  const embed = {
    title: `${typeLabel(development.type)}${who}${courtMark(development)}`,
    description: escapeMarkdown(development.summary),
    url: first?.url,
    color: COLORS.alert,
    fields: [
      { name: when, value: dateLabel(development.date), inline: true },
      { name: 'Case', value: escapeMarkdown(kase.name), inline: true },
      {
        name: development.sources.length > 1 ? `Sources (${development.sources.length})` : 'Source',
        value: sourceList(development.sources),
      },
    ],
    footer: { text: `casewatch · ${kase.slug}` },
    timestamp: first ? `${first.published}T00:00:00.000Z` : undefined,
  };
  if (!embed.timestamp) delete embed.timestamp;
  if (!embed.url) delete embed.url;
  // Only the configured role may be pinged; everything else stays inert.
  return options.roleId
    ? payload(embed, {
        content: `<@&${options.roleId}>`,
        allowedMentions: { parse: [], roles: [options.roleId] },
      })
    : payload(embed);
}
