import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createCorrectionStore } from '../../src/cases/corrections.ts';
import { openStore } from '../../src/store/index.ts';

const dir = mkdtempSync(join(tmpdir(), 'casewatch-corrections-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('corrections as /status reads them', () => {
  it("show at once when made through this process, within a second through another; one server's never show in another", async () => {
    const url = `sqlite://${join(dir, 'c.sqlite')}`;
    const here = await openStore(url);
    const elsewhere = await openStore(url);
    try {
      const mine = createCorrectionStore(here);
      expect([...(await mine.hidden('g1', 'harbor'))]).toEqual([]);
      expect(await mine.hide('g1', 'harbor', 'd1')).toBe(true);
      expect([...(await mine.hidden('g1', 'harbor'))]).toEqual(['d1']);
      expect(await mine.hide('g1', 'harbor', 'd1')).toBe(false);
      expect([...(await mine.hidden('g2', 'harbor'))]).toEqual([]);
      // Another instance on the same store.
      expect(await createCorrectionStore(elsewhere).hide('g1', 'harbor', 'd2')).toBe(true);
      await new Promise((r) => setTimeout(r, 1_100));
      expect([...(await mine.hidden('g1', 'harbor'))].sort()).toEqual(['d1', 'd2']);
      expect([...(await mine.hidden('g2', 'harbor'))]).toEqual([]);
    } finally {
      await here.close();
      await elsewhere.close();
    }
  });
});
