import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, assert, describe, expect, it } from 'vitest';
import { buildArticle } from '../../src/feeds/fulltext.ts';
import { openStore } from '../../src/store/index.ts';
import { CLAIM_LEASE_MS, createSeenStore } from '../../src/store/seen.ts';
import type { Store } from '../../src/store/types.ts';

const opened: Store[] = [];
afterAll(async () => {
  for (const s of opened) await s.close();
});

describe('seen store', () => {
  it('lets exactly one of two processes on the same SQLite file claim an item', async () => {
    const url = `sqlite://${join(mkdtempSync(join(tmpdir(), 'cw-seen-')), 'seen.sqlite')}`;
    const a = await openStore(url);
    const b = await openStore(url);
    opened.push(a, b);
    const [ta, tb] = await Promise.all([
      createSeenStore(a).claim('https://f.example/rss', 'guid:1'),
      createSeenStore(b).claim('https://f.example/rss', 'guid:1'),
    ]);
    expect([ta, tb].filter(Boolean)).toHaveLength(1);
  });

  it('releases a failed claim, confirms a done one, and takes over an abandoned one after the lease', async () => {
    const store = await openStore('memory://');
    opened.push(store);
    let clock = 1_000_000;
    const seen = createSeenStore(store, { now: () => clock });
    const t1 = await seen.claim('f', 'x');
    assert.isDefined(t1);
    expect(await seen.claim('f', 'x')).toBeUndefined();
    await seen.release('f', 'x', t1);
    const t2 = await seen.claim('f', 'x');
    expect(t2).toBeDefined();
    const again = await seen.claim('f', 'x', t2); // the holder itself, whose release failed
    expect(again).toBeDefined();
    expect(await seen.claim('f', 'x', 'someone-else')).toBeUndefined();
    clock += CLAIM_LEASE_MS + 1; // the holder died without confirming
    expect(
      await createSeenStore(store, { now: () => clock, leaseMs: 10 * CLAIM_LEASE_MS }).claim('f', 'x'),
    ).toBeUndefined();
    const t3 = await seen.claim('f', 'x');
    assert.isDefined(t3);
    await seen.confirm('f', 'x', t3);
    expect(await seen.isSeen('f', 'x')).toBe(true);
    clock += CLAIM_LEASE_MS * 10;
    expect(await seen.claim('f', 'x')).toBeUndefined(); // confirmed items are never re-claimed
  });
});

describe('buildArticle', () => {
  it('gives link-less items distinct URLs and a YYYY-MM-DD date', async () => {
    const feed = { url: 'https://f.example/rss', title: 'F' };
    const opts = {
      limits: { maxBytes: 1, timeoutMs: 1, connectTimeoutMs: 1, allowPrivate: false, userAgent: 'x' },
      minChars: 0,
    };
    const now = new Date('2024-06-01T12:00:00Z');
    const a = await buildArticle({ title: 'A', text: 'a' }, feed, opts, now);
    const b = await buildArticle(
      { title: 'B', text: 'b', published: '2024-05-30T23:00:00.000Z' },
      feed,
      opts,
      now,
    );
    const c = await buildArticle({ title: 'C', text: 'c', guid: 'https://f.example/c' }, feed, opts, now);
    expect(a.url).not.toBe(b.url);
    expect(a.published).toBe('2024-06-01');
    expect(b.published).toBe('2024-05-30');
    expect(c.url).toBe('https://f.example/c');
  });
});
