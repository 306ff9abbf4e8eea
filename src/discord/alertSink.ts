import { ChannelType, DiscordAPIError, type REST, Routes } from 'discord.js';
import { PostRefused } from '../alerts/blocked.ts';
import type { AlertSink } from '../alerts/deliver.ts';
import type { MessagePayload } from '../format/payload.ts';

/**
 * Posts and edits alert messages through Discord's REST API. The body always carries its own
 * allowed_mentions (raw REST bypasses the client's default): nobody is pinged except the one
 * role the server configured, and only when the formatter asked for it.
 */
export function createDiscordAlertSink(rest: REST): AlertSink {
  return {
    async post(channelId, payload, nonce) {
      const body = nonce ? { ...toBody(payload), nonce, enforce_nonce: true } : toBody(payload);
      const message = (await refusals(rest.post(Routes.channelMessages(channelId), { body }))) as {
        id: string;
      };
      return { messageId: message.id };
    },
    async edit(channelId, messageId, payload) {
      await refusals(rest.patch(Routes.channelMessage(channelId, messageId), { body: toBody(payload) }));
    },
    async openThread(channelId, name) {
      // A public thread (type 11) kept open a week between alerts; a later post reopens it.
      const body = { name, type: ChannelType.PublicThread, auto_archive_duration: 10080 };
      const thread = (await refusals(rest.post(Routes.threads(channelId), { body }))) as { id: string };
      return { threadId: thread.id };
    },
  };
}

/** Discord's 4xx answers (but 429, which discord.js retries) as PostRefused, for delivery to act on. */
async function refusals<T>(request: Promise<T>): Promise<T> {
  try {
    return await request;
  } catch (err) {
    if (!(err instanceof DiscordAPIError) || err.status < 400 || err.status >= 500 || err.status === 429)
      throw err;
    const route = `${err.method.toUpperCase()} ${new URL(err.url).pathname.replace(/^\/api(\/v\d+)?/, '')}`;
    const raw = err.rawError as { errors?: unknown; message?: string };
    throw new PostRefused(
      err.status,
      typeof err.code === 'number' ? err.code : undefined,
      raw.message ?? err.message,
      route,
      errorFields(raw.errors),
    );
  }
}

/** Discord's nested `errors` object as the paths it names: `embeds.0.description: BASE_TYPE_MAX_LENGTH`. */
function errorFields(errors: unknown, path: string[] = []): string[] {
  if (!errors || typeof errors !== 'object') return [];
  return Object.entries(errors).flatMap(([key, value]) =>
    key === '_errors' && Array.isArray(value)
      ? value.map((e: { code?: string; message?: string }) => `${path.join('.')}: ${e.code ?? e.message}`)
      : errorFields(value, [...path, key]),
  );
}

/** A plain text message (feed paused, and the like) with mentions disabled. */
export async function postNotice(rest: REST, channelId: string, content: string) {
  await rest.post(Routes.channelMessages(channelId), {
    body: { content: content.slice(0, 2000), allowed_mentions: { parse: [] } },
  });
}

function toBody(payload: MessagePayload) {
  const roles = payload.allowedMentions.roles?.slice(0, 1) ?? [];
  return {
    content: payload.content,
    embeds: payload.embeds,
    allowed_mentions: roles.length > 0 ? { parse: [], roles } : { parse: [] },
  };
}
