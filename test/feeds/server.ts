import http from 'node:http';
import type { AddressInfo } from 'node:net';

export type Handler = (req: http.IncomingMessage, res: http.ServerResponse) => void;

/** A loopback HTTP server whose routes tests set and change; counts requests per path. */
export async function startServer(): Promise<{
  url: (path: string) => string;
  route: (path: string, handler: Handler) => void;
  hits: Map<string, number>;
  requests: http.IncomingMessage[];
  close: () => Promise<void>;
}> {
  const routes = new Map<string, Handler>();
  const hits = new Map<string, number>();
  const requests: http.IncomingMessage[] = [];
  const server = http.createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0] ?? '/'; // split yields one part at least
    hits.set(path, (hits.get(path) ?? 0) + 1);
    requests.push(req);
    const handler = routes.get(path);
    if (!handler) {
      res.writeHead(404).end('not found');
      return;
    }
    handler(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: (path) => `http://127.0.0.1:${port}${path}`,
    route: (path, handler) => routes.set(path, handler),
    hits,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A small RSS 2.0 document. */
export function rss(
  items: Array<{ title: string; link?: string; guid?: string; description?: string; pubDate?: string }>,
  title = 'Test feed',
): string {
  const body = items
    .map(
      (i) =>
        `<item><title>${i.title}</title>${i.link ? `<link>${i.link}</link>` : ''}${i.guid ? `<guid>${i.guid}</guid>` : ''}` +
        `${i.description ? `<description>${i.description}</description>` : ''}${i.pubDate ? `<pubDate>${i.pubDate}</pubDate>` : ''}</item>`,
    )
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel><title>${title}</title><link>https://example.com/</link>\n${body}\n</channel></rss>`;
}

export const testLimits = {
  maxBytes: 64 * 1024,
  timeoutMs: 1500,
  connectTimeoutMs: 1000,
  allowPrivate: true,
  userAgent: 'casewatch/test (+https://example.com/contact)',
};
