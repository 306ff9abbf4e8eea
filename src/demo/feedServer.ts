import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface DemoArticle {
  outlet: string;
  url: string;
  title: string;
  published: string;
  text: string;
}

export interface DemoFeedServer {
  feedUrl: string;
  /** Publishes the next article; false when every article is out. */
  releaseNext(): boolean;
  released: number;
  close(): Promise<void>;
}

const escapeXml = (s: string) =>
  s.replace(
    /[<>&"']/g,
    (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c] ?? c,
  );

/**
 * A local news site for the offline demo: one RSS feed on 127.0.0.1 whose items appear one at a
 * time, with ETag support so the poller's conditional requests behave as on the real web.
 */
export async function startDemoFeedServer(articles: DemoArticle[]): Promise<DemoFeedServer> {
  let released = 0;
  const server = createServer((req, res) => {
    if (req.url !== '/feed.xml') return void res.writeHead(404).end();
    const etag = `"demo-${released}"`;
    if (req.headers['if-none-match'] === etag) return void res.writeHead(304, { etag }).end();
    res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8', etag });
    res.end(rss(articles.slice(0, released).reverse()));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const self: DemoFeedServer = {
    feedUrl: `http://127.0.0.1:${port}/feed.xml`,
    released: 0,
    releaseNext() {
      if (released >= articles.length) return false;
      released++;
      self.released = released;
      return true;
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
  return self;
}

function rss(items: DemoArticle[]): string {
  const body = items
    .map(
      (a) => `<item>
  <title>${escapeXml(a.title)}</title>
  <link>${escapeXml(a.url)}</link>
  <guid isPermaLink="true">${escapeXml(a.url)}</guid>
  <pubDate>${new Date(`${a.published}T14:00:00Z`).toUTCString()}</pubDate>
  <source url="${escapeXml(a.url)}">${escapeXml(a.outlet)}</source>
  <content:encoded><![CDATA[${a.text
    .split('\n\n')
    .map((p) => `<p>${escapeXml(p)}</p>`)
    .join('')}]]></content:encoded>
</item>`,
    )
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>Courts wire (casewatch demo)</title><link>http://127.0.0.1/</link>
<description>Sample articles written for the casewatch demo</description>
${body}
</channel></rss>`;
}
