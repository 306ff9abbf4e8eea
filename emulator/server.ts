// The HTTP + WebSocket server on 127.0.0.1: REST under /api/v10, the gateway on /gateway.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { WebSocketServer } from 'ws';
import { channelRoutes } from './channels.ts';
import { commandRoutes } from './commands.ts';
import type { Gateway } from './gateway.ts';
import { discordError, type ParsedBody, parseBody, type Reply, readBody, writeReply } from './http.ts';
import type { JsonObject } from './messages.ts';
import { invalid } from './problems.ts';
import { matchRoute } from './router.ts';
import { baseRoutes } from './routes.ts';
import type { EmulatorState } from './state.ts';
import { interactionRoutes } from './webhooks.ts';

const ROUTES = [...baseRoutes(), ...channelRoutes(), ...commandRoutes(), ...interactionRoutes()];
/** Interaction callbacks and webhooks are authenticated by their token, not the bot token. */
const TOKEN_AUTH = /^\/(interactions|webhooks)\//;

export interface RunningServer {
  server: Server;
  port: number;
  close(): Promise<void>;
}

export async function startServer(state: EmulatorState, gateway: Gateway): Promise<RunningServer> {
  let port = 0;
  const gatewayUrl = () => `ws://127.0.0.1:${port}/gateway`;
  const server = createServer((req, res) => {
    handle(state, req, res, gatewayUrl()).catch((error: unknown) => {
      // Never a 5xx for our own bugs: the client would retry it three times and hide the cause.
      writeReply(res, discordError(400, 0, `emulator error: ${String(error)}`));
    });
  });
  const wss = new WebSocketServer({ noServer: true });
  server.on('upgrade', (req, socket, head) => {
    wss.handleUpgrade(req, socket, head, (ws) => gateway.accept(ws));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
  return {
    server,
    port,
    async close() {
      for (const client of wss.clients) client.terminate();
      wss.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

async function handle(state: EmulatorState, req: IncomingMessage, res: ServerResponse, gatewayUrl: string) {
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  const method = (req.method ?? 'GET').toUpperCase();
  const segments = url.pathname
    .replace(/^\/api(\/v\d+)?/, '')
    .split('/')
    .filter(Boolean)
    .map((s) => decodeURIComponent(s));
  const path = `/${segments.join('/')}`;
  let parsed: ParsedBody;
  try {
    parsed = await parseBody(await readBody(req), req.headers['content-type']);
  } catch (error) {
    parsed = { body: undefined, files: [] };
    return respond(state, res, method, path, url, parsed, discordError(400, 50109, `invalid body: ${error}`));
  }
  const delay = state.faults.takeDelay(method, path);
  if (delay.ms > 0 && !delay.response) await sleep(delay.ms);
  const fault = state.faults.takeFailure(method, path);
  if (fault) return respond(state, res, method, path, url, parsed, fault);
  if (
    state.token !== undefined &&
    !TOKEN_AUTH.test(path) &&
    req.headers.authorization !== `Bot ${state.token}`
  ) {
    return respond(state, res, method, path, url, parsed, discordError(401, 0, '401: Unauthorized'));
  }
  const match = matchRoute(ROUTES, method, segments);
  // An outside schema check (tests: Discord's OpenAPI description), on top of the emulator's rules.
  const refused =
    match && parsed.body !== undefined ? state.validateBody?.(method, path, parsed.body) : undefined;
  const reply = refused?.length
    ? invalid(refused)
    : match
      ? await match.route.handler({
          params: match.params,
          query: url.searchParams,
          body: parsed.body,
          files: parsed.files,
          state,
          gatewayUrl,
        })
      : discordError(404, 0, `404: Not Found (emulator has no route ${method} ${path})`);
  if (delay.ms > 0 && delay.response) await sleep(delay.ms);
  return respond(state, res, method, path, url, parsed, reply);
}

function respond(
  state: EmulatorState,
  res: ServerResponse,
  method: string,
  path: string,
  url: URL,
  parsed: ParsedBody,
  reply: Reply,
): void {
  state.requests.push({
    method,
    path,
    query: url.search,
    body: parsed.body as JsonObject | undefined,
    files: parsed.files,
    status: reply.status,
    at: Date.now(),
  });
  writeReply(res, reply);
  state.changed();
}
