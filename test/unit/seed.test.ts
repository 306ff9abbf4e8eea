import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createLogger, memoryDestination } from '../../src/log.ts';
import { seedFromConfig } from '../../src/seed.ts';
import { createCaseStore } from '../../src/store/cases.ts';
import { createFeedStore } from '../../src/store/feeds.ts';
import { openStore } from '../../src/store/index.ts';

describe('config/ seeding', () => {
  it('adds shipped cases and feeds once, never overwriting what servers changed', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cw-config-'));
    writeFileSync(
      join(dir, 'cases.json'),
      JSON.stringify([
        { slug: 'quarry', name: 'Quarry collapse', aliases: ['Quarry case'], defendants: ['Ada Lowe'] },
      ]),
    );
    writeFileSync(
      join(dir, 'feeds.json'),
      JSON.stringify([{ url: 'https://news.example/rss', case: 'quarry' }]),
    );
    const store = await openStore('memory://');
    const log = memoryDestination();
    const logger = createLogger({ level: 'info', destination: log });
    await seedFromConfig(store, logger, dir);
    expect((await createCaseStore(store).get('quarry'))?.defendants).toEqual(['Ada Lowe']);
    expect((await createFeedStore(store).get('https://news.example/rss'))?.subscriptions[0]?.caseSlug).toBe(
      'quarry',
    );

    await createCaseStore(store).put({
      slug: 'quarry',
      name: 'Quarry collapse',
      aliases: [],
      defendants: ['Ada Lowe', 'Ben Hart'],
    });
    await seedFromConfig(store, logger, dir);
    expect((await createCaseStore(store).get('quarry'))?.defendants).toEqual(['Ada Lowe', 'Ben Hart']);
    await store.close();
  });

  it('reports a bad file by name and carries on', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cw-config-'));
    writeFileSync(join(dir, 'cases.json'), '[{"slug": "Bad Slug!", "name": "x"}]');
    writeFileSync(join(dir, 'feeds.json'), '{not json');
    const store = await openStore('memory://');
    const log = memoryDestination();
    await seedFromConfig(store, createLogger({ level: 'info', destination: log }), dir);
    expect(await createCaseStore(store).list()).toEqual([]);
    expect(log.text()).toMatch(/cases\.json.*config file ignored|config file ignored.*cases\.json/);
    expect(log.text()).toMatch(/not valid JSON/);
    await store.close();
  });
});
