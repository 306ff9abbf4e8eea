// The knowledge store reports a log entry it cannot replay instead of skipping it silently, and
// removing a case leaves none of its keys behind.
import { describe, expect, it } from 'vitest';
import { createKnowledgeStore } from '../../src/cases/knowledgeStore.ts';
import { createLogger, memoryDestination } from '../../src/log.ts';
import { openStore } from '../../src/store/index.ts';
import type { Store } from '../../src/store/types.ts';
import { article, definition, facts } from './helpers.ts';

const arrest = facts({ events: [{ type: 'arrest', who: 'Marcus Dale', date: '2024-03-04' }] });

async function keysOf(store: Store, namespace: string, prefix: string): Promise<string[]> {
  const out: string[] = [];
  for await (const key of store.kv(namespace).keys()) if (key.startsWith(prefix)) out.push(key);
  return out;
}

describe('knowledge store housekeeping', () => {
  it('logs a case log entry that cannot be merged, with its case and slot, and goes on', async () => {
    const store = await openStore('memory://');
    try {
      const log = memoryDestination();
      const ks = createKnowledgeStore(store, createLogger({ level: 'debug', destination: log }));
      const entry = { definition, article: article('https://x.example/1', '2024-03-05'), history: false };
      await store.kv('case-log').set('harbor|1', { ...entry, facts: null }); // a malformed record
      await store
        .kv('case-log')
        .set('harbor|2', { ...entry, article: article('https://x.example/2', '2024-03-06'), facts: arrest });
      const k = await ks.get('harbor');
      expect(k.version).toBe(2);
      expect(Object.keys(k.articles)).toEqual(['https://x.example/2']);
      const line = log.lines.map((l) => JSON.parse(l)).find((l) => /could not be merged/.test(l.msg));
      expect(line).toMatchObject({ case: 'harbor', slot: 1, url: 'https://x.example/1' });
    } finally {
      await store.close();
    }
  });

  it("remove() deletes every key of the case (log, effects, quotes, snapshot) and nothing of another case's", async () => {
    const store = await openStore('memory://');
    try {
      const ks = createKnowledgeStore(store);
      const other = { ...definition, slug: 'harbor-2' };
      await ks.merge(definition, article('https://x.example/a', '2024-03-05'), arrest, { history: false });
      await ks.merge(other, article('https://x.example/b', '2024-03-05'), arrest, { history: false });
      const quote = {
        text: 'We will appeal.',
        url: 'https://x.example/a',
        outlet: 'X',
        published: '2024-03-05',
      };
      // Quote lists and merge effects as older versions kept them apart: a speaker who is not
      // among the case's people, and an unnamed one.
      await store
        .kv('case-quotes')
        .set('harbor|someone-else', [{ ...quote, person: 'someone-else', speaker: 'Someone Else' }]);
      await store.kv('case-quotes').set('harbor|~', [{ ...quote, person: null, speaker: null }]);
      await store.kv('case-effects').set('harbor|https://x.example/a', { alerts: [], quotes: [] });
      await store.kv('case-snapshot').set('harbor', await ks.get('harbor'));
      // Another process appends after this one last read the case.
      const entry = {
        definition,
        article: article('https://x.example/c', '2024-03-07'),
        facts: arrest,
        history: false,
      };
      await store.kv('case-log').set('harbor|2', entry);

      await ks.remove('harbor');

      for (const namespace of ['case-log', 'case-effects', 'case-quotes']) {
        expect(await keysOf(store, namespace, 'harbor|'), namespace).toEqual([]);
        expect((await keysOf(store, namespace, 'harbor-2|')).length, namespace).toBeGreaterThanOrEqual(
          namespace === 'case-log' ? 1 : 0,
        );
      }
      expect(await store.kv('case-snapshot').get('harbor')).toBeUndefined();
      expect((await ks.get('harbor')).version).toBe(0);
      expect((await ks.get('harbor-2')).version).toBe(1);
    } finally {
      await store.close();
    }
  });
});
