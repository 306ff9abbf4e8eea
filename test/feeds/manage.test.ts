import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { command } from '../../src/cli/feed.ts';
import { parseConfig } from '../../src/config.ts';
import { addFeed, describeFeed, fitFeedList } from '../../src/feeds/manage.ts';
import { createCaseStore } from '../../src/store/cases.ts';
import { createFeedStore, EMPTY_STATE } from '../../src/store/feeds.ts';
import { openStore } from '../../src/store/index.ts';
import type { Store } from '../../src/store/types.ts';
import { runCli } from '../support/cli.ts';
import { rss, startServer } from './server.ts';

const config = { ...parseConfig({ ALLOW_PRIVATE_URLS: '1', FULLTEXT_MIN_CHARS: '0' }) };
let server: Awaited<ReturnType<typeof startServer>>;
let store: Store;
beforeAll(async () => {
  server = await startServer();
  store = await openStore('memory://');
  server.route('/court', (_q, res) =>
    res.writeHead(200).end(
      rss(
        [
          {
            title: 'Baldwin trial: judge dismisses involuntary manslaughter case',
            link: 'https://news.example.com/1',
            guid: '1',
            description: 'Alec Baldwin and the Rust shooting case in Santa Fe.',
          },
          {
            title: 'Rust belt towns see factory jobs return',
            link: 'https://news.example.com/2',
            guid: '2',
            description: 'Manufacturing in Ohio.',
          },
        ],
        'Court News',
      ),
    ),
  );
  server.route('/page', (_q, res) =>
    res.writeHead(200, { 'content-type': 'text/html' }).end('<html><body>Hello</body></html>'),
  );
});
afterAll(async () => {
  await store.close();
  await server.close();
});

function cli(args: string[]) {
  return runCli(command, args, store, config);
}

describe('feed management', () => {
  it('adds a usable feed with its title and item count, and refuses an HTML page with the reason', async () => {
    const ok = await addFeed(store, config, server.url('/court'), { guildId: '42' });
    expect(ok).toMatchObject({ ok: true, title: 'Court News', itemCount: 2 });
    expect((await createFeedStore(store).list('42')).map((f) => f.url)).toEqual([server.url('/court')]);
    const bad = await addFeed(store, config, server.url('/page'), { guildId: '42' });
    expect(bad).toMatchObject({ ok: false, reason: 'not_a_feed' });
    const strict = await addFeed(store, { ...config, ALLOW_PRIVATE_URLS: false }, server.url('/court'), {});
    expect(strict).toMatchObject({ ok: false, reason: 'refused_private' });
    expect(await createFeedStore(store).list()).toHaveLength(1);
  });

  it('describes a feed with last success, last error, next poll, items seen and pause', () => {
    const now = new Date('2024-06-01T12:00:00Z');
    const feed = {
      url: 'https://x.example/rss',
      title: 'X',
      intervalMinutes: 5,
      subscriptions: [],
      addedAt: '',
    };
    const line = describeFeed(
      feed,
      {
        ...EMPTY_STATE,
        lastSuccessAt: '2024-06-01T11:50:00.000Z',
        nextPollAt: now.getTime() + 5 * 60_000,
        itemsSeen: 12,
      },
      now,
    );
    expect(line).toContain('last success: 10 min ago');
    expect(line).toContain('next poll: in 5 min');
    expect(line).toContain('items seen: 12');
    const paused = describeFeed(
      feed,
      {
        ...EMPTY_STATE,
        paused: true,
        pausedReason: 'dns: getaddrinfo ENOTFOUND x.example',
        lastErrorAt: '2024-06-01T11:59:00.000Z',
        lastError: { reason: 'dns', message: 'getaddrinfo ENOTFOUND x.example' },
      },
      now,
    );
    expect(paused).toContain('PAUSED (dns: getaddrinfo ENOTFOUND x.example)');
    expect(paused).toContain('last success: never');
  });

  it('fits /feed list into one Discord message, saying how many feeds did not fit', () => {
    const blocks = Array.from({ length: 40 }, (_, i) => `feed ${i} ${'x'.repeat(90)}`);
    const text = fitFeedList(blocks);
    expect(text.length).toBeLessThanOrEqual(2000);
    expect(text).toMatch(/… and \d+ more/);
    expect(fitFeedList(['a', 'b'])).toBe('a\nb');
  });

  it('casewatch feed check prints items, their text source and the tracked cases they match', async () => {
    await createCaseStore(store).put({
      slug: 'rust',
      name: 'Rust shooting',
      aliases: ['Rust film shooting'],
      defendants: ['Alec Baldwin', 'Hannah Gutierrez-Reed'],
    });
    const r = await cli(['check', server.url('/court')]);
    expect(r.code).toBe(0);
    expect(r.out).toContain('Court News: 2 items');
    expect(r.out).toMatch(/judge dismisses[^\n]*\n[^\n]*\n\s+text: feed \(\d+ chars\) · cases: rust/);
    expect(r.out).toMatch(/Rust belt[^\n]*\n[^\n]*\n\s+text: feed \(\d+ chars\) · cases: none/);
    const bad = await cli(['check', 'ftp://x.example/feed']);
    expect(bad.code).toBe(1);
    expect(bad.out).toContain('bad_url');
  });

  it('casewatch feed add / list / remove', async () => {
    expect((await cli(['add', server.url('/court'), '--guild', '7', '--case', 'rust'])).code).toBe(0);
    const list = await cli(['list']);
    expect(list.out).toContain(server.url('/court'));
    expect(list.out).toContain('case: rust');
    expect((await cli(['remove', server.url('/court')])).code).toBe(0);
    expect((await cli(['list'])).out).toContain('no feeds yet');
    expect((await cli(['remove', server.url('/court')])).code).toBe(1);
    expect((await cli(['bogus'])).code).toBe(2);
  });

  it('feed add refuses a case that does not exist, and says what re-adding changed', async () => {
    const url = server.url('/court');
    const nosuch = await cli(['add', url, '--guild', '7', '--case', 'nosuch']);
    expect(nosuch.code).toBe(1);
    expect(nosuch.err).toMatch(/^feed add: unknown case "nosuch" \(tracked: rust\)/);
    expect(await createFeedStore(store).get(url)).toBeUndefined();

    expect((await cli(['add', url, '--guild', '7', '--case', 'rust'])).out).toMatch(/^added /);
    const twice = await cli(['add', url, '--guild', '7', '--case', 'rust']);
    expect(twice.code).toBe(0);
    expect(twice.out).toMatch(/^already followed, nothing changed: /);
    const changed = await cli(['add', url, '--guild', '7', '--interval', '30']);
    expect(changed.out).toMatch(/^already followed; changed case: rust → none, interval: none → 30 min: /);
    expect(await createFeedStore(store).get(url)).toMatchObject({ intervalMinutes: 30 });
    expect((await cli(['add', url, '--guild', '7', '--interval', '0'])).code).toBe(2);
    expect((await cli(['add', url, '--guild', '7', '--interval'])).code).toBe(2);
    expect((await cli(['remove', url, '--guild', '7'])).code).toBe(0);
  });

  it('feed pause stops polling with the reason shown in feed list; resume clears it', async () => {
    const url = server.url('/court');
    await cli(['add', url]);
    expect((await cli(['pause', url])).out).toBe(`paused ${url}\n`);
    expect((await createFeedStore(store).getState(url)).paused).toBe(true);
    expect((await cli(['list'])).out).toContain('PAUSED (paused by an admin)');
    expect((await cli(['resume', url])).out).toBe(`resumed ${url}\n`);
    expect((await cli(['list'])).out).not.toContain('PAUSED');
    expect((await cli(['pause', 'https://nosuch.example/rss'])).code).toBe(1);
    await cli(['remove', url]);
  });
});
