import type { Feed, FeedState } from '../store/feeds.ts';
import { describeFeedError, type FeedError } from './errors.ts';

export const MAX_BACKOFF_MS = 24 * 60 * 60 * 1000;

/** interval × 2^failures, capped at 24 h. */
export function backoffMs(intervalMinutes: number, failures: number): number {
  return Math.min(Math.max(1, intervalMinutes) * 60_000 * 2 ** Math.min(failures, 30), MAX_BACKOFF_MS);
}

/**
 * The state after a failed poll: one more consecutive failure, the next poll backed off, and a
 * pause (with the reason) once the threshold is reached. `paused` reports the transition, so the
 * caller alerts exactly once.
 */
export function afterFailure(
  s: FeedState,
  feed: Feed,
  err: FeedError,
  now: number,
  failuresBeforePause: number,
): { state: FeedState; justPaused: boolean } {
  const failures = s.consecutiveFailures + 1;
  const pause = failures >= failuresBeforePause;
  return {
    justPaused: pause && !s.paused,
    state: {
      ...s,
      consecutiveFailures: failures,
      lastErrorAt: new Date(now).toISOString(),
      lastError: { reason: err.reason, message: err.message },
      nextPollAt: now + backoffMs(feed.intervalMinutes, failures),
      paused: s.paused || pause,
      pausedReason: s.paused ? s.pausedReason : pause ? describeFeedError(err) : undefined,
    },
  };
}

/**
 * The state after a successful poll: failures and pause cleared, next poll one interval away plus
 * a random jitter of up to 10% (at most 5 min) so feeds added together do not poll in lockstep.
 */
export function afterSuccess(
  s: FeedState,
  feed: Feed,
  patch: Partial<FeedState>,
  now: number,
  random: number,
): FeedState {
  const jitter = random * Math.min(feed.intervalMinutes * 6_000, 5 * 60_000);
  return {
    ...s,
    ...patch,
    itemsSeen: s.itemsSeen + (patch.itemsSeen ?? 0),
    consecutiveFailures: 0,
    lastSuccessAt: new Date(now).toISOString(),
    nextPollAt: now + Math.max(1, feed.intervalMinutes) * 60_000 + jitter,
    paused: false,
    pausedReason: undefined,
  };
}
