import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createKnowledgeStore } from '../../src/cases/knowledgeStore.ts';
import { openStore } from '../../src/store/index.ts';
import { article, definition, facts } from './helpers.ts';

const dir = mkdtempSync(join(tmpdir(), 'casewatch-knowledge-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('knowledge store', () => {
  it("two processes on one SQLite file lose no merge, and each reader sees the other's writes", async () => {
    const url = `sqlite://${join(dir, 'k.sqlite')}`;
    const one = await openStore(url);
    const two = await openStore(url);
    try {
      const a = createKnowledgeStore(one);
      const b = createKnowledgeStore(two);
      // Warm b's cache before a writes.
      expect((await b.get('harbor')).version).toBe(0);
      const merge = (ks: typeof a, i: number) =>
        ks.merge(
          definition,
          article(`https://x.example/${i}`, '2024-03-05'),
          facts({ events: [{ type: 'arrest', who: 'Marcus Dale', date: '2024-03-04' }] }),
          { history: false },
        );
      await Promise.all(Array.from({ length: 12 }, (_, i) => merge(i % 2 ? a : b, i)));
      const seenByB = await b.get('harbor');
      const seenByA = await a.get('harbor');
      expect(Object.keys(seenByB.articles)).toHaveLength(12);
      expect(seenByA.version).toBe(seenByB.version);
      // All twelve reports are one development.
      expect(seenByA.developments).toHaveLength(1);
      expect(seenByA.developments[0]?.reports).toHaveLength(12);
    } finally {
      await one.close();
      await two.close();
    }
  });

  it('keeps quotes per person and removes a case completely', async () => {
    const store = await openStore('memory://');
    const ks = createKnowledgeStore(store);
    const r = await ks.merge(
      definition,
      article('https://q.example/1', '2024-03-05'),
      facts({
        quotes: [
          { speaker: 'Marcus Dale', text: 'We built it to code' },
          { speaker: null, text: 'No comment on the case' },
        ],
      }),
      { history: false },
    );
    await ks.addQuotes('harbor', r.quotes);
    await ks.addQuotes('harbor', r.quotes);
    const dale = (await ks.get('harbor')).people.find((p) => p.name === 'Marcus Dale');
    expect((await ks.quotes('harbor', dale?.id)).map((q) => q.text)).toEqual(['We built it to code']);
    expect(await ks.quotes('harbor')).toHaveLength(2);
    await ks.remove('harbor');
    expect((await ks.get('harbor')).version).toBe(0);
    expect(await ks.quotes('harbor')).toEqual([]);
    await store.close();
  });
});
