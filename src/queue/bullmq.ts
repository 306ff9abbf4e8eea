import { DelayedError, type Job, Queue, Worker } from 'bullmq';
import { Redis } from 'ioredis';
import {
  type JobCounts,
  type JobHandler,
  type JobKind,
  type JobQueue,
  KEEP_DONE_SECONDS,
  type NewJob,
  type QueueHooks,
  RETRY,
  RetryLater,
} from './types.ts';

export interface BullQueueOptions extends QueueHooks {
  /** redis://host:port/db */
  url: string;
  /** Key prefix in Redis (QUEUE_PREFIX): two deployments, or two tests, on one Redis stay apart. */
  prefix: string;
  /**
   * How long a running job's lock lasts without renewal: a worker that dies (kill -9, a lost
   * network) has its jobs taken over by another worker's stalled check within about twice this.
   */
  leaseMs: number;
  retry?: Partial<typeof RETRY>;
}

/**
 * BullMQ on Redis: every instance adds and works the same queues, so polls and deliveries are
 * spread over all of them; a job id is unique while the job is queued, running or kept after it
 * ended; failures are retried with exponential backoff; a job whose worker died is moved back to
 * waiting by another worker's stalled check and run again (at least once; the handlers are
 * idempotent: seen-claims for feed items, alert records and Discord nonces for posts).
 */
export function createBullQueue(options: BullQueueOptions): JobQueue {
  const retry = { ...RETRY, ...options.retry };
  // BullMQ's workers need maxRetriesPerRequest null (blocking commands are retried forever);
  // ioredis reconnects by itself after Redis restarts and the work resumes.
  const retryStrategy = (times: number) => Math.min(50 * 2 ** times, 2_000);
  const connection = new Redis(options.url, { maxRetriesPerRequest: null, retryStrategy });
  // Adding jobs and reading counts fail at once while Redis is down (the caller retries: the
  // item stays unseen, the clock ticks again) instead of waiting in an offline queue.
  const producer = new Redis(options.url, {
    maxRetriesPerRequest: 1,
    enableOfflineQueue: false,
    retryStrategy,
  });
  for (const c of [connection, producer]) c.on('error', (err) => options.onError?.('poll', err));
  const queues = new Map<JobKind, Queue>();
  const workers: Worker[] = [];
  const queueOf = (kind: JobKind) => {
    let q = queues.get(kind);
    if (!q) {
      q = new Queue(kind, { connection: producer, prefix: options.prefix });
      q.on('error', (err) => options.onError?.(kind, err));
      queues.set(kind, q);
    }
    return q;
  };

  return {
    kind: 'redis',
    async addMany<T, R>(kind: JobKind, jobs: NewJob<T>[]) {
      const { attempts, backoffMs } = retry[kind];
      const q = queueOf(kind);
      for (let i = 0; i < jobs.length; i += 500) {
        await q.addBulk(
          jobs.slice(i, i + 500).map((j) => ({
            name: kind,
            data: j.data,
            opts: {
              jobId: j.id,
              attempts,
              backoff: { type: 'exponential', delay: backoffMs },
              removeOnComplete: { age: KEEP_DONE_SECONDS[kind] },
              // A failed poll leaves no id behind (the next tick adds it again); a failed
              // delivery is kept a day for the operator to see (and retry) in the queue.
              removeOnFail: kind === 'deliver' ? { age: 24 * 3600, count: 5_000 } : true,
            },
          })),
        );
      }
      return jobs.map(() => undefined as R | undefined);
    },
    work<T, R>(kind: JobKind, handler: JobHandler<T, R>, concurrency: number) {
      const worker = new Worker(
        kind,
        async (job: Job, token?: string) => {
          try {
            return await handler(job.data as T, { id: job.id ?? '', attempt: job.attemptsMade + 1 });
          } catch (err) {
            if (!(err instanceof RetryLater)) throw err;
            // Not an attempt: the job waits (its slot is free for other hosts' jobs) and runs again.
            await job.moveToDelayed(Date.now() + err.delayMs, token);
            throw new DelayedError();
          }
        },
        {
          connection,
          prefix: options.prefix,
          concurrency,
          lockDuration: options.leaseMs,
          stalledInterval: options.leaseMs,
          maxStalledCount: 3,
        },
      );
      worker.on('completed', () => options.onResult?.(kind, 'completed'));
      worker.on('failed', (job, err) => {
        if (err instanceof DelayedError || err?.name === 'DelayedError') return;
        const final = !job || job.attemptsMade >= (job.opts.attempts ?? 1);
        options.onResult?.(kind, final ? 'failed' : 'retried');
        options.onError?.(kind, err, job?.id);
      });
      worker.on('stalled', () => options.onResult?.(kind, 'stalled'));
      worker.on('error', (err) => options.onError?.(kind, err));
      workers.push(worker);
    },
    async counts(kind) {
      const c = await queueOf(kind).getJobCounts('waiting', 'active', 'delayed', 'failed', 'completed');
      return {
        waiting: c.waiting ?? 0,
        active: c.active ?? 0,
        delayed: c.delayed ?? 0,
        failed: c.failed ?? 0,
        completed: c.completed ?? 0,
      } satisfies JobCounts;
    },
    async stopWorkers() {
      await Promise.all(workers.map((w) => w.close()));
    },
    async close() {
      await this.stopWorkers();
      await Promise.all([...queues.values()].map((q) => q.close()));
      for (const c of [connection, producer]) await c.quit().catch(() => c.disconnect());
    },
  };
}
