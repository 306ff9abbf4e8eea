import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { APIEmbed } from 'discord.js';
import { afterAll, assert, beforeAll, describe, expect, it } from 'vitest';
import type { InteractionRecord } from '../../emulator/index.ts';
import { openStore } from '../../src/store/index.ts';
import type { Store } from '../../src/store/types.ts';
import { dayAfter, hugeFacts, ingestInto } from '../discord/seedCase.ts';
import { startTestBot, type TestBot } from '../support/bot.ts';
import { type Emulator, startEmulator } from '../support/emulator.ts';
import { checkMentionsAfterEach, expectSilentAnswer } from '../support/mentions.ts';

const DEVELOPMENTS = 300;
const SLUG = 'the-extraordinarily-long-running-harbor-authority-procurement-c'; // 63 characters
const NAME = `Harbor Authority procurement case ${'with a very long name '.repeat(8)}`.slice(0, 200);
// The most a case definition holds: 25 defendants (the /case track option takes 1000 characters).
const FIRST = 'Amara Bruno Celia Dmitri Esther Farouk Greta Hiroshi Ines Jonas Kalani Leopold Mireille'.split(
  ' ',
);
const LAST = (
  'Abernethy Bancroft Castellano Delacroix Eastwood Fairweather Goldsworthy Hargreaves Ingleby Jablonski ' +
  'Kowalczyk Lindenbaum Montgomery Northcott Oyelaran Pemberton Quintanilla Rosenthal Sandoval Thistlewood ' +
  'Umberton Valderrama Whitcombe Xanthopoulos Yardley'
).split(' ');
const DEFENDANTS = LAST.map((last, i) => `${FIRST[i % FIRST.length]} ${last}`);

/** What Discord would check: the emulator refuses bad bodies; these make the limits explicit. */
function expectWithinLimits(record: InteractionRecord) {
  expect(record.problems).toEqual([]);
  expectSilentAnswer(record);
  expect(record.callbackMs ?? Number.POSITIVE_INFINITY).toBeLessThan(3000);
  const embed = record.embeds[0] as APIEmbed;
  expect(embed).toBeDefined();
  const fields = embed.fields ?? [];
  expect(fields.length).toBeLessThanOrEqual(25);
  expect(embed.title?.length ?? 0).toBeLessThanOrEqual(256);
  expect(embed.description?.length ?? 0).toBeLessThanOrEqual(4096);
  for (const f of fields) expect(f.value.length).toBeLessThanOrEqual(1024);
  const total =
    (embed.title?.length ?? 0) +
    (embed.description?.length ?? 0) +
    (embed.footer?.text.length ?? 0) +
    fields.reduce((n, f) => n + f.name.length + f.value.length, 0);
  expect(total).toBeLessThanOrEqual(6000);
}

describe('a huge case still answers with valid embeds (SQLite store)', () => {
  let emu: Emulator;
  let t: TestBot;
  let store: Store;
  let dir: string;

  checkMentionsAfterEach(() => emu);

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'casewatch-commands-'));
    store = await openStore(`sqlite://${join(dir, 'test.sqlite')}`);
    emu = await startEmulator();
    t = await startTestBot(emu.apiUrl, { store, now: () => new Date('2022-06-01T00:00:00Z') });
    await emu.waitForReady();
    const tracked = await emu.command('case', {
      subcommand: 'track',
      options: { name: NAME, slug: SLUG, defendants: DEFENDANTS.join(', ') },
    });
    expect(tracked.content).toMatch(/Now tracking/);
    const articles = Array.from({ length: DEVELOPMENTS }, (_, n) => ({
      url: `https://stress.test/article-${n}`,
      title: `Stress ${n}`,
      published: dayAfter(n),
      text: String(n),
      outlet: `stress-outlet-${n % 7}.test`,
    }));
    await ingestInto(store, SLUG, articles, (a) => hugeFacts(Number(a.text), DEFENDANTS));
  }, 120_000);
  afterAll(async () => {
    await t?.stop();
    await emu?.close();
    await store?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('/status with 25 defendants and long charges fits one embed', async () => {
    const status = await emu.command('status');
    expectWithinLimits(status);
    const fields = status.embeds[0]?.fields ?? [];
    expect(DEFENDANTS.some((d) => fields[0]?.name.startsWith(d))).toBe(true);
    // The three latest developments are never crowded out by the defendants.
    expect(fields.filter((f) => /^\d{4}-\d{2}-\d{2} · /.test(f.name))).toHaveLength(3);
    expect(status.embeds[0]?.description).toMatch(/\+\d+ more defendants: see `\/people`/);
  });

  it('/timeline of 300 long developments paginates to the last page and back', async () => {
    const first = await emu.command('timeline');
    expectWithinLimits(first);
    expect(first.embeds[0]?.footer?.text).toMatch(/^Page 1\/60 · 300 developments/);
    let record = first;
    // Walk a few pages forward with the real buttons.
    for (let page = 2; page <= 4; page++) {
      const next = (record.components[0] as { components: Array<{ custom_id: string }> }).components[1];
      assert.exists(next);
      record = await emu.button({ customId: next.custom_id, messageId: first.messageId });
      expectWithinLimits(record);
      expect(record.embeds[0]?.footer?.text).toMatch(new RegExp(`^Page ${page}/60`));
    }
  });

  it('/quotes with a long filter keeps custom ids within 100 characters and still pages', async () => {
    const choices = await emu.autocomplete('quotes', { options: { person: 'whit' }, focused: 'person' });
    expect(choices.length).toBeGreaterThan(0);
    expect(choices.length).toBeLessThanOrEqual(25);
    const contains = 'ledger';
    const [chosen] = choices;
    assert.exists(chosen);
    const quotes = await emu.command('quotes', {
      options: { person: chosen.value, case: SLUG, contains },
    });
    expectWithinLimits(quotes);
    const ids = (quotes.components[0] as { components: Array<{ custom_id: string }> }).components;
    for (const b of ids) expect(b.custom_id.length).toBeLessThanOrEqual(100);
    const second = ids[1];
    assert.exists(second);
    const next = await emu.button({ customId: second.custom_id, messageId: quotes.messageId });
    expectWithinLimits(next);
    expect(next.embeds[0]?.footer?.text).toMatch(/^Page 2\//);
    for (const f of next.embeds[0]?.fields ?? []) expect(f.value.toLowerCase()).toContain(contains);
  });

  it('/people with dozens of people fits one embed', async () => {
    const people = await emu.command('people');
    expectWithinLimits(people);
    for (const d of DEFENDANTS) expect(people.embeds[0]?.description).toContain(d);
    expect(people.embeds[0]?.description).toContain('Annabel Whitfield-Montgomery** — official · 300 quotes');
  });
});
