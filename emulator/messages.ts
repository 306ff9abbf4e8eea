// Messages the bot created: channel posts (alerts), interaction replies and follow-ups.
import type { APIAllowedMentions, APIEmbed, APIMessageTopLevelComponent } from 'discord.js';
import { NOBODY, type Pinged } from './mentions.ts';
import { newSnowflake } from './snowflake.ts';
import { type UserInput, userPayload } from './world.ts';

export type JsonObject = Record<string, unknown>;

export interface UploadedFile {
  field: string;
  filename: string;
  size: number;
  contentType: string;
}

export interface EmulatedMessage {
  id: string;
  channelId: string;
  guildId: string | null;
  /** 'channel' = POST /channels/:id/messages; 'reply' = an interaction's original; 'followup'. */
  kind: 'channel' | 'reply' | 'followup';
  interactionId?: string;
  content: string;
  embeds: APIEmbed[];
  components: APIMessageTopLevelComponent[];
  flags: number;
  /** The raw `allowed_mentions` of the latest create/edit body that carried one. */
  allowedMentions: APIAllowedMentions | undefined;
  /** Who the message notified (content mentions filtered by allowed_mentions); edits ping nobody. */
  pinged: Pinged;
  attachments: UploadedFile[];
  /** How many PATCHes were applied. */
  edits: number;
  deleted: boolean;
  createdAt: number;
  /** Every JSON body received for this message (create first, then edits), for audits. */
  bodies: JsonObject[];
  /** The create body's `nonce`, kept for `enforce_nonce` de-duplication. */
  nonce?: string;
}

export function createMessage(
  base: Pick<EmulatedMessage, 'channelId' | 'guildId' | 'kind'> & { interactionId?: string },
  body: JsonObject,
  files: UploadedFile[] = [],
): EmulatedMessage {
  const message: EmulatedMessage = {
    id: newSnowflake(),
    ...base,
    content: '',
    embeds: [],
    components: [],
    flags: 0,
    allowedMentions: undefined,
    pinged: { ...NOBODY },
    attachments: [],
    edits: 0,
    deleted: false,
    createdAt: Date.now(),
    bodies: [],
  };
  applyBody(message, body, files);
  return message;
}

/** Create or edit: each field present in the body replaces the stored one (Discord's PATCH semantics). */
export function applyBody(message: EmulatedMessage, body: JsonObject, files: UploadedFile[] = []): void {
  message.bodies.push(body);
  if (typeof body.content === 'string') message.content = body.content;
  else if (body.content === null) message.content = '';
  if (Array.isArray(body.embeds)) message.embeds = body.embeds as APIEmbed[];
  if (Array.isArray(body.components)) message.components = body.components as APIMessageTopLevelComponent[];
  if (typeof body.flags === 'number') message.flags = body.flags;
  if (body.allowed_mentions !== undefined)
    message.allowedMentions = body.allowed_mentions as APIAllowedMentions;
  if (files.length > 0) message.attachments = files;
}

export function messagePayload(message: EmulatedMessage, bot: UserInput, applicationId: string) {
  const fromInteraction = message.kind !== 'channel';
  return {
    id: message.id,
    type: message.kind === 'reply' ? 20 : 0,
    channel_id: message.channelId,
    ...(message.guildId ? { guild_id: message.guildId } : {}),
    author: userPayload({ ...bot, bot: true }),
    content: message.content,
    timestamp: new Date(message.createdAt).toISOString(),
    edited_timestamp: message.edits > 0 ? new Date().toISOString() : null,
    tts: false,
    mention_everyone: message.pinged.everyone,
    mentions: message.pinged.users.map((id) => userPayload({ id, username: `user${id.slice(-4)}` })),
    mention_roles: message.pinged.roles,
    attachments: message.attachments.map((f, i) => ({
      id: String(BigInt(message.id) + BigInt(i + 1)),
      filename: f.filename,
      size: f.size,
      content_type: f.contentType,
      url: `https://cdn.invalid/${f.filename}`,
      proxy_url: `https://cdn.invalid/${f.filename}`,
    })),
    embeds: message.embeds,
    components: message.components,
    pinned: false,
    flags: message.flags,
    ...(fromInteraction ? { webhook_id: applicationId, application_id: applicationId } : {}),
  };
}

/** Finds a button or select in a message's component tree by custom_id. */
export function findComponent(message: EmulatedMessage, customId: string): JsonObject | undefined {
  const stack: unknown[] = [...message.components];
  while (stack.length > 0) {
    const node = stack.pop();
    if (!node || typeof node !== 'object') continue;
    const component = node as JsonObject;
    if (component.custom_id === customId) return component;
    if (Array.isArray(component.components)) stack.push(...component.components);
    if (component.accessory) stack.push(component.accessory);
  }
  return undefined;
}
