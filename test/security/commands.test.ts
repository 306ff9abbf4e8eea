import { afterAll, assert, beforeAll, describe, expect, it } from 'vitest';
import { type Emulator, startEmulator } from '../../emulator/index.ts';
import { openStore } from '../../src/store/index.ts';
import type { Store } from '../../src/store/types.ts';
import { rss, startServer } from '../feeds/server.ts';
import { startTestApp, type TestApp } from '../support/bot.ts';
import { closeAll } from '../support/suite.ts';

const MEMBER = (0x400n | 0x800n).toString(); // View Channel + Send Messages, no Manage Server

/** Findings 7, 9 and 10, through the real discord.js client against the emulator. */
describe('admin data, reply limits and server-controlled text', () => {
  let emu: Emulator;
  let store: Store;
  let t: TestApp;
  let site: Awaited<ReturnType<typeof startServer>>;

  beforeAll(async () => {
    emu = await startEmulator();
    site = await startServer();
    store = await openStore('memory://');
    t = await startTestApp(emu.apiUrl, { store, env: { FEED_FAILURES_BEFORE_PAUSE: '1' } });
    await emu.waitForReady();
  });
  afterAll(() => closeAll(t, site, emu, store));

  it('finding 7: a member without Manage Server gets no autocomplete choices of admin commands', async () => {
    site.route('/secret-feed', (_req, res) =>
      res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(rss([])),
    );
    const url = `${site.url('/secret-feed')}?token=s3cr3t-feed-token`;
    await emu.command('case', { subcommand: 'track', options: { name: 'Quay case', slug: 'quay' } });
    await emu.command('feed', { subcommand: 'add', options: { url } });

    const asAdmin = await emu.autocomplete('feed', {
      subcommand: 'remove',
      focused: 'url',
      options: { url: '' },
    });
    expect(JSON.stringify(asAdmin)).toContain('s3cr3t-feed-token');
    const feedChoices = await emu.autocomplete('feed', {
      subcommand: 'remove',
      focused: 'url',
      options: { url: '' },
      permissions: MEMBER,
    });
    expect(feedChoices).toEqual([]);
    const caseChoices = await emu.autocomplete('case', {
      subcommand: 'untrack',
      focused: 'case',
      options: { case: '' },
      permissions: MEMBER,
    });
    expect(caseChoices).toEqual([]);
    // Everyone's commands still autocomplete for members.
    const status = await emu.autocomplete('status', {
      focused: 'case',
      options: { case: '' },
      permissions: MEMBER,
    });
    expect(status.map((c) => c.value)).toContain('quay');
  });

  it('finding 9: /case track with every option at its maximum length answers within Discord limits', async () => {
    const aliases = Array.from(
      { length: 25 },
      (_, i) => `Alias ${String(i).padStart(2, '0')} ${'a'.repeat(28)}`,
    );
    const defendants = Array.from({ length: 25 }, (_, i) => `Defendant ${i} ${'d'.repeat(24)}`);
    const options = {
      name: `N${'n'.repeat(199)}`,
      aliases: aliases.join(',').slice(0, 1000),
      defendants: defendants.join(',').slice(0, 1000),
      slug: `s${'-x'.repeat(31)}z`,
    };
    const reply = await emu.command('case', { subcommand: 'track', options });
    expect(reply.content).toMatch(/^Now tracking/);
    expect(reply.content.length).toBeLessThanOrEqual(2000);
    const list = await emu.command('case', { subcommand: 'list' });
    expect(list.content.length).toBeLessThanOrEqual(2000);
  });

  it('finding 9: a non-Latin name without a slug gets a slug of its own letters', async () => {
    const reply = await emu.command('case', { subcommand: 'track', options: { name: 'Дело Петрова' } });
    expect(reply.content).toContain('`дело-петрова`');
    const status = await emu.command('status', { options: { case: 'дело-петрова' } });
    expect(JSON.stringify([status.content, status.embeds])).toContain('Дело Петрова');
  });

  it('finding 10: the feed-paused notice shows a Location header as text, not markdown', async () => {
    await emu.command('alerts', { subcommand: 'set', options: { channel: 'alerts' } });
    let broken = false;
    const location = 'http://[**HIJACKED**](https://phish.example/login)';
    site.route('/flaky', (_req, res) => {
      if (broken) return void res.writeHead(302, { location }).end();
      res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(rss([]));
    });
    await emu.command('feed', { subcommand: 'add', options: { url: site.url('/flaky') } });
    broken = true;
    await t.app.poller.pollAll();
    const paused = () =>
      emu.messages.find((m) => m.channelId === emu.channelIds.alerts && /paused/.test(m.content ?? ''));
    await emu.waitFor(() => paused() !== undefined);
    const notice = paused();
    assert.exists(notice);
    expect(notice.content).toContain('HIJACKED');
    expect(notice.content).not.toContain('**HIJACKED**');
    expect(notice.content).not.toContain('](https://phish.example');
    expect(notice.allowedMentions?.parse ?? []).toEqual([]);
  });
});
