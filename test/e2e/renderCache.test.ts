import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Emulator, type InteractionRecord, startEmulator } from '../../emulator/index.ts';
import { createKnowledgeStore } from '../../src/cases/knowledgeStore.ts';
import { caseStatus } from '../../src/cases/status.ts';
import { typeLabel } from '../../src/format/payload.ts';
import { createCaseStore } from '../../src/store/cases.ts';
import { openStore } from '../../src/store/index.ts';
import type { Store } from '../../src/store/types.ts';
import { MILLBROOK, millbrookArticles } from '../discord/millbrookArticles.ts';
import { ingestInto } from '../discord/seedCase.ts';
import { startTestBot, type TestBot } from '../support/bot.ts';
import { closeAll } from '../support/suite.ts';

const TODAY = '2025-05-10';

/**
 * /status, /timeline and /quotes answer from what they rendered before for the same case version:
 * what users must never notice. Two servers track one shared case; articles arrive through another
 * process on the same SQLite file, and one server marks a development wrong.
 */
describe('rendered answers follow new developments and corrections at once, per server', () => {
  let emu: Emulator;
  let t: TestBot;
  let botStore: Store;
  let writer: Store;
  let a: string;
  let b: string;

  beforeAll(async () => {
    const file = `sqlite://${join(mkdtempSync(join(tmpdir(), 'cw-render-')), 'store.sqlite')}`;
    botStore = await openStore(file);
    writer = await openStore(file);
    emu = await startEmulator({
      guilds: [
        { name: 'Server A', channels: [{ name: 'general' }] },
        { name: 'Server B', channels: [{ name: 'general' }] },
      ],
    });
    [a, b] = emu.guilds.map((g) => g.id) as [string, string];
    const cases = createCaseStore(writer);
    // The operator's case: shared by both servers.
    await cases.put({
      slug: MILLBROOK.slug,
      name: MILLBROOK.name,
      aliases: [MILLBROOK.aliases],
      defendants: [MILLBROOK.defendants],
    });
    await cases.track(a, MILLBROOK.slug);
    await cases.track(b, MILLBROOK.slug);
    t = await startTestBot(emu.apiUrl, { store: botStore, now: () => new Date(`${TODAY}T12:00:00Z`) });
    await emu.waitForReady();
  });
  afterAll(() => closeAll(t, emu, botStore, writer));

  /** The newest development as /status and /timeline label it (date · type · person). */
  async function newest() {
    const view = caseStatus(await createKnowledgeStore(writer).get(MILLBROOK.slug), TODAY).latest[0];
    return {
      id: view?.id ?? '',
      type: view?.type ?? '',
      label: `${view?.date} · ${typeLabel(view?.type ?? '')}${view?.who ? ` · ${view.who}` : ''}`,
    };
  }
  const shows = (r: InteractionRecord, label: string) =>
    (r.embeds[0]?.fields ?? []).some((f) => f.name.startsWith(label));
  const status = (guildId: string) => emu.command('status', { guildId });
  const timeline = (guildId: string, type: string) => emu.command('timeline', { guildId, options: { type } });
  const quotes = (guildId: string, person: string) => emu.command('quotes', { guildId, options: { person } });
  /** Someone the held-back article quotes who was quoted before it too. */
  const speaker = 'Victor Lindqvist';

  it('a new development shows at once in both servers; a /correct hides it at once in that server only', async () => {
    const held = millbrookArticles.at(-1);
    expect(held).toBeDefined();
    await ingestInto(writer, MILLBROOK.slug, millbrookArticles.slice(0, -1));
    const before = await newest();
    // Answers rendered (and remembered) for this version, in both servers.
    for (const g of [a, b]) {
      expect(shows(await status(g), before.label)).toBe(true);
      expect(shows(await status(g), before.label)).toBe(true);
      await timeline(g, before.type);
    }
    expect(JSON.stringify((await quotes(a, speaker)).embeds)).not.toContain(held?.url);

    // Another process merges one more article.
    await ingestInto(writer, MILLBROOK.slug, [held as (typeof millbrookArticles)[number]]);
    const after = await newest();
    expect(after.label).not.toBe(before.label);
    for (const g of [a, b]) {
      expect(shows(await status(g), after.label)).toBe(true);
      expect(shows(await timeline(g, after.type), after.label)).toBe(true);
    }
    // The new article's quote reaches /quotes, rendered before without it.
    for (const g of [a, b]) expect(JSON.stringify((await quotes(g, speaker)).embeds)).toContain(held?.url);

    // Server A marks it wrong: gone from A's answers at once, still in B's.
    const done = await emu.command('correct', { guildId: a, options: { development: after.id } });
    expect(done.content).toMatch(/Marked wrong in this server/);
    expect(shows(await status(a), after.label)).toBe(false);
    expect(shows(await timeline(a, after.type), after.label)).toBe(false);
    expect(shows(await status(b), after.label)).toBe(true);
    expect(shows(await timeline(b, after.type), after.label)).toBe(true);
  });
});
