import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Emulator, startEmulator } from '../../emulator/index.ts';
import { OPENAPI_PATH, openApiValidator } from '../support/openapi.ts';
import { closeAll } from '../support/suite.ts';

// Discord's OpenAPI description is the team's copy in ../shared/discord/openapi.json.
const present = existsSync(OPENAPI_PATH);
if (!present)
  console.log(`skip OpenAPI schema checks: no Discord spec at ${OPENAPI_PATH} (../shared/ absent)`);

/**
 * The e2e suites start the emulator with Discord's own request schemas as an extra check
 * (test/support/emulator.ts): what the spec rejects is refused with 400 50035, naming the field.
 * Shown here on bodies the emulator's hand-written rules let through, so the spec adds something.
 */
describe.skipIf(!present)("Discord's OpenAPI request schemas as the emulator's body check", () => {
  let plain: Emulator;
  let checked: Emulator;
  beforeAll(async () => {
    plain = await startEmulator();
    checked = await startEmulator({ validateBody: openApiValidator() });
  });
  afterAll(() => closeAll(plain, checked));
  const post = async (emu: Emulator, path: string, body: unknown, method = 'POST') => {
    const res = await fetch(`${emu.apiUrl}/v10${path.replace('{channel}', emu.channelIds.general)}`, {
      method,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    return { status: res.status, json: (await res.json()) as { code?: number; errors?: unknown } };
  };

  const refusedBySpecOnly: Array<[string, string, unknown, string]> = [
    ['a message with tts as a string', '/channels/{channel}/messages', { content: 'x', tts: 'yes' }, 'tts'],
    [
      'allowed_mentions.replied_user as a string',
      '/channels/{channel}/messages',
      { content: 'x', allowed_mentions: { parse: [], replied_user: 'no' } },
      'allowed_mentions',
    ],
    [
      'an embed field whose inline is a string',
      '/channels/{channel}/messages',
      { embeds: [{ title: 't', fields: [{ name: 'n', value: 'v', inline: 'no' }] }] },
      'embeds',
    ],
  ];

  it.each(refusedBySpecOnly)(
    '%s: accepted by the hand rules, refused by the spec with 50035',
    async (_n, path, body, field) => {
      expect((await post(plain, path, body)).status).toBe(200);
      const refused = await post(checked, path, body);
      expect(refused.status).toBe(400);
      expect(refused.json.code).toBe(50035);
      expect(Object.keys(refused.json.errors as object)).toContain(field);
    },
  );

  it('lets valid bodies through, including default_member_permissions as a string (the spec says integer)', async () => {
    const ok = await post(checked, '/channels/{channel}/messages', {
      content: 'hello',
      embeds: [{ title: 'Title', description: 'text', fields: [{ name: 'a', value: 'b', inline: true }] }],
      allowed_mentions: { parse: [] },
    });
    expect(ok.status).toBe(200);
    const commands = await post(
      checked,
      `/applications/${checked.applicationId}/commands`,
      [{ name: 'ping', description: 'Ping', default_member_permissions: '32', contexts: [0] }],
      'PUT',
    );
    expect(commands.status).toBe(200);
  });
});
