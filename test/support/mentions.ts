// "Nobody was pinged", asserted directly: every message body the bot sent carries `allowed_mentions`
// (on Discord a missing field means the default, and every mention in the content pings), and the
// emulator, which computes pings as Discord does, recorded none (but the one role a test allows).
import { afterEach, beforeEach, expect } from 'vitest';
import type { EmulatedMessage, Emulator, InteractionRecord } from '../../emulator/index.ts';

const carriesMessage = (body: Record<string, unknown>) =>
  'content' in body || 'embeds' in body || 'components' in body;

/** Each create/edit body of these messages has an `allowed_mentions` object with a `parse` list. */
export function expectMentionsDisabled(messages: EmulatedMessage[]): void {
  const missing = messages.flatMap((m) =>
    m.bodies
      .map((body, i) => ({ body, i }))
      .filter(({ body }) => carriesMessage(body))
      .filter(({ body }) => {
        const allowed = body.allowed_mentions as { parse?: unknown } | undefined;
        return !allowed || !Array.isArray(allowed.parse);
      })
      .map(({ i }) => `message ${m.id} (${m.kind}) body ${i} has no allowed_mentions.parse`),
  );
  expect(missing).toEqual([]);
}

/** Nobody pinged by any message the bot sent, except `allowedRole` (the configured alert role). */
export function expectNobodyPinged(emu: Emulator, allowedRole?: string): void {
  expectMentionsDisabled(emu.allMessages());
  const pinged = emu
    .pings()
    .filter(
      ({ pinged }) =>
        pinged.everyone || pinged.users.length > 0 || pinged.roles.some((r) => r !== allowedRole),
    )
    .map(({ message, pinged }) => `${message.kind} ${message.id}: ${JSON.stringify(pinged)}`);
  expect(pinged).toEqual([]);
}

/** The answer to one interaction (reply, edits, follow-ups) pings nobody. */
export function expectSilentAnswer(record: InteractionRecord): void {
  const messages = [record.message, ...record.followUps].filter((m): m is EmulatedMessage => m !== null);
  expectMentionsDisabled(messages);
  expect(messages.map((m) => m.pinged)).toEqual(
    messages.map(() => ({ users: [], roles: [], everyone: false })),
  );
}

/**
 * In a describe block: after each test, every message body the bot sent during that test carries
 * `allowed_mentions`, and nobody (but `allowedRole`) was pinged by it. Only that test's own
 * traffic is checked, so one failure is reported where it happened.
 */
export function checkMentionsAfterEach(emu: () => Emulator | undefined, allowedRole?: string): void {
  let seen = new Map<EmulatedMessage, number>();
  beforeEach(() => {
    seen = new Map((emu()?.allMessages() ?? []).map((m) => [m, m.bodies.length]));
  });
  afterEach(() => {
    const messages = emu()?.allMessages() ?? [];
    const changed = messages.filter((m) => m.bodies.length > (seen.get(m) ?? 0));
    expectMentionsDisabled(changed.map((m) => ({ ...m, bodies: m.bodies.slice(seen.get(m) ?? 0) })));
    const pinged = messages
      .filter((m) => !seen.has(m))
      .filter(
        (m) =>
          m.pinged.everyone || m.pinged.users.length > 0 || m.pinged.roles.some((r) => r !== allowedRole),
      )
      .map((m) => `${m.kind} ${m.id}: ${JSON.stringify(m.pinged)}`);
    expect(pinged).toEqual([]);
  });
}
