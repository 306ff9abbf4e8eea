import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { createKnowledgeStore } from '../../src/cases/knowledgeStore.ts';
import { openStore } from '../../src/store/index.ts';
import type { KV, Store } from '../../src/store/types.ts';
import { article, definition, facts } from './helpers.ts';

const dir = mkdtempSync(join(tmpdir(), 'casewatch-notices-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The store, counting reads of the case log. */
function counting(store: Store) {
  const reads = { n: 0 };
  const wrap = (kv: KV): KV => ({
    ...kv,
    getMany: (keys) => {
      reads.n++;
      return kv.getMany(keys);
    },
    get: (key) => {
      reads.n++;
      return kv.get(key);
    },
  });
  const kvs = new Map<string, KV>();
  const counted: Store = {
    ...store,
    kv: (ns) => {
      let kv = kvs.get(ns);
      if (!kv) {
        kv = ns === 'case-log' ? wrap(store.kv(ns)) : store.kv(ns);
        kvs.set(ns, kv);
      }
      return kv;
    },
  };
  return { counted, reads };
}

const slug = `notices-${process.pid}-${Date.now().toString(36)}`;
const def = { ...definition, slug };
const merge = (store: Store, i: number) =>
  createKnowledgeStore(store).merge(
    def,
    article(`https://notice.example/${slug}/${i}`, '2024-03-05'),
    facts({ events: [{ type: 'arrest', who: 'Marcus Dale', date: '2024-03-04' }] }),
    { history: false },
  );

describe.each([
  ['sqlite', () => `sqlite://${join(dir, 'n.sqlite')}`],
  ['redis', () => 'redis://127.0.0.1:6379'],
])('knowledge store change notices: %s', (_name, url) => {
  it("a reader asks the store only after another process's notice, and then sees its merge", async () => {
    const one = await openStore(url());
    const two = await openStore(url());
    const { counted, reads } = counting(one);
    const reader = createKnowledgeStore(counted);
    try {
      await merge(two, 0);
      await vi.waitFor(async () => expect((await reader.get(slug)).version).toBe(1), { timeout: 2_000 });
      // Notices flowing and none since: reads are answered from memory.
      await vi.waitFor(() => expect(counted.changes?.live()).toBe(true), { timeout: 2_000 });
      await reader.get(slug);
      const before = reads.n;
      for (let i = 0; i < 20; i++) await reader.get(slug);
      expect(reads.n).toBe(before);
      // Another process appends: the reader sees it within the notice's travel (a poll on SQLite).
      await merge(two, 1);
      await vi.waitFor(async () => expect((await reader.get(slug)).version).toBe(2), {
        timeout: 1_000,
        interval: 10,
      });
      expect(reads.n).toBeGreaterThan(before);
      // Its own merge shows without waiting; on SQLite it moved the files, so one read follows.
      await merge(counted, 2);
      const after = reads.n;
      expect((await reader.get(slug)).version).toBe(3);
      expect(reads.n - after).toBeLessThanOrEqual(1);
      const settled = reads.n;
      for (let i = 0; i < 20; i++) await reader.get(slug);
      expect(reads.n).toBe(settled);
    } finally {
      await createKnowledgeStore(two).remove(slug);
      await one.close();
      await two.close();
    }
  });
});
