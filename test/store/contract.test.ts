import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../../src/store/index.ts';

/** One contract, every backend: what the repositories above the store rely on. */
const backends: Array<[string, () => string]> = [
  ['memory', () => 'memory://'],
  ['sqlite', () => `sqlite://${join(mkdtempSync(join(tmpdir(), 'cw-store-')), 'store.sqlite')}`],
  ['redis', () => 'redis://127.0.0.1:6379'],
  ['postgres', () => 'postgres://postgres@127.0.0.1:5432/test'],
];

describe.each(backends)('store contract: %s', (name, url) => {
  let store: Store;
  let opened: string;
  // A fresh namespace per run: the server backends are shared with other test files.
  const ns = `contract${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;

  beforeAll(async () => {
    opened = url();
    store = await openStore(opened);
  });
  afterAll(async () => {
    await store.kv(ns).clear();
    await store.close();
  });

  it('round-trips structured values and reports absence as undefined', async () => {
    const kv = store.kv(ns);
    const value = { name: 'Rust', aliases: ['Rust shooting'], n: 3, nested: { ok: true } };
    await kv.set('case:rust', value);
    expect(await kv.get('case:rust')).toEqual(value);
    expect(await kv.get('case:missing')).toBeUndefined();
    expect(await kv.has('case:rust')).toBe(true);
    expect(await kv.getMany(['case:rust', 'case:missing'])).toEqual([value, undefined]);
  });

  it('setMany writes every entry, replaces existing ones and applies the ttl', async () => {
    const kv = store.kv(ns);
    await kv.set('many:1', 'old');
    const long = `many:${'x'.repeat(300)}`;
    await kv.setMany<unknown>([
      { key: 'many:1', value: { n: 1 } },
      { key: 'many:2', value: ['a', 'b'] },
      { key: long, value: 'hashed key' },
    ]);
    expect(await kv.getMany(['many:1', 'many:2', long])).toEqual([{ n: 1 }, ['a', 'b'], 'hashed key']);
    await kv.setMany([{ key: 'many:short', value: 'x' }], 150);
    expect(await kv.get('many:short')).toBe('x');
    await new Promise((r) => setTimeout(r, 300));
    expect(await kv.get('many:short')).toBeUndefined();
    expect(await kv.setIfAbsent('many:short', 'again')).toBe(true);
  });

  it('keeps namespaces apart', async () => {
    await store.kv(ns).set('k', 1);
    await store.kv(`${ns}x`).set('k', 2);
    expect(await store.kv(ns).get('k')).toBe(1);
    expect(await store.kv(`${ns}x`).get('k')).toBe(2);
    await store.kv(`${ns}x`).clear();
  });

  it('deletes', async () => {
    const kv = store.kv(ns);
    await kv.set('gone', 'x');
    expect(await kv.delete('gone')).toBe(true);
    expect(await kv.get('gone')).toBeUndefined();
  });

  it('expires values after their ttl', async () => {
    const kv = store.kv(ns);
    await kv.set('short', 'x', 150);
    expect(await kv.get('short')).toBe('x');
    await new Promise((r) => setTimeout(r, 300));
    expect(await kv.get('short')).toBeUndefined();
  });

  it('setIfAbsent lets exactly one of many concurrent claimants win', async () => {
    const kv = store.kv(ns);
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => kv.setIfAbsent('claim', i)));
    expect(results.filter(Boolean)).toHaveLength(1);
    const winner = results.indexOf(true);
    expect(await kv.get('claim')).toBe(winner);
    expect(await kv.setIfAbsent('claim', 99)).toBe(false);
  });

  it('setIfAbsent succeeds again once the previous claim expired', async () => {
    const kv = store.kv(ns);
    expect(await kv.setIfAbsent('lease', 'a', 100)).toBe(true);
    expect(await kv.setIfAbsent('lease', 'b', 100)).toBe(false);
    await new Promise((r) => setTimeout(r, 250));
    expect(await kv.setIfAbsent('lease', 'c', 100)).toBe(true);
    expect(await kv.get('lease')).toBe('c');
  });

  it('update never loses a concurrent increment', async () => {
    const kv = store.kv(ns);
    await Promise.all(Array.from({ length: 25 }, () => kv.update<number>('counter', (n) => (n ?? 0) + 1)));
    expect(await kv.get('counter')).toBe(25);
    await kv.update('counter', () => undefined);
    expect(await kv.has('counter')).toBe(false);
  });

  // memory has no second process; @keyv/postgres shares one pool per URI (closing one ends both).
  it.skipIf(name === 'memory' || name === 'postgres')(
    'update never loses an increment of another process sharing the backend',
    async () => {
      const other = await openStore(opened);
      try {
        const mine = store.kv(ns);
        const theirs = other.kv(ns);
        const inc = (n: number | undefined) => (n ?? 0) + 1;
        await Promise.all(
          Array.from({ length: 20 }, (_, i) => (i % 2 ? mine : theirs).update<number>('shared', inc)),
        );
        expect(await mine.get('shared')).toBe(20);
        expect(await theirs.get('shared')).toBe(20);
      } finally {
        await other.close();
      }
    },
  );

  it('update sees an expired value as absent and applies its own ttl', async () => {
    const kv = store.kv(ns);
    await kv.set('stale', 5, 100);
    await new Promise((r) => setTimeout(r, 200));
    expect(await kv.update<number>('stale', (n) => (n ?? 0) + 1, 150)).toBe(1);
    expect(await kv.get('stale')).toBe(1);
    await new Promise((r) => setTimeout(r, 300));
    expect(await kv.get('stale')).toBeUndefined();
  });

  it('lists the keys of a namespace, long keys included', async () => {
    const kv = store.kv(`${ns}list`);
    const long = `https://example.com/${'a'.repeat(400)}`;
    await kv.set('a', 1);
    await kv.set('b', 2);
    await kv.set(long, 3);
    expect(await kv.get(long)).toBe(3);
    const keys: string[] = [];
    for await (const k of kv.keys()) keys.push(k);
    expect(keys.filter((k) => k === 'a' || k === 'b').sort()).toEqual(['a', 'b']);
    expect(keys).toHaveLength(3);
    await kv.clear();
    const after: string[] = [];
    for await (const k of kv.keys()) after.push(k);
    expect(after).toEqual([]);
  });

  it("round-trips strings starting with ':' (keyv escapes them) through every write and read", async () => {
    const kv = store.kv(`${ns}colon`);
    const value = {
      said: ':colon first',
      twice: '::two',
      nested: [':a', { k: ':base64:not-a-buffer' }],
      plain: 'x',
    };
    await kv.set('set', value);
    await kv.setMany([{ key: 'many', value }]);
    await kv.setIfAbsent('claimed', value);
    await kv.update<typeof value>('updated', () => value);
    expect(await kv.getMany(['set', 'many', 'claimed', 'updated'])).toEqual([value, value, value, value]);
    expect(await kv.get(':')).toBeUndefined();
    await kv.set('top', ':top');
    expect(await kv.get('top')).toBe(':top');
    await kv.clear();
  });

  it('answers ping', async () => {
    await expect(store.ping()).resolves.toBeUndefined();
  });
});

describe('store failures', () => {
  it('refuses to open a server that is not there, with an error instead of silence', async () => {
    await expect(openStore('redis://127.0.0.1:1')).rejects.toThrow();
  });
  it('rejects an unknown scheme', async () => {
    await expect(openStore('mongodb://x')).rejects.toThrow(/unsupported/);
  });
});
