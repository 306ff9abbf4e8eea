import { type AlertSettings, DEFAULT_THRESHOLD } from '../alerts/settings.ts';
import { type Embed, fitEmbed } from './payload.ts';

/** Channel and role as mentions: they render as names, and allowedMentions keeps them silent. */
export function alertSettingsEmbed(
  s: AlertSettings,
  title: string,
  feedChannels: Map<string, string>,
): Embed {
  const perCase = Object.entries(s.caseChannels ?? {}).map(([slug, id]) => `\`${slug}\` → <#${id}>`);
  const perFeed = [...feedChannels].map(([url, id]) => `<${url}> → <#${id}>`);
  return fitEmbed({
    title,
    description:
      `New developments are posted to <#${s.channelId}>` +
      (perCase.length || perFeed.length
        ? ", unless a feed names its own channel, or else the case has one (a feed's channel comes first)."
        : '.'),
    fields: [
      {
        name: 'Cases',
        value: s.cases?.length ? s.cases.map((c) => `\`${c}\``).join(', ') : 'every tracked case',
      },
      {
        name: 'Event types',
        value: s.types?.length ? s.types.join(', ') : 'all (background mentions never alert)',
      },
      { name: 'Role pinged', value: s.roleId ? `<@&${s.roleId}>` : 'none' },
      { name: 'Threshold', value: s.threshold ?? DEFAULT_THRESHOLD },
      { name: 'Threads', value: s.threads ? 'one thread per case in the channel' : 'off' },
      ...(perCase.length ? [{ name: 'Case channels', value: perCase.join('\n') }] : []),
      ...(perFeed.length ? [{ name: 'Feed channels', value: perFeed.join('\n') }] : []),
    ],
  });
}
