import { type ChildProcess, spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Emulator, startEmulator } from '../../emulator/index.ts';
import { createAlertSettingsStore } from '../../src/alerts/settings.ts';
import { createKnowledgeStore } from '../../src/cases/knowledgeStore.ts';
import { startDemoFeedServer } from '../../src/demo/feedServer.ts';
import { createBullQueue } from '../../src/queue/bullmq.ts';
import type { JobQueue } from '../../src/queue/types.ts';
import { createCaseStore } from '../../src/store/cases.ts';
import { createFeedStore } from '../../src/store/feeds.ts';
import { openStore } from '../../src/store/index.ts';
import type { Store } from '../../src/store/types.ts';
import { TEST_TOKEN } from '../support/bot.ts';
import { auditAlerts, courtDateBatch, expectAuditClean, queueSettled } from './support.ts';

// A database of this test's own on the machine's Redis, and a queue prefix of this run's own.
const REDIS = 'redis://127.0.0.1:6379/8';
const ARTICLES = 30;
const LEASE_SECONDS = 2;

/**
 * Two worker processes on one Redis (store and BullMQ queue), killed with SIGKILL while a poll
 * job is running and while an alert post is in flight (Discord has made the message, the worker
 * has not heard back): the stalled jobs are taken over, and in the end every article is ingested
 * once and every alert is in the channel exactly once.
 */
describe('kill -9 of queue workers mid-poll and mid-delivery (BullMQ on Redis)', () => {
  const slug = `qkill-${Date.now().toString(36)}`;
  const CASE = { slug, name: 'Harlow bus crash', aliases: ['Harlow crash'], defendants: ['Dana Whitfield'] };
  const prefix = `cw-test-${slug}`;
  let emu: Emulator;
  let site: Awaited<ReturnType<typeof startDemoFeedServer>>;
  let store: Store;
  let queue: JobQueue;
  const children = new Set<ChildProcess>();

  beforeAll(async () => {
    emu = await startEmulator();
    site = await startDemoFeedServer(courtDateBatch(ARTICLES, slug));
    store = await openStore(REDIS);
    queue = createBullQueue({ url: REDIS, prefix, leaseMs: LEASE_SECONDS * 1000 });
    await createCaseStore(store).put({ ...CASE, owner: emu.guildId });
    await createCaseStore(store).track(emu.guildId, slug);
    await createAlertSettingsStore(store).set(emu.guildId, {
      channelId: emu.channelIds.alerts,
      cases: [slug],
    });
    await createFeedStore(store).add(
      site.feedUrl,
      { guildId: emu.guildId, addedAt: new Date().toISOString() },
      1,
    );
  });
  afterAll(async () => {
    for (const c of children) c.kill('SIGKILL');
    await createFeedStore(store)
      .remove(site.feedUrl)
      .catch(() => undefined);
    await queue?.close();
    await store?.close();
    await site?.close();
    await emu?.close();
  });

  function startWorker() {
    const proc = spawn(process.execPath, ['--import', 'tsx', 'test/fault/child.ts'], {
      env: {
        ...process.env,
        DISCORD_TOKEN: TEST_TOKEN,
        DISCORD_API_URL: emu.apiUrl,
        STORE_URL: REDIS,
        QUEUE_PREFIX: prefix,
        QUEUE_LEASE_SECONDS: String(LEASE_SECONDS),
        CHILD_MODE: 'queue',
        ALLOW_PRIVATE_URLS: '1',
        FULLTEXT_MIN_CHARS: '0',
        LOG_LEVEL: 'warn',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    children.add(proc);
    let out = '';
    proc.stderr?.on('data', (d) => {
      out = (out + String(d)).slice(-4000);
    });
    return new Promise<ChildProcess>((resolve, reject) => {
      proc.stdout?.on('data', (d) => {
        if (String(d).includes('READY')) resolve(proc);
      });
      proc.once('exit', (code) => reject(new Error(`worker exited (${code}) before ready: ${out}`)));
    });
  }

  async function killAll() {
    await Promise.all(
      [...children].map((c) => {
        const exited = new Promise((r) => c.once('exit', r));
        c.kill('SIGKILL');
        return exited;
      }),
    );
    children.clear();
  }

  const alerts = () => emu.messages.filter((m) => m.channelId === emu.channelIds.alerts);
  const articles = async () =>
    Object.keys(
      (
        await createKnowledgeStore(store)
          .get(slug)
          .catch(() => undefined)
      )?.articles ?? {},
    ).length;
  const halfDone = async () => (await auditAlerts(store, emu.guildId, slug, alerts())).halfDone;
  async function waitFor(check: () => Promise<boolean> | boolean, ms: number, what: string) {
    const end = Date.now() + ms;
    while (!(await check())) {
      if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  it('loses nothing and posts nothing twice', async () => {
    await Promise.all([startWorker(), startWorker()]);
    await waitFor(
      async () => (await createFeedStore(store).getState(site.feedUrl)).lastSuccessAt !== undefined,
      30_000,
      'the first (history) poll',
    );
    for (let i = 0; i < ARTICLES; i++) site.releaseNext();
    const kills: string[] = [];
    for (let round = 0; round < 2; round++) {
      // Mid-poll: a poll job is running (its articles half handed off) when both workers die.
      const seen = await articles();
      await waitFor(
        async () => (await articles()) > seen && (await queue.counts('poll')).active > 0,
        60_000,
        'a poll in progress',
      );
      await killAll();
      kills.push(`poll (${await articles()}/${ARTICLES} articles)`);
      await Promise.all([startWorker(), startWorker()]);

      // Mid-delivery: Discord makes the message but its answer is held; both workers die before it.
      const posted = alerts().length;
      emu.delayNext({ method: 'POST', path: /^\/channels\/\d+\/messages$/, ms: 5_000, response: true });
      // The held post itself, not one that reached Discord just before the delay was armed.
      await waitFor(
        () => emu.pendingFaults() === 0 && alerts().length > posted,
        60_000,
        'an alert post in flight',
      );
      await killAll();
      expect(await halfDone(), 'the killed worker left its alert record in "posting"').toBeGreaterThan(0);
      kills.push(`delivery (${alerts().length} alerts)`);
      await Promise.all([startWorker(), startWorker()]);
    }
    await waitFor(
      async () =>
        (await articles()) === ARTICLES &&
        (await halfDone()) === 0 &&
        (await queueSettled(queue, () => true, 1_000)),
      120_000,
      'every article and alert',
    );
    await killAll();

    const knowledge = await createKnowledgeStore(store).get(slug);
    expect(Object.keys(knowledge.articles)).toHaveLength(ARTICLES);
    expect(knowledge.version, 'each article merged once').toBe(ARTICLES);
    const audit = await auditAlerts(store, emu.guildId, slug, alerts());
    expectAuditClean(audit, ARTICLES);
    process.stdout.write(
      `queue kill -9: killed both workers mid-${kills.join(', mid-')}; ${ARTICLES} articles once each, ` +
        `${audit.messages} alerts, ${audit.duplicates} duplicates\n`,
    );
  }, 300_000);
});
