import { afterEach, describe, expect, it } from 'vitest';
import { createDeliveryBlocks } from '../../src/alerts/blocked.ts';
import { routeAlert, threadName } from '../../src/alerts/route.ts';
import { openStore } from '../../src/store/index.ts';
import type { Store } from '../../src/store/types.ts';

const SERVER = '100000000000000001';
const CASE_ROOM = '100000000000000002';
const FEED_ROOM = '100000000000000003';

describe('routeAlert: which channel (and thread) an alert goes to', () => {
  const settings = { channelId: SERVER, caseChannels: { harbor: CASE_ROOM } };
  const base = { slug: 'harbor', caseName: 'Harbor Bridge collapse' };

  it("takes the feed's channel first, then the case's, then the server's", () => {
    expect(routeAlert({ settings, ...base, feedChannelId: FEED_ROOM })).toEqual({
      channelId: FEED_ROOM,
      via: 'feed',
    });
    expect(routeAlert({ settings, ...base })).toEqual({ channelId: CASE_ROOM, via: 'case' });
    expect(routeAlert({ settings, ...base, slug: 'quarry' })).toEqual({ channelId: SERVER, via: 'server' });
  });

  it("with threads on, names the case's thread in whichever channel was chosen", () => {
    const threaded = { ...settings, threads: true };
    expect(routeAlert({ settings: threaded, ...base, feedChannelId: FEED_ROOM })).toEqual({
      channelId: FEED_ROOM,
      via: 'feed',
      thread: { name: 'Harbor Bridge collapse' },
    });
    expect(threadName(`  ${'Long name '.repeat(20)}`, 'x')).toHaveLength(100);
    expect(threadName('   ', 'harbor')).toBe('harbor');
  });
});

describe('delivery blocks are per channel', () => {
  let store: Store | undefined;
  afterEach(async () => {
    await store?.close();
  });
  const block = (channelId: string, at: string) => ({ channelId, status: 403, reason: 'Missing Access', at });

  it('blocks one channel of a server, reads a block stored before blocks were per channel, clears one or all', async () => {
    store = await openStore('memory://');
    const blocks = createDeliveryBlocks(store);
    // Stored under the server's id alone, as earlier versions did.
    await store.kv('alert-blocked').set('900000000000000001', block(SERVER, '2026-01-01T00:00:00Z'));
    expect(await blocks.block('900000000000000001', block(FEED_ROOM, '2026-01-02T00:00:00Z'))).toBe(true);
    expect(await blocks.block('900000000000000001', block(FEED_ROOM, '2026-01-03T00:00:00Z'))).toBe(false);
    expect(await blocks.get('900000000000000001', SERVER)).toMatchObject({ channelId: SERVER });
    expect(await blocks.get('900000000000000001', CASE_ROOM)).toBeUndefined();
    expect(await blocks.get('900000000000000002', FEED_ROOM)).toBeUndefined();
    expect((await blocks.list('900000000000000001')).map((b) => b.channelId)).toEqual([SERVER, FEED_ROOM]);
    expect(await blocks.clear('900000000000000001', SERVER)).toBe(true);
    expect((await blocks.list('900000000000000001')).map((b) => b.channelId)).toEqual([FEED_ROOM]);
    expect(await blocks.clear('900000000000000001')).toBe(true);
    expect(await blocks.list('900000000000000001')).toEqual([]);
  });
});
