import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Emulator, startEmulator } from '../../emulator/index.ts';
import { createAlertSettingsStore } from '../../src/alerts/settings.ts';
import { createKnowledgeStore } from '../../src/cases/knowledgeStore.ts';
import { type DemoArticle, startDemoFeedServer } from '../../src/demo/feedServer.ts';
import { createCaseStore } from '../../src/store/cases.ts';
import { createFeedStore } from '../../src/store/feeds.ts';
import { openStore } from '../../src/store/index.ts';
import { TEST_TOKEN } from '../support/bot.ts';
import { checkMentionsAfterEach } from '../support/mentions.ts';
import { auditAlerts, expectAuditClean } from './support.ts';

const CASE = {
  slug: 'harlow-crash',
  name: 'Harlow bus crash',
  aliases: ['Harlow crash'],
  defendants: ['Dana Whitfield'],
};
const ARTICLES = 80;
const KILLS = 12;

/** Forty reports, each of one new court date: forty developments, forty alerts, no more. */
function batch(): DemoArticle[] {
  return Array.from({ length: ARTICLES }, (_, i) => {
    const day = new Date(Date.UTC(2025, 5, 2) + i * 4 * 86_400_000);
    const when = day.toLocaleDateString('en-US', { month: 'long', day: 'numeric', timeZone: 'UTC' });
    return {
      outlet: 'Harlow Gazette',
      url: `https://gazette.example/harlow/${i}`,
      title: `Hearing set in Harlow bus crash case (${i})`,
      published: '2025-05-20',
      text:
        `Judge Nora Castellanos on Monday scheduled a status hearing for ${when} in the case against Dana Whitfield, ` +
        'the driver charged with vehicular manslaughter in the Harlow bus crash.\n\n' +
        'Whitfield has pleaded not guilty.',
    };
  });
}

describe('kill -9 during ingestion, restart on the same SQLite file', () => {
  let emu: Emulator;
  checkMentionsAfterEach(() => emu);
  let site: Awaited<ReturnType<typeof startDemoFeedServer>>;
  let file: string;
  let child: ChildProcess | undefined;

  beforeAll(async () => {
    emu = await startEmulator();
    site = await startDemoFeedServer(batch());
    file = join(mkdtempSync(join(tmpdir(), 'cw-kill-')), 'casewatch.sqlite');
    const store = await openStore(`sqlite://${file}`);
    // The server's own case: its private feed may feed it (src/store/cases.ts, tenancy).
    await createCaseStore(store).put({ ...CASE, owner: emu.guildId });
    await createCaseStore(store).track(emu.guildId, CASE.slug);
    await createAlertSettingsStore(store).set(emu.guildId, { channelId: emu.channelIds.alerts });
    await createFeedStore(store).add(
      site.feedUrl,
      { guildId: emu.guildId, addedAt: new Date().toISOString() },
      1,
    );
    await store.close();
  });
  afterAll(async () => {
    child?.kill('SIGKILL');
    await site?.close();
    await emu?.close();
  });

  function startChild(): { proc: ChildProcess; lines: string[]; ready: Promise<void> } {
    const proc = spawn(process.execPath, ['--import', 'tsx', 'test/fault/child.ts'], {
      env: {
        ...process.env,
        DISCORD_TOKEN: TEST_TOKEN,
        DISCORD_API_URL: emu.apiUrl,
        STORE_URL: `sqlite://${file}`,
        ALLOW_PRIVATE_URLS: '1',
        FULLTEXT_MIN_CHARS: '0',
        FEED_CLAIM_LEASE_SECONDS: '1',
        // The embedded default's path: the clock adds poll jobs to the in-process queue, whose
        // job ids are claimed in the SQLite file (a killed process's claim lapses after 1 s).
        CHILD_MODE: 'queue',
        QUEUE_LEASE_SECONDS: '1',
        LOG_LEVEL: 'warn',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const lines: string[] = [];
    let stderr = '';
    proc.stderr?.on('data', (d) => {
      stderr += String(d);
    });
    const ready = new Promise<void>((resolve, reject) => {
      proc.stdout?.on('data', (d) => {
        for (const l of String(d).split('\n').filter(Boolean)) lines.push(l);
        if (lines.includes('READY')) resolve();
      });
      proc.on('exit', (code) =>
        reject(new Error(`child exited (${code}) before ready: ${stderr.slice(-2000)}`)),
      );
    });
    child = proc;
    return { proc, lines, ready };
  }

  async function killHard(proc: ChildProcess) {
    const exited = new Promise((r) => proc.once('exit', r));
    proc.kill('SIGKILL');
    await exited;
  }

  it('loses no article and posts every alert exactly once across 12 kills', async () => {
    // The feed's first poll (empty) makes it known; everything published later is news.
    let run = startChild();
    await run.ready;
    await emu.waitFor(() => run.lines.includes('IDLE'), { timeout: 15_000 });
    await killHard(run.proc);
    for (let i = 0; i < ARTICLES; i++) site.releaseNext();

    const killedAt: number[] = [];
    for (let k = 0; k < KILLS; k++) {
      run = startChild();
      await run.ready;
      // Kill once this run is visibly mid-batch (it has posted something), at a random moment.
      const before = alertMessages().length;
      await emu
        .waitFor(() => alertMessages().length > before || run.lines.includes('IDLE'), { timeout: 20_000 })
        .catch(() => undefined);
      await new Promise((r) => setTimeout(r, Math.floor(Math.random() * 60)));
      killedAt.push(alertMessages().length);
      await killHard(run.proc);
    }
    // Let a last process run until the feed is fully handed off (abandoned claims expire in 1 s).
    run = startChild();
    await run.ready;
    await emu.waitFor(() => run.lines.slice(-3).every((l) => l === 'IDLE') && run.lines.length > 5, {
      timeout: 40_000,
      message: 'the last run never went idle',
    });
    await killHard(run.proc);

    const store = await openStore(`sqlite://${file}`);
    try {
      const knowledge = await createKnowledgeStore(store).get(CASE.slug);
      const urls = Object.keys(knowledge.articles);
      expect(urls).toHaveLength(ARTICLES);
      expect(new Set(urls).size).toBe(ARTICLES);
      const hearings = knowledge.developments.filter((d) => d.type === 'hearing');
      expect(hearings.length).toBeGreaterThanOrEqual(ARTICLES);
      const posted = alertMessages();
      const audit = await auditAlerts(store, emu.guildId, CASE.slug, posted);
      expectAuditClean(audit, ARTICLES);
      process.stdout.write(
        `kill -9 fault: ${KILLS} kills at alert counts [${killedAt.join(', ')}] of ${posted.length}; ` +
          `${urls.length} articles once each, ${audit.duplicates} duplicate alerts, ${audit.halfDone} half-done\n`,
      );
      // The kills really landed mid-batch, not all before or after it.
      expect(killedAt.some((n) => n > 0 && n < posted.length)).toBe(true);
    } finally {
      await store.close();
    }
  }, 180_000);

  function alertMessages() {
    return emu.messages.filter((m) => m.channelId === emu.channelIds.alerts);
  }
});
