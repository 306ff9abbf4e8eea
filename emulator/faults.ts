// Fault injection for REST: the next N matching requests fail (429 with the rate-limit headers
// @discordjs/rest reads, or any 4xx/5xx) or are delayed.

export interface FailRule {
  /** HTTP method to match (any if omitted). */
  method?: string;
  /** Tested against the decoded path after /api/v10, e.g. '/channels/123/messages'. */
  path: RegExp;
  status: number;
  /** How many matching requests fail (default 1). */
  times?: number;
  /** For 429: seconds to wait, sent as Retry-After, X-RateLimit-Reset-After and body retry_after (default 0.05). */
  retryAfter?: number;
  /** For 429: mark it global (X-RateLimit-Global) instead of a per-route bucket limit. */
  global?: boolean;
  /** Override the JSON error body. */
  body?: unknown;
}

export interface DelayRule {
  method?: string;
  path: RegExp;
  ms: number;
  times?: number;
  /**
   * Hold the response instead of the request: the emulator acts at once (Discord got it), the
   * client learns of it `ms` later — the window in which a client's own state is stale.
   */
  response?: boolean;
}

export interface FaultResponse {
  status: number;
  headers: Record<string, string>;
  body: unknown;
}

interface Armed<T> {
  rule: T;
  remaining: number;
}

export class Faults {
  private failures: Armed<FailRule>[] = [];
  private delays: Armed<DelayRule>[] = [];
  /** How many requests each kind of fault has hit, for reports. */
  injected = 0;

  fail(rule: FailRule): void {
    this.failures.push({ rule, remaining: rule.times ?? 1 });
  }

  delay(rule: DelayRule): void {
    this.delays.push({ rule, remaining: rule.times ?? 1 });
  }

  clear(): void {
    this.failures = [];
    this.delays = [];
  }

  /** Remaining armed failures; tests assert 0 to show every fault really fired. */
  pending(): number {
    return this.failures.reduce((n, f) => n + f.remaining, 0);
  }

  takeDelay(method: string, path: string): { ms: number; response: boolean } {
    const armed = take(this.delays, method, path);
    return { ms: armed?.rule.ms ?? 0, response: armed?.rule.response ?? false };
  }

  takeFailure(method: string, path: string): FaultResponse | undefined {
    const armed = take(this.failures, method, path);
    if (!armed) return undefined;
    this.injected++;
    const { rule } = armed;
    if (rule.status !== 429) {
      return {
        status: rule.status,
        headers: {},
        body: rule.body ?? { message: 'Emulated server error', code: 0 },
      };
    }
    const retryAfter = rule.retryAfter ?? 0.05;
    const headers: Record<string, string> = {
      'retry-after': String(retryAfter),
      'x-ratelimit-limit': '5',
      'x-ratelimit-remaining': '0',
      'x-ratelimit-reset-after': String(retryAfter),
      'x-ratelimit-reset': String((Date.now() + retryAfter * 1000) / 1000),
      'x-ratelimit-scope': rule.global ? 'global' : 'user',
    };
    if (rule.global) headers['x-ratelimit-global'] = 'true';
    const body = rule.body ?? {
      message: 'You are being rate limited.',
      retry_after: retryAfter,
      global: rule.global ?? false,
    };
    return { status: 429, headers, body };
  }
}

function take<T extends { method?: string; path: RegExp }>(
  list: Armed<T>[],
  method: string,
  path: string,
): Armed<T> | undefined {
  const armed = list.find(
    (a) =>
      a.remaining > 0 &&
      (!a.rule.method || a.rule.method.toUpperCase() === method) &&
      matches(a.rule.path, path),
  );
  if (armed) armed.remaining--;
  return armed;
}

function matches(pattern: RegExp, path: string): boolean {
  pattern.lastIndex = 0; // a /g regex would otherwise alternate between matching and not
  return pattern.test(path);
}
