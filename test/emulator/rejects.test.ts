// Bodies Discord rejects (its OpenAPI description and docs), fed to the emulator over HTTP: each must
// be refused with Discord's status and error code, and for 50035 with the field and reason Discord
// names. A valid body of each kind is accepted, so the list cannot pass by refusing everything.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Emulator, startEmulator } from '../../emulator/index.ts';
import { commandInteraction, componentInteraction } from '../../emulator/injectors.ts';
import { createMessage } from '../../emulator/messages.ts';
import { closeAll } from '../support/suite.ts';

type Body = Record<string, unknown> | unknown[];
interface Case {
  what: string;
  method?: string;
  /** Path after /api/v10; `{app}`, `{channel}`, `{thread}`, `{voice}`, `{deleted}`, `{command}`,
   * `{slash}`, `{auto}`, `{autoInt}`, `{button}` (interaction callback paths) and `{hook}`
   * (an answered interaction's webhook) are filled in. */
  path: string;
  body: Body;
  status: number;
  code: number;
  /** The error code string Discord puts in `errors` (50035 only). */
  reason?: string;
}

const ID = '300000000000000123';
const ids = (n: number) => Array.from({ length: n }, (_, i) => String(BigInt(ID) + BigInt(i)));
const text = (n: number) => 'x'.repeat(n);
const cmd = (extra: Record<string, unknown>) => ({
  name: 'status',
  description: 'Where a case stands',
  ...extra,
});
const opt = (extra: Record<string, unknown>) => ({ type: 3, name: 'case', description: 'Case', ...extra });
const row = (...components: unknown[]) => ({ type: 1, components });
const button = (extra: Record<string, unknown> = {}) => ({
  type: 2,
  style: 1,
  label: 'Next',
  custom_id: 'next',
  ...extra,
});
const select = (n: number) => ({
  type: 3,
  custom_id: 'pick',
  options: Array.from({ length: n }, (_, i) => ({ label: `o${i}`, value: `v${i}` })),
});
const modal = (extra: Record<string, unknown>) => ({
  type: 9,
  data: {
    custom_id: 'form',
    title: 'Add a note',
    components: [row({ type: 4, custom_id: 'note', label: 'Note', style: 1 })],
    ...extra,
  },
});

const COMMANDS = '/applications/{app}/commands';
const POST = '/channels/{channel}/messages';
const bad = (what: string, body: Body, reason: string, path = COMMANDS, method = 'PUT'): Case => ({
  what,
  method,
  path,
  body: method === 'PUT' && !Array.isArray(body) ? [body] : body,
  status: 400,
  code: 50035,
  reason,
});
const badMessage = (what: string, body: Body, reason: string) => bad(what, body, reason, POST, 'POST');

const CASES: Case[] = [
  // Commands: registration (bulk PUT, POST) and PATCH.
  bad('command name in capitals', cmd({ name: 'Status' }), 'APPLICATION_COMMAND_INVALID_NAME'),
  bad('command name with a space', cmd({ name: 'case status' }), 'APPLICATION_COMMAND_INVALID_NAME'),
  bad('command name of 33 characters', cmd({ name: text(33) }), 'APPLICATION_COMMAND_INVALID_NAME'),
  bad('empty description', cmd({ description: '' }), 'BASE_TYPE_BAD_LENGTH'),
  bad('description of 101 characters', cmd({ description: text(101) }), 'BASE_TYPE_BAD_LENGTH'),
  bad(
    'option name in capitals',
    cmd({ options: [opt({ name: 'Case' })] }),
    'APPLICATION_COMMAND_INVALID_NAME',
  ),
  bad(
    'option without description',
    cmd({ options: [opt({ description: undefined })] }),
    'BASE_TYPE_BAD_LENGTH',
  ),
  bad(
    'required option after an optional one',
    cmd({ options: [opt({ name: 'a' }), opt({ name: 'b', required: true })] }),
    'APPLICATION_COMMAND_OPTIONS_REQUIRED_INVALID',
  ),
  bad(
    'autocomplete with choices',
    cmd({ options: [opt({ autocomplete: true, choices: [{ name: 'Rust', value: 'rust' }] })] }),
    'APPLICATION_COMMAND_AUTOCOMPLETE_CHOICES_NOT_ALLOWED',
  ),
  bad(
    'autocomplete on a boolean',
    cmd({ options: [opt({ type: 5, autocomplete: true })] }),
    'APPLICATION_COMMAND_AUTOCOMPLETE_INVALID',
  ),
  bad(
    '26 options',
    cmd({ options: Array.from({ length: 26 }, (_, i) => opt({ name: `o${i}` })) }),
    'BASE_TYPE_MAX_LENGTH',
  ),
  bad(
    '26 choices',
    cmd({
      options: [opt({ choices: Array.from({ length: 26 }, (_, i) => ({ name: `c${i}`, value: `c${i}` })) })],
    }),
    'BASE_TYPE_MAX_LENGTH',
  ),
  bad(
    'empty choice name',
    cmd({ options: [opt({ choices: [{ name: '', value: 'x' }] })] }),
    'BASE_TYPE_BAD_LENGTH',
  ),
  bad(
    'string choice on an integer option',
    cmd({ options: [opt({ type: 4, choices: [{ name: 'one', value: 'one' }] })] }),
    'NUMBER_TYPE_COERCE',
  ),
  bad(
    'choices on a user option',
    cmd({ options: [opt({ type: 6, choices: [{ name: 'a', value: 'a' }] })] }),
    'APPLICATION_COMMAND_OPTION_CHOICES_INVALID',
  ),
  bad(
    'two options with one name',
    cmd({ options: [opt({}), opt({})] }),
    'APPLICATION_COMMAND_OPTIONS_NAME_ALREADY_EXISTS',
  ),
  bad(
    'sub-command mixed with an option',
    cmd({ options: [{ type: 1, name: 'track', description: 'Track' }, opt({})] }),
    'APPLICATION_COMMAND_OPTIONS_TYPE_INVALID',
  ),
  bad(
    'sub-command inside a sub-command',
    cmd({
      options: [
        { type: 1, name: 'a', description: 'A', options: [{ type: 1, name: 'b', description: 'B' }] },
      ],
    }),
    'APPLICATION_COMMAND_OPTIONS_TYPE_INVALID',
  ),
  bad(
    'min_length on an integer',
    cmd({ options: [opt({ type: 4, min_length: 1 })] }),
    'APPLICATION_COMMAND_OPTION_INVALID',
  ),
  bad('max_length of 6001', cmd({ options: [opt({ max_length: 6001 })] }), 'NUMBER_TYPE_MAX'),
  bad(
    'min_value above max_value',
    cmd({ options: [opt({ type: 4, min_value: 5, max_value: 1 })] }),
    'APPLICATION_COMMAND_OPTION_RANGE_INVALID',
  ),
  bad('two commands with one name', [cmd({}), cmd({})], 'APPLICATION_COMMANDS_DUPLICATE_NAME'),
  bad(
    'user command with a description',
    { type: 2, name: 'Report', description: 'x' },
    'APPLICATION_COMMAND_DESCRIPTION_INVALID',
  ),
  bad(
    'default_member_permissions not a bitfield',
    cmd({ default_member_permissions: 'admins' }),
    'NUMBER_TYPE_COERCE',
  ),
  bad('unknown context', cmd({ contexts: [5] }), 'BASE_TYPE_CHOICES'),
  bad(
    'command over 8000 characters',
    cmd({
      options: Array.from({ length: 25 }, (_, i) =>
        opt({
          name: `o${i}`,
          choices: Array.from({ length: 25 }, (_, j) => ({ name: `${text(90)}${j}`, value: `v${j}` })),
        }),
      ),
    }),
    'APPLICATION_COMMAND_TOO_LARGE',
  ),
  bad(
    'create one with a bad name',
    cmd({ name: 'Bad Name' }),
    'APPLICATION_COMMAND_INVALID_NAME',
    COMMANDS,
    'POST',
  ),
  bad(
    'PATCH to a bad name',
    { name: 'Bad Name' },
    'APPLICATION_COMMAND_INVALID_NAME',
    `${COMMANDS}/{command}`,
    'PATCH',
  ),
  bad(
    'PATCH adding autocomplete with choices',
    { options: [opt({ autocomplete: true, choices: [{ name: 'a', value: 'a' }] })] },
    'APPLICATION_COMMAND_AUTOCOMPLETE_CHOICES_NOT_ALLOWED',
    `${COMMANDS}/{command}`,
    'PATCH',
  ),

  // Messages: channel posts.
  badMessage('content of 2001 characters', { content: text(2001) }, 'BASE_TYPE_MAX_LENGTH'),
  badMessage(
    '11 embeds',
    { embeds: Array.from({ length: 11 }, () => ({ title: 't' })) },
    'BASE_TYPE_MAX_LENGTH',
  ),
  badMessage('embed title of 257', { embeds: [{ title: text(257) }] }, 'BASE_TYPE_MAX_LENGTH'),
  badMessage('embed description of 4097', { embeds: [{ description: text(4097) }] }, 'BASE_TYPE_MAX_LENGTH'),
  badMessage(
    '26 fields',
    { embeds: [{ fields: Array.from({ length: 26 }, () => ({ name: 'n', value: 'v' })) }] },
    'BASE_TYPE_MAX_LENGTH',
  ),
  badMessage(
    'field without a value',
    { embeds: [{ fields: [{ name: 'n', value: '' }] }] },
    'BASE_TYPE_REQUIRED',
  ),
  badMessage(
    'field value of 1025',
    { embeds: [{ fields: [{ name: 'n', value: text(1025) }] }] },
    'BASE_TYPE_MAX_LENGTH',
  ),
  badMessage(
    'embeds over 6000 characters',
    { embeds: [{ description: text(4000) }, { description: text(2001) }] },
    'MAX_EMBED_SIZE_EXCEEDED',
  ),
  badMessage(
    'embed url not a url',
    { embeds: [{ title: 't', url: 'example.com/x' }] },
    'URL_TYPE_INVALID_URL',
  ),
  badMessage(
    'embed colour above 0xFFFFFF',
    { embeds: [{ title: 't', color: 0x1000000 }] },
    'NUMBER_TYPE_MAX',
  ),
  badMessage(
    'parse users with a users list',
    { content: 'x', allowed_mentions: { parse: ['users'], users: [ID] } },
    'MESSAGE_ALLOWED_MENTIONS_PARSE_EXCLUSIVE',
  ),
  badMessage(
    'parse roles with a roles list',
    { content: 'x', allowed_mentions: { parse: ['roles'], roles: [ID] } },
    'MESSAGE_ALLOWED_MENTIONS_PARSE_EXCLUSIVE',
  ),
  badMessage(
    'unknown parse value',
    { content: 'x', allowed_mentions: { parse: ['channels'] } },
    'BASE_TYPE_CHOICES',
  ),
  badMessage(
    '101 users allowed',
    { content: 'x', allowed_mentions: { users: ids(101) } },
    'BASE_TYPE_MAX_LENGTH',
  ),
  badMessage(
    'allowed user not a snowflake',
    { content: 'x', allowed_mentions: { users: ['tester'] } },
    'NUMBER_TYPE_COERCE',
  ),
  badMessage('empty action row', { content: 'x', components: [row()] }, 'BASE_TYPE_BAD_LENGTH'),
  badMessage(
    'six action rows',
    { content: 'x', components: Array.from({ length: 6 }, (_, i) => row(button({ custom_id: `b${i}` }))) },
    'BASE_TYPE_MAX_LENGTH',
  ),
  badMessage(
    'six buttons in a row',
    {
      content: 'x',
      components: [row(...Array.from({ length: 6 }, (_, i) => button({ custom_id: `b${i}` })))],
    },
    'BASE_TYPE_BAD_LENGTH',
  ),
  badMessage(
    'button with an empty custom_id',
    { content: 'x', components: [row(button({ custom_id: '' }))] },
    'BASE_TYPE_BAD_LENGTH',
  ),
  badMessage(
    'button without custom_id',
    { content: 'x', components: [row(button({ custom_id: undefined }))] },
    'BASE_TYPE_REQUIRED',
  ),
  badMessage(
    'custom_id of 101',
    { content: 'x', components: [row(button({ custom_id: text(101) }))] },
    'BASE_TYPE_BAD_LENGTH',
  ),
  badMessage(
    'link button without url',
    { content: 'x', components: [row(button({ style: 5, custom_id: undefined }))] },
    'BASE_TYPE_REQUIRED',
  ),
  badMessage(
    'link button with a custom_id',
    { content: 'x', components: [row(button({ style: 5, url: 'https://example.com' }))] },
    'BUTTON_COMPONENT_CUSTOM_ID_NOT_ALLOWED',
  ),
  badMessage(
    'button without label or emoji',
    { content: 'x', components: [row(button({ label: undefined }))] },
    'BUTTON_COMPONENT_LABEL_OR_EMOJI_REQUIRED',
  ),
  badMessage(
    'button label of 81',
    { content: 'x', components: [row(button({ label: text(81) }))] },
    'BASE_TYPE_MAX_LENGTH',
  ),
  badMessage(
    'select with 26 options',
    { content: 'x', components: [row(select(26))] },
    'BASE_TYPE_BAD_LENGTH',
  ),
  badMessage('select with no option', { content: 'x', components: [row(select(0))] }, 'BASE_TYPE_BAD_LENGTH'),
  badMessage(
    'select sharing a row with a button',
    { content: 'x', components: [row(select(2), button())] },
    'COMPONENT_LAYOUT_WIDTH_EXCEEDED',
  ),
  badMessage(
    'duplicated custom_id',
    { content: 'x', components: [row(button(), button())] },
    'COMPONENT_CUSTOM_ID_DUPLICATED',
  ),
  badMessage(
    'a button outside an action row',
    { content: 'x', components: [button()] },
    'UNION_TYPE_CHOICES',
  ),
  badMessage('ephemeral flag on a channel post', { content: 'x', flags: 64 }, 'MESSAGE_FLAGS_INVALID'),
  badMessage('crossposted flag', { content: 'x', flags: 2 }, 'MESSAGE_FLAGS_INVALID'),
  { what: 'empty message', method: 'POST', path: POST, body: { content: '' }, status: 400, code: 50006 },

  // Interaction callbacks and webhooks.
  bad(
    'update (7) on a slash command',
    { type: 7, data: { content: 'x' } },
    'INTERACTION_CALLBACK_TYPE_INVALID',
    '{slash}',
    'POST',
  ),
  bad(
    'choices (8) on a slash command',
    { type: 8, data: { choices: [] } },
    'INTERACTION_CALLBACK_TYPE_INVALID',
    '{slash}',
    'POST',
  ),
  bad(
    'deferred update (6) on a slash command',
    { type: 6 },
    'INTERACTION_CALLBACK_TYPE_INVALID',
    '{slash}',
    'POST',
  ),
  bad(
    'reply (4) to autocomplete',
    { type: 4, data: { content: 'x' } },
    'INTERACTION_CALLBACK_TYPE_INVALID',
    '{auto}',
    'POST',
  ),
  bad('modal (9) to autocomplete', modal({}), 'INTERACTION_CALLBACK_TYPE_INVALID', '{auto}', 'POST'),
  bad(
    'reply of 2001 characters',
    { type: 4, data: { content: text(2001) } },
    'BASE_TYPE_MAX_LENGTH',
    '{slash}',
    'POST',
  ),
  bad(
    'reply with parse users and a users list',
    { type: 4, data: { content: 'x', allowed_mentions: { parse: ['users'], users: [ID] } } },
    'MESSAGE_ALLOWED_MENTIONS_PARSE_EXCLUSIVE',
    '{slash}',
    'POST',
  ),
  bad(
    'update with an empty action row',
    { type: 7, data: { components: [row()] } },
    'BASE_TYPE_BAD_LENGTH',
    '{button}',
    'POST',
  ),
  bad('modal title of 46', modal({ title: text(46) }), 'BASE_TYPE_BAD_LENGTH', '{slash}', 'POST'),
  bad('modal without rows', modal({ components: [] }), 'BASE_TYPE_BAD_LENGTH', '{slash}', 'POST'),
  bad('modal without custom_id', modal({ custom_id: undefined }), 'BASE_TYPE_REQUIRED', '{slash}', 'POST'),
  bad(
    'modal row with two inputs',
    modal({
      components: [
        row(
          { type: 4, custom_id: 'a', label: 'A', style: 1 },
          { type: 4, custom_id: 'b', label: 'B', style: 1 },
        ),
      ],
    }),
    'MODAL_COMPONENT_INVALID',
    '{slash}',
    'POST',
  ),
  bad(
    'text input of style 3',
    modal({ components: [row({ type: 4, custom_id: 'a', label: 'A', style: 3 })] }),
    'BASE_TYPE_CHOICES',
    '{slash}',
    'POST',
  ),
  bad(
    '26 autocomplete choices',
    { type: 8, data: { choices: Array.from({ length: 26 }, (_, i) => ({ name: `c${i}`, value: `c${i}` })) } },
    'BASE_TYPE_MAX_LENGTH',
    '{auto}',
    'POST',
  ),
  bad(
    'choice name of 101',
    { type: 8, data: { choices: [{ name: text(101), value: 'x' }] } },
    'BASE_TYPE_BAD_LENGTH',
    '{auto}',
    'POST',
  ),
  bad(
    'string choice for an integer option',
    { type: 8, data: { choices: [{ name: 'one', value: 'one' }] } },
    'NUMBER_TYPE_COERCE',
    '{autoInt}',
    'POST',
  ),
  bad(
    'follow-up of 11 embeds',
    { embeds: Array.from({ length: 11 }, () => ({ title: 't' })) },
    'BASE_TYPE_MAX_LENGTH',
    '{hook}',
    'POST',
  ),
  bad(
    'follow-up with an unknown flag',
    { content: 'x', flags: 2 },
    'MESSAGE_FLAGS_INVALID',
    '{hook}',
    'POST',
  ),
  bad(
    'edit of @original with a 257 title',
    { embeds: [{ title: text(257) }] },
    'BASE_TYPE_MAX_LENGTH',
    '{hook}/messages/@original',
    'PATCH',
  ),

  // Channels and threads.
  {
    what: 'post to a deleted channel',
    method: 'POST',
    path: '/channels/{deleted}/messages',
    body: { content: 'x' },
    status: 404,
    code: 10003,
  },
  bad('thread without a name', { type: 11 }, 'BASE_TYPE_REQUIRED', '/channels/{channel}/threads', 'POST'),
  bad(
    'thread name of 101',
    { name: text(101), type: 11 },
    'BASE_TYPE_BAD_LENGTH',
    '/channels/{channel}/threads',
    'POST',
  ),
  bad(
    'thread archive duration of 100',
    { name: 't', auto_archive_duration: 100 },
    'BASE_TYPE_CHOICES',
    '/channels/{channel}/threads',
    'POST',
  ),
  bad(
    'thread of channel type 0',
    { name: 't', type: 0 },
    'BASE_TYPE_CHOICES',
    '/channels/{channel}/threads',
    'POST',
  ),
  {
    what: 'thread in a voice channel',
    method: 'POST',
    path: '/channels/{voice}/threads',
    body: { name: 't', type: 11 },
    status: 400,
    code: 50024,
  },
  {
    what: 'thread inside a thread',
    method: 'POST',
    path: '/channels/{thread}/threads',
    body: { name: 't', type: 11 },
    status: 400,
    code: 50024,
  },
];

describe('the emulator refuses what Discord refuses', () => {
  let emu: Emulator;
  const fixture = { general: '', voice: '', thread: '', deleted: '', command: '', hook: '' };
  const fill = (path: string) =>
    path
      .replace(/\{(slash|auto|autoInt|button)\}/, (_, kind) => callbackPath(kind))
      .replace('{app}', emu.applicationId)
      .replace('{channel}', fixture.general)
      .replace('{voice}', fixture.voice)
      .replace('{thread}', fixture.thread)
      .replace('{deleted}', fixture.deleted)
      .replace('{command}', fixture.command)
      .replace('{hook}', fixture.hook);

  const call = async (method: string, path: string, body: Body | undefined) => {
    const res = await fetch(`${emu.apiUrl}/v10${fill(path)}`, {
      method,
      headers: { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, json: (text ? JSON.parse(text) : {}) as Record<string, unknown> };
  };

  /** A fresh interaction's callback path; a new one per use, since each may be answered once. */
  const callbackPath = (kind: 'slash' | 'auto' | 'autoInt' | 'button') => {
    const record =
      kind === 'button'
        ? componentInteraction(emu.state, { customId: 'next' })
        : commandInteraction(
            emu.state,
            kind === 'slash' ? 'command' : 'autocomplete',
            kind === 'autoInt' ? 'count' : 'status',
            {
              strict: false,
              options: kind === 'autoInt' ? { n: 1 } : { case: 'ru' },
              ...(kind === 'slash' ? {} : { focused: kind === 'autoInt' ? 'n' : 'case' }),
            } as Parameters<typeof commandInteraction>[3],
          );
    return `/interactions/${record.id}/${record.token}/callback`;
  };

  beforeAll(async () => {
    emu = await startEmulator({
      guilds: [
        { name: 'Test Server', channels: [{ name: 'general' }, { name: 'old' }, { name: 'voice', type: 2 }] },
      ],
    });
    // Fixtures: a registered command, a message with a button, a thread, a deleted channel,
    // and an answered interaction (for its webhook).
    fixture.general = emu.channelIds.general ?? '';
    fixture.voice = emu.channelIds.voice ?? '';
    const put = await call('PUT', COMMANDS, [cmd({ options: [opt({ autocomplete: true })] })]);
    fixture.command = (put.json as unknown as { id: string }[])[0]?.id ?? '';
    emu.state.messages.push(
      createMessage(
        { channelId: fixture.general, guildId: emu.guildId, kind: 'channel' },
        { content: 'p', components: [row(button())] },
      ),
    );
    fixture.thread = String(
      (await call('POST', '/channels/{channel}/threads', { name: 'Trial', type: 11 })).json.id,
    );
    fixture.deleted = emu.channelIds.old ?? '';
    emu.deleteChannel('old');
    const answered = commandInteraction(emu.state, 'command', 'status', { strict: false });
    await fetch(`${emu.apiUrl}/v10/interactions/${answered.id}/${answered.token}/callback`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ type: 4, data: { content: 'ok', allowed_mentions: { parse: [] } } }),
    });
    fixture.hook = `/webhooks/${emu.applicationId}/${answered.token}`;
  });

  afterAll(() => closeAll(emu));

  it(`refuses each of ${CASES.length} bodies with Discord's status, code and reason`, async () => {
    const mismatches: string[] = [];
    for (const c of CASES) {
      const { status, json } = await call(c.method ?? 'POST', c.path, c.body);
      const reasons = JSON.stringify(json.errors ?? {});
      const ok =
        status === c.status && json.code === c.code && (!c.reason || reasons.includes(`"${c.reason}"`));
      if (!ok) mismatches.push(`${c.what}: got ${status} ${json.code} ${reasons}`);
    }
    expect(mismatches).toEqual([]);
  });

  it('accepts a valid body of each kind (the list is not passing by refusing everything)', async () => {
    const valid: [string, string, Body][] = [
      [
        'PUT',
        COMMANDS,
        [cmd({ options: [opt({ required: true }), opt({ name: 'limit', type: 4, min_value: 1 })] })],
      ],
      ['PATCH', `${COMMANDS}/{command}`, { description: 'Where a case stands now' }],
      ['POST', POST, { content: '<@300000000000000123>', allowed_mentions: { parse: [], users: [ID] } }],
      [
        'POST',
        POST,
        {
          embeds: [{ title: 't', url: 'https://example.com', fields: [{ name: 'n', value: 'v' }] }],
          components: [row(button({ custom_id: 'ok' }))],
        },
      ],
      ['POST', POST, { content: 'x', components: [row(select(25))], flags: 4096 }],
      ['POST', '{slash}', { type: 4, data: { content: 'x', flags: 64, allowed_mentions: { parse: [] } } }],
      ['POST', '{slash}', modal({})],
      ['POST', '{auto}', { type: 8, data: { choices: [{ name: 'Rust', value: 'rust' }] } }],
      ['POST', '{button}', { type: 7, data: { content: 'page 2', components: [] } }],
      ['POST', '/channels/{channel}/threads', { name: 'Hearing', type: 11, auto_archive_duration: 1440 }],
    ];
    const statuses = [];
    for (const [method, path, body] of valid) statuses.push((await call(method, path, body)).status);
    expect(statuses.every((s) => s >= 200 && s < 300)).toBe(true);
  });
});
