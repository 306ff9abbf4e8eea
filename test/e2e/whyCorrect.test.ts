import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InteractionRecord } from '../../emulator/index.ts';
import { createKnowledgeStore } from '../../src/cases/knowledgeStore.ts';
import { caseStatus } from '../../src/cases/status.ts';
import { typeLabel } from '../../src/format/payload.ts';
import { openStore } from '../../src/store/index.ts';
import type { Store } from '../../src/store/types.ts';
import { MILLBROOK, millbrookArticles } from '../discord/millbrookArticles.ts';
import { ingestInto, trackMillbrook } from '../discord/seedCase.ts';
import { startTestBot, type TestBot } from '../support/bot.ts';
import { type Emulator, startEmulator } from '../support/emulator.ts';
import { checkMentionsAfterEach, expectSilentAnswer } from '../support/mentions.ts';
import { closeAll } from '../support/suite.ts';

const MEMBER = (0x400n | 0x800n).toString(); // view channels + send messages, no Manage Server

/** "Why did casewatch say that?" and "that is wrong", through the real discord.js client. */
describe('/why and /correct', () => {
  let emu: Emulator;
  let t: TestBot;
  let store: Store;

  checkMentionsAfterEach(() => emu);

  beforeAll(async () => {
    store = await openStore('memory://');
    emu = await startEmulator({ guilds: [{ name: 'Court Watchers', channels: [{ name: 'general' }] }] });
    t = await startTestBot(emu.apiUrl, { store, now: () => new Date('2025-05-10T12:00:00Z') });
    await emu.waitForReady();
    await trackMillbrook(emu, store);
  });
  afterAll(() => closeAll(t, emu, store));

  it('/why shows the sentences, outlets and confidence behind a development picked by autocomplete', async () => {
    const choices = await emu.autocomplete('why', { options: { development: '' }, focused: 'development' });
    expect(choices.length).toBeGreaterThan(0);
    const knowledge = await createKnowledgeStore(store).get(MILLBROOK.slug);
    const reported = knowledge.developments.find((d) => d.reports.length > 1) ?? knowledge.developments[0];
    const id = reported?.id ?? '';
    expect(choices.map((c) => c.value)).toContain(id);
    const why = await emu.command('why', { options: { development: id } });
    expectSilentAnswer(why);
    const embed = why.embeds[0];
    expect(embed?.description).toMatch(/Confidence: \*\*(high|medium|low)\*\* — /);
    // One field per report: its outlet, and the sentence it came from with the article's link.
    expect(embed?.fields?.length).toBe(reported?.reports.length);
    for (const [i, r] of (reported?.reports ?? []).entries()) {
      expect(embed?.fields?.[i]?.name).toContain(r.outlet);
      expect(embed?.fields?.[i]?.value).toContain(r.url);
    }
    const unknown = await emu.command('why', { options: { development: 'd99999' } });
    expect(unknown.content).toMatch(/No development "d99999"/);
  });

  it('/correct hides a development from /status and /timeline, only for admins, and a re-ingest does not bring it back', async () => {
    const knowledge = await createKnowledgeStore(store).get(MILLBROOK.slug);
    // The newest development of the case, as /status and /timeline label it (date · type · person).
    const view = caseStatus(knowledge, '2025-05-10').latest[0];
    const id = view?.id ?? '';
    const label = `${view?.date} · ${typeLabel(view?.type ?? '')}${view?.who ? ` · ${view.who}` : ''}`;
    const shown = (r: InteractionRecord) => (r.embeds[0]?.fields ?? []).some((f) => f.name.startsWith(label));
    expect(shown(await emu.command('status'))).toBe(true);
    expect(shown(await emu.command('timeline', { options: { type: view?.type ?? '' } }))).toBe(true);

    const refused = await emu.command('correct', { options: { development: id }, permissions: MEMBER });
    expect(refused.content).toMatch(/Manage Server/);
    const done = await emu.command('correct', { options: { development: id } });
    expect(done.ephemeral).toBe(true);
    expect(done.content).toMatch(/Marked wrong in this server/);
    expect(shown(await emu.command('status'))).toBe(false);
    expect(shown(await emu.command('timeline', { options: { type: view?.type ?? '' } }))).toBe(false);

    // The same articles again (a re-ingest) and the store still holds it, hidden.
    await ingestInto(store, MILLBROOK.slug, millbrookArticles);
    const after = await createKnowledgeStore(store).get(MILLBROOK.slug);
    expect(after.developments.some((d) => d.id === id)).toBe(true);
    expect(shown(await emu.command('status'))).toBe(false);
    expect(shown(await emu.command('timeline', { options: { type: view?.type ?? '' } }))).toBe(false);
    const again = await emu.command('correct', { options: { development: id } });
    expect(again.content).toMatch(/already marked wrong/);
  });
});
