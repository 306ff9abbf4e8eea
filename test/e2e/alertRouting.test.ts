import { PermissionFlagsBits } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAlertSettingsStore } from '../../src/alerts/settings.ts';
import { type DemoArticle, startDemoFeedServer } from '../../src/demo/feedServer.ts';
import { createCaseStore } from '../../src/store/cases.ts';
import { createFeedStore } from '../../src/store/feeds.ts';
import { openStore } from '../../src/store/index.ts';
import type { Store } from '../../src/store/types.ts';
import { courtDateBatch } from '../fault/support.ts';
import { startTestApp, type TestApp } from '../support/bot.ts';
import { type Emulator, startEmulator } from '../support/emulator.ts';
import { checkMentionsAfterEach } from '../support/mentions.ts';
import { closeAll } from '../support/suite.ts';

const DATES = ['August 12', 'September 9', 'October 14', 'November 4', 'December 2', 'January 13'];

/** Invented reports about a second case: one new court date each. */
function quarryHearings(count: number): DemoArticle[] {
  return Array.from({ length: count }, (_, i) => ({
    outlet: 'Valley Ledger',
    url: `https://ledger.example/quarry/${i}`,
    title: `Quarry Lane fire: hearing date set (${i})`,
    published: '2025-05-20',
    text:
      `A judge on Tuesday set a motions hearing for ${DATES[i % DATES.length]} in the case against Owen Barrett, ` +
      'the site manager charged with arson in the Quarry Lane fire.\n\nBarrett has pleaded not guilty.',
  }));
}

/**
 * Where an alert goes, as a MonitoRSS user sets it: a feed's own channel (`/feed add … channel:`)
 * first, then a case's (`/alerts case-channel`), then the server's (`/alerts set`). Each is checked
 * for the bot's permissions when set, shown in `/alerts show` and `/feed list`, and one server
 * never sees (nor names) another's channels.
 */
describe('a destination channel per feed and per case, through the real client and poller', () => {
  let emu: Emulator;
  let harlowSite: Awaited<ReturnType<typeof startDemoFeedServer>>;
  let quarrySite: Awaited<ReturnType<typeof startDemoFeedServer>>;
  let store: Store;
  let t: TestApp;
  let guildId: string;
  let otherGuildId: string;
  const channel = (name: string) => emu.channelIds[name] ?? '';
  const inChannel = (name: string) => emu.messages.filter((m) => m.channelId === channel(name));
  const alerts = async (sub: string, options: Record<string, string> = {}, guild?: string) =>
    emu.command('alerts', { subcommand: sub, options, ...(guild && { guildId: guild }) });
  /** Alerts were posted in the channel, each about this case. */
  const expectOnly = (name: string, caseName: string) => {
    const posted = inChannel(name);
    expect(posted.length).toBeGreaterThan(0);
    for (const m of posted) expect(JSON.stringify(m.embeds)).toContain(caseName);
  };
  const publish = async (site: typeof harlowSite) => {
    site.releaseNext();
    await t.app.poller.pollAll();
  };
  checkMentionsAfterEach(() => emu);

  beforeAll(async () => {
    emu = await startEmulator({
      guilds: [
        {
          name: 'Harlow',
          channels: [
            { name: 'general' },
            { name: 'alerts' },
            { name: 'case-room' },
            { name: 'feed-news' },
            { name: 'read-only' },
          ],
        },
        { name: 'Elsewhere', channels: [{ name: 'lobby' }, { name: 'elsewhere-alerts' }] },
      ],
    });
    harlowSite = await startDemoFeedServer(courtDateBatch(6, 'routing'));
    quarrySite = await startDemoFeedServer(quarryHearings(6));
    store = await openStore('memory://');
    t = await startTestApp(emu.apiUrl, { store });
    await emu.waitForReady();
    guildId = emu.guilds[0]?.id ?? '';
    otherGuildId = emu.guilds[1]?.id ?? '';
    const cases = createCaseStore(store);
    for (const c of [
      { slug: 'harlow-route', name: 'Harlow bus crash', defendants: ['Dana Whitfield'] },
      { slug: 'quarry-route', name: 'Quarry Lane fire', defendants: ['Owen Barrett'] },
    ]) {
      await cases.put({ ...c, aliases: [], owner: guildId });
      await cases.track(guildId, c.slug);
    }
    emu.setChannelPermissions('read-only', { deny: PermissionFlagsBits.SendMessages });
  });
  afterAll(() => closeAll(t, harlowSite, quarrySite, emu, store));

  it('refuses a feed or case channel where the bot cannot post, storing nothing', async () => {
    expect((await alerts('set', { channel: 'alerts' })).content ?? '').toBe('');
    const caseReply = await alerts('case-channel', { case: 'harlow-route', channel: 'read-only' });
    expect(caseReply.content).toMatch(/^I cannot post alerts in <#\d+>: I am missing Send Messages there\./);
    const feedReply = await emu.command('feed', {
      subcommand: 'add',
      options: { url: harlowSite.feedUrl, channel: 'read-only' },
    });
    expect(feedReply.content).toContain('I am missing Send Messages there');
    expect(await createFeedStore(store).list(guildId)).toEqual([]);
    expect((await createAlertSettingsStore(store).get(guildId))?.caseChannels).toBeUndefined();
    const set = await alerts('case-channel', { case: 'harlow-route', channel: 'case-room' });
    expect(set.content).toBe(
      `Alerts about \`harlow-route\` now go to <#${channel('case-room')}> (unless a feed names its own channel).`,
    );
    // Admin only, like every alert setting.
    const refused = await emu.command('alerts', {
      subcommand: 'case-channel',
      options: { case: 'quarry-route', channel: 'case-room' },
      permissions: PermissionFlagsBits.SendMessages,
    });
    expect(refused.content).toMatch(/Manage Server/);
    expect((await createAlertSettingsStore(store).get(guildId))?.caseChannels).toEqual({
      'harlow-route': channel('case-room'),
    });
  });

  it("routes a feed's alerts to the feed's channel, a case's to the case's, the rest to the server's", async () => {
    const added = await emu.command('feed', {
      subcommand: 'add',
      options: { url: quarrySite.feedUrl, channel: 'feed-news' },
    });
    expect(added.content).toMatch(/^Now following/);
    await emu.command('feed', { subcommand: 'add', options: { url: harlowSite.feedUrl } });
    // Both cases have the case channel: the feed's channel comes first.
    await alerts('case-channel', { case: 'quarry-route', channel: 'case-room' });
    await t.app.poller.pollAll(); // first polls: history, never alerts

    await publish(harlowSite);
    await publish(quarrySite);
    expectOnly('case-room', 'Harlow bus crash');
    expectOnly('feed-news', 'Quarry Lane fire');
    expect(inChannel('alerts')).toHaveLength(0);

    // Undo the case's channel: its alerts go to the server's channel again.
    expect((await alerts('case-channel', { case: 'harlow-route' })).content).toBe(
      "Alerts about `harlow-route` go to the server's alert channel again.",
    );
    const inCaseRoom = inChannel('case-room').length;
    await publish(harlowSite);
    expectOnly('alerts', 'Harlow bus crash');
    expect(inChannel('case-room')).toHaveLength(inCaseRoom);
  });

  it('/alerts show and /feed list say where alerts go; /alerts set keeps the case channels', async () => {
    const show = await alerts('show');
    expect(show.text).toContain(`New developments are posted to <#${channel('alerts')}>, unless a feed`);
    expect(show.text).toContain(`\`quarry-route\` → <#${channel('case-room')}>`);
    expect(show.text).not.toContain('harlow-route` →');
    expect(show.text).toContain(`<${quarrySite.feedUrl}> → <#${channel('feed-news')}>`);
    const list = (await emu.command('feed', { subcommand: 'list' })).content ?? '';
    const quarryBlock = list
      .split('\n')
      .findIndex((l) => l.includes(quarrySite.feedUrl.replace(/_/g, '\\_')));
    expect(list.split('\n')[quarryBlock + 1]).toContain(`alerts to: <#${channel('feed-news')}>`);
    expect(list.match(/alerts to:/g)).toHaveLength(1);

    await alerts('set', { channel: 'general' });
    expect((await alerts('show')).text).toContain(`\`quarry-route\` → <#${channel('case-room')}>`);
  });

  it('a feed channel that refuses posts stops only that channel; the others go on', async () => {
    emu.setChannelPermissions('feed-news', { deny: PermissionFlagsBits.SendMessages });
    const inFeedNews = inChannel('feed-news').length;
    await publish(quarrySite);
    await publish(harlowSite);
    expect(inChannel('feed-news')).toHaveLength(inFeedNews);
    expectOnly('general', 'Harlow bus crash');
    const show = await alerts('show');
    expect(show.content).toMatch(
      new RegExp(`^⚠️ Alerts stopped: posting to <#${channel('feed-news')}> failed \\(403 Missing`),
    );
    // Named again once fixed: alerts resume there.
    emu.setChannelPermissions('feed-news', {});
    await emu.command('feed', {
      subcommand: 'add',
      options: { url: quarrySite.feedUrl, channel: 'feed-news' },
    });
    expect((await alerts('show')).content ?? '').toBe('');
    await publish(quarrySite);
    expect(inChannel('feed-news').length).toBeGreaterThan(inFeedNews);
  });

  it("another server sees none of this server's channels and cannot name them", async () => {
    await createFeedStore(store).add(
      quarrySite.feedUrl,
      { guildId: otherGuildId, addedAt: new Date().toISOString() },
      1,
    );
    const list = await emu.command('feed', { subcommand: 'list', guildId: otherGuildId });
    expect(list.content).toContain('127.0.0.1');
    expect(list.content).not.toContain('alerts to');
    expect(list.content).not.toContain(channel('feed-news'));
    expect((await alerts('show', {}, otherGuildId)).content).toBe(
      'Alerts are off. Turn them on with `/alerts set`.',
    );
    await alerts('set', { channel: 'elsewhere-alerts' }, otherGuildId);
    const show = await alerts('show', {}, otherGuildId);
    expect(show.text).not.toContain('→');
    // Not even a case it does not track, nor a channel of another server.
    const notTracked = await alerts('case-channel', { case: 'quarry-route', channel: 'lobby' }, otherGuildId);
    expect(notTracked.content).toContain('This server tracks no case yet');
    await createCaseStore(store).put({
      slug: 'elsewhere-case',
      name: 'Elsewhere dam failure',
      aliases: [],
      defendants: ['Ivo Marsh'],
      owner: otherGuildId,
    });
    await createCaseStore(store).track(otherGuildId, 'elsewhere-case');
    const foreign = await alerts(
      'case-channel',
      { case: 'elsewhere-case', channel: channel('case-room') },
      otherGuildId,
    );
    expect(foreign.content).toBe('Pick a channel of this server for alerts.');
    const foreignFeed = await emu.command('feed', {
      subcommand: 'add',
      guildId: otherGuildId,
      options: { url: harlowSite.feedUrl, channel: channel('feed-news') },
    });
    expect(foreignFeed.content).toBe('Pick a channel of this server for alerts.');
    expect((await createAlertSettingsStore(store).get(otherGuildId))?.caseChannels).toBeUndefined();
  });
});
