import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Emulator, startEmulator } from '../../emulator/index.ts';
import { createAlertSettingsStore } from '../../src/alerts/settings.ts';
import { createKnowledgeStore } from '../../src/cases/knowledgeStore.ts';
import { startDemoFeedServer } from '../../src/demo/feedServer.ts';
import { createCaseStore } from '../../src/store/cases.ts';
import { createFeedStore } from '../../src/store/feeds.ts';
import { openStore } from '../../src/store/index.ts';
import type { Store } from '../../src/store/types.ts';
import { startTestApp, type TestApp } from '../support/bot.ts';
import { checkMentionsAfterEach } from '../support/mentions.ts';
import { auditAlerts, courtDateBatch, freePort, startOwnRedis } from './support.ts';

const CASE = {
  slug: 'harlow-crash',
  name: 'Harlow bus crash',
  aliases: ['Harlow crash'],
  defendants: ['Dana Whitfield'],
};
const COUNT = 16;

describe('Redis restarted in the middle of a run', () => {
  let emu: Emulator;
  checkMentionsAfterEach(() => emu);
  let redis: Awaited<ReturnType<typeof startOwnRedis>>;
  let port: number;
  let store: Store;
  let t: TestApp;
  const site = startDemoFeedServer(courtDateBatch(COUNT, 'redis'));

  beforeAll(async () => {
    port = await freePort();
    redis = await startOwnRedis(port);
    emu = await startEmulator();
    store = await openStore(`redis://127.0.0.1:${port}`);
    t = await startTestApp(emu.apiUrl, { store });
    await emu.waitForReady();
    // The server's own case: its private feed may feed it (src/store/cases.ts, tenancy).
    await createCaseStore(store).put({ ...CASE, owner: emu.guildId });
    await createCaseStore(store).track(emu.guildId, CASE.slug);
    await createAlertSettingsStore(store).set(emu.guildId, { channelId: emu.channelIds.alerts });
    await createFeedStore(store).add(
      (await site).feedUrl,
      { guildId: emu.guildId, addedAt: new Date().toISOString() },
      1,
    );
    await t.app.poller.pollAll(); // the empty first poll: from now on everything is news
  });
  afterAll(async () => {
    await t?.stop();
    await store?.close().catch(() => undefined);
    await redis?.stop().catch(() => undefined);
    await (await site).close();
    await emu?.close();
  });

  it('logs the outage, retries, and ends with every article once and every alert once', async () => {
    const feed = await site;
    for (let i = 0; i < COUNT / 2; i++) feed.releaseNext();
    const during = t.app.poller.pollAll();
    await new Promise((r) => setTimeout(r, 30));
    await redis.stop(); // mid-ingestion
    const failed = await during;
    expect(failed).toHaveLength(1);
    // While it is down, polls fail with a reason instead of crashing the bot.
    const down = await t.app.poller.pollAll().catch((err: unknown) => err);
    expect(down).toBeDefined();
    expect(t.log.text()).toMatch(/store error|poll failed|ECONNREFUSED|closed/i);

    redis = await startOwnRedis(port, redis.dir);
    for (let i = COUNT / 2; i < COUNT; i++) feed.releaseNext();
    for (let round = 0; round < 30; round++) {
      const results = await t.app.poller.pollAll().catch(() => []);
      const settled =
        results.length > 0 && results.every((r) => r.status !== 'failed' && r.handOffFailures === 0);
      const knowledge = await createKnowledgeStore(store)
        .get(CASE.slug)
        .catch(() => undefined);
      if (settled && Object.keys(knowledge?.articles ?? {}).length === COUNT) break;
      await new Promise((r) => setTimeout(r, 200));
    }
    const knowledge = await createKnowledgeStore(store).get(CASE.slug);
    expect(Object.keys(knowledge.articles)).toHaveLength(COUNT);
    const alerts = emu.messages.filter((m) => m.channelId === emu.channelIds.alerts);
    const audit = await auditAlerts(store, emu.guildId, CASE.slug, alerts);
    expect(audit.duplicates).toBe(0);
    expect(audit.halfDone).toBe(0);
    expect(audit.recordsWithoutMessage).toBe(0);
    expect(audit.messages).toBe(audit.records);
    expect(audit.hearingAlerts).toBeGreaterThanOrEqual(COUNT);
  }, 60_000);
});
