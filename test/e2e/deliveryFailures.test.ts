import { PermissionFlagsBits } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PostRefused } from '../../src/alerts/blocked.ts';
import { createAlertSettingsStore } from '../../src/alerts/settings.ts';
import { startDemoFeedServer } from '../../src/demo/feedServer.ts';
import { createDiscordAlertSink } from '../../src/discord/alertSink.ts';
import { openStore } from '../../src/store/index.ts';
import type { Store } from '../../src/store/types.ts';
import { courtDateBatch } from '../fault/support.ts';
import { startTestApp, type TestApp } from '../support/bot.ts';
import { type Emulator, startEmulator } from '../support/emulator.ts';
import { checkMentionsAfterEach } from '../support/mentions.ts';
import { closeAll, ownCaseOnFeed } from '../support/suite.ts';

const slug = 'harlow-delivery';

/**
 * `/alerts test` and `/alerts set` check the bot's own permissions in the channel; a channel that
 * refuses posts (403, or 404 once deleted) stops the server's alerts, is shown once in
 * `/alerts show` and `/feed list` and logged, and `/alerts set` resumes them.
 */
describe('alert channel permissions and delivery failures, through the real client', () => {
  let emu: Emulator;
  checkMentionsAfterEach(() => emu);
  let site: Awaited<ReturnType<typeof startDemoFeedServer>>;
  let store: Store;
  let t: TestApp;
  const inChannel = (name: string) => emu.messages.filter((m) => m.channelId === emu.channelIds[name]);
  const say = async (sub: string, options: Record<string, string> = {}) =>
    (await emu.command('alerts', { subcommand: sub, options })).content ?? '';
  const publish = async () => {
    site.releaseNext();
    await t.app.poller.pollAll();
  };
  const refusedLogs = () => t.log.lines.filter((l) => l.includes('alert channel refuses posts')).length;

  beforeAll(async () => {
    emu = await startEmulator({
      guilds: [
        { name: 'Harlow', channels: [{ name: 'general' }, { name: 'alerts' }, { name: 'old-alerts' }] },
      ],
    });
    site = await startDemoFeedServer(courtDateBatch(8, slug));
    store = await openStore('memory://');
    t = await startTestApp(emu.apiUrl, { store });
    await emu.waitForReady();
    const harlow = { slug, name: 'Harlow bus crash', defendants: ['Dana Whitfield'] };
    await ownCaseOnFeed(t, store, emu.guilds[0]?.id ?? '', harlow, site.feedUrl);
  });
  afterAll(() => closeAll(t, site, emu, store));

  it('/alerts set and /alerts test say exactly which permission the bot lacks in the channel', async () => {
    emu.setChannelPermissions('alerts', { deny: PermissionFlagsBits.EmbedLinks });
    expect(await say('set', { channel: 'alerts' })).toMatch(
      /^I cannot post alerts in <#\d+>: I am missing Embed Links there\./,
    );
    expect(await createAlertSettingsStore(store).get(emu.guilds[0]?.id ?? '')).toBeUndefined();
    emu.setChannelPermissions('alerts', {
      deny: PermissionFlagsBits.SendMessages | PermissionFlagsBits.EmbedLinks,
    });
    expect(await say('set', { channel: 'alerts' })).toContain('missing Send Messages, Embed Links');

    emu.setChannelPermissions('alerts', {});
    expect(await say('set', { channel: 'alerts' })).toBe('');
    expect(await say('test')).toMatch(/^Posted a sample alert to <#\d+>/);
    expect(JSON.stringify(inChannel('alerts').at(-1)?.embeds)).toContain('Test alert from casewatch');

    emu.setChannelPermissions('alerts', { deny: PermissionFlagsBits.ViewChannel });
    const before = inChannel('alerts').length;
    // Without View Channel Discord refuses everything else too: that one is the one to grant.
    expect(await say('test')).toContain('I am missing View Channel there');
    expect(inChannel('alerts')).toHaveLength(before);
  });

  it('a 403 from the alert channel stops alerts, shown once and logged once; /alerts set resumes them', async () => {
    // Permissions removed behind the bot's back: the checks of /alerts set are past.
    await publish();
    expect(inChannel('alerts')).toHaveLength(1); // the sample only
    expect(await say('show')).toMatch(/^⚠️ Alerts stopped: posting to <#\d+> failed \(403 Missing Access/);
    const list = (await emu.command('feed', { subcommand: 'list' })).content ?? '';
    expect(list.match(/Alerts stopped/g)).toHaveLength(1);
    await publish();
    expect(refusedLogs()).toBe(1);

    await say('set', { channel: 'general' });
    expect(await say('show')).not.toContain('Alerts stopped');
    await publish();
    const resumed = inChannel('general');
    expect(resumed.length).toBeGreaterThan(0);
    for (const m of resumed) expect(JSON.stringify(m.embeds)).toContain('Harlow bus crash');
  });

  it('a deleted alert channel (404) stops alerts the same way', async () => {
    expect(await say('set', { channel: 'old-alerts' })).toBe('');
    emu.deleteChannel('old-alerts');
    await publish();
    expect(await say('show')).toMatch(/failed \(404 Unknown Channel: the channel no longer exists\)/);
    expect(refusedLogs()).toBe(2);
  });

  it('a payload Discord refuses (400) is logged with its route and the field Discord named, not retried', async () => {
    const sink = createDiscordAlertSink(t.app.bot.client.rest);
    const tooLong = {
      content: '',
      embeds: [{ title: 'x', description: 'y'.repeat(5000) }],
      allowedMentions: { parse: [] },
    };
    const err = await sink.post(emu.channelIds.general ?? '', tooLong as never).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PostRefused);
    const refused = err as PostRefused;
    expect(refused.status).toBe(400);
    expect(refused.route).toBe(`POST /channels/${emu.channelIds.general}/messages`);
    expect(refused.fields.join(' ')).toMatch(/embeds\.0\.description/);
    expect(refused.channelRefuses).toBe(false);
  });
});
