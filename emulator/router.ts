// A tiny path-pattern router: '/channels/:channel/messages/:message'.
import type { Reply } from './http.ts';
import type { UploadedFile } from './messages.ts';
import type { EmulatorState } from './state.ts';

export interface RouteContext {
  params: Record<string, string>;
  query: URLSearchParams;
  /** Parsed JSON (object or array) or payload_json; undefined when empty. */
  body: unknown;
  files: UploadedFile[];
  state: EmulatorState;
  /** ws:// url of the gateway. */
  gatewayUrl: string;
}

export type Handler = (ctx: RouteContext) => Reply | Promise<Reply>;

export interface Route {
  method: string;
  segments: string[];
  handler: Handler;
}

export function route(method: string, pattern: string, handler: Handler): Route {
  return { method, segments: pattern.split('/').filter(Boolean), handler };
}

export function matchRoute(
  routes: Route[],
  method: string,
  path: string[],
): { route: Route; params: Record<string, string> } | undefined {
  for (const candidate of routes) {
    if (candidate.method !== method || candidate.segments.length !== path.length) continue;
    const params: Record<string, string> = {};
    const ok = candidate.segments.every((segment, i) => {
      const actual = path[i] ?? '';
      if (segment.startsWith(':')) {
        params[segment.slice(1)] = actual;
        return true;
      }
      return segment === actual;
    });
    if (ok) return { route: candidate, params };
  }
  return undefined;
}
