import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * Loopback HTTP for `count` RSS feeds. Every feed has an ETag and Last-Modified for the current
 * version: a conditional request for it gets 304, and `changeAll()` gives every feed 20 new items.
 * Feeds are spread over `hosts` listening ports (a host is host:port to the poller's per-host
 * limit). Item pages (/article/...) exist too, in case the poller fetches full text.
 */
export interface FeedServer {
  url(n: number): string;
  changeAll(): void;
  /** Changes one feed: its next answer is 200 with a new item first, whose page holds `text`. */
  change(n: number, item: { title: string; text: string; link?: string }): void;
  requests: { feeds: number; notModified: number; pages: number };
  close(): Promise<void>;
}

const ITEMS = 20;
/** Long enough (> FULLTEXT_MIN_CHARS) that the poller keeps the feed's text. */
const FILLER =
  'The council met on Tuesday to discuss the budget for the coming year, and members asked for more time to read the report before a vote. '.repeat(
    12,
  );

/** `prefix` starts every path (the run id), so store keys made from these URLs are the run's. */
export async function startFeedServer(count: number, options: { prefix?: string; hosts?: number } = {}) {
  const prefix = options.prefix ?? 'bench';
  let version = 1;
  const modified = new Map<number, number>();
  const fresh = new Map<number, { title: string; text: string; link: string; at: number }>();
  const stamp = Date.UTC(2024, 0, 1);
  const requests = { feeds: 0, notModified: 0, pages: 0 };
  /** Article pages with their own text (changed items), by path. */
  const pages = new Map<string, string>();
  const tag = (n: number) => `"v${version}-${modified.get(n) ?? 0}-${n}"`;
  const lastModified = (n: number) =>
    new Date(stamp + version * 3_600_000 + (modified.get(n) ?? 0) * 60_000).toUTCString();

  const handle = (req: IncomingMessage, res: ServerResponse) => {
    const feed = /^\/[^/]+\/feed\/(\d+)\.xml/.exec(req.url ?? '/');
    if (!feed) {
      requests.pages++;
      const body = pages.get(new URL(req.url ?? '/', 'http://x').pathname) ?? FILLER;
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(
        `<html><head><title>Article</title></head><body><article>${paragraphs(body)}</article></body></html>`,
      );
      return;
    }
    requests.feeds++;
    const n = Number(feed[1]);
    if (n >= count) {
      res.writeHead(404).end();
      return;
    }
    const headers = { etag: tag(n), 'last-modified': lastModified(n) };
    if (req.headers['if-none-match'] === tag(n) || req.headers['if-modified-since'] === lastModified(n)) {
      requests.notModified++;
      res.writeHead(304, headers).end();
      return;
    }
    res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8', ...headers });
    res.end(rss(n, origins[n % origins.length] as string));
  };

  const servers: Server[] = [];
  const origins: string[] = [];
  for (let i = 0; i < Math.max(1, options.hosts ?? 1); i++) {
    const server = createServer(handle);
    servers.push(server);
    origins.push(
      await new Promise<string>((resolve) =>
        server.listen(0, '127.0.0.1', () =>
          resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}/${prefix}`),
        ),
      ),
    );
  }

  function rss(n: number, origin: string): string {
    const items: string[] = [];
    const f = fresh.get(n);
    // A changed item carries only its title, as many feeds do: the poller fetches its page.
    if (f) items.push(item(f.link, f.title, f.title, f.at));
    for (let i = 0; i < ITEMS; i++) {
      const at = stamp + version * 3_600_000 - i * 60_000;
      items.push(
        item(`${origin}/article/${n}/${version}/${i}`, `Council news ${n}.${version}.${i}`, FILLER, at),
      );
    }
    return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Feed ${n}</title><link>${origin}/</link><description>Bench feed</description>${items.join('')}</channel></rss>`;
  }

  const server: FeedServer = {
    url: (n) => `${origins[n % origins.length]}/feed/${n}.xml`,
    changeAll() {
      version++;
    },
    change(n, item) {
      modified.set(n, (modified.get(n) ?? 0) + 1);
      const at = Date.now();
      const link = item.link ?? `${origins[0]}/article/${n}/fresh-${at}`;
      pages.set(new URL(link).pathname, item.text);
      fresh.set(n, { ...item, link, at });
    },
    requests,
    async close() {
      for (const s of servers) {
        s.closeAllConnections();
        await new Promise<void>((resolve) => s.close(() => resolve()));
      }
    },
  };
  return server;
}

function paragraphs(text: string): string {
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  return text
    .split(/\n{2,}/)
    .map((p) => `<p>${esc(p)}</p>`)
    .join('');
}

function item(link: string, title: string, text: string, at: number): string {
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  return `<item><title>${esc(title)}</title><link>${link}</link><guid>${link}</guid><pubDate>${new Date(at).toUTCString()}</pubDate><description>${esc(text)}</description></item>`;
}
