import { afterEach, describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config.ts';
import { createCourtPoller } from '../../src/courts/index.ts';
import { createCaseStore } from '../../src/store/cases.ts';
import { openStore } from '../../src/store/index.ts';
import type { Store } from '../../src/store/types.ts';
import { startServer } from '../feeds/server.ts';
import { courtFeedXml } from './courtFeed.ts';

let store: Store | undefined;
let close: (() => Promise<void>) | undefined;
afterEach(async () => {
  await close?.();
  await store?.close();
});

describe('a failing court feed', () => {
  it('is asked again only after an exponential backoff, and loses nothing once it recovers', async () => {
    store = await openStore('memory://');
    const server = await startServer();
    close = server.close;
    let up = false;
    const motion = {
      docket: '1:24-cr-00542',
      caseName: 'USA v. Okafor',
      type: 'MOTION to Dismiss',
      date: 'Mon, 10 Jun 2024 18:00:00 GMT',
      caseId: 1,
      seq: 9,
      doc: 7,
    };
    server.route('/nysd.xml', (_q, res) =>
      up ? res.writeHead(200).end(courtFeedXml([motion])) : res.writeHead(503).end(),
    );
    await createCaseStore(store).put({
      slug: 'okafor',
      name: 'Okafor',
      aliases: [],
      defendants: ['Daniel Okafor'],
      dockets: [{ court: 'nysd', number: '1:24-cr-00542' }],
    });
    let clock = 1_000_000;
    const handed: string[] = [];
    const poller = createCourtPoller({
      store,
      config: parseConfig({
        ALLOW_PRIVATE_URLS: '1',
        COURT_FEED_URLS: `nysd=${server.url('/nysd.xml')}`,
        COURT_POLL_SECONDS: '60',
      }),
      onEntry: async (e, _c, meta) =>
        void handed.push(`${e.shortDescription}${meta.history ? ' (history)' : ''}`),
      now: () => clock,
    });
    const status = async () => (await poller.pollAll())[0]?.status;
    expect(await status()).toBe('failed');
    expect(await status()).toBe('backing_off');
    clock += 61_000; // after 1 minute
    expect(await status()).toBe('failed');
    clock += 61_000; // the second failure waits 2 minutes
    expect(await status()).toBe('backing_off');
    clock += 61_000;
    up = true;
    expect(await status()).toBe('ok');
    expect(server.hits.get('/nysd.xml')).toBe(3);
    expect(await status()).toBe('ok'); // recovered: polled at every call again
    expect(handed).toEqual(['MOTION to Dismiss (history)']);
  });
});
