import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FeedError } from '../../src/feeds/errors.ts';
import { fetchUrl, userAgent } from '../../src/feeds/fetch.ts';
import { rss, startServer, testLimits } from './server.ts';

let server: Awaited<ReturnType<typeof startServer>>;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.close());

async function reason(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (err) {
    expect(err).toBeInstanceOf(FeedError);
    return (err as FeedError).reason;
  }
  return 'no error';
}

describe('fetchUrl', () => {
  it('sends the User-Agent and answers a conditional request with 304 as not modified', async () => {
    const body = rss([{ title: 'a', link: 'https://example.com/a' }]);
    server.route('/cond', (req, res) => {
      if (req.headers['if-none-match'] === '"v1"') return void res.writeHead(304).end();
      res.writeHead(200, { etag: '"v1"', 'last-modified': 'Mon, 01 Jan 2024 00:00:00 GMT' }).end(body);
    });
    const first = await fetchUrl(server.url('/cond'), testLimits);
    expect(first.notModified).toBe(false);
    expect(first.body.toString()).toBe(body);
    expect(first.etag).toBe('"v1"');
    expect(server.requests.at(-1)?.headers['user-agent']).toBe(testLimits.userAgent);
    const second = await fetchUrl(server.url('/cond'), { ...testLimits, etag: first.etag });
    expect(second.notModified).toBe(true);
    expect(server.requests.at(-1)?.headers['if-none-match']).toBe('"v1"');
  });

  it('names the bot and the contact in the User-Agent', () => {
    expect(userAgent('ops@example.com')).toMatch(/^casewatch\/\d+\.\d+\.\d+ \(\+ops@example\.com\)$/);
  });

  it('follows up to 5 redirects, refuses a 6th and a loop', async () => {
    for (let i = 0; i < 7; i++)
      server.route(`/r${i}`, (_q, res) => res.writeHead(302, { location: `/r${i + 1}` }).end());
    server.route('/r5', (_q, res) => res.writeHead(200).end('five'));
    expect((await fetchUrl(server.url('/r0'), testLimits)).body.toString()).toBe('five');
    expect(await reason(fetchUrl(server.url('/r0'), { ...testLimits, maxRedirects: 4 }))).toBe(
      'too_many_redirects',
    );
    server.route('/loopA', (_q, res) => res.writeHead(301, { location: '/loopB' }).end());
    server.route('/loopB', (_q, res) => res.writeHead(301, { location: '/loopA' }).end());
    expect(await reason(fetchUrl(server.url('/loopA'), testLimits))).toBe('too_many_redirects');
  });

  it('reports HTTP errors with their status code', async () => {
    server.route('/gone', (_q, res) => res.writeHead(410).end());
    const err = await fetchUrl(server.url('/gone'), testLimits).catch((e: FeedError) => e);
    expect(err).toMatchObject({ reason: 'http_status', status: 410 });
  });

  it('times out a server that stalls mid-body', async () => {
    server.route('/stall', (_q, res) => {
      res.writeHead(200, { 'content-type': 'application/rss+xml' });
      res.write('<rss version="2.0"><channel>'); // and never ends
    });
    const started = Date.now();
    expect(await reason(fetchUrl(server.url('/stall'), { ...testLimits, timeoutMs: 600 }))).toBe('timeout');
    expect(Date.now() - started).toBeLessThan(3000);
  });

  it('times out a server that accepts the connection but never answers', async () => {
    server.route('/silent', () => undefined);
    expect(await reason(fetchUrl(server.url('/silent'), { ...testLimits, timeoutMs: 400 }))).toBe('timeout');
  });

  it('enforces the size cap on a declared length and while streaming', async () => {
    server.route('/big-declared', (_q, res) => res.writeHead(200, { 'content-length': '999999' }).end());
    expect(await reason(fetchUrl(server.url('/big-declared'), testLimits))).toBe('too_large');
    let sent = 0;
    server.route('/big-stream', (_q, res) => {
      res.writeHead(200);
      const chunk = Buffer.alloc(16 * 1024, 'a');
      // Keeps sending forever unless the client hangs up: the cap must stop it early.
      const timer = setInterval(() => {
        if (res.destroyed) return clearInterval(timer);
        sent += chunk.length;
        res.write(chunk);
      }, 1);
      res.on('close', () => clearInterval(timer));
    });
    expect(await reason(fetchUrl(server.url('/big-stream'), testLimits))).toBe('too_large');
    expect(sent).toBeLessThan(10 * testLimits.maxBytes);
  });

  it('decompresses gzip and br, and refuses a gzip bomb by its decompressed size', async () => {
    const body = rss([{ title: 'zipped', link: 'https://example.com/z' }]);
    server.route('/gz', (_q, res) =>
      res.writeHead(200, { 'content-encoding': 'gzip' }).end(zlib.gzipSync(body)),
    );
    server.route('/br', (_q, res) =>
      res.writeHead(200, { 'content-encoding': 'br' }).end(zlib.brotliCompressSync(body)),
    );
    expect((await fetchUrl(server.url('/gz'), testLimits)).body.toString()).toBe(body);
    expect((await fetchUrl(server.url('/br'), testLimits)).body.toString()).toBe(body);
    const bomb = zlib.gzipSync(Buffer.alloc(50 * 1024 * 1024)); // 50 MB of zeros in ~50 KB
    expect(bomb.length).toBeLessThan(testLimits.maxBytes);
    server.route('/bomb', (_q, res) => res.writeHead(200, { 'content-encoding': 'gzip' }).end(bomb));
    expect(await reason(fetchUrl(server.url('/bomb'), testLimits))).toBe('too_large');
  });

  it('classifies a refused connection and a bad URL', async () => {
    expect(await reason(fetchUrl('http://127.0.0.1:9/feed', testLimits))).toBe('connection');
    expect(await reason(fetchUrl('ftp://example.com/feed', testLimits))).toBe('bad_url');
    expect(await reason(fetchUrl('not a url', testLimits))).toBe('bad_url');
  });
});
