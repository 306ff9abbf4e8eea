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
import { auditAlerts, courtDateBatch, freePort, queueSettled, startOwnRedis } from './support.ts';

const CASE = {
  slug: 'harlow-crash',
  name: 'Harlow bus crash',
  aliases: ['Harlow crash'],
  defendants: ['Dana Whitfield'],
};
const COUNT = 16;

/**
 * The store and the BullMQ job queue on a Redis of the test's own, restarted while a poll job is
 * handing articles off: polls and deliveries fail while it is down, the workers reconnect, and the
 * work resumes (the interrupted job is retried or taken over) until every article and alert is in.
 */
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
    t = await startTestApp(emu.apiUrl, {
      store,
      env: {
        QUEUE_URL: `redis://127.0.0.1:${port}`,
        QUEUE_PREFIX: 'cw-test-restart',
        QUEUE_LEASE_SECONDS: '2',
      },
    });
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
    await t.app.poller.enqueueDue({ all: true }); // the empty first poll: from now on everything is news
    await queueSettled(t.app.queue);
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
    const articles = async () =>
      Object.keys(
        (
          await createKnowledgeStore(store)
            .get(CASE.slug)
            .catch(() => undefined)
        )?.articles ?? {},
      ).length;
    for (let i = 0; i < COUNT / 2; i++) feed.releaseNext();
    await t.app.poller.enqueueDue({ all: true });
    for (let i = 0; i < 500 && (await articles()) === 0; i++) await new Promise((r) => setTimeout(r, 10));
    await redis.stop(); // mid-ingestion
    await new Promise((r) => setTimeout(r, 1_000));
    // While it is down, the work fails with a reason instead of crashing the bot.
    expect(t.log.text()).toMatch(/store error|poll failed|job queue error|ECONNREFUSED|closed/i);
    // Adding jobs fails at once (and is tried again), it does not wait for Redis.
    const started = Date.now();
    await expect(t.app.poller.enqueueDue({ all: true })).rejects.toThrow();
    expect(Date.now() - started).toBeLessThan(5_000);

    redis = await startOwnRedis(port, redis.dir);
    for (let i = COUNT / 2; i < COUNT; i++) feed.releaseNext();
    const done = await queueSettled(
      t.app.queue,
      async () => {
        if ((await articles()) === COUNT) return true;
        // The clock's next tick: the feed's poll for its (new) interval.
        await Promise.race([
          t.app.poller.enqueueDue({ all: true }).catch(() => undefined),
          new Promise((r) => setTimeout(r, 2_000)),
        ]);
        return false;
      },
      45_000,
    );
    expect(done, 'the work resumed and ended').toBe(true);
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
