import { timingSafeEqual } from 'node:crypto';
import type { CaseDefinition } from '../../cases/definition.ts';
import type { RouteHandler } from '../../health.ts';
import type { Logger } from '../../log.ts';
import { createCaseStore } from '../../store/cases.ts';
import type { Store } from '../../store/types.ts';
import { courtKind } from '../courts.ts';
import { parseTypedDocketNumber } from '../docketNumber.ts';
import { casesFollowing } from '../dockets.ts';
import { createEntryGate, type EntryHandOff } from '../gate.ts';
import { type ClDocketEntry, type CourtListenerClient, RateLimited } from './client.ts';
import { type ClFollowed, fromCourtListener } from './entries.ts';

/**
 * CourtListener as a second source of docket entries (only with COURTLISTENER_TOKEN): each linked
 * docket is found (search) and subscribed to (docket alerts) once; CourtListener then POSTs its
 * docket-alert webhook events to `/webhooks/courtlistener/<secret>` on the health server, and where
 * webhooks cannot reach the bot, `poll()` reads the followed dockets' entries within the token's
 * hourly budget. Entries go through the same gate as the court feeds: an entry seen from both
 * sources, or delivered twice, is handed off once.
 */

export interface CourtListenerDeps {
  store: Store;
  client: CourtListenerClient;
  baseUrl: string;
  /** Without a secret the webhook endpoint refuses everything. */
  webhookSecret?: string;
  logger: Logger;
  leaseSeconds?: number;
  onEntry: EntryHandOff;
}

export interface WebhookRequest {
  /** The path after `/webhooks/courtlistener` (`/<secret>` or empty). */
  path: string;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

export interface WebhookAnswer {
  status: number;
  body: Record<string, unknown>;
}

const DOCKET_ALERT = 1;
/** An Idempotency-Key is remembered this long: longer than CourtListener's 54 hours of retries. */
const KEY_RETENTION_MS = 7 * 24 * 3600 * 1000;

export function createCourtListener(deps: CourtListenerDeps) {
  const followed = deps.store.kv('courtlistener-dockets');
  const deliveries = deps.store.kv('courtlistener-deliveries');
  const primed = deps.store.kv('courtlistener-primed');
  const cases = createCaseStore(deps.store);
  const pass = createEntryGate(deps.store, deps.leaseSeconds, deps.logger);
  const linkKey = (court: string, number: string) => `link|${court}|${number}`;

  /** Finds and subscribes to every linked docket not followed yet; returns how many are followed. */
  async function follow(): Promise<number> {
    let count = 0;
    for (const def of await cases.list()) {
      for (const link of def.dockets ?? []) {
        if (await followed.get<number>(linkKey(link.court, link.number))) {
          count++;
          continue;
        }
        try {
          const found = await deps.client.findDocket(link.court, link.number);
          if (!found) {
            deps.logger.info({ court: link.court, docket: link.number }, 'docket not on CourtListener');
            continue;
          }
          await deps.client.subscribe(found.docketId);
          const record: ClFollowed = {
            docketId: found.docketId,
            court: link.court,
            number: link.number,
            caseName: found.caseName,
          };
          await followed.set(String(found.docketId), record);
          await followed.set(linkKey(link.court, link.number), found.docketId);
          count++;
        } catch (err) {
          if (err instanceof RateLimited) return count;
          deps.logger.warn({ err, court: link.court, docket: link.number }, 'CourtListener follow failed');
        }
      }
    }
    return count;
  }

  async function handOff(raw: ClDocketEntry, docketId: number, history: boolean, linked: CaseDefinition[]) {
    const record = await followed.get<ClFollowed>(String(docketId));
    if (!record) return 'unknown' as const;
    const docket = parseTypedDocketNumber(record.number, courtKind(record.court));
    const entry = docket ? fromCourtListener(raw, record, docket, deps.baseUrl) : undefined;
    if (!entry) return 'unknown' as const;
    const following = casesFollowing(linked, entry);
    if (following.length === 0) return 'unknown' as const;
    return pass(entry, following, { history }, deps.onEntry);
  }

  function authorised(req: WebhookRequest): boolean {
    const secret = deps.webhookSecret;
    if (!secret) return false;
    const header = req.headers['x-webhook-token'] ?? req.headers.authorization;
    const given = [req.path.replace(/^\/+/, ''), String(header ?? '').replace(/^(Bearer|Token)\s+/i, '')];
    const want = Buffer.from(secret);
    return given.some((g) => {
      const b = Buffer.from(g);
      return b.length === want.length && timingSafeEqual(b, want);
    });
  }

  async function webhook(req: WebhookRequest): Promise<WebhookAnswer> {
    if (!authorised(req)) return { status: 401, body: { error: 'unauthorised' } };
    const key = String(req.headers['idempotency-key'] ?? '').trim();
    if (key && (await deliveries.get(key))) return { status: 200, body: { ok: true, duplicate: true } };
    let event: { payload?: { results?: ClDocketEntry[] }; webhook?: { event_type?: number } };
    try {
      event = JSON.parse(req.body);
    } catch {
      return { status: 400, body: { error: 'the body is not JSON' } };
    }
    if (event.webhook?.event_type !== DOCKET_ALERT) return { status: 200, body: { ok: true, ignored: true } };
    const linked = (await cases.list()).filter((c) => (c.dockets ?? []).length > 0);
    let handed = 0;
    for (const raw of event.payload?.results ?? []) {
      const docketId = Number((raw as { docket?: unknown }).docket);
      const outcome = await handOff(raw, docketId, false, linked);
      // A failed hand-off answers 500: CourtListener retries, and the key is not yet recorded.
      if (outcome === 'failed') return { status: 500, body: { error: 'could not store an entry; retry' } };
      if (outcome === 'handed') handed++;
    }
    if (key) await deliveries.set(key, { at: Date.now() }, KEY_RETENTION_MS);
    return { status: 200, body: { ok: true, entries: handed } };
  }

  /**
   * The polling fallback: each followed docket's entries, as long as the hour's budget lasts (a
   * docket's first read is history). Returns the number of dockets read.
   */
  async function poll(): Promise<number> {
    const linked = (await cases.list()).filter((c) => (c.dockets ?? []).length > 0);
    let read = 0;
    for (const def of linked) {
      for (const link of def.dockets ?? []) {
        const docketId = await followed.get<number>(linkKey(link.court, link.number));
        if (!docketId) continue;
        let entries: ClDocketEntry[];
        try {
          entries = await deps.client.entries(docketId);
        } catch (err) {
          if (err instanceof RateLimited) return read;
          deps.logger.warn({ err, docketId }, 'CourtListener entries failed');
          continue;
        }
        read++;
        const history = !(await primed.get(String(docketId)));
        let failed = false;
        for (const raw of [...entries].reverse()) {
          if ((await handOff(raw, docketId, history, linked)) === 'failed') failed = true;
        }
        if (!failed && history) await primed.set(String(docketId), true);
      }
    }
    return read;
  }

  return { follow, webhook, poll };
}

export type CourtListener = ReturnType<typeof createCourtListener>;

const MAX_WEBHOOK_BYTES = 1024 * 1024;

/** `/webhooks/courtlistener[/<secret>]` on the health server: POST only, 1 MB at most, JSON answers. */
export function courtListenerRoute(cl: CourtListener): RouteHandler {
  return (req, res, rest) => {
    const answer = (status: number, body: Record<string, unknown>) =>
      res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    if (req.method !== 'POST') return answer(405, { error: 'POST only' });
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_WEBHOOK_BYTES) {
        answer(413, { error: 'too large' });
        req.destroy();
      } else chunks.push(chunk);
    });
    req.on('end', () => {
      if (size > MAX_WEBHOOK_BYTES) return;
      cl.webhook({ path: rest, headers: req.headers, body: Buffer.concat(chunks).toString('utf8') })
        .then((a) => answer(a.status, a.body))
        .catch(() => answer(500, { error: 'internal error; retry' }));
    });
  };
}
