import type { KV } from '../store/types.ts';
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

export interface InProcessOptions extends QueueHooks {
  /**
   * Processes sharing one store without Redis (`start:sharded` on SQLite): a poll or court job id
   * is claimed in the store (setIfAbsent with a lease), so one process runs it; a process that dies
   * holding one lets the others run it once the lease is over.
   */
  claims?: { kv: KV; leaseMs: number };
  retry?: Partial<typeof RETRY>;
}

const CLAIMED: ReadonlySet<JobKind> = new Set(['poll', 'court']);

class Stopped extends Error {
  constructor() {
    super('the job queue is stopping');
  }
}

/**
 * The job interface inside one process, for the embedded default (zero services): the same
 * ids, retries with exponential backoff, `RetryLater` and concurrency as the Redis queue. A job
 * lives in memory, so `addMany` resolves only when its jobs have run: what the caller confirms
 * afterwards (a feed item, an alert) was really done.
 */
export function createInProcessQueue(options: InProcessOptions = {}): JobQueue {
  // A delivery that fails fails the hand-off at once (the poll job is retried, with the item):
  // a poll must not wait out Discord's outage inside this process.
  const retry = { ...RETRY, deliver: { attempts: 1, backoffMs: 0 }, ...options.retry };
  const handlers = new Map<JobKind, { handler: JobHandler<unknown, unknown>; slots: Semaphore }>();
  const pending = new Map<string, Promise<unknown>>();
  // Ids of jobs that completed, until when they still count as duplicates.
  const done = new Map<string, number>();
  const stats = new Map<JobKind, JobCounts>();
  const waits = new Set<{ timer: NodeJS.Timeout; reject: (e: Error) => void }>();
  let stopping = false;

  const countsOf = (kind: JobKind) => {
    let c = stats.get(kind);
    if (!c) {
      c = { waiting: 0, active: 0, delayed: 0, failed: 0, completed: 0 };
      stats.set(kind, c);
    }
    return c;
  };

  const sleep = (ms: number) =>
    new Promise<void>((resolve, reject) => {
      const entry = {
        timer: setTimeout(() => {
          waits.delete(entry);
          resolve();
        }, ms),
        reject,
      };
      waits.add(entry);
    });

  async function run(kind: JobKind, job: NewJob<unknown>): Promise<unknown> {
    const worker = handlers.get(kind);
    if (!worker) throw new Error(`no worker for ${kind} jobs in this process`);
    const c = countsOf(kind);
    const { attempts, backoffMs } = retry[kind];
    for (let attempt = 1; ; ) {
      if (stopping) throw new Stopped();
      c.waiting++;
      const release = await worker.slots.acquire().finally(() => c.waiting--);
      c.active++;
      let delay: number;
      try {
        const result = await worker.handler(job.data, { id: job.id, attempt });
        c.completed++;
        options.onResult?.(kind, 'completed');
        return result;
      } catch (err) {
        if (err instanceof RetryLater) delay = err.delayMs;
        else if (attempt >= attempts || stopping) {
          c.failed++;
          options.onResult?.(kind, 'failed');
          throw err;
        } else {
          options.onError?.(kind, err, job.id);
          options.onResult?.(kind, 'retried');
          delay = backoffMs * 2 ** (attempt - 1);
          attempt++;
        }
      } finally {
        c.active--;
        release();
      }
      c.delayed++;
      await sleep(delay).finally(() => c.delayed--);
    }
  }

  async function addOne(kind: JobKind, job: NewJob<unknown>): Promise<unknown> {
    if (stopping) throw new Stopped();
    const key = `${kind}\n${job.id}`;
    const inFlight = pending.get(key);
    if (inFlight || (done.get(key) ?? 0) > Date.now()) {
      options.onResult?.(kind, 'duplicate');
      return inFlight;
    }
    if (done.size > 50_000) for (const [k, until] of done) if (until <= Date.now()) done.delete(k);
    const p = (async () => {
      if (options.claims && CLAIMED.has(kind)) {
        if (!(await options.claims.kv.setIfAbsent(job.id, Date.now(), options.claims.leaseMs))) {
          options.onResult?.(kind, 'duplicate');
          return undefined;
        }
        try {
          return await run(kind, job);
        } catch (err) {
          // Failed or stopped: another process (or the next tick) may run it.
          await options.claims.kv.delete(job.id).catch(() => undefined);
          throw err;
        }
      }
      return run(kind, job);
    })()
      .then((result) => {
        done.set(key, Date.now() + KEEP_DONE_SECONDS[kind] * 1000);
        return result;
      })
      .finally(() => pending.delete(key));
    pending.set(key, p);
    return p;
  }

  return {
    kind: 'in-process',
    async addMany<T, R>(kind: JobKind, jobs: NewJob<T>[]) {
      return (await Promise.all(jobs.map((j) => addOne(kind, j)))) as Array<R | undefined>;
    },
    work<T, R>(kind: JobKind, handler: JobHandler<T, R>, concurrency: number) {
      handlers.set(kind, {
        handler: handler as JobHandler<unknown, unknown>,
        slots: new Semaphore(Math.max(1, concurrency)),
      });
    },
    async counts(kind) {
      return { ...countsOf(kind) };
    },
    async stopWorkers() {
      stopping = true;
      for (const w of waits) {
        clearTimeout(w.timer);
        w.reject(new Stopped());
      }
      waits.clear();
      await Promise.allSettled([...pending.values()]);
    },
    async close() {
      await this.stopWorkers();
    },
  };
}

/** At most `limit` holders; the slot passes straight to the next waiter. */
class Semaphore {
  private active = 0;
  private readonly waiting: Array<() => void> = [];
  constructor(private readonly limit: number) {}

  acquire(): Promise<() => void> {
    const release = () => {
      const next = this.waiting.shift();
      if (next) next();
      else this.active--;
    };
    if (this.active < this.limit) {
      this.active++;
      return Promise.resolve(release);
    }
    return new Promise((resolve) => this.waiting.push(() => resolve(release)));
  }
}
