import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAlertSettingsStore } from '../../src/alerts/settings.ts';
import demoArticles from '../../src/demo/articles.json' with { type: 'json' };
import demoCase from '../../src/demo/case.json' with { type: 'json' };
import type { Article } from '../../src/facts.ts';
import { createCaseStore } from '../../src/store/cases.ts';
import { openStore } from '../../src/store/index.ts';
import type { Store } from '../../src/store/types.ts';
import { startTestApp, TEST_TOKEN, type TestApp } from '../support/bot.ts';
import { type Emulator, startEmulator } from '../support/emulator.ts';
import { checkMentionsAfterEach, expectNobodyPinged } from '../support/mentions.ts';
import { closeAll } from '../support/suite.ts';

const ROLE_ID = '987654321098765432';

describe('hardening: Discord faults, gateway drops, hostile text', () => {
  let emu: Emulator;
  let t: TestApp;
  let store: Store;

  checkMentionsAfterEach(() => emu, ROLE_ID);

  beforeAll(async () => {
    emu = await startEmulator();
    store = await openStore('memory://');
    t = await startTestApp(emu.apiUrl, { store });
    await emu.waitForReady();
    await createCaseStore(store).put(demoCase);
    await createCaseStore(store).track(emu.guildId, demoCase.slug);
    await createAlertSettingsStore(store).set(emu.guildId, {
      channelId: emu.channelIds.alerts,
      roleId: ROLE_ID,
    });
  });
  afterAll(() => closeAll(t, emu, store));

  const alertsPosted = () => emu.messages.filter((m) => m.channelId === emu.channelIds.alerts);

  it('delivers alerts exactly once, in order, through 429s and 5xx bursts on message posts', async () => {
    emu.failNext({
      method: 'POST',
      path: /^\/channels\/\d+\/messages$/,
      status: 429,
      retryAfter: 0.05,
      times: 2,
    });
    emu.failNext({ method: 'POST', path: /^\/channels\/\d+\/messages$/, status: 502, times: 2 });
    const first = await t.app.handleArticle(demoArticles[1] as Article, { history: false });
    expect(first.alerts.length).toBeGreaterThan(0);
    expect(emu.pendingFaults()).toBe(0);
    expect(alertsPosted()).toHaveLength(first.delivery?.posted ?? -1);
    const titles = alertsPosted().map((m) => m.embeds[0]?.title);
    expect(new Set(titles).size).toBe(titles.length);

    // A burst beyond discord.js's own retries fails the delivery; the article comes back (the
    // poller keeps it unseen) and the replay posts what is missing, never a second copy.
    emu.failNext({ method: 'POST', path: /^\/channels\/\d+\/messages$/, status: 502, times: 4 });
    await expect(t.app.handleArticle(demoArticles[3] as Article, { history: false })).rejects.toThrow(
      /will retry/,
    );
    const again = await t.app.handleArticle(demoArticles[3] as Article, { history: false });
    expect(again.alerts).toEqual([]);
    expect(again.replayed.length).toBeGreaterThan(0);
    await t.app.handleArticle(demoArticles[3] as Article, { history: false });
    const counts = new Map<string, number>();
    for (const m of alertsPosted())
      counts.set(JSON.stringify(m.embeds[0]), (counts.get(JSON.stringify(m.embeds[0])) ?? 0) + 1);
    expect([...counts.values()].every((n) => n === 1)).toBe(true);
    const ids = alertsPosted().map((m) => BigInt(m.id));
    expect([...ids].sort((a, b) => (a < b ? -1 : 1))).toEqual(ids);
  });

  it('never pings from article text: @everyone, @here, role, user and masked links', async () => {
    const hostile: Article = {
      url: 'https://hostile.example/ridgeway',
      outlet: 'Hostile',
      title: '@everyone Marcus Hale indicted <@&111111111111111111> @here',
      published: '2025-05-02',
      text:
        'Marcus Hale was indicted on Thursday on a charge of arson in the Ridgeway warehouse fire case, ' +
        'prosecutors said. @everyone <@222222222222222222> [click here](https://evil.example/steal) ' +
        '"Hale @here will answer for it <@&111111111111111111>," District Attorney Elena Ruiz said.',
    };
    const before = alertsPosted().length;
    await t.app.handleArticle(hostile, { history: false });
    const posted = alertsPosted().slice(before);
    expect(posted.length).toBeGreaterThan(0);
    expectNobodyPinged(emu, ROLE_ID);
    for (const message of emu.allMessages()) {
      const allowed = message.allowedMentions;
      expect(allowed?.users ?? []).toEqual([]);
      for (const role of allowed?.roles ?? []) expect(role).toBe(ROLE_ID);
    }
    const text = JSON.stringify(posted.map((m) => m.embeds));
    expect(text).not.toMatch(/\]\(https:\/\/evil\.example/);
  });

  it('loses no interaction across a gateway RECONNECT and a dropped socket', async () => {
    const inflight = Array.from({ length: 10 }, () =>
      emu.command('status', { options: { case: demoCase.slug } }),
    );
    await emu.sendReconnect();
    const more = Array.from({ length: 10 }, () =>
      emu.command('status', { options: { case: demoCase.slug } }),
    );
    await emu.dropSocket();
    const after = Array.from({ length: 10 }, () =>
      emu.command('status', { options: { case: demoCase.slug } }),
    );
    const records = await Promise.all([...inflight, ...more, ...after]);
    expect(records).toHaveLength(30);
    for (const r of records) expect(r.embeds[0]?.title ?? r.content).toMatch(/Ridgeway/);
    expect(emu.gateway.stats.resumes).toBeGreaterThanOrEqual(2);
  });

  it('answers oversized or malformed options with a clear message', async () => {
    const tooLong = await emu.command('case', {
      subcommand: 'track',
      options: { name: 'x'.repeat(5000) },
      strict: false,
    });
    expect(tooLong.ephemeral).toBe(true);
    expect(tooLong.content).toMatch(/not valid: name/i);
    const badSlug = await emu.command('case', {
      subcommand: 'track',
      options: { name: 'Case', slug: 'Bad Slug!' },
    });
    expect(badSlug.content).toMatch(/slug/);
  });

  it('refuses admin commands without Manage Server even when the server opened them to everyone', async () => {
    // A server can override default_member_permissions; the dispatcher checks the member anyway.
    const reply = await emu.command('case', { subcommand: 'list', permissions: '0' });
    expect(reply.content).toMatch(/Manage Server/);
  });

  it('keeps the token out of every log line', () => {
    expect(t.log.text()).not.toContain(TEST_TOKEN);
  });
});
