import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import http, { type IncomingMessage } from 'node:http';
import https from 'node:https';
import type { Readable } from 'node:stream';
import zlib from 'node:zlib';
import { FeedError, toFeedError } from './errors.ts';
import { assertHostAllowed, bareHost, parseHttpUrl, safeLookup } from './urlSafety.ts';

export interface FetchLimits {
  /** Cap on the bytes received AND on the decompressed body (a gzip bomb is caught by the second). */
  maxBytes: number;
  /** For the whole fetch, redirects included. */
  timeoutMs: number;
  connectTimeoutMs: number;
  allowPrivate: boolean;
  userAgent: string;
}

export interface FetchRequest extends FetchLimits {
  etag?: string;
  lastModified?: string;
  accept?: string;
  maxRedirects?: number;
  /** Tests only: which resolved addresses count as private (default: isForbiddenAddress). */
  forbidden?: (address: string) => boolean;
}

export interface FetchResult {
  /** The URL after redirects. */
  url: string;
  notModified: boolean;
  body: Buffer;
  /** sha256 of the decompressed body, hex. */
  bodyHash: string;
  contentType?: string;
  etag?: string;
  lastModified?: string;
}

const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
  version: string;
};

/** `casewatch/<version> (+<contact>)`: names the bot and who to call about it. */
export function userAgent(contact: string): string {
  return `casewatch/${pkg.version} (+${contact})`;
}

export const FEED_ACCEPT =
  'application/rss+xml, application/atom+xml, application/rdf+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5';

/**
 * GET with every limit a hostile or broken server can test: URL safety on each hop, connect and
 * total timeouts, a size cap while streaming (never buffering more than the cap), at most 5
 * redirects, gzip/deflate/br, conditional requests. Throws FeedError with a reason code.
 */
export async function fetchUrl(rawUrl: string, req: FetchRequest): Promise<FetchResult> {
  const deadline = Date.now() + req.timeoutMs;
  const maxRedirects = req.maxRedirects ?? 5;
  let url = parseHttpUrl(rawUrl);
  const visited = new Set<string>();
  for (let hop = 0; ; hop++) {
    assertHostAllowed(url, req.allowPrivate, req.forbidden);
    visited.add(url.href);
    const res = await request(url, req, deadline);
    const status = res.statusCode ?? 0;
    const location = res.headers.location;
    if (status >= 300 && status < 400 && status !== 304 && location) {
      res.destroy();
      if (hop >= maxRedirects)
        throw new FeedError('too_many_redirects', `more than ${maxRedirects} redirects`);
      url = parseHttpUrl(location, url.href);
      if (visited.has(url.href)) throw new FeedError('too_many_redirects', `redirect loop at ${url.href}`);
      continue;
    }
    const meta = {
      url: url.href,
      contentType: header(res, 'content-type'),
      etag: header(res, 'etag'),
      lastModified: header(res, 'last-modified'),
    };
    if (status === 304) {
      res.destroy();
      return { ...meta, notModified: true, body: Buffer.alloc(0), bodyHash: '' };
    }
    if (status < 200 || status >= 300) {
      res.destroy();
      throw new FeedError('http_status', `the server answered HTTP ${status}`, status);
    }
    const body = await readCapped(res, req.maxBytes, deadline);
    const bodyHash = createHash('sha256').update(body).digest('hex');
    return { ...meta, notModified: false, body, bodyHash };
  }
}

function header(res: IncomingMessage, name: string): string | undefined {
  const v = res.headers[name];
  return Array.isArray(v) ? v[0] : v;
}

/** One hop: resolves with the response head, or rejects on timeout, refusal or network error. */
function request(url: URL, req: FetchRequest, deadline: number): Promise<IncomingMessage> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = {
      'user-agent': req.userAgent,
      accept: req.accept ?? FEED_ACCEPT,
      'accept-encoding': 'gzip, deflate, br',
    };
    if (req.etag) headers['if-none-match'] = req.etag;
    if (req.lastModified) headers['if-modified-since'] = req.lastModified;
    const lib = url.protocol === 'https:' ? https : http;
    const r = lib.request({
      protocol: url.protocol,
      hostname: bareHost(url),
      port: url.port || undefined,
      path: `${url.pathname}${url.search}`,
      method: 'GET',
      headers,
      agent: false,
      lookup: safeLookup(req.allowPrivate, req.forbidden),
      servername: url.protocol === 'https:' ? bareHost(url) : undefined,
    });
    const fail = (err: unknown) => {
      clearTimeout(connectTimer);
      clearTimeout(totalTimer);
      r.destroy();
      reject(toFeedError(err));
    };
    const connectTimer = setTimeout(
      () => fail(new FeedError('timeout', `could not connect within ${req.connectTimeoutMs} ms`)),
      Math.min(req.connectTimeoutMs, Math.max(0, deadline - Date.now())),
    );
    const totalTimer = setTimeout(
      () => fail(new FeedError('timeout', `no complete response within ${req.timeoutMs} ms`)),
      Math.max(0, deadline - Date.now()),
    );
    r.once('socket', (socket) => {
      const connected = () => clearTimeout(connectTimer);
      if (!socket.connecting) connected();
      socket.once(url.protocol === 'https:' ? 'secureConnect' : 'connect', connected);
    });
    r.once('error', fail);
    r.once('response', (res) => {
      clearTimeout(connectTimer);
      clearTimeout(totalTimer);
      resolve(res);
    });
    r.end();
  });
}

/** Reads the body, decompressing, and aborts as soon as either the wire or the output passes the cap. */
function readCapped(res: IncomingMessage, maxBytes: number, deadline: number): Promise<Buffer> {
  const declared = Number(res.headers['content-length']);
  if (Number.isFinite(declared) && declared > maxBytes) {
    res.destroy();
    return Promise.reject(
      new FeedError('too_large', `the body is ${declared} bytes, over the ${maxBytes}-byte cap`),
    );
  }
  return new Promise((resolve, reject) => {
    const encoding = String(res.headers['content-encoding'] ?? '')
      .trim()
      .toLowerCase();
    let stream: Readable = res;
    if (encoding === 'gzip' || encoding === 'x-gzip' || encoding === 'deflate')
      stream = res.pipe(zlib.createUnzip());
    else if (encoding === 'br') stream = res.pipe(zlib.createBrotliDecompress());
    const chunks: Buffer[] = [];
    let wire = 0;
    let size = 0;
    let done = false;
    const finish = (err?: unknown) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      if (err) {
        res.destroy();
        if (stream !== res) stream.destroy();
        reject(toFeedError(err));
      } else resolve(Buffer.concat(chunks, size));
    };
    const timer = setTimeout(
      () => finish(new FeedError('timeout', 'the body did not arrive in time (stalled or too slow)')),
      Math.max(0, deadline - Date.now()),
    );
    const tooLarge = () => new FeedError('too_large', `the body is over the ${maxBytes}-byte cap`);
    if (stream !== res) {
      res.on('data', (chunk: Buffer) => {
        wire += chunk.length;
        if (wire > maxBytes) finish(tooLarge());
      });
    }
    stream.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) return finish(tooLarge());
      chunks.push(chunk);
    });
    stream.once('end', () => finish());
    stream.once('error', finish);
    res.once('error', finish);
    res.once('aborted', () =>
      finish(new FeedError('connection', 'the server closed the connection mid-body')),
    );
  });
}

/** The limits from config, shared by feeds, article pages and `feed check`. */
export function fetchLimits(config: {
  FEED_MAX_BYTES: number;
  FEED_TIMEOUT_MS: number;
  FEED_CONNECT_TIMEOUT_MS: number;
  ALLOW_PRIVATE_URLS: boolean;
  CONTACT: string;
}): FetchLimits {
  return {
    maxBytes: config.FEED_MAX_BYTES,
    timeoutMs: config.FEED_TIMEOUT_MS,
    connectTimeoutMs: config.FEED_CONNECT_TIMEOUT_MS,
    allowPrivate: config.ALLOW_PRIVATE_URLS,
    userAgent: userAgent(config.CONTACT),
  };
}
