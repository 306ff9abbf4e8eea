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
    await ks.merge(
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
    // The same article again adds nothing.
    await ks.merge(
      definition,
      article('https://q.example/1', '2024-03-05'),
      facts({ quotes: [{ speaker: 'Marcus Dale', text: 'We built it to code' }] }),
      { history: false },
    );
    const dale = (await ks.get('harbor')).people.find((p) => p.name === 'Marcus Dale');
    expect((await ks.quotes('harbor', dale?.id)).map((q) => q.text)).toEqual(['We built it to code']);
    expect(await ks.quotes('harbor')).toHaveLength(2);
    await ks.remove('harbor');
    expect((await ks.get('harbor')).version).toBe(0);
    expect(await ks.quotes('harbor')).toEqual([]);
    await store.close();
  });

  it('after a restart, snapshot plus log tail give the same case, quotes and replayed alerts as the live process', async () => {
    const url = `sqlite://${join(dir, 'restart.sqlite')}`;
    const before = await openStore(url);
    const kinds = ['arrest', 'charge', 'hearing', 'plea'] as const;
    const firstAlerts = [];
    let alerted = -1;
    try {
      const ks = createKnowledgeStore(before);
      // 120 articles: past two snapshots, with a tail after the last one.
      for (let i = 0; i < 120; i++) {
        const day = `2024-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 27)).padStart(2, '0')}`;
        // The last twenty: one new verdict, reported by one outlet after another.
        const late = i >= 100;
        const r = await ks.merge(
          definition,
          article(`https://r.example/${i}`, late ? '2025-01-11' : day, late ? `Outlet ${i}` : undefined),
          facts({
            events: [
              late
                ? { type: 'verdict', who: 'Marcus Dale', date: '2025-01-10' }
                : { type: kinds[i % kinds.length] ?? 'arrest', who: 'Marcus Dale', date: day },
            ],
            quotes: [
              { speaker: i % 3 ? 'Marcus Dale' : null, text: `Statement number ${i} about the bridge` },
            ],
          }),
          { history: !late },
        );
        if (alerted < 0 && i >= 100 && r.alerts.length > 0) {
          alerted = i;
          firstAlerts.push(...r.alerts);
        }
      }
      const live = structuredClone(await ks.get('harbor'));
      const liveQuotes = structuredClone(await ks.quotes('harbor'));
      await before.close();

      const after = await openStore(url);
      try {
        const fresh = createKnowledgeStore(after);
        expect(await fresh.get('harbor')).toEqual(live);
        expect(await fresh.quotes('harbor')).toEqual(liveQuotes);
        expect(liveQuotes).toHaveLength(120);
        const dale = live.people.find((p) => p.name === 'Marcus Dale');
        expect(await fresh.quotes('harbor', dale?.id)).toHaveLength(80);
        // The same article again: nothing new, and what its first merge decided comes back.
        expect(firstAlerts.length).toBeGreaterThan(0);
        const again = await fresh.merge(
          definition,
          article(`https://r.example/${alerted}`, '2024-03-03'),
          facts({ events: [{ type: 'arrest', who: 'Marcus Dale', date: '2024-03-03' }] }),
          { history: false },
        );
        expect(again.changed).toBe(false);
        expect(again.replay?.alerts).toEqual(firstAlerts);
      } finally {
        await after.close();
      }
    } finally {
      await before.close().catch(() => undefined);
    }
  });
});
