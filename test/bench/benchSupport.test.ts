import { describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/index.ts';
import { cleanStore, RUN_ID, storeNamespaces } from './backends.ts';
import { startFeedServer } from './feedServer.ts';
import { percentile, renderTable } from './report.ts';
import { rng, synthArticle, synthCases } from './synth.ts';

describe('benchmark support', () => {
  it('percentiles are nearest-rank over sorted samples', () => {
    const sorted = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(sorted, 50)).toBe(50);
    expect(percentile(sorted, 99)).toBe(99);
    expect(percentile([7], 99)).toBe(7);
  });

  it('prints one markdown row per measure, pipes escaped', () => {
    const table = renderTable([{ section: 's', measure: 'a|b', value: '1 ms' }], 'header');
    const lines = table.split('\n');
    expect(lines).toContain('| s | a\\|b | 1 ms |  |  |  |');
    expect(lines.filter((l) => l.startsWith('| s |'))).toHaveLength(1);
  });

  it('the feed server answers 304 to its own ETag until the feeds change', async () => {
    const server = await startFeedServer(3, { hosts: 2 });
    try {
      const first = await fetch(server.url(1));
      const body = await first.text();
      expect(first.status).toBe(200);
      expect(body.match(/<item>/g)).toHaveLength(20);
      const etag = first.headers.get('etag') ?? '';
      const again = await fetch(server.url(1), { headers: { 'if-none-match': etag } });
      expect(again.status).toBe(304);
      server.changeAll();
      const changed = await fetch(server.url(1), { headers: { 'if-none-match': etag } });
      expect(changed.status).toBe(200);
      expect(await changed.text()).not.toBe(body);
      expect((await fetch(server.url(3).replace('/3.xml', '/9.xml'))).status).toBe(404);
    } finally {
      await server.close();
    }
  });

  it('cleanup removes the run’s keys and leaves everyone else’s', async () => {
    const store = await openStore('memory://');
    await store.kv('case-log').set(`${RUN_ID}-x|1`, { a: 1 });
    await store.kv('case-log').set('someone-else|1', { b: 2 });
    await store.kv('cases').set('~all', [`${RUN_ID}-x`, 'someone-else']);
    await cleanStore(store);
    expect(await store.kv('case-log').get(`${RUN_ID}-x|1`)).toBeUndefined();
    expect(await store.kv('case-log').get('someone-else|1')).toEqual({ b: 2 });
    expect(await store.kv('cases').get('~all')).toEqual(['someone-else']);
  });

  it('cleanup knows every namespace the source writes', () => {
    const names = storeNamespaces();
    for (const ns of ['case-log', 'cases', 'feeds', 'seen']) expect(names).toContain(ns);
  });

  it('synthetic articles are the same for the same seed and name the case', () => {
    const [c] = synthCases('bench-t', 1);
    if (!c) throw new Error('no case');
    const a = synthArticle(c, rng(3), 0);
    expect(synthArticle(c, rng(3), 0)).toEqual(a);
    expect(a.text).toContain(c.definition.defendants[0] ?? '?');
  });
});
