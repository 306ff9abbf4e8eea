// Interaction responses: POST /interactions/:id/:token/callback and the interaction webhook
// (@original edits, follow-ups). Each request updates the InteractionRecord and may settle it.

import { choiceProblems, modalProblems } from './callbackRules.ts';
import { discordError, json, notFound, type Reply } from './http.ts';
import {
  applyBody,
  createMessage,
  type EmulatedMessage,
  type JsonObject,
  messagePayload,
} from './messages.ts';
import { describe, invalid, type Problem, problem } from './problems.ts';
import { CallbackType, InteractionRecord } from './records.ts';
import { type Route, type RouteContext, route } from './router.ts';
import { now, pingsFor } from './state.ts';
import { messageProblems } from './validate.ts';

/** Interaction tokens (follow-ups, edits of @original) are valid for 15 minutes. */
export const TOKEN_LIFETIME_MS = 15 * 60_000;

/** Callback types Discord accepts per interaction type (2 command, 3 component, 4 autocomplete, 5 modal). */
const CALLBACKS_FOR: Record<number, number[]> = { 2: [4, 5, 9], 3: [4, 5, 6, 7, 9], 4: [8], 5: [4, 5, 6, 7] };

const refusedText = (problems: Problem[]) => problems.map(describe).join('; ');

function refuse(record: InteractionRecord, reply: Reply, why: string): Reply {
  record.problems.push(why);
  return reply;
}

function callback(ctx: RouteContext): Reply {
  const record = ctx.state.byToken.get(ctx.params.token ?? '');
  if (!record || record.id !== ctx.params.interaction) return notFound('interaction', 10062);
  const elapsed = now(ctx.state) - record.createdAt;
  if (record.type !== null) {
    return refuse(
      record,
      discordError(400, 40060, 'Interaction has already been acknowledged.'),
      'acknowledged twice',
    );
  }
  if (elapsed > ctx.state.callbackDeadlineMs) {
    const why = `callback after ${elapsed} ms, past Discord's ${ctx.state.callbackDeadlineMs} ms deadline`;
    return refuse(record, notFound('interaction', 10062), why);
  }
  const body = (ctx.body ?? {}) as JsonObject;
  const type = Number(body.type);
  const data = (body.data ?? {}) as JsonObject;
  const problems = callbackProblems(record, type, data, ctx.files.length);
  if (problems.length > 0)
    return refuse(record, invalid(problems), `callback ${type} refused: ${refusedText(problems)}`);
  record.type = type;
  record.callbackBody = body;
  record.callbackMs = elapsed;
  const base = {
    channelId: record.channelId,
    guildId: record.guildId,
    kind: 'reply' as const,
    interactionId: record.id,
  };
  if (type === CallbackType.Reply) {
    record.message = createMessage(base, data, ctx.files);
    record.message.pinged = pingsFor(ctx.state, record.channelId, data);
  } else if (type === CallbackType.Deferred) {
    record.deferred = true;
    record.message = createMessage(base, { flags: (data.flags as number | undefined) ?? 0 });
  } else if (type === CallbackType.DeferredUpdate) {
    record.deferred = true;
    record.message = record.sourceMessage;
  } else if (type === CallbackType.Update && record.sourceMessage) {
    record.message = record.sourceMessage;
    applyBody(record.message, data, ctx.files);
    record.message.edits++;
  } else if (type === CallbackType.Choices) {
    record.choices = (data.choices ?? []) as InteractionRecord['choices'];
  } else if (type === CallbackType.Modal) {
    record.modal = data;
  }
  if (!record.deferred) record.markSettled();
  ctx.state.changed();
  if (ctx.query.get('with_response') !== 'true') return { status: 204 };
  const message = record.message
    ? messagePayload(record.message, ctx.state.bot, ctx.state.applicationId)
    : null;
  return json({
    interaction: {
      id: record.id,
      type: record.payload.type,
      response_message_id: record.message?.id,
      response_message_loading: type === CallbackType.Deferred,
      response_message_ephemeral: ((record.message?.flags ?? 0) & 64) === 64,
    },
    resource: { type, ...(message ? { message } : {}) },
  });
}

function callbackProblems(
  record: InteractionRecord,
  type: number,
  data: JsonObject,
  files: number,
): Problem[] {
  const interactionType = record.payload.type as number;
  if (!(CALLBACKS_FOR[interactionType] ?? []).includes(type)) {
    return [
      problem(
        'type',
        'INTERACTION_CALLBACK_TYPE_INVALID',
        `Callback ${type} is not valid for interaction type ${interactionType}`,
      ),
    ];
  }
  // A modal submit can only update a message when the modal was opened from one.
  if ((type === CallbackType.Update || type === CallbackType.DeferredUpdate) && !record.sourceMessage) {
    return [
      problem('type', 'INTERACTION_CALLBACK_TYPE_INVALID', `Callback ${type} needs a message to update`),
    ];
  }
  const rules = { files, ephemeralAllowed: true };
  if (type === CallbackType.Reply) return messageProblems(data, { ...rules, create: true }).map(inData);
  if (type === CallbackType.Update) return messageProblems(data, { ...rules, create: false }).map(inData);
  if (type === CallbackType.Choices) return choiceProblems(data.choices, focusedType(record));
  if (type === CallbackType.Modal) return modalProblems(data);
  return [];
}

const inData = (p: Problem): Problem => ({ ...p, path: p.path ? `data.${p.path}` : p.path });

/** The type of the option being typed in an autocomplete interaction. */
function focusedType(record: InteractionRecord): number | undefined {
  const stack = [...(((record.payload.data as JsonObject | undefined)?.options ?? []) as JsonObject[])];
  while (stack.length > 0) {
    const option = stack.pop() as JsonObject;
    if (option.focused === true) return option.type as number;
    if (Array.isArray(option.options)) stack.push(...(option.options as JsonObject[]));
  }
  return undefined;
}

/** The interaction behind a webhook token, or Discord's refusal: unknown (10015) or expired (50027). */
function recordFor(ctx: RouteContext): InteractionRecord | Reply {
  const record = ctx.state.byToken.get(ctx.params.token ?? '');
  if (ctx.params.app !== ctx.state.applicationId || !record || record.type === null) {
    return notFound('Webhook', 10015);
  }
  if (now(ctx.state) - record.createdAt > TOKEN_LIFETIME_MS) {
    return refuse(
      record,
      discordError(401, 50027, 'Invalid Webhook Token'),
      'interaction token expired (15 min)',
    );
  }
  return record;
}

function webhookMessage(ctx: RouteContext, action: 'get' | 'patch' | 'delete'): Reply {
  const record = recordFor(ctx);
  if (!(record instanceof InteractionRecord)) return record;
  const id = ctx.params.message;
  const message: EmulatedMessage | null | undefined =
    id === '@original' ? record.message : [record.message, ...record.followUps].find((m) => m?.id === id);
  if (!message || message.deleted) return notFound('Message', 10008);
  if (action === 'delete') {
    message.deleted = true;
    record.markSettled();
  } else if (action === 'patch') {
    const body = (ctx.body ?? {}) as JsonObject;
    const rules = { create: false, files: ctx.files.length, ephemeralAllowed: true };
    const problems = messageProblems(body, rules);
    if (problems.length > 0)
      return refuse(record, invalid(problems), `edit refused: ${refusedText(problems)}`);
    // The edit that turns a deferred "thinking..." reply into the answer notifies like a new message.
    const firstAnswer =
      message === record.message && record.deferred && !record.isSettled && message.edits === 0;
    applyBody(message, body, ctx.files);
    if (firstAnswer)
      message.pinged = pingsFor(ctx.state, record.channelId, { ...body, flags: message.flags });
    message.edits++;
    if (message === record.message) record.markSettled();
  }
  ctx.state.changed();
  return action === 'delete'
    ? { status: 204 }
    : json(messagePayload(message, ctx.state.bot, ctx.state.applicationId));
}

function followUp(ctx: RouteContext): Reply {
  const record = recordFor(ctx);
  if (!(record instanceof InteractionRecord)) return record;
  const body = (ctx.body ?? {}) as JsonObject;
  const problems = messageProblems(body, { create: true, files: ctx.files.length, ephemeralAllowed: true });
  if (problems.length > 0)
    return refuse(record, invalid(problems), `follow-up refused: ${refusedText(problems)}`);
  let message: EmulatedMessage;
  if (record.type === CallbackType.Deferred && record.message && !record.isSettled) {
    // Discord: the first follow-up after a deferred reply replaces the "thinking..." message.
    message = record.message;
    const deferredFlags = message.flags; // the deferral decided ephemerality, not the follow-up
    applyBody(message, body, ctx.files);
    message.flags = deferredFlags;
    message.edits++;
  } else {
    const base = { channelId: record.channelId, guildId: record.guildId, interactionId: record.id };
    message = createMessage({ ...base, kind: 'followup' }, body, ctx.files);
    record.followUps.push(message);
  }
  message.pinged = pingsFor(ctx.state, record.channelId, { ...body, flags: message.flags });
  record.markSettled();
  ctx.state.changed();
  return json(messagePayload(message, ctx.state.bot, ctx.state.applicationId));
}

export function interactionRoutes(): Route[] {
  const hook = '/webhooks/:app/:token';
  return [
    route('POST', '/interactions/:interaction/:token/callback', callback),
    route('POST', hook, followUp),
    route('GET', `${hook}/messages/:message`, (ctx) => webhookMessage(ctx, 'get')),
    route('PATCH', `${hook}/messages/:message`, (ctx) => webhookMessage(ctx, 'patch')),
    route('DELETE', `${hook}/messages/:message`, (ctx) => webhookMessage(ctx, 'delete')),
  ];
}
