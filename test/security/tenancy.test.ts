import { afterAll, assert, beforeAll, describe, expect, it } from 'vitest';
import { type Emulator, startEmulator } from '../../emulator/index.ts';
import articles from '../../src/demo/articles.json' with { type: 'json' };
import demoCase from '../../src/demo/case.json' with { type: 'json' };
import { type DemoFeedServer, startDemoFeedServer } from '../../src/demo/feedServer.ts';
import { createCaseStore } from '../../src/store/cases.ts';
import { createFeedStore } from '../../src/store/feeds.ts';
import { openStore } from '../../src/store/index.ts';
import type { Store } from '../../src/store/types.ts';
import { startTestApp, type TestApp } from '../support/bot.ts';
import { closeAll } from '../support/suite.ts';

/**
 * Findings 5 and 6, through the real discord.js client against the emulator: a server's case is
 * its own, and a server sees articles from its own feeds and from public ones only.
 */
describe('tenancy between servers', () => {
  let emu: Emulator;
  let store: Store;
  let t: TestApp;
  let alpha: string;
  let beta: string;
  let privateSite: DemoFeedServer;
  let publicSite: DemoFeedServer;

  beforeAll(async () => {
    emu = await startEmulator({
      guilds: [
        { name: 'Alpha', channels: [{ name: 'general' }, { name: 'alerts' }] },
        { name: 'Beta', channels: [{ name: 'general' }, { name: 'alerts' }] },
      ],
    });
    [alpha, beta] = emu.guilds.map((g) => g.id) as [string, string];
    privateSite = await startDemoFeedServer(articles);
    publicSite = await startDemoFeedServer(articles.map((a) => ({ ...a, url: `${a.url}?public` })));
    store = await openStore('memory://');
    t = await startTestApp(emu.apiUrl, { store, now: () => new Date('2025-04-16T12:00:00Z') });
    await emu.waitForReady();
  });
  afterAll(() => closeAll(t, privateSite, publicSite, emu, store));

  const track = (guildId: string, options: Record<string, string>) =>
    emu.command('case', { subcommand: 'track', options, guildId });
  const list = async (guildId: string) =>
    (await emu.command('case', { subcommand: 'list', guildId })).content;

  it('finding 5: /case track with a slug another server tracks neither shows nor changes its case', async () => {
    await track(alpha, { name: 'Harbor fraud', defendants: 'Marcus Hale, Dana Ortiz', slug: 'harbor' });
    const b = await track(beta, {
      name: 'Harbor',
      aliases: 'Court, Judge, [free nitro](https://phish.example/x)',
      slug: 'harbor',
    });
    expect(b.content).not.toContain('Marcus Hale');
    expect(b.content).not.toContain('Dana Ortiz');
    expect(b.content).toContain('`harbor-2`');

    const alphaList = await list(alpha);
    expect(alphaList).toContain('Marcus Hale');
    for (const word of ['Court', 'Judge', 'phish.example']) expect(alphaList).not.toContain(word);
    const betaList = await list(beta);
    expect(betaList).not.toContain('Marcus Hale');
    expect(betaList).toContain('Judge');

    await emu.command('case', { subcommand: 'untrack', options: { case: 'harbor-2' }, guildId: beta });
    expect(await list(alpha)).not.toContain('Judge');
    // The store refuses Beta even when asked directly.
    await expect(createCaseStore(store).track(beta, 'harbor')).rejects.toThrow(/another server/);
  });

  it('finding 5: concurrent tracks of one slug lose no alias, and the merged case stays within limits', async () => {
    await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        track(alpha, { name: 'Dock case', aliases: `Dock alias ${i}`, slug: 'dock' }),
      ),
    );
    const dock = await createCaseStore(store).get('dock');
    expect(dock?.aliases.sort()).toEqual(Array.from({ length: 8 }, (_, i) => `Dock alias ${i}`));

    const many = (from: number) => Array.from({ length: 25 }, (_, i) => `Pier ${from + i}`).join(', ');
    expect((await track(alpha, { name: 'Pier', aliases: many(0), slug: 'pier' })).content).toContain(
      'Pier 24',
    );
    const over = await track(alpha, { name: 'Pier', aliases: many(100), slug: 'pier' });
    expect(over.content).toMatch(/not valid: aliases/);
    expect((await createCaseStore(store).get('pier'))?.aliases).toHaveLength(25);
  });

  it("finding 6: a server's private feed reaches its own case only; a public feed reaches every server", async () => {
    const c = { name: demoCase.name, aliases: demoCase.aliases.join(', '), defendants: 'Marcus Hale' };
    await track(alpha, { ...c, slug: demoCase.slug });
    const b = await track(beta, { ...c, slug: demoCase.slug });
    const betaSlug = /`([^`]+)`/.exec(b.content)?.[1] as string;
    expect(betaSlug).not.toBe(demoCase.slug);

    privateSite.releaseNext();
    privateSite.releaseNext();
    await emu.command('feed', { subcommand: 'add', options: { url: privateSite.feedUrl }, guildId: alpha });
    await t.app.poller.pollAll();
    const alphaTimeline = await emu.command('timeline', { options: { case: demoCase.slug }, guildId: alpha });
    const [first, second] = articles;
    assert.exists(first);
    assert.exists(second);
    expect(JSON.stringify(alphaTimeline.embeds)).toContain(new URL(first.url).hostname);
    const betaTimeline = await emu.command('timeline', { options: { case: betaSlug }, guildId: beta });
    const betaStatus = await emu.command('status', { options: { case: betaSlug }, guildId: beta });
    for (const answer of [betaTimeline, betaStatus]) {
      const text = JSON.stringify([answer.content, answer.embeds]);
      expect(text).not.toContain(privateSite.feedUrl.split('/')[2]);
      for (const a of articles.slice(0, 2)) expect(text).not.toContain(new URL(a.url).hostname);
    }

    // The operator's feed (no server: config/feeds.json, the CLI) is public: Beta reads it too.
    publicSite.releaseNext();
    await createFeedStore(store).add(publicSite.feedUrl, { addedAt: new Date().toISOString() }, 5);
    await t.app.poller.pollAll();
    const after = await emu.command('timeline', { options: { case: betaSlug }, guildId: beta });
    expect(JSON.stringify(after.embeds)).toContain('?public');
    expect(JSON.stringify(after.embeds)).not.toContain(`${new URL(second.url).pathname})`);
  });
});
