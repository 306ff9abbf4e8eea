// The job interface behaves the same in-process and on BullMQ (the machine's Redis, a prefix of
// its own per run): ids make a job unique, failures are retried, RetryLater is not an attempt.
import { afterAll, describe, expect, it } from 'vitest';
import { createBullQueue } from '../../src/queue/bullmq.ts';
import { createInProcessQueue } from '../../src/queue/inProcess.ts';
import { type JobQueue, type RETRY, RetryLater } from '../../src/queue/types.ts';
import { openStore } from '../../src/store/index.ts';

const REDIS = 'redis://127.0.0.1:6379';
const fast = {
  poll: { attempts: 3, backoffMs: 50 },
  deliver: { attempts: 3, backoffMs: 50 },
} satisfies Partial<typeof RETRY>;
const opened: JobQueue[] = [];

async function until(check: () => boolean | Promise<boolean>, ms = 10_000) {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 25));
  }
}

const makers: Array<[string, () => JobQueue]> = [
  ['in-process', () => createInProcessQueue({ retry: fast })],
  [
    'BullMQ on Redis',
    () =>
      createBullQueue({
        url: REDIS,
        prefix: `cw-test-contract-${process.pid}-${Date.now().toString(36)}`,
        leaseMs: 5_000,
        retry: fast,
      }),
  ],
];

afterAll(async () => {
  await Promise.all(opened.map((q) => q.close()));
});

describe.each(makers)('job queue: %s', (_name, make) => {
  it('runs a job once per id, however often and from however many producers it is added', async () => {
    const q = make();
    opened.push(q);
    const runs: string[] = [];
    q.work<{ n: number }, number>(
      'poll',
      async (d, ctx) => {
        runs.push(ctx.id);
        await new Promise((r) => setTimeout(r, 30));
        return d.n;
      },
      4,
    );
    const jobs = [1, 2, 3].map((n) => ({ id: `poll:f${n}:100`, data: { n } }));
    await Promise.all([q.addMany('poll', jobs), q.addMany('poll', jobs), q.addMany('poll', jobs.slice(1))]);
    await until(() => runs.length >= 3);
    await new Promise((r) => setTimeout(r, 200));
    expect(runs.sort()).toEqual(['poll:f1:100', 'poll:f2:100', 'poll:f3:100']);
    await q.addMany('poll', jobs); // done and kept: still the same jobs
    await new Promise((r) => setTimeout(r, 200));
    expect(runs).toHaveLength(3);
  });

  it('retries a failing job with backoff, and does not count RetryLater as an attempt', async () => {
    const q = make();
    opened.push(q);
    const attempts: number[] = [];
    let later = 2;
    q.work<object, string>(
      'deliver',
      async (_d, ctx) => {
        if (later-- > 0) throw new RetryLater(20);
        attempts.push(ctx.attempt);
        if (ctx.attempt < 3) throw new Error('Discord is down');
        return 'posted';
      },
      1,
    );
    const done = q.addMany('deliver', [{ id: 'deliver:g1:a', data: {} }]);
    await done;
    await until(() => attempts.length >= 3);
    expect(attempts).toEqual([1, 2, 3]);
    await until(async () => (await q.counts('deliver')).completed === 1);
  });

  it('keeps running jobs when one is slow: concurrency is per kind', async () => {
    const q = make();
    opened.push(q);
    const finished: string[] = [];
    q.work<{ ms: number }, void>(
      'court',
      async (d, ctx) => {
        await new Promise((r) => setTimeout(r, d.ms));
        finished.push(ctx.id);
      },
      2,
    );
    void q.addMany('court', [{ id: 'court:slow:1', data: { ms: 1_500 } }]);
    await q.addMany('court', [
      { id: 'court:a:1', data: { ms: 10 } },
      { id: 'court:b:1', data: { ms: 10 } },
    ]);
    await until(() => finished.includes('court:a:1') && finished.includes('court:b:1'));
    expect(finished).not.toContain('court:slow:1');
  });
});

describe('in-process queue on a shared store', () => {
  it('runs a poll id in one process of several sharing the store, until the lease ends', async () => {
    const store = await openStore('memory://');
    const runs: string[] = [];
    const qs = [0, 1].map((i) => {
      const q = createInProcessQueue({ claims: { kv: store.kv('job-claims'), leaseMs: 60_000 } });
      q.work('poll', async () => void runs.push(`p${i}`), 1);
      return q;
    });
    await Promise.all(qs.map((q) => q.addMany('poll', [{ id: 'poll:f:1', data: {} }])));
    expect(runs).toHaveLength(1);
    await store.close();
  });
});
