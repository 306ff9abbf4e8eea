import { afterEach, describe, expect, it } from 'vitest';
import { command } from '../../src/cli/case.ts';
import { createCaseStore } from '../../src/store/cases.ts';
import { openStore } from '../../src/store/index.ts';
import type { Store } from '../../src/store/types.ts';
import { runCli } from '../support/cli.ts';

let store: Store | undefined;
afterEach(async () => {
  await store?.close();
  store = undefined;
});

async function withCase() {
  store = await openStore('memory://');
  await createCaseStore(store).put({
    slug: 'okafor',
    name: 'Okafor fraud case',
    aliases: [],
    defendants: ['Daniel Okafor'],
  });
  return store;
}

describe('casewatch case docket', () => {
  it('links, lists and unlinks a docket however its number and court are written', async () => {
    const s = await withCase();
    const added = await runCli(command, ['docket', 'add', 'okafor', 'S.D.N.Y.', '1:24-cr-542'], s);
    expect(added).toMatchObject({ code: 0 });
    expect(added.out).toContain('now follows docket 1:24-cr-00542 (nysd)');
    // The same docket with judge initials is the same docket: not linked twice.
    const again = await runCli(command, ['docket', 'add', 'okafor', 'nysd', '1:24-cr-00542-AS'], s);
    expect(again.out).toContain('already follows docket');
    expect((await createCaseStore(s).get('okafor'))?.dockets).toEqual([
      { court: 'nysd', number: '1:24-cr-00542' },
    ]);
    expect((await runCli(command, ['docket', 'list', 'okafor'], s)).out).toBe(
      'Okafor fraud case follows: 1:24-cr-00542 (nysd)\n',
    );
    const removed = await runCli(command, ['docket', 'remove', 'okafor', 'nysd', '24-cr-542'], s);
    expect(removed).toMatchObject({ code: 0 });
    expect((await createCaseStore(s).get('okafor'))?.dockets).toEqual([]);
  });

  it('refuses what is not a docket, plainly, and changes nothing', async () => {
    const s = await withCase();
    const bad = await runCli(command, ['docket', 'add', 'okafor', 'nysd', 'the Okafor case'], s);
    expect(bad.code).toBe(1);
    expect(bad.err).toContain('"the Okafor case" is not a docket number');
    const unknown = await runCli(command, ['docket', 'add', 'nobody', 'nysd', '1:24-cr-1'], s);
    expect(unknown).toMatchObject({ code: 1, err: 'case docket: no case "nobody"\n' });
    const missing = await runCli(command, ['docket', 'add', 'okafor'], s);
    expect(missing.code).toBe(2);
    expect((await createCaseStore(s).get('okafor'))?.dockets).toBeUndefined();
  });
});
