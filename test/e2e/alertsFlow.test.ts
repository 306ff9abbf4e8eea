import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import articles from '../../src/demo/articles.json' with { type: 'json' };
import demoCase from '../../src/demo/case.json' with { type: 'json' };
import { type DemoFeedServer, startDemoFeedServer } from '../../src/demo/feedServer.ts';
import { openStore } from '../../src/store/index.ts';
import type { Store } from '../../src/store/types.ts';
import { startTestApp, type TestApp } from '../support/bot.ts';
import { type Emulator, startEmulator } from '../support/emulator.ts';
import { checkMentionsAfterEach, expectNobodyPinged } from '../support/mentions.ts';
import { closeAll } from '../support/suite.ts';

const NON_ADMIN = (0x400n | 0x800n).toString();

/**
 * The product's main path, end to end: a news site publishes articles over time, the real poller
 * fetches them, the extractor and case knowledge turn them into developments, and the real bot
 * posts alerts to the emulator; users then ask /status, /timeline and /quotes.
 */
describe('feed → alerts → commands, through the real poller and client', () => {
  let emu: Emulator;
  let site: DemoFeedServer;
  let store: Store;
  let t: TestApp;
  const alerts = () => emu.messages.filter((m) => m.channelId === emu.channelIds.alerts);

  checkMentionsAfterEach(() => emu);

  beforeAll(async () => {
    emu = await startEmulator();
    site = await startDemoFeedServer(articles);
    store = await openStore('memory://');
    t = await startTestApp(emu.apiUrl, { store, now: () => new Date('2025-04-16T12:00:00Z') });
    await emu.waitForReady();
  });
  afterAll(() => closeAll(t, site, emu, store));

  it('refuses /alerts set to a member without Manage Server', async () => {
    const reply = await emu.command('alerts', {
      subcommand: 'set',
      options: { channel: 'alerts' },
      permissions: NON_ADMIN,
    });
    expect(reply.content).toMatch(/Manage Server/);
  });

  it('records a new feed’s current items as history without alerting', async () => {
    await emu.command('case', {
      subcommand: 'track',
      options: {
        name: demoCase.name,
        aliases: demoCase.aliases.join(', '),
        defendants: 'Marcus Hale',
        slug: demoCase.slug,
      },
    });
    await emu.command('alerts', { subcommand: 'set', options: { channel: 'alerts' } });
    site.releaseNext();
    const added = await emu.command('feed', { subcommand: 'add', options: { url: site.feedUrl } });
    expect(added.content).toMatch(/1 item/);
    const [first] = await t.app.poller.pollAll();
    expect(first?.newItems).toBe(1);
    expect(alerts()).toHaveLength(0);
  });

  it('alerts once per development, and edits the alert when a second outlet reports it', async () => {
    site.releaseNext(); // Valley Tribune: the plea
    await t.app.poller.pollAll();
    const afterFirst = alerts();
    const plea = afterFirst.find((m) => /plea/i.test(m.embeds[0]?.title ?? ''));
    expect(plea, 'a plea alert').toBeDefined();
    expect(plea?.edits).toBe(0);

    site.releaseNext(); // Metro Daily: the same plea
    await t.app.poller.pollAll();
    const pleaAlerts = alerts().filter((m) => /plea/i.test(m.embeds[0]?.title ?? ''));
    expect(pleaAlerts).toHaveLength(1);
    expect(pleaAlerts[0]?.edits).toBeGreaterThan(0);
    expect(JSON.stringify(pleaAlerts[0]?.embeds)).toContain('metrodaily.example');

    // Polling again with nothing new changes nothing.
    const count = alerts().length;
    const again = await t.app.poller.pollAll();
    expect(again[0]?.status).toMatch(/not_modified|unchanged/);
    expect(alerts()).toHaveLength(count);
    expectNobodyPinged(emu);
  });

  it('answers /status, pages /timeline, and finds quotes through autocomplete', async () => {
    while (site.releaseNext()) await t.app.poller.pollAll();
    const status = await emu.command('status', {});
    expect(status.embeds[0]?.title).toBe(demoCase.name);
    expect(status.text).toContain('Marcus Hale');
    expect(status.text).toMatch(/involuntary manslaughter/);
    expect(status.text).toContain('tribune.example');

    const timeline = await emu.command('timeline', { options: { case: demoCase.slug } });
    expect(timeline.embeds[0]?.title).toMatch(/Timeline/);
    const next = timeline.components.length > 0;
    if (next) {
      const customId = JSON.stringify(timeline.components)
        .match(/"custom_id":"(timeline:[^"]+)"/g)
        ?.at(-1);
      expect(customId).toBeDefined();
    }

    const choices = await emu.autocomplete('quotes', { options: { person: 'ruiz' }, focused: 'person' });
    expect(choices?.map((c) => c.name).join(' ')).toMatch(/Elena Ruiz/);
    const quotes = await emu.command('quotes', { options: { person: String(choices?.[0]?.value) } });
    expect(quotes.text).toMatch(/grateful that the families/);
    const dates = [...quotes.text.matchAll(/20\d\d-\d\d-\d\d/g)].map((m) => m[0]);
    expect([...dates].sort().reverse()).toEqual(dates);
  });
});
