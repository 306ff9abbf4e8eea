import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Emulator, startEmulator } from '../../emulator/index.ts';
import { createAlertSettingsStore } from '../../src/alerts/settings.ts';
import { createKnowledgeStore } from '../../src/cases/knowledgeStore.ts';
import { startDemoFeedServer } from '../../src/demo/feedServer.ts';
import { createStoreRunCoordinator } from '../../src/feeds/coordinator.ts';
import { createCaseStore } from '../../src/store/cases.ts';
import { createFeedStore } from '../../src/store/feeds.ts';
import { openStore } from '../../src/store/index.ts';
import type { Store } from '../../src/store/types.ts';
import { startTestApp, type TestApp } from '../support/bot.ts';
import { checkMentionsAfterEach } from '../support/mentions.ts';
import { auditAlerts, courtDateBatch } from './support.ts';

const REDIS = 'redis://127.0.0.1:6379';
const COUNT = 12;

/**
 * Two casewatch processes (two shards of one bot) sharing the machine's Redis and polling the
 * same feed at the same time: every item is ingested once, every server gets each alert once,
 * and each server's alerts are sent by the shard that holds it (the other shard's go through
 * the outbox).
 */
describe('two instances on one Redis', () => {
  const slug = `twin-${Date.now().toString(36)}`;
  const CASE = { slug, name: 'Harlow bus crash', aliases: ['Harlow crash'], defendants: ['Dana Whitfield'] };
  let emu: Emulator;
  checkMentionsAfterEach(() => emu);
  let site: Awaited<ReturnType<typeof startDemoFeedServer>>;
  let stores: Store[] = [];
  let apps: TestApp[] = [];

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
    apps = await Promise.all(
      stores.map((store, shard) =>
        startTestApp(emu.apiUrl, { store, clientOptions: { shards: [shard], shardCount: 2 } }),
      ),
    );
    await emu.waitForReady();
    await Promise.all(apps.map((t) => t.app.poller.pollAll())); // the feed's first (empty) poll
  });
  afterAll(async () => {
    await Promise.all(apps.map((t) => t.stop()));
    await Promise.all(stores.map((s) => s.close()));
    await site?.close();
    await emu?.close();
  });

  it('ingests each item once and posts each alert once per server, from the shard holding it', async () => {
    for (let round = 0; round < 4; round++) {
      for (let i = 0; i < COUNT / 4; i++) site.releaseNext();
      await Promise.all(apps.flatMap((t) => [t.app.poller.pollAll(), t.app.poller.pollAll()]));
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
    // Each server's alerts from the other shard's ingestion arrive through the outbox, drained
    // every few seconds by the shard that holds the server: wait until it is empty and settled.
    const settled = async () => {
      for await (const key of (stores[0] as Store).kv('alert-outbox').keys())
        if (key.includes(slug)) return false;
      for (const g of [0, 1]) {
        const a = await auditAlerts(stores[0] as Store, emu.guilds[g]?.id ?? '', slug, ours(g));
        if (a.halfDone > 0 || a.hearingAlerts < COUNT) return false;
      }
      return true;
    };
    for (let i = 0; i < 60 && !(await settled()); i++) await new Promise((r) => setTimeout(r, 250));
    for (const g of [0, 1]) {
      const audit = await auditAlerts(stores[0] as Store, emu.guilds[g]?.id ?? '', slug, ours(g));
      expect(audit.duplicates, `guild ${g}: no duplicate`).toBe(0);
      expect(audit.halfDone, `guild ${g}: nothing half-done`).toBe(0);
      expect(audit.recordsWithoutMessage, `guild ${g}: every record posted`).toBe(0);
      expect(audit.messages, `guild ${g}`).toBe(audit.records);
      expect(audit.hearingAlerts, `guild ${g}: every article's date`).toBeGreaterThanOrEqual(COUNT);
    }
  }, 60_000);

  it('lets exactly one instance run each distributed cron tick', async () => {
    const [a, b] = stores.map((s) => createStoreRunCoordinator(s)) as [
      ReturnType<typeof createStoreRunCoordinator>,
      ReturnType<typeof createStoreRunCoordinator>,
    ];
    const key = `feed-poller:${slug}:${new Date().toISOString()}`;
    const runs = await Promise.all([
      a.shouldRun(key, 5_000),
      b.shouldRun(key, 5_000),
      a.shouldRun(key, 5_000),
    ]);
    expect(runs.filter(Boolean)).toHaveLength(1);
  });
});
