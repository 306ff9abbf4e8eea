/**
 * Why a feed (or an article page) could not be used. The reason code is what `/feed list`, the
 * pause alert and `casewatch feed check` show; the message adds the detail.
 */
export type FeedErrorReason =
  | 'dns'
  | 'timeout'
  | 'http_status'
  | 'too_large'
  | 'not_a_feed'
  | 'refused_private'
  | 'bad_url'
  | 'too_many_redirects'
  | 'connection';

export class FeedError extends Error {
  constructor(
    readonly reason: FeedErrorReason,
    message: string,
    /** The HTTP status, for `http_status`. */
    readonly status?: number,
  ) {
    super(message);
    this.name = 'FeedError';
  }
}

const NETWORK_CODES: Record<string, FeedErrorReason> = {
  ENOTFOUND: 'dns',
  EAI_AGAIN: 'dns',
  EAI_FAIL: 'dns',
  EAI_NODATA: 'dns',
  ETIMEDOUT: 'timeout',
  ECONNREFUSED: 'connection',
  ECONNRESET: 'connection',
  EHOSTUNREACH: 'connection',
  ENETUNREACH: 'connection',
  EPIPE: 'connection',
};

/** Turns anything thrown while fetching into a FeedError with a reason code. */
export function toFeedError(err: unknown): FeedError {
  if (err instanceof FeedError) return err;
  const code = (err as { code?: unknown } | null)?.code;
  const message = err instanceof Error ? err.message : String(err);
  if (typeof code === 'string' && NETWORK_CODES[code]) return new FeedError(NETWORK_CODES[code], message);
  if (typeof code === 'string' && code.startsWith('Z_'))
    return new FeedError('connection', `bad compressed body: ${message}`);
  return new FeedError('connection', message);
}

/** One line for logs, alerts and command replies: "timeout: no response within 15000 ms". */
export function describeFeedError(err: FeedError): string {
  return `${err.reason}: ${err.message}`;
}
