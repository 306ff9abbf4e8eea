import { PermissionFlagsBits } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DemoArticle, startDemoFeedServer } from '../../src/demo/feedServer.ts';
import { openStore } from '../../src/store/index.ts';
import type { Store } from '../../src/store/types.ts';
import { startTestApp, type TestApp } from '../support/bot.ts';
import { type Emulator, startEmulator } from '../support/emulator.ts';
import { checkMentionsAfterEach } from '../support/mentions.ts';
import { closeAll, ownCaseOnFeed } from '../support/suite.ts';

/** Invented reports: a court date from one outlet, the same date again from a second. */
function report(outlet: 'gazette' | 'ledger', when: string, n: number): DemoArticle {
  const gazette = outlet === 'gazette';
  return {
    outlet: gazette ? 'Harlow Gazette' : 'Valley Ledger',
    url: `https://${outlet}.example/threads/${n}`,
    title: `Harlow bus crash: court date (${n})`,
    published: '2025-05-20',
    text: gazette
      ? `Judge Nora Castellanos on Monday scheduled a status hearing for ${when} in the case against Dana ` +
        'Whitfield, the driver charged with vehicular manslaughter in the Harlow bus crash.'
      : `Dana Whitfield, the driver charged with vehicular manslaughter in the Harlow bus crash, is due back ` +
        `in court for a status hearing on ${when}, the court's calendar shows.`,
  };
}

const ARTICLES = [
  report('gazette', 'June 2', 0),
  report('ledger', 'June 2', 1),
  report('gazette', 'July 14', 2),
  report('gazette', 'August 20', 3),
  report('gazette', 'September 22', 4),
  report('ledger', 'September 22', 5),
];

/**
 * `/alerts set threads:true`: each case's alerts go into one thread in the alert channel, opened
 * on the case's first alert and reused after; a thread archived and locked by a moderator is
 * replaced by a new one; an alert edited for a second outlet is edited where it was posted.
 */
describe('one thread per case in the alert channel, through the real client and poller', () => {
  let emu: Emulator;
  let site: Awaited<ReturnType<typeof startDemoFeedServer>>;
  let store: Store;
  let t: TestApp;
  const threads = () => (emu.guilds[0]?.channels ?? []).filter((c) => c.thread);
  const inChannel = (id: string | undefined) => emu.messages.filter((m) => m.channelId === id);
  const publish = async () => {
    site.releaseNext();
    await t.app.poller.pollAll();
  };
  checkMentionsAfterEach(() => emu);

  beforeAll(async () => {
    emu = await startEmulator({
      guilds: [{ name: 'Harlow', channels: [{ name: 'general' }, { name: 'alerts' }] }],
    });
    site = await startDemoFeedServer(ARTICLES);
    store = await openStore('memory://');
    t = await startTestApp(emu.apiUrl, { store });
    await emu.waitForReady();
    const harlow = { slug: 'harlow-threads', name: 'Harlow bus crash', defendants: ['Dana Whitfield'] };
    await ownCaseOnFeed(t, store, emu.guilds[0]?.id ?? '', harlow, site.feedUrl);
  });
  afterAll(() => closeAll(t, site, emu, store));

  it('/alerts set threads:true checks that the bot may open threads there, and says threads are on', async () => {
    emu.setChannelPermissions('alerts', { deny: PermissionFlagsBits.CreatePublicThreads });
    const refused = await emu.command('alerts', {
      subcommand: 'set',
      options: { channel: 'alerts', threads: true },
    });
    expect(refused.content).toMatch(/I am missing Create Public Threads there/);
    emu.setChannelPermissions('alerts', {});
    const set = await emu.command('alerts', {
      subcommand: 'set',
      options: { channel: 'alerts', threads: true },
    });
    expect(set.text).toContain('one thread per case in the channel');
  });

  it("opens the case's thread on its first alert and posts there, not in the channel", async () => {
    await publish();
    expect(threads()).toHaveLength(1);
    const thread = threads()[0];
    expect(thread).toMatchObject({ name: 'Harlow bus crash', parentId: emu.channelIds.alerts, type: 11 });
    expect(inChannel(thread?.id).length).toBeGreaterThan(0);
    for (const m of inChannel(thread?.id)) expect(JSON.stringify(m.embeds)).toContain('Harlow bus crash');
    expect(inChannel(emu.channelIds.alerts)).toHaveLength(0);
  });

  it('a second outlet edits the alert in the thread; a later alert reuses the thread', async () => {
    const thread = threads()[0];
    await publish(); // the same hearing, another outlet
    const edited = inChannel(thread?.id).filter((m) => m.edits > 0);
    expect(edited.length).toBeGreaterThan(0);
    expect(JSON.stringify(edited.map((m) => m.embeds))).toContain('ledger.example');
    const before = inChannel(thread?.id).length;
    await publish(); // a new date
    expect(threads()).toHaveLength(1);
    expect(inChannel(thread?.id).length).toBeGreaterThan(before);
  });

  it('an archived thread is reopened by the next alert; one archived and locked is replaced', async () => {
    const first = threads()[0]?.id ?? '';
    emu.setThreadState(first, { archived: true });
    let before = inChannel(first).length;
    await publish();
    expect(threads()).toHaveLength(1);
    expect(inChannel(first).length).toBeGreaterThan(before);
    expect(threads()[0]?.thread?.archived).toBe(false);

    emu.setThreadState(first, { archived: true, locked: true });
    before = inChannel(first).length;
    await publish();
    expect(threads()).toHaveLength(2);
    const second = threads()[1];
    expect(second).toMatchObject({ name: 'Harlow bus crash', parentId: emu.channelIds.alerts });
    expect(inChannel(first)).toHaveLength(before);
    expect(inChannel(second?.id).length).toBeGreaterThan(0);

    // The second outlet's report of that date edits the message in the new thread.
    await publish();
    const edited = inChannel(second?.id).filter((m) => m.edits > 0);
    expect(edited.length).toBeGreaterThan(0);
    expect(threads()).toHaveLength(2);
    expect(inChannel(emu.channelIds.alerts)).toHaveLength(0);
    expect(t.log.lines.filter((l) => l.includes('Discord refused an alert'))).toEqual([]);
  });
});
