import type { APIEmbed } from 'discord.js';
import { afterAll, assert, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_USER, type InteractionRecord } from '../../emulator/index.ts';
import { createKnowledgeStore } from '../../src/cases/knowledgeStore.ts';
import { timeline } from '../../src/cases/views.ts';
import { openStore } from '../../src/store/index.ts';
import { MILLBROOK } from '../discord/millbrookArticles.ts';
import { ingestInto, trackMillbrook } from '../discord/seedCase.ts';
import { withSlowReads } from '../discord/slowStore.ts';
import { startTestBot, type TestBot } from '../support/bot.ts';
import { type Emulator, startEmulator } from '../support/emulator.ts';
import { checkMentionsAfterEach, expectSilentAnswer } from '../support/mentions.ts';
import { closeAll } from '../support/suite.ts';

const MEMBER = (0x400n | 0x800n).toString(); // view channels + send messages, no Manage Server
const OTHER_USER = { id: '400000000000000001', username: 'someone-else' };

/** The custom ids of the buttons under a paged answer: [previous, next]. */
function buttons(record: InteractionRecord): Array<{ custom_id: string; disabled?: boolean }> {
  const row = record.components[0] as { components?: Array<{ custom_id: string; disabled?: boolean }> };
  return row?.components ?? [];
}

function footer(embed: APIEmbed | undefined): string {
  return embed?.footer?.text ?? '';
}

/** Every answer is a valid, silent embed answered in time. */
function expectClean(record: InteractionRecord) {
  expect(record.problems).toEqual([]);
  expectSilentAnswer(record);
  expect(record.callbackMs ?? Number.POSITIVE_INFINITY).toBeLessThan(3000);
}

describe('/status, /timeline, /quotes, /people, /alerts through the real client', () => {
  let emu: Emulator;
  let t: TestBot;
  let store: ReturnType<typeof withSlowReads>;

  checkMentionsAfterEach(() => emu);

  beforeAll(async () => {
    store = withSlowReads(await openStore('memory://'));
    emu = await startEmulator({
      guilds: [
        {
          name: 'Court Watchers',
          channels: [{ name: 'general' }, { name: 'alerts' }, { name: 'Hearing Room', type: 2 }],
          roles: [{ name: 'Moderator' }, { name: 'Case Alerts' }],
        },
      ],
    });
    t = await startTestBot(emu.apiUrl, { store, now: () => new Date('2025-05-10T12:00:00Z') });
    await emu.waitForReady();
    await trackMillbrook(emu, store);
  });
  afterAll(() => closeAll(t, emu, store));

  it('/status shows stage, charges, maximum penalty, next date and sourced developments', async () => {
    const status = await emu.command('status'); // one tracked case: `case` may be left out
    expectClean(status);
    expect(status.ephemeral).toBe(false);
    const embed = status.embeds[0];
    expect(embed?.title).toBe(MILLBROOK.name);
    const defendant = embed?.fields?.find((f) => f.name.startsWith('Daniel Okafor'));
    expect(defendant?.name).toMatch(/Daniel Okafor — (charged|pretrial)/);
    expect(defendant?.value).toContain('involuntary manslaughter — pending');
    expect(defendant?.value).toContain('Maximum penalty: 18 months');
    expect(embed?.description).toContain('Status as of 2025-05-10');
    expect(embed?.description).toMatch(/Next:\*\* 2025-09-08/);
    // The latest developments carry dates and masked links to their sources.
    const latest = (embed?.fields ?? []).filter((f) => /^\d{4}-\d{2}-\d{2} · /.test(f.name));
    expect(latest).toHaveLength(3);
    for (const field of latest) expect(field.value).toMatch(/\]\(https:\/\/[a-z-]+\.test\/millbrook-/);
    expect(status.text).not.toMatch(/No articles yet/);
  });

  it('/timeline pages forward and back in date order, for its owner only', async () => {
    const unknown = await emu.command('timeline', { options: { case: 'kohberger' } });
    expect(unknown.ephemeral).toBe(true);
    expect(unknown.content).toContain(`\`${MILLBROOK.slug}\``);

    const page1 = await emu.command('timeline', { options: { case: MILLBROOK.slug } });
    expectClean(page1);
    const fields1 = page1.embeds[0]?.fields ?? [];
    // The extractor decides how many developments the articles hold; the pager must show them all.
    const total = timeline(await createKnowledgeStore(store).get(MILLBROOK.slug)).length;
    expect(total).toBeGreaterThan(5);
    expect(total).toBeLessThanOrEqual(10);
    expect(fields1).toHaveLength(5);
    expect(footer(page1.embeds[0])).toBe(`Page 1/2 · ${total} developments`);
    const [prev1, next1] = buttons(page1);
    expect(prev1?.disabled).toBe(true);
    expect(next1?.disabled).toBe(false);
    for (const id of [prev1?.custom_id, next1?.custom_id]) expect(id?.length).toBeLessThanOrEqual(100);
    for (const f of fields1) expect(f.value).toMatch(/\]\(https:\/\//); // each entry with its sources
    assert.exists(next1);

    const refused = await emu.button({
      customId: next1.custom_id,
      messageId: page1.messageId,
      user: OTHER_USER,
    });
    expect(refused.ephemeral).toBe(true);
    expect(refused.content).toContain(`Only <@${DEFAULT_USER.id}> can page this`);
    expect(footer(page1.embeds[0])).toMatch(/^Page 1\/2/); // the owner's list did not move

    const page2 = await emu.button({ customId: next1.custom_id, messageId: page1.messageId });
    expect(page2.problems).toEqual([]);
    expect(footer(page2.embeds[0])).toMatch(/^Page 2\/2/);
    const fields2 = page2.embeds[0]?.fields ?? [];
    expect(fields2).toHaveLength(total - 5);
    const dates = [...fields1, ...fields2].map((f) => f.name.slice(0, 10)).filter((d) => /^\d{4}-/.test(d));
    expect(dates).toEqual([...dates].sort());
    expect(fields2.at(-1)?.name).toMatch(/^2025-09-08 · Trial \(scheduled\)/);
    const [prev2, next2] = buttons(page2);
    expect(next2?.disabled).toBe(true);

    assert.exists(prev2);
    const back = await emu.button({ customId: prev2.custom_id, messageId: page1.messageId });
    expect(footer(back.embeds[0])).toMatch(/^Page 1\/2/);
    expect(back.embeds[0]?.fields?.map((f) => f.name)).toEqual(fields1.map((f) => f.name));
  });

  it('/timeline filters by type and by person, and names the people it knows', async () => {
    const trials = await emu.command('timeline', { options: { type: 'trial' } });
    expect(trials.embeds[0]?.fields?.map((f) => f.name)).toEqual([
      '2025-09-08 · Trial (scheduled) · Daniel Okafor',
    ]);
    expect(trials.components).toEqual([]); // one page: no buttons

    const okafor = await emu.command('timeline', { options: { person: 'Okafor' } });
    expect(okafor.embeds[0]?.title).toBe(`Timeline — ${MILLBROOK.name} (Daniel Okafor)`);
    expect(okafor.embeds[0]?.fields?.length).toBeGreaterThan(3);
    for (const f of okafor.embeds[0]?.fields ?? []) expect(f.name).toContain('Daniel Okafor');

    const nobody = await emu.command('timeline', { options: { person: 'Jane Nobody' } });
    expect(nobody.ephemeral).toBe(true);
    expect(nobody.content).toMatch(/Nobody called "Jane Nobody" appears in Millbrook warehouse fire/);
    expect(nobody.content).toContain('Victor Lindqvist');
  });

  it('/quotes autocompletes people and shows their quotes newest first with sources', async () => {
    const choices = await emu.autocomplete('quotes', { options: { person: 'lind' }, focused: 'person' });
    expect(choices.length).toBeLessThanOrEqual(25);
    expect(choices[0]?.value).toBe('Victor Lindqvist');
    expect(choices[0]?.name).toMatch(/defense attorney/);
    const everyone = await emu.autocomplete('quotes', { options: { person: '' }, focused: 'person' });
    expect(everyone.map((c) => c.value)).toEqual(expect.arrayContaining(['Helen Marsh', 'Daniel Okafor']));

    const [chosen] = choices;
    assert.exists(chosen);
    const quotes = await emu.command('quotes', { options: { person: chosen.value } });
    expectClean(quotes);
    const fields = quotes.embeds[0]?.fields ?? [];
    expect(fields.map((f) => f.name)).toEqual([
      'Victor Lindqvist · 2025-05-02',
      'Victor Lindqvist · 2025-04-15',
      'Victor Lindqvist · 2025-03-10',
    ]);
    expect(fields[0]?.value).toContain('faulty wiring');
    expect(fields[0]?.value).toContain('](https://third-wire.test/millbrook-motion)');

    const filtered = await emu.command('quotes', { options: { person: 'Lindqvist', contains: 'JURY' } });
    expect(filtered.embeds[0]?.fields?.map((f) => f.name)).toEqual(['Victor Lindqvist · 2025-04-15']);

    const unknown = await emu.command('quotes', { options: { person: 'Jane Nobody' } });
    expect(unknown.ephemeral).toBe(true);
    expect(unknown.content).toContain('Helen Marsh');
  });

  it('/people lists name, role and number of quotes', async () => {
    const people = await emu.command('people');
    expectClean(people);
    const lines = people.embeds[0]?.description?.split('\n') ?? [];
    expect(lines[0]).toBe('**Daniel Okafor** — defendant');
    expect(lines).toContain('**Victor Lindqvist** — defense attorney · 3 quotes');
    expect(lines).toContain('**Helen Marsh** — prosecutor · 1 quote');
  });

  it('/alerts set is refused without Manage Server, and set, shown and turned off by an admin', async () => {
    const refused = await emu.command('alerts', {
      subcommand: 'set',
      options: { channel: 'alerts' },
      permissions: MEMBER,
    });
    expect(refused.ephemeral).toBe(true);
    expect(refused.content).toMatch(/Manage Server/);
    expect(await store.kv('alert-settings').get(emu.guildId)).toBeUndefined();

    const voice = await emu.command('alerts', { subcommand: 'set', options: { channel: 'Hearing Room' } });
    expect(voice.ephemeral).toBe(true);
    expect(voice.content).toMatch(/not a text channel/);

    const badTypes = await emu.command('alerts', {
      subcommand: 'set',
      options: { channel: 'alerts', types: 'charge, gossip' },
    });
    expect(badTypes.content).toMatch(/Unknown event type: `gossip`/);
    expect(await store.kv('alert-settings').get(emu.guildId)).toBeUndefined();

    const set = await emu.command('alerts', {
      subcommand: 'set',
      options: {
        channel: 'alerts',
        case: MILLBROOK.slug,
        types: 'charge, verdict, charge dropped',
        role: 'Case Alerts',
      },
    });
    expectClean(set);
    expect(set.ephemeral).toBe(true);
    expect(await store.kv('alert-settings').get(emu.guildId)).toEqual({
      channelId: emu.channelIds.alerts,
      cases: [MILLBROOK.slug],
      types: ['charge', 'verdict', 'charge_dropped'],
      roleId: emu.roleIds['Case Alerts'],
    });

    const shown = await emu.command('alerts', { subcommand: 'show' });
    expect(shown.text).toContain(`<#${emu.channelIds.alerts}>`);
    expect(shown.text).toContain('charge, verdict, charge_dropped');
    expect(shown.text).toContain(`<@&${emu.roleIds['Case Alerts']}>`);
    expectSilentAnswer(shown);

    const everything = await emu.command('alerts', { subcommand: 'set', options: { channel: 'general' } });
    expect(everything.text).toMatch(/all \(background mentions never alert\)/);

    const off = await emu.command('alerts', { subcommand: 'off' });
    expect(off.content).toBe('Alerts are off in this server.');
    const after = await emu.command('alerts', { subcommand: 'show' });
    expect(after.content).toMatch(/Alerts are off/);
  });

  it('a slow store: the command is deferred in time and paging still updates the list', async () => {
    store.namespaces.add('guild_cases');
    store.namespaces.add('case-log'); // server lists are cached for a second; the case log is read each time
    store.delayMs = 2_300;
    try {
      const page1 = await emu.command('timeline', { timeout: 15_000 });
      expect(page1.deferred).toBe(true);
      expect(page1.callbackMs ?? Number.POSITIVE_INFINITY).toBeLessThan(3000);
      expect(page1.problems).toEqual([]);
      expect(footer(page1.embeds[0])).toMatch(/^Page 1\/2/);
      const next = buttons(page1)[1]?.custom_id;
      assert.exists(next);
      const page2 = await emu.button({ customId: next, messageId: page1.messageId, timeout: 15_000 });
      expect(page2.type).toBe(6); // deferred update, then the message edited in place
      expect(page2.problems).toEqual([]);
      expect(footer(page2.embeds[0])).toMatch(/^Page 2\/2/);
    } finally {
      store.delayMs = 0;
    }
  }, 40_000);

  it('a command that finishes while its auto-defer is on the wire answers once, with no apology', async () => {
    // The defer reaches Discord at 2 s, but its response is late: discord.js does not know yet
    // that the interaction is deferred when the command (slowed to ~2.2 s) answers.
    store.namespaces.add('guild_cases');
    store.namespaces.add('case-log');
    store.delayMs = 1_100;
    emu.delayNext({ path: /\/callback$/, ms: 1_500, response: true });
    try {
      const answer = await emu.command('timeline', { timeout: 15_000 });
      expect(answer.deferred).toBe(true);
      expect(answer.problems).toEqual([]);
      expect(footer(answer.embeds[0])).toMatch(/^Page 1\//);
      await new Promise((resolve) => setTimeout(resolve, 300)); // an apology would follow now
      expect(answer.followUps.map((m) => m.content)).toEqual([]);
    } finally {
      store.delayMs = 0;
    }
  }, 40_000);

  it('with two tracked cases, asks which one and names both; person choices say their case', async () => {
    await emu.command('case', {
      subcommand: 'track',
      options: { name: 'Quarry Lane fraud', defendants: 'Petra Lindqvist-Oduya' },
    });
    await ingestInto(store, 'quarry-lane-fraud', [
      {
        url: 'https://example-news.test/quarry-arrest',
        title: 'Quarry Lane director arrested',
        published: '2025-05-06',
        text: 'Petra Lindqvist-Oduya, the director of Quarry Lane Holdings, was arrested on Monday on fraud charges.',
      },
    ]);
    const which = await emu.command('status');
    expect(which.ephemeral).toBe(true);
    expect(which.content).toMatch(/Which case\? Tracked here: .*`millbrook-warehouse-fire`/);
    expect(which.content).toContain('`quarry-lane-fraud`');

    const choices = await emu.autocomplete('quotes', { options: { person: 'lindqvist' }, focused: 'person' });
    expect(choices.map((c) => c.name)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(
          /^Victor Lindqvist \(defense attorney · Millbrook warehouse fire · 3 quotes\)$/,
        ),
        expect.stringMatching(/^Petra Lindqvist-Oduya \(defendant · Quarry Lane fraud\)$/),
      ]),
    );
    // Naming the case narrows the choices to its people.
    const narrowed = await emu.autocomplete('quotes', {
      options: { person: 'lindqvist', case: 'quarry-lane-fraud' },
      focused: 'person',
    });
    expect(narrowed.map((c) => c.value)).toEqual(['Petra Lindqvist-Oduya']);
  });
});
