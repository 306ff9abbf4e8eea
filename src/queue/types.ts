/**
 * The job interface polling and delivery run on, whichever queue is behind it: BullMQ on Redis
 * when several instances share the work (src/queue/bullmq.ts), or a queue inside the process for
 * the embedded SQLite default (src/queue/inProcess.ts). node-cron stays the clock: it decides what
 * is due and adds jobs; the queue decides who runs them, retries them and recovers them.
 */

/** Feed polls, alert deliveries, court docket polls. */
export type JobKind = 'poll' | 'deliver' | 'court';

export interface JobContext {
  /** The job's id: the same on every attempt and after a stalled job is taken over. */
  id: string;
  /** 1 on the first attempt. */
  attempt: number;
}

export type JobHandler<T, R = unknown> = (data: T, ctx: JobContext) => Promise<R>;

export interface NewJob<T> {
  /**
   * Unique per unit of work: a job whose id is already queued, running or recently done is not
   * added again (`poll:<feed>:<intervalStart>` makes a feed's poll in one interval unique).
   * At most three `:`-separated parts (BullMQ's rule).
   */
  id: string;
  data: T;
}

/** Thrown by a handler that cannot run now (its host is busy): run it again later, not counted as an attempt. */
export class RetryLater extends Error {
  constructor(readonly delayMs: number) {
    super(`retry in ${delayMs} ms`);
  }
}

export interface JobCounts {
  waiting: number;
  active: number;
  delayed: number;
  failed: number;
  completed: number;
}

export type JobResult = 'completed' | 'failed' | 'retried' | 'stalled' | 'duplicate';

export interface JobQueue {
  /** 'redis' or 'in-process', for logs and metrics. */
  readonly kind: 'redis' | 'in-process';
  /**
   * Adds jobs (ids already present are skipped). Resolves once no job can be lost by this process
   * dying: stored in Redis, or, in-process, run to its end — then with each handler's result
   * (a job that failed every attempt rejects). Redis: results are undefined.
   */
  addMany<T, R = unknown>(kind: JobKind, jobs: NewJob<T>[]): Promise<Array<R | undefined>>;
  /** Runs jobs of this kind in this process, `concurrency` at a time. */
  work<T, R>(kind: JobKind, handler: JobHandler<T, R>, concurrency: number): void;
  counts(kind: JobKind): Promise<JobCounts>;
  /** Stops taking jobs and waits for the running ones (worker side only). */
  stopWorkers(): Promise<void>;
  /** stopWorkers, then closes the connections. */
  close(): Promise<void>;
}

export interface QueueHooks {
  onResult?(kind: JobKind, result: JobResult): void;
  onError?(kind: JobKind, err: unknown, jobId?: string): void;
}

/** Attempts and backoff per kind: exponential, delay × 2^(attempt−1). */
export const RETRY: Record<JobKind, { attempts: number; backoffMs: number }> = {
  // A poll's own failures (the feed is down) are the feed's schedule (src/feeds/schedule.ts);
  // a job is retried when its hand-off failed (the store, extraction) or it stalled.
  poll: { attempts: 3, backoffMs: 5_000 },
  // Discord down or rate limiting: 2 s … about 17 min, 10 attempts (about 34 min in all).
  deliver: { attempts: 10, backoffMs: 2_000 },
  court: { attempts: 3, backoffMs: 30_000 },
};

/** Finished jobs are kept a while: a poll id added again by a slow clock is still a duplicate. */
export const KEEP_DONE_SECONDS: Record<JobKind, number> = { poll: 600, deliver: 3600, court: 3600 };
