import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Metrics } from './metrics.ts';

/** A component's health: resolves to a short status, throws (or returns ok:false) when unhealthy. */
export type HealthCheck = () => Promise<{ ok: boolean; detail?: string }>;

/** A route the bot serves beside the checks (e.g. `/webhooks/courtlistener`): it answers itself. */
export type RouteHandler = (req: IncomingMessage, res: ServerResponse, rest: string) => void;

export interface HealthServer {
  port: number;
  close(): Promise<void>;
}

/**
 * GET /healthz: every check (gateway, store, poller) with a 200 when all are fine and 503
 * otherwise; GET /metrics: Prometheus text. Nothing else is served, and no check may hang it.
 */
export async function startHealthServer(
  port: number,
  checks: Record<string, HealthCheck>,
  metrics: Metrics,
  host = '127.0.0.1',
  routes: Record<string, RouteHandler> = {},
): Promise<HealthServer> {
  const server: Server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    for (const [prefix, handle] of Object.entries(routes)) {
      if (path === prefix || path.startsWith(`${prefix}/`))
        return handle(req, res, path.slice(prefix.length));
    }
    if (req.method !== 'GET') return void res.writeHead(405).end();
    if (path === '/metrics') {
      metrics.registry
        .metrics()
        .then((text) => res.writeHead(200, { 'content-type': metrics.registry.contentType }).end(text))
        .catch(() => res.writeHead(500).end());
      return;
    }
    if (path === '/healthz') {
      void runChecks(checks).then((result) => {
        res.writeHead(result.ok ? 200 : 503, { 'content-type': 'application/json' });
        res.end(JSON.stringify(result));
      });
      return;
    }
    res.writeHead(404, { 'content-type': 'application/json' }).end('{"error":"not found"}');
  });
  await new Promise<void>((resolve) => server.listen(port, host, resolve));
  return {
    port: (server.address() as AddressInfo).port,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

async function runChecks(checks: Record<string, HealthCheck>) {
  const entries = await Promise.all(
    Object.entries(checks).map(async ([name, check]) => {
      try {
        const r = await Promise.race([
          check(),
          new Promise<{ ok: boolean; detail: string }>((resolve) =>
            setTimeout(() => resolve({ ok: false, detail: 'timed out' }), 2_000).unref(),
          ),
        ]);
        return [name, r] as const;
      } catch (err) {
        return [name, { ok: false, detail: err instanceof Error ? err.message : String(err) }] as const;
      }
    }),
  );
  return { ok: entries.every(([, r]) => r.ok), checks: Object.fromEntries(entries) };
}
