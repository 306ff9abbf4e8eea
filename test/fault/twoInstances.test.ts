import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Emulator, startEmulator } from '../../emulator/index.ts';
import { createAlertSettingsStore } from '../../src/alerts/settings.ts';
import { createKnowledgeStore } from '../../src/cases/knowledgeStore.ts';
import { startDemoFeedServer } from '../../src/demo/feedServer.ts';
import { createCaseStore } from '../../src/store/cases.ts';
import { createFeedStore } from '../../src/store/feeds.ts';
import { openStore } from '../../src/store/index.ts';
import type { Store } from '../../src/store/types.ts';
import { startFeedServer } from '../bench/feedServer.ts';
import { startTestApp, type TestApp } from '../support/bot.ts';
import { checkMentionsAfterEach } from '../support/mentions.ts';
import { auditAlerts, courtDateBatch, queueSettled } from './support.ts';

// A database of this test's own on the machine's Redis, and a queue prefix of this run's own.
const REDIS = 'redis://127.0.0.1:6379/7';
const COUNT = 12;
const FEEDS = 40;

/**
 * Two casewatch processes (two shards of one bot) sharing the machine's Redis for the store and
 * the BullMQ job queue, both running the clock's path at the same time: every feed is polled once
 * per interval, the polls are spread over both, every item is ingested once, and every server
 * gets each alert once, whichever instance's worker delivered it.
 */
describe('two instances on one Redis, one job queue', () => {
  const slug = `twin-${Date.now().toString(36)}`;
  const CASE = { slug, name: 'Harlow bus crash', aliases: ['Harlow crash'], defendants: ['Dana Whitfield'] };
  let emu: Emulator;
  checkMentionsAfterEach(() => emu);
  let site: Awaited<ReturnType<typeof startDemoFeedServer>>;
  let stores: Store[] = [];
  let apps: TestApp[] = [];
  const feedUrls: string[] = [];
  const both = (all = true) => Promise.all(apps.map((t) => t.app.poller.enqueueDue({ all })));

  beforeAll(async () => {
    emu = await startEmulator({
      shards: 2,
      guilds: [
        { name: 'Alpha', channels: [{ name: 'general' }, { name: 'alerts' }] },
        { name: 'Beta', channels: [{ name: 'general' }, { name: 'alerts' }] },
      ],
    });
    site = await startDemoFeedServer(courtDateBatch(COUNT, slug));
    stores = [await openStore(REDIS), await openStore(REDIS)];
    const [one] = stores as [Store, Store];
    await createCaseStore(one).put(CASE);
    for (const g of emu.guilds) {
      await createCaseStore(one).track(g.id, slug);
      await createAlertSettingsStore(one).set(g.id, { channelId: g.channelIds.alerts ?? '', cases: [slug] });
    }
    // The operator's (public) feed: both servers track the shared case, so both may read it.
    await createFeedStore(one).add(site.feedUrl, { addedAt: new Date().toISOString() }, 1);
    feedUrls.push(site.feedUrl);
    const env = { QUEUE_URL: REDIS, QUEUE_PREFIX: `cw-test-${slug}`, QUEUE_LEASE_SECONDS: '5' };
    apps = await Promise.all(
      stores.map((store, shard) =>
        startTestApp(emu.apiUrl, { store, env, clientOptions: { shards: [shard], shardCount: 2 } }),
      ),
    );
    await emu.waitForReady();
    await both(); // the feed's first (empty) poll
    await queueSettled(apps[0]?.app.queue as TestApp['app']['queue']);
  });
  afterAll(async () => {
    for (const url of feedUrls)
      await createFeedStore(stores[0] as Store)
        .remove(url)
        .catch(() => undefined);
    await Promise.all(apps.map((t) => t.stop()));
    await Promise.all(stores.map((s) => s.close()));
    await site?.close();
    await emu?.close();
  });

  it('ingests each item once and posts each alert once per server', async () => {
    const queue = apps[0]?.app.queue as TestApp['app']['queue'];
    for (let round = 0; round < 4; round++) {
      for (let i = 0; i < COUNT / 4; i++) site.releaseNext();
      await Promise.all([both(), both()]);
      await queueSettled(queue);
    }
    const knowledge = await createKnowledgeStore(stores[0] as Store).get(slug);
    expect(Object.keys(knowledge.articles)).toHaveLength(COUNT);
    expect(knowledge.version).toBe(COUNT); // one log entry per article: nobody merged twice
    const ours = (guildIndex: number) =>
      emu.messages.filter(
        (m) =>
          m.channelId === emu.guilds[guildIndex]?.channelIds.alerts &&
          JSON.stringify(m.embeds).includes(slug),
      );
    for (const g of [0, 1]) {
      const audit = await auditAlerts(stores[0] as Store, emu.guilds[g]?.id ?? '', slug, ours(g));
      expect(audit.duplicates, `guild ${g}: no duplicate`).toBe(0);
      expect(audit.halfDone, `guild ${g}: nothing half-done`).toBe(0);
      expect(audit.recordsWithoutMessage, `guild ${g}: every record posted`).toBe(0);
      expect(audit.messages, `guild ${g}`).toBe(audit.records);
      expect(audit.hearingAlerts, `guild ${g}: every article's date`).toBeGreaterThanOrEqual(COUNT);
    }
  }, 90_000);

  it('polls each feed once per interval, whichever instances add the job, and both do the work', async () => {
    const feeds = await startFeedServer(FEEDS, { prefix: slug, hosts: 4 });
    try {
      for (let n = 0; n < FEEDS; n++) {
        await createFeedStore(stores[0] as Store).add(
          feeds.url(n),
          { addedAt: new Date().toISOString() },
          60,
        );
        feedUrls.push(feeds.url(n));
      }
      const ran = () =>
        Promise.all(
          apps.map(async (t) => {
            const m = await t.app.metrics.jobResults.get();
            return (
              m.values.find((v) => v.labels.queue === 'poll' && v.labels.result === 'completed')?.value ?? 0
            );
          }),
        );
      const before = await ran();
      // The clock of both instances ticks three times while the first polls still run.
      await Promise.all([both(false), both(false), both(false)]);
      await queueSettled(apps[0]?.app.queue as TestApp['app']['queue']);
      await both(false); // every feed is now an hour from due: nothing is added
      await queueSettled(apps[0]?.app.queue as TestApp['app']['queue']);
      expect(feeds.requests.feeds, 'one request per feed').toBe(FEEDS);
      const states = await createFeedStore(stores[0] as Store).getStates(feedUrls.slice(1));
      expect(states.every((s) => s?.lastSuccessAt !== undefined)).toBe(true);
      const after = await ran();
      const share = after.map((n, i) => n - (before[i] ?? 0));
      expect(
        share.every((n) => n > 0),
        `poll jobs per instance: ${share.join(', ')}`,
      ).toBe(true);
    } finally {
      await feeds.close();
    }
  }, 90_000);
});
