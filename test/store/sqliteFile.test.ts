// The SQLite store reads and writes the same table as the keyv adapter earlier versions used, so a
// data file written before the change opens with every value in it.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import KeyvSqlite from '@keyv/sqlite';
import Keyv from 'keyv';
import { describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/index.ts';

describe('sqlite store file', () => {
  it('opens a file written through @keyv/sqlite: values, expiry and keys as written', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'cw-sqlite-')), 'old.sqlite');
    const old = new Keyv({
      store: new KeyvSqlite({ uri: `sqlite://${file}` }),
      namespace: '',
      useKeyPrefix: false,
    });
    await old.set('cases:rust', { slug: 'rust', name: 'Rust' });
    await old.set('feeds:a', { url: 'https://a.example/feed' });
    await old.set('seen:gone', { done: true }, 1);
    await old.disconnect();
    await new Promise((r) => setTimeout(r, 5));

    const store = await openStore(`sqlite://${file}`);
    try {
      const cases = store.kv('cases');
      expect(await cases.get('rust')).toEqual({ slug: 'rust', name: 'Rust' });
      expect(await store.kv('seen').get('gone')).toBeUndefined();
      const keys: string[] = [];
      for await (const k of store.kv('feeds').keys()) keys.push(k);
      expect(keys).toEqual(['a']);
      // Written now, read back; deleted, gone (and said so once).
      await cases.set('mill', { slug: 'mill' });
      expect(await cases.getMany(['mill', 'rust', 'none'])).toEqual([
        { slug: 'mill' },
        { slug: 'rust', name: 'Rust' },
        undefined,
      ]);
      expect(await cases.delete('mill')).toBe(true);
      expect(await cases.delete('mill')).toBe(false);
    } finally {
      await store.close();
    }
  });
});
