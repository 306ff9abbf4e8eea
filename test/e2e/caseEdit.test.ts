import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCaseStore } from '../../src/store/cases.ts';
import { startTestBot, type TestBot } from '../support/bot.ts';
import { type Emulator, startEmulator } from '../support/emulator.ts';
import { closeAll } from '../support/suite.ts';

/** `/case edit` changes the server's own case and says what changed; the operator's case is refused. */
describe('/case edit through the real client', () => {
  let emu: Emulator;
  let t: TestBot;
  const edit = async (options: Record<string, string>) =>
    (await emu.command('case', { subcommand: 'edit', options })).content ?? '';

  beforeAll(async () => {
    emu = await startEmulator();
    t = await startTestBot(emu.apiUrl);
    await emu.waitForReady();
    await emu.command('case', {
      subcommand: 'track',
      options: { name: 'Quarry fire', aliases: 'Millstone quarry', slug: 'quarry' },
    });
  });
  afterAll(() => closeAll(t, emu));

  it('says what changed, field by field, and keeps the case the server’s own', async () => {
    expect(
      await edit({ case: 'quarry', aliases: 'Millstone quarry, quarry blaze', defendants: 'Ada Brook' }),
    ).toBe('Updated `quarry`: aliases added: quarry blaze; defendants added: Ada Brook.');
    expect(await edit({ case: 'quarry', name: 'Quarry fire trial', aliases: 'quarry blaze' })).toBe(
      'Updated `quarry`: name "Quarry fire" → "Quarry fire trial"; aliases removed: Millstone quarry.',
    );
    expect(await edit({ case: 'quarry', name: 'Quarry fire trial' })).toBe('`quarry`: nothing changed.');
    const stored = await createCaseStore(t.store).get('quarry');
    expect(stored).toMatchObject({
      name: 'Quarry fire trial',
      aliases: ['quarry blaze'],
      owner: emu.guilds[0]?.id,
    });
    expect((await emu.command('case', { subcommand: 'list' })).content).toContain('Quarry fire trial');
  });

  it("refuses the operator's shared case and a case the server does not track", async () => {
    const cases = createCaseStore(t.store);
    await cases.put({ slug: 'shared', name: 'Shared case', aliases: [], defendants: [] });
    await cases.track(emu.guilds[0]?.id ?? '', 'shared');
    expect(await edit({ case: 'shared', name: 'Mine now' })).toMatch(/operator's shared case/);
    expect((await cases.get('shared'))?.name).toBe('Shared case');
    expect(await edit({ case: 'nosuch', name: 'x' })).toMatch(/does not track a case by that name/);
  });
});
