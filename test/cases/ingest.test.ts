import { afterEach, describe, expect, it } from 'vitest';
import { createKnowledgeStore } from '../../src/cases/knowledgeStore.ts';
import { caseStatus } from '../../src/cases/status.ts';
import type { Article, Facts } from '../../src/facts.ts';
import { ingestArticle } from '../../src/ingest.ts';
import { openStore } from '../../src/store/index.ts';
import type { Store } from '../../src/store/types.ts';
import { article, definition, facts } from './helpers.ts';

const arrest = (date: string, summary = 'Marcus Dale arrested at his home') =>
  facts({
    events: [{ type: 'arrest', who: 'Marcus Dale', date, summary }],
    quotes: [{ speaker: 'Marcus Dale', text: 'I did nothing wrong at all' }],
  });

let store: Store | undefined;
afterEach(async () => {
  await store?.close();
  store = undefined;
});

function extractorFrom(table: Record<string, Facts>) {
  let calls = 0;
  return {
    extract: (a: Article) => {
      calls++;
      const f = table[a.url];
      if (!f) throw new Error(`no facts for ${a.url}`);
      return f;
    },
    calls: () => calls,
  };
}

describe('ingestArticle', () => {
  it('alerts a new development once, then an update when another outlet reports it', async () => {
    store = await openStore('memory://');
    const x = extractorFrom({
      'https://a.example/1': arrest('2024-03-04'),
      'https://b.example/2': arrest('2024-03-04', 'Police arrest Dale'),
    });
    const deps = { store, extract: x.extract, cases: [definition], history: false };
    const first = await ingestArticle(article('https://a.example/1', '2024-03-05'), deps);
    expect(first.cases).toEqual(['harbor']);
    expect(first.alerts.map((a) => [a.kind, a.development.type, a.development.who])).toEqual([
      ['new', 'arrest', 'Marcus Dale'],
    ]);
    const second = await ingestArticle(article('https://b.example/2', '2024-03-06'), deps);
    expect(second.alerts.map((a) => a.kind)).toEqual(['update']);
    expect(second.alerts[0]?.development.sources.map((s) => s.url)).toEqual([
      'https://a.example/1',
      'https://b.example/2',
    ]);
  });

  it('is idempotent: the same article again neither extracts, changes nor alerts', async () => {
    store = await openStore('memory://');
    const x = extractorFrom({ 'https://a.example/1': arrest('2024-03-04') });
    const deps = { store, extract: x.extract, cases: [definition], history: false };
    const first = await ingestArticle(article('https://a.example/1', '2024-03-05'), deps);
    const before = await createKnowledgeStore(store).get('harbor');
    const again = await ingestArticle(article('https://a.example/1', '2024-03-05'), deps);
    expect(again.alerts).toEqual([]);
    // What the first merge decided stays available, for a caller that crashed before delivering.
    expect(first.alerts).toHaveLength(1);
    expect(again.replayed).toEqual(first.alerts);
    expect(x.calls()).toBe(1);
    expect((await createKnowledgeStore(store).get('harbor')).version).toBe(before.version);
    expect(await createKnowledgeStore(store).quotes('harbor')).toHaveLength(1);
  });

  it('never alerts from history, nor later for a development first seen in history', async () => {
    store = await openStore('memory://');
    const x = extractorFrom({
      'https://a.example/1': arrest('2024-03-04'),
      'https://b.example/2': arrest('2024-03-04'),
    });
    const old = await ingestArticle(article('https://a.example/1', '2024-03-05'), {
      store,
      extract: x.extract,
      cases: [definition],
      history: true,
    });
    expect(old.alerts).toEqual([]);
    const later = await ingestArticle(article('https://b.example/2', '2024-03-06'), {
      store,
      extract: x.extract,
      cases: [definition],
      history: false,
    });
    expect(later.alerts).toEqual([]);
    // History still counts for the status.
    const status = caseStatus(await createKnowledgeStore(store).get('harbor'), '2024-03-06');
    expect(status.defendants['Marcus Dale']?.stage).toBe('charged');
  });

  it('stores nothing for an article that matches no tracked case', async () => {
    store = await openStore('memory://');
    const x = extractorFrom({});
    const r = await ingestArticle(
      {
        url: 'https://z.example/',
        title: 'Rust Belt jobs',
        published: '2024-01-01',
        text: 'Factories reopen.',
      },
      { store, extract: x.extract, cases: [definition], history: false },
    );
    expect(r).toEqual({ cases: [], alerts: [], replayed: [] });
    expect(x.calls()).toBe(0);
  });

  it("keeps every concurrent writer's article (read-modify-write under the store lock)", async () => {
    store = await openStore('memory://');
    const table: Record<string, Facts> = {};
    for (let i = 0; i < 20; i++)
      table[`https://n.example/${i}`] = arrest(`2024-03-${String(i + 1).padStart(2, '0')}`);
    const x = extractorFrom(table);
    const s = store;
    await Promise.all(
      Object.keys(table).map((url) =>
        ingestArticle(article(url, '2024-04-01'), {
          store: s,
          extract: x.extract,
          cases: [definition],
          history: false,
        }),
      ),
    );
    const k = await createKnowledgeStore(store).get('harbor');
    expect(Object.keys(k.articles)).toHaveLength(20);
  });
});

describe('canonicalUrl', () => {
  it('drops tracking parameters and fragments, but keeps link-less feed items apart', async () => {
    const { canonicalUrl } = await import('../../src/cases/sources.ts');
    expect(canonicalUrl('https://a.example/story?utm_source=x&id=3#comments')).toBe(
      'https://a.example/story?id=3',
    );
    expect(canonicalUrl('https://feed.example/rss#item-ab12')).not.toBe(
      canonicalUrl('https://feed.example/rss#item-cd34'),
    );
  });
});
