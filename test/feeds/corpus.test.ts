import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFeedPoller, type PollConfig, type PollResult } from '../../src/feeds/poller.ts';
import { createLogger, memoryDestination } from '../../src/log.ts';
import { createFeedStore } from '../../src/store/feeds.ts';
import { openStore } from '../../src/store/index.ts';
import type { Store } from '../../src/store/types.ts';
import { startServer } from './server.ts';

const repoRoot = resolve(import.meta.dirname, '../..');
const feedsDir = resolve(repoRoot, '../shared/feeds');
const present = existsSync(resolve(feedsDir, 'MANIFEST.tsv'));
if (!present) console.warn(`skipping the feed corpus test: ${feedsDir} is absent`);

const config: PollConfig = {
  FEED_MAX_BYTES: 5 * 1024 * 1024,
  FEED_TIMEOUT_MS: 5000,
  FEED_CONNECT_TIMEOUT_MS: 1000,
  FEED_MAX_ITEMS: 200,
  FEED_FAILURES_BEFORE_PAUSE: 8,
  FEED_HOST_CONCURRENCY: 2,
  FULLTEXT_MIN_CHARS: 0, // corpus links point at the internet and at SSRF bait: never follow them here
  ALLOW_PRIVATE_URLS: true,
  CONTACT: 'test@example.com',
};

function tsv(file: string): string[][] {
  return readFileSync(resolve(feedsDir, file), 'utf8')
    .trim()
    .split('\n')
    .slice(1)
    .map((l) => l.split('\t'));
}

describe.skipIf(!present)('feed corpus robustness (../shared/feeds)', () => {
  let server: Awaited<ReturnType<typeof startServer>>;
  let store: Store;
  const log = memoryDestination();
  const texts: string[] = [];
  /** Serialized articles per feed URL, to compare an entity attack's output with its input size. */
  const byFeed = new Map<string, number>();
  let poller: ReturnType<typeof createFeedPoller>;
  beforeAll(async () => {
    server = await startServer();
    store = await openStore('memory://');
    poller = createFeedPoller({
      store,
      config,
      logger: createLogger({ level: 'error', destination: log }),
      onArticle: async (a, meta) => {
        const json = JSON.stringify(a);
        texts.push(json);
        byFeed.set(meta.feedUrl, (byFeed.get(meta.feedUrl) ?? 0) + json.length);
      },
    });
  });
  afterAll(async () => {
    await store.close();
    await server.close();
  });

  it('polls every corpus file: nothing escapes, each poll < 5 s, no entity expands, baseline items kept', async () => {
    const baseline = new Map(
      tsv('rss-parser-baseline.tsv').map((c) => [
        c[0] ?? '',
        { ok: c[2] === 'ok', items: Number(c[4] || 0) },
      ]),
    );
    const feeds = createFeedStore(store);
    const results: Array<{ path: string; r: PollResult; ms: number; url: string; size: number }> = [];
    for (const [path] of tsv('MANIFEST.tsv')) {
      if (!path || path.endsWith('.mjs')) continue; // the generator is listed too
      const bytes = readFileSync(resolve(feedsDir, path));
      // feedparser tests simulate an HTTP Content-Type in a leading comment; serve it for real.
      const header = /^Header:\s*Content-type:\s*(.+)$/im
        .exec(bytes.subarray(0, 600).toString('latin1'))?.[1]
        ?.trim();
      const route = `/c/${encodeURIComponent(path)}`;
      server.route(route, (_q, res) =>
        res.writeHead(200, { 'content-type': header ?? 'application/xml' }).end(bytes),
      );
      await feeds.add(server.url(route), { addedAt: 'x' }, 5);
      const t0 = performance.now();
      const r = await poller.pollOnce(server.url(route));
      results.push({ path, r, ms: performance.now() - t0, url: server.url(route), size: bytes.length });
    }
    const slow = results.filter((x) => x.ms >= 5000).map((x) => x.path);
    expect(slow).toEqual([]);
    expect(log.text()).not.toContain('poll failed unexpectedly');
    // Booleans, not the texts, in the assertions: a failure must not dump megabytes of feed text.
    const all = texts.join('\n');
    expect(/root:x?:0:0/.test(all), '/etc/passwd content reached an article').toBe(false);
    expect(/(lol){4}/.test(all), 'billion laughs expanded').toBe(false);
    const bad = texts.filter((t) => /"url":"(javascript|vbscript|data|file):/i.test(t)).length;
    expect(bad, 'articles with a dangerous URL').toBe(0);
    // Entity attacks: what comes out is no bigger than what went in (nothing expanded).
    for (const x of results.filter((r) => /security\/(billion|quadratic|entity|xxe|xinclude)/.test(r.path))) {
      expect(byFeed.get(x.url) ?? 0, x.path).toBeLessThan(x.size * 2 + 2000);
    }

    const missing: string[] = [];
    for (const { path, r } of results) {
      const base = baseline.get(path);
      if (!base?.ok) continue;
      const empty = r.warnings.filter((w) => /skipped: no link, title, text or guid/.test(w)).length;
      if (r.status !== 'ok' || (r.items ?? 0) + empty < Math.min(base.items, config.FEED_MAX_ITEMS)) {
        missing.push(`${path}: ${r.status} ${r.items ?? 0}+${empty} < ${base.items}`);
      }
    }
    expect(missing).toEqual([]);

    const ok = results.filter((x) => x.r.status === 'ok');
    if (process.env.CORPUS_VERBOSE) {
      for (const x of results)
        if (x.r.error) console.log(`${x.path}\t${x.r.error.reason}\t${x.r.error.message}`);
    }
    const byReason = new Map<string, number>();
    for (const { r } of results)
      if (r.error) byReason.set(r.error.reason, (byReason.get(r.error.reason) ?? 0) + 1);
    const recovered = results.filter((x) => x.r.status === 'ok' && !baseline.get(x.path)?.ok).length;
    console.log(
      `feed corpus: ${results.length} files, ${ok.length} parse (${recovered} that rss-parser alone fails), ` +
        `${results.length - ok.length} fail: ${JSON.stringify(Object.fromEntries(byReason))}; ` +
        `items ${ok.reduce((n, x) => n + (x.r.items ?? 0), 0)}; rss-parser baseline 320/435`,
    );
  }, 120_000);

  it('refuses the generated huge inputs by the size cap without buffering them', async () => {
    const feeds = createFeedStore(store);
    for (const [mode, size] of [
      ['huge-description', '50'],
      ['huge-title', '10'],
      ['many-items', '100000'],
    ] as const) {
      let sent = 0;
      const route = `/huge/${mode}`;
      server.route(route, (_q, res) => {
        const child = spawn(process.execPath, [resolve(feedsDir, 'gen-huge.mjs'), mode, size, '-']);
        res.writeHead(200, { 'content-type': 'application/rss+xml' });
        child.stdout.on('data', (c: Buffer) => {
          sent += c.length;
        });
        child.stdout.pipe(res);
        res.on('close', () => child.kill());
      });
      await feeds.add(server.url(route), { addedAt: 'x' }, 5);
      const r = await poller.pollOnce(server.url(route));
      expect(r.error?.reason, mode).toBe('too_large');
      // The client hung up soon after the cap: far less than the generated size reached it.
      expect(sent, mode).toBeLessThan(config.FEED_MAX_BYTES * 3);
    }
  }, 60_000);

  it('survives 100,000-deep nesting and a 10-level billion laughs from the generator', async () => {
    const feeds = createFeedStore(store);
    for (const [mode, size] of [
      ['deep-nesting', '100000'],
      ['deep-nesting-atom', '100000'],
      ['billion-laughs', '10'],
    ] as const) {
      const bytes = await new Promise<Buffer>((done) => {
        const child = spawn(process.execPath, [resolve(feedsDir, 'gen-huge.mjs'), mode, size, '-']);
        const chunks: Buffer[] = [];
        child.stdout.on('data', (c: Buffer) => chunks.push(c));
        child.on('close', () => done(Buffer.concat(chunks)));
      });
      server.route(`/gen/${mode}`, (_q, res) => res.writeHead(200).end(bytes));
      await feeds.add(server.url(`/gen/${mode}`), { addedAt: 'x' }, 5);
      const t0 = performance.now();
      const r = await poller.pollOnce(server.url(`/gen/${mode}`));
      expect(performance.now() - t0, mode).toBeLessThan(5000);
      expect(['ok', 'failed'], mode).toContain(r.status);
      expect(/(lol){4}/.test(texts.join('\n')), `${mode}: billion laughs expanded`).toBe(false);
    }
    expect(log.text()).not.toContain('poll failed unexpectedly');
  }, 60_000);
});
