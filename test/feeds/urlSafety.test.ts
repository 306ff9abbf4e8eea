import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FeedError } from '../../src/feeds/errors.ts';
import { fetchUrl } from '../../src/feeds/fetch.ts';
import { isForbiddenAddress, safeLookup } from '../../src/feeds/urlSafety.ts';
import { startServer, testLimits } from './server.ts';

let server: Awaited<ReturnType<typeof startServer>>;
beforeAll(async () => {
  server = await startServer();
  server.route('/feed', (_q, res) => res.writeHead(200).end('<rss version="2.0"><channel/></rss>'));
});
afterAll(() => server.close());

const strict = { ...testLimits, allowPrivate: false };

async function refusal(url: string, limits = strict): Promise<string> {
  const err = await fetchUrl(url, limits).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(FeedError);
  return (err as FeedError).reason;
}

describe('URL safety', () => {
  it('classifies private, loopback, link-local, CGNAT, multicast and mapped addresses', () => {
    for (const ip of [
      '127.0.0.1',
      '10.1.2.3',
      '172.16.0.1',
      '172.31.255.255',
      '192.168.1.1',
      '100.64.0.1',
      '169.254.169.254',
      '0.0.0.0',
      '224.0.0.1',
      '255.255.255.255',
      '::1',
      '::',
      'fc00::1',
      'fd12::1',
      'fe80::1',
      'ff02::1',
      '::ffff:127.0.0.1',
      '::ffff:10.0.0.1',
      '::ffff:7f00:1',
    ]) {
      expect(isForbiddenAddress(ip), ip).toBe(true);
    }
    for (const ip of [
      '93.184.216.34',
      '8.8.8.8',
      '172.32.0.1',
      '100.128.0.1',
      '2606:4700::1111',
      '::ffff:8.8.8.8',
    ]) {
      expect(isForbiddenAddress(ip), ip).toBe(false);
    }
  });

  it('refuses loopback, private, metadata and IPv6 loopback URLs when ALLOW_PRIVATE_URLS is off', async () => {
    expect(await refusal(server.url('/feed'))).toBe('refused_private');
    expect(await refusal(server.url('/feed').replace('127.0.0.1', 'localhost'))).toBe('refused_private');
    expect(await refusal('http://10.0.0.1/feed')).toBe('refused_private');
    expect(await refusal('http://169.254.169.254/latest/meta-data/')).toBe('refused_private');
    expect(await refusal('http://[::1]/feed')).toBe('refused_private');
    expect(await refusal('http://[::ffff:127.0.0.1]/feed')).toBe('refused_private');
    expect(await refusal('http://2130706433/feed')).toBe('refused_private'); // 127.0.0.1 as an integer
    expect(server.hits.get('/feed') ?? 0).toBe(0);
  });

  it('refuses non-http schemes', async () => {
    for (const url of [
      'file:///etc/passwd',
      'gopher://127.0.0.1:6379/_INFO',
      'javascript:alert(1)',
      'data:text/xml,<rss/>',
    ]) {
      expect(await refusal(url), url).toBe('bad_url');
    }
  });

  it('re-checks every redirect: a public feed redirecting to a private address is refused', async () => {
    // Pretend the loopback test server is a public host, so only the redirect target is private.
    const limits = { ...strict, forbidden: (ip: string) => ip !== '127.0.0.1' && isForbiddenAddress(ip) };
    for (const target of [
      'http://169.254.169.254/latest/',
      'http://10.0.0.5/',
      'http://[::ffff:127.0.0.2]/',
      'http://[fd00::1]/',
    ]) {
      server.route('/hop', (_q, res) => res.writeHead(302, { location: target }).end());
      expect(await refusal(server.url('/hop'), limits), target).toBe('refused_private');
    }
    expect((await fetchUrl(server.url('/feed'), limits)).body.length).toBeGreaterThan(0);
  });

  it('refuses a host if any resolved address is private and hands net exactly the checked addresses', async () => {
    type Answer = Array<{ address: string; family: number }>;
    const fakeDns = (answer: Answer) =>
      ((_host: string, _opts: unknown, cb: (err: Error | null, a: Answer) => void) =>
        cb(null, answer)) as never;
    const ask = (answer: Answer, all: boolean) =>
      new Promise<{ err: Error | null; result: unknown }>((done) =>
        (
          safeLookup(false, isForbiddenAddress, fakeDns(answer)) as unknown as (
            h: string,
            o: object,
            cb: (err: Error | null, a: unknown) => void,
          ) => void
        )('rebind.example', { all }, (err, a) => done({ err, result: a })),
      );
    const mixed = await ask(
      [
        { address: '93.184.216.34', family: 4 },
        { address: '127.0.0.1', family: 4 },
      ],
      true,
    );
    expect((mixed.err as FeedError).reason).toBe('refused_private');
    const good = await ask([{ address: '93.184.216.34', family: 4 }], true);
    expect(good).toEqual({ err: null, result: [{ address: '93.184.216.34', family: 4 }] });
    expect((await ask([{ address: '93.184.216.34', family: 4 }], false)).result).toBe('93.184.216.34');
  });

  it('lets the test flag through to loopback', async () => {
    expect((await fetchUrl(server.url('/feed'), testLimits)).notModified).toBe(false);
  });
});
