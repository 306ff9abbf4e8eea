import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { command as exportCommand } from '../../src/cli/export.ts';
import { command as importCommand } from '../../src/cli/import.ts';
import { parseConfig } from '../../src/config.ts';
import { createCaseStore } from '../../src/store/cases.ts';
import { openStore } from '../../src/store/index.ts';
import type { Store } from '../../src/store/types.ts';
import { rss, startServer } from '../feeds/server.ts';
import { startTestApp, type TestApp } from '../support/bot.ts';
import { runCli } from '../support/cli.ts';
import { type Emulator, startEmulator } from '../support/emulator.ts';

const config = parseConfig({});

/** A server set up through Discord, exported, and imported into a fresh store a new bot then serves. */
describe('casewatch export > server.json, casewatch import server.json', () => {
  let emu: Emulator;
  let site: Awaited<ReturnType<typeof startServer>>;
  const stores: Store[] = [];
  let t: TestApp | undefined;
  const dir = mkdtempSync(join(tmpdir(), 'cw-backup-'));
  const file = join(dir, 'server.json');
  const answers = async () => ({
    cases: (await emu.command('case', { subcommand: 'list' })).content,
    feeds: ((await emu.command('feed', { subcommand: 'list' })).content ?? '').replace(
      / · last success[^\n]*/g,
      '',
    ),
    alerts: JSON.stringify((await emu.command('alerts', { subcommand: 'show' })).embeds),
  });

  beforeAll(async () => {
    emu = await startEmulator();
    site = await startServer();
    site.route('/rss', (_q, res) =>
      res
        .writeHead(200)
        .end(rss([{ title: 'Quarry fire', link: 'https://news.example/1', guid: '1' }], 'Valley News')),
    );
    stores.push(await openStore('memory://'), await openStore('memory://'));
  });
  afterAll(async () => {
    await t?.stop();
    for (const s of stores) await s.close();
    await site?.close();
    await emu?.close();
  });

  it('round-trips the cases, feeds and alert settings a server set up with slash commands', async () => {
    const [first, second] = stores as [Store, Store];
    t = await startTestApp(emu.apiUrl, { store: first });
    await emu.waitForReady();
    await emu.command('case', {
      subcommand: 'track',
      options: { name: 'Quarry fire', aliases: 'Millstone quarry', defendants: 'Ada Brook', slug: 'quarry' },
    });
    await emu.command('feed', {
      subcommand: 'add',
      options: { url: site.url('/rss'), case: 'quarry', interval: 15, exclude: 'sports', channel: 'general' },
    });
    await emu.command('alerts', {
      subcommand: 'set',
      options: { channel: 'alerts', types: 'charge, verdict', threads: true },
    });
    await emu.command('alerts', {
      subcommand: 'case-channel',
      options: { case: 'quarry', channel: 'general' },
    });
    const before = await answers();

    const exported = await runCli(exportCommand, [], first, config);
    expect(exported.code).toBe(0);
    const backup = JSON.parse(exported.out);
    expect(backup).toMatchObject({ format: 'casewatch-export', version: 1 });
    expect(backup.feeds).toEqual([
      {
        url: site.url('/rss'),
        title: 'Valley News',
        guildId: emu.guilds[0]?.id,
        caseSlug: 'quarry',
        intervalMinutes: 15,
        exclude: ['sports'],
        channelId: emu.channelIds.general,
      },
    ]);
    expect(backup.alerts).toMatchObject([
      { threads: true, caseChannels: { quarry: emu.channelIds.general } },
    ]);
    expect(before.alerts).toContain('one thread per case');
    expect((await emu.command('feed', { subcommand: 'list' })).content).toContain(
      `alerts to: <#${emu.channelIds.general}>`,
    );
    expect(backup.cases).toMatchObject([{ slug: 'quarry', owner: emu.guilds[0]?.id }]);
    writeFileSync(file, exported.out);

    await t.stop();
    const imported = await runCli(importCommand, [file], second, config);
    expect(imported).toMatchObject({ code: 0, err: '' });
    expect(imported.out).toMatch(/^imported 1 cases, 1 trackings, 1 feeds, 1 alert settings; 0 already/);
    t = await startTestApp(emu.apiUrl, { store: second });
    await emu.waitForReady();
    expect(await answers()).toEqual(before);
    expect((await createCaseStore(second).get('quarry'))?.owner).toBe(emu.guilds[0]?.id);
    expect((await runCli(importCommand, [file], second, config)).out).toMatch(
      /imported 0 cases.*; 4 already as in the file/,
    );
  });

  it('changes nothing where the store differs unless --replace, and refuses an invalid file', async () => {
    const second = stores[1] as Store;
    await emu.command('alerts', { subcommand: 'set', options: { channel: 'general' } });
    const refused = await runCli(importCommand, [file], second, config);
    expect(refused.code).toBe(1);
    expect(refused.err).toMatch(/^import: 1 value\(s\) differ .*nothing imported/);
    expect(refused.err).toMatch(/alert settings of server \d+ differ/);
    expect((await emu.command('alerts', { subcommand: 'show' })).embeds[0]?.description).toContain(
      `<#${emu.channelIds.general}>`,
    );
    expect((await runCli(importCommand, [file, '--replace'], second, config)).out).toContain('(replaced 1)');
    expect((await emu.command('alerts', { subcommand: 'show' })).embeds[0]?.description).toContain(
      `<#${emu.channelIds.alerts}>`,
    );

    const bad = join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify({ format: 'casewatch-export', version: 2 }));
    const invalid = await runCli(importCommand, [bad], second, config);
    expect(invalid.code).toBe(1);
    expect(invalid.err).toMatch(/^import: .*bad\.json: version .*; nothing imported\n$/);
  });
});
