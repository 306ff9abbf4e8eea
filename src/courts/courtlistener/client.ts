/**
 * CourtListener's REST API v4 (freelawproject/courtlistener, cl/api/templates/*-docs-vlatest.html):
 * find a docket by court and number (search, `type=r`), subscribe to its docket alerts
 * (`POST /docket-alerts/`), and read its entries (`/docket-entries/?docket=ID`). Every request
 * spends one unit of the token's budget (5,000 requests an hour); with none left a call fails fast
 * instead of being refused by the server.
 */

export interface ClDocket {
  docketId: number;
  caseName: string;
  docketNumber: string;
  court: string;
}

/** A docket entry as CourtListener returns it (the fields casewatch reads). */
export interface ClDocketEntry {
  id: number;
  date_filed: string | null;
  entry_number: number | null;
  description: string;
  pacer_sequence_number?: number | string | null;
  recap_documents?: Array<{ description?: string; document_number?: string | number | null }>;
}

export interface RateBudget {
  /** Spends one request; false when the hour's budget is used up. */
  take(): boolean;
  remaining(): number;
}

/** A sliding hour: at most `perHour` requests in any 60 minutes. */
export function hourlyBudget(perHour: number, now: () => number = Date.now): RateBudget {
  const spent: number[] = [];
  const prune = () => {
    while (spent.length > 0 && (spent[0] ?? 0) <= now() - 3_600_000) spent.shift();
  };
  return {
    take() {
      prune();
      if (spent.length >= perHour) return false;
      spent.push(now());
      return true;
    },
    remaining() {
      prune();
      return perHour - spent.length;
    },
  };
}

export class RateLimited extends Error {}

export interface ClClientOptions {
  /** https://www.courtlistener.com, or a test's local fake. */
  baseUrl: string;
  token: string;
  budget: RateBudget;
  timeoutMs: number;
  userAgent: string;
}

/** Answers larger than this are refused (a page of docket entries is far smaller). */
const MAX_ANSWER_BYTES = 5 * 1024 * 1024;

export function createCourtListenerClient(options: ClClientOptions) {
  const api = `${options.baseUrl.replace(/\/+$/, '')}/api/rest/v4`;
  async function call<T>(path: string, init: { method?: 'GET' | 'POST'; body?: unknown } = {}): Promise<T> {
    if (!options.budget.take())
      throw new RateLimited('CourtListener request budget for this hour is used up');
    // The one fixed, configured API host (not a user-given URL): plain fetch with a deadline.
    const res = await fetch(`${api}${path}`, {
      method: init.method ?? 'GET',
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
      headers: {
        authorization: `Token ${options.token}`,
        'content-type': 'application/json',
        accept: 'application/json',
        'user-agent': options.userAgent,
      },
      redirect: 'error',
      signal: AbortSignal.timeout(options.timeoutMs),
    });
    const text = await res.text();
    if (text.length > MAX_ANSWER_BYTES)
      throw new Error(`CourtListener answer too large (${text.length} bytes)`);
    if (!res.ok)
      throw new Error(
        `CourtListener answered ${res.status} to ${init.method ?? 'GET'} ${path.split('?')[0]}`,
      );
    return JSON.parse(text) as T;
  }
  return {
    async findDocket(court: string, docketNumber: string): Promise<ClDocket | undefined> {
      const q = new URLSearchParams({ type: 'r', court, docket_number: docketNumber });
      const out = await call<{ results?: Array<Record<string, unknown>> }>(`/search/?${q}`);
      const hit = out.results?.[0];
      if (!hit || typeof hit.docket_id !== 'number') return undefined;
      return {
        docketId: hit.docket_id,
        caseName: String(hit.caseName ?? ''),
        docketNumber: String(hit.docketNumber ?? docketNumber),
        court: String(hit.court_id ?? court),
      };
    },
    subscribe: (docketId: number) =>
      call<{ id: number }>('/docket-alerts/', { method: 'POST', body: { docket: docketId } }),
    async entries(docketId: number): Promise<ClDocketEntry[]> {
      const q = new URLSearchParams({ docket: String(docketId), order_by: '-date_filed' });
      return (await call<{ results?: ClDocketEntry[] }>(`/docket-entries/?${q}`)).results ?? [];
    },
  };
}

export type CourtListenerClient = ReturnType<typeof createCourtListenerClient>;
