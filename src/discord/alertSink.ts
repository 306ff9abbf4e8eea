import { type REST, Routes } from 'discord.js';
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
      const message = (await rest.post(Routes.channelMessages(channelId), { body })) as {
        id: string;
      };
      return { messageId: message.id };
    },
    async edit(channelId, messageId, payload) {
      await rest.patch(Routes.channelMessage(channelId, messageId), { body: toBody(payload) });
    },
  };
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
