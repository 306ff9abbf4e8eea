import { assert, describe, expect, it } from 'vitest';
import { pageButtons, pageCustomId, parsePageCustomId } from '../../src/discord/pager.ts';
import { UserError } from '../../src/errors.ts';
import { openStore } from '../../src/store/index.ts';

const USER = '123456789012345678';

describe('pagination custom ids', () => {
  it('carries a short query in the id itself, colons in filters included', async () => {
    const store = await openStore('memory://');
    const id = await pageCustomId(store, 'timeline', { page: 3, userId: USER, query: ['rust', 'a:b', ''] });
    expect(id.startsWith(`timeline:3:${USER}:rust:`)).toBe(true);
    expect(await parsePageCustomId(store, id)).toEqual({ page: 3, userId: USER, query: ['rust', 'a:b', ''] });
    await store.close();
  });

  it('keeps a query too long for 100 characters in the store, and still reads it back', async () => {
    const store = await openStore('memory://');
    const query = ['a'.repeat(64), 'Hannah Gutierrez-Reed', 'the firearm was not supposed to be loaded'];
    const id = await pageCustomId(store, 'quotes', { page: 12, userId: USER, query });
    expect(id.length).toBeLessThanOrEqual(100);
    expect(await parsePageCustomId(store, id)).toEqual({ page: 12, userId: USER, query });
    await store.close();
  });

  it('writes a long query to the store once, not for each button and page of its list', async () => {
    const store = await openStore('memory://');
    const pager = store.kv('pager');
    let writes = 0;
    const set = pager.set.bind(pager);
    pager.set = (...args) => {
      writes++;
      return set(...args);
    };
    const query = ['b'.repeat(64), 'Hannah Gutierrez-Reed', 'loaded'];
    for (const page of [0, 1, 2]) {
      const [row] = (await pageButtons(store, 'quotes', { page, userId: USER, query }, 5)) as Array<{
        components: Array<{ custom_id: string }>;
      }>;
      for (const button of row?.components ?? [])
        expect((await parsePageCustomId(store, button.custom_id)).query).toEqual(query);
    }
    expect(writes).toBe(1);
    await store.close();
  });

  it('answers an expired or forged id with a UserError, not a crash', async () => {
    const store = await openStore('memory://');
    await expect(parsePageCustomId(store, `quotes:1:${USER}:#unknownhash`)).rejects.toThrow(UserError);
    await expect(parsePageCustomId(store, 'quotes:-1:x:rust')).rejects.toThrow(/not valid/);
    await expect(parsePageCustomId(store, `quotes:1.5:${USER}:rust`)).rejects.toThrow(UserError);
    await store.close();
  });

  it('gives no buttons for one page, and distinct, correctly disabled ones otherwise', async () => {
    const store = await openStore('memory://');
    const request = { page: 0, userId: USER, query: ['rust'] };
    expect(await pageButtons(store, 'timeline', request, 1)).toEqual([]);
    for (const [page, pages] of [
      [0, 2],
      [1, 2],
      [4, 9],
      [8, 9],
    ] as const) {
      const [row] = (await pageButtons(store, 'timeline', { ...request, page }, pages)) as Array<{
        components: Array<{ custom_id: string; disabled: boolean }>;
      }>;
      const [prev, next] = row?.components ?? [];
      expect(prev?.custom_id).not.toBe(next?.custom_id);
      expect(prev?.disabled).toBe(page === 0);
      expect(next?.disabled).toBe(page === pages - 1);
      assert.exists(prev);
      assert.exists(next);
      expect((await parsePageCustomId(store, next.custom_id)).page).toBe(Math.min(pages - 1, page + 1));
      expect((await parsePageCustomId(store, prev.custom_id)).page).toBe(Math.max(0, page - 1));
    }
    await store.close();
  });
});
