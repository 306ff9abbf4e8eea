import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createKnowledgeStore } from '../../src/cases/knowledgeStore.ts';
import { createFeedStore } from '../../src/store/feeds.ts';
import { openStore } from '../../src/store/index.ts';
import type { Store } from '../../src/store/types.ts';
import { rss, startServer } from '../feeds/server.ts';
import { startTestApp, type TestApp } from '../support/bot.ts';
import { type Emulator, startEmulator } from '../support/emulator.ts';
import { checkMentionsAfterEach } from '../support/mentions.ts';
import { closeAll } from '../support/suite.ts';

/** What a MonitoRSS user expects of one feed: its own poll interval, pause and resume. */
describe('/feed add interval:, /feed pause, /feed resume, through the real client and poller', () => {
  let emu: Emulator;
  checkMentionsAfterEach(() => emu);
  let site: Awaited<ReturnType<typeof startServer>>;
  let store: Store;
  let t: TestApp;
  let url: string;
  const feedText = async () => (await emu.command('feed', { subcommand: 'list' })).content ?? '';

  beforeAll(async () => {
    emu = await startEmulator();
    site = await startServer();
    site.route('/rss', (_q, res) =>
      res
        .writeHead(200, { 'content-type': 'application/rss+xml' })
        .end(
          rss(
            [{ title: 'Quarry fire inquiry opens', link: 'https://news.example/1', guid: '1' }],
            'Valley News',
          ),
        ),
    );
    url = site.url('/rss');
    site.route('/filtered', (_q, res) =>
      res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(
        rss(
          [
            {
              title: 'Quarry fire: jury returns verdict',
              link: 'https://news.example/v',
              guid: 'v',
              description: 'Ada Brook was found guilty in the Quarry fire case.',
            },
            {
              title: 'Quarry fire: hearing set',
              link: 'https://news.example/h',
              guid: 'h',
              description: 'A hearing for Ada Brook in the Quarry fire case is set.',
            },
            {
              title: 'Quarry fire verdict, in sports terms',
              link: 'https://news.example/s',
              guid: 's',
              description: 'Sports columnists weigh the Quarry fire verdict against Ada Brook.',
            },
          ],
          'Valley Courts',
        ),
      ),
    );
    site.route('/news', (_q, res) =>
      res
        .writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
        .end(
          '<html><head><title>Valley News</title>' +
            '<link rel="alternate" type="application/rss+xml" title="Valley News — courts" href="/rss">' +
            '<link rel="alternate" type="application/atom+xml" href="/atom"></head><body>News</body></html>',
        ),
    );
    store = await openStore('memory://');
    t = await startTestApp(emu.apiUrl, { store });
    await emu.waitForReady();
  });
  afterAll(() => closeAll(t, site, emu, store));

  it('polls a feed at the interval it was added with, and says so in /feed list', async () => {
    const added = await emu.command('feed', { subcommand: 'add', options: { url, interval: 30 } });
    expect(added.content).toMatch(/^Now following/);
    expect(await feedText()).toContain('every 30 min');
    const before = Date.now();
    expect((await t.app.poller.pollAll()).map((r) => r.status)).toEqual(['ok']);
    const next = (await createFeedStore(store).getState(url)).nextPollAt ?? 0;
    expect(next - before).toBeGreaterThanOrEqual(30 * 60_000);
    // Not due again within the minute: the next tick leaves it alone.
    expect(await t.app.poller.tick()).toEqual([]);
  });

  it('adding it again says it is already followed, and what changed', async () => {
    const same = await emu.command('feed', { subcommand: 'add', options: { url, interval: 30 } });
    expect(same.content).toMatch(/already follows .*; nothing changed/);
    const changed = await emu.command('feed', { subcommand: 'add', options: { url, interval: 10 } });
    expect(changed.content).toMatch(/changed interval: 30 → 10 min/);
  });

  it('a paused feed is not polled and shows as paused; resume polls it again', async () => {
    const hits = () => site.hits.get('/rss') ?? 0;
    const paused = await emu.command('feed', { subcommand: 'pause', options: { url } });
    expect(paused.content).toMatch(/^Paused .*not polled until `\/feed resume`/);
    expect(await feedText()).toContain('PAUSED (paused by an admin)');
    const seen = hits();
    expect(await t.app.poller.pollAll()).toEqual([]);
    expect(hits()).toBe(seen);

    const resumed = await emu.command('feed', { subcommand: 'resume', options: { url } });
    expect(resumed.content).toMatch(/^Resumed /);
    expect(await feedText()).not.toContain('PAUSED');
    expect((await t.app.poller.tick()).length).toBe(1);
    expect(hits()).toBe(seen + 1);

    const unknown = await emu.command('feed', {
      subcommand: 'pause',
      options: { url: 'https://nosuch.example/rss' },
    });
    expect(unknown.content).toMatch(/does not follow that feed/);
  });

  it('given a news page, follows the feed its <link rel="alternate"> names and says which', async () => {
    await emu.command('feed', { subcommand: 'remove', options: { url } });
    const added = await emu.command('feed', { subcommand: 'add', options: { url: site.url('/news') } });
    expect(added.content).toMatch(
      /^That page is not a feed; it advertises 2 feeds: following the first, “Valley News — courts” \(RSS\) http:\/\/127\.0\.0\.1:\d+\/rss\nNow following http/,
    );
    const list = await feedText();
    expect(list).toContain(url);
    expect(list).not.toContain('/news');
    const plain = await emu.command('feed', { subcommand: 'add', options: { url: site.url('/nowhere') } });
    expect(plain.content).toMatch(/^Cannot use/);
  });

  it('keyword filters: only items naming an include word and no exclude word reach the case', async () => {
    await emu.command('case', {
      subcommand: 'track',
      options: { name: 'Quarry fire', defendants: 'Ada Brook', slug: 'quarry' },
    });
    const added = await emu.command('feed', {
      subcommand: 'add',
      options: { url: site.url('/filtered'), include: 'verdict, found guilty', exclude: 'sports' },
    });
    expect(added.content).toMatch(/^Now following/);
    expect(await feedText()).toContain(
      'only items naming: verdict, found guilty · never items naming: sports',
    );
    await t.app.poller.pollOnce(site.url('/filtered'));
    const knowledge = await createKnowledgeStore(store).get('quarry');
    expect(Object.keys(knowledge.articles)).toEqual(['https://news.example/v']);
  });
});
