// Interaction responses: POST /interactions/:id/:token/callback and the interaction webhook
// (@original edits, follow-ups). Each request updates the InteractionRecord and may settle it.
import { discordError, json, notFound, type Reply } from './http.ts';
import {
  applyBody,
  createMessage,
  type EmulatedMessage,
  type JsonObject,
  messagePayload,
} from './messages.ts';
import { CallbackType, type InteractionRecord } from './records.ts';
import { type Route, type RouteContext, route } from './router.ts';
import { invalid } from './routes.ts';
import { choiceProblems, messageProblems } from './validate.ts';

function refuse(record: InteractionRecord, reply: Reply, why: string): Reply {
  record.problems.push(why);
  return reply;
}

function callback(ctx: RouteContext): Reply {
  const record = ctx.state.byToken.get(ctx.params.token ?? '');
  if (!record || record.id !== ctx.params.interaction) return notFound('interaction', 10062);
  const elapsed = Date.now() - record.createdAt;
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
  const problems = callbackProblems(type, data, ctx.files.length);
  if (problems.length > 0)
    return refuse(record, invalid(problems), `callback ${type} refused: ${problems.join('; ')}`);
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

function callbackProblems(type: number, data: JsonObject, files: number): string[] {
  if (type === CallbackType.Reply) return messageProblems(data, true, files);
  if (type === CallbackType.Update) return messageProblems(data, false, files);
  if (type === CallbackType.Choices) return choiceProblems(data.choices);
  if ([CallbackType.Deferred, CallbackType.DeferredUpdate, CallbackType.Modal].includes(type as 5)) return [];
  return [`unsupported callback type ${type}`];
}

function recordFor(ctx: RouteContext): InteractionRecord | undefined {
  if (ctx.params.app !== ctx.state.applicationId) return undefined;
  const record = ctx.state.byToken.get(ctx.params.token ?? '');
  return record && record.type !== null ? record : undefined;
}

function webhookMessage(ctx: RouteContext, action: 'get' | 'patch' | 'delete'): Reply {
  const record = recordFor(ctx);
  if (!record) return notFound('Webhook', 10015);
  const id = ctx.params.message;
  const message: EmulatedMessage | null | undefined =
    id === '@original' ? record.message : [record.message, ...record.followUps].find((m) => m?.id === id);
  if (!message || message.deleted) return notFound('Message', 10008);
  if (action === 'delete') {
    message.deleted = true;
    record.markSettled();
  } else if (action === 'patch') {
    const body = (ctx.body ?? {}) as JsonObject;
    const problems = messageProblems(body, false, ctx.files.length);
    if (problems.length > 0) return refuse(record, invalid(problems), `edit refused: ${problems.join('; ')}`);
    applyBody(message, body, ctx.files);
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
  if (!record) return notFound('Webhook', 10015);
  const body = (ctx.body ?? {}) as JsonObject;
  const problems = messageProblems(body, true, ctx.files.length);
  if (problems.length > 0)
    return refuse(record, invalid(problems), `follow-up refused: ${problems.join('; ')}`);
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
