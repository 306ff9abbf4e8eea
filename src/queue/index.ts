import type { Config } from '../config.ts';
import type { Logger } from '../log.ts';
import type { Store } from '../store/types.ts';
import { createInProcessQueue } from './inProcess.ts';
import type { JobQueue, QueueHooks } from './types.ts';

export type { JobContext, JobCounts, JobHandler, JobKind, JobQueue, NewJob } from './types.ts';
export { RetryLater } from './types.ts';

type QueueConfig = Pick<Config, 'STORE_URL' | 'QUEUE_PREFIX' | 'QUEUE_LEASE_SECONDS'> &
  Partial<Pick<Config, 'QUEUE_URL'>>;

/** The Redis URL the queue uses: QUEUE_URL, else a redis:// STORE_URL, else none (in-process). */
export function queueRedisUrl(config: Pick<QueueConfig, 'STORE_URL' | 'QUEUE_URL'>): string | undefined {
  if (config.QUEUE_URL) return config.QUEUE_URL;
  return /^rediss?:\/\//.test(config.STORE_URL) ? config.STORE_URL : undefined;
}

/**
 * BullMQ on Redis when there is a Redis (loaded only then), else the in-process queue, whose poll
 * and court job ids are claimed in the shared store so processes on one SQLite file do not poll
 * a feed twice.
 */
export async function openQueue(
  config: QueueConfig,
  store: Store,
  logger: Logger,
  hooks: QueueHooks = {},
): Promise<JobQueue> {
  const leaseMs = config.QUEUE_LEASE_SECONDS * 1000;
  const url = queueRedisUrl(config);
  if (!url) return createInProcessQueue({ ...hooks, claims: { kv: store.kv('job-claims'), leaseMs } });
  const { createBullQueue } = await import('./bullmq.ts');
  logger.info({ queue: `redis:${new URL(url).host}`, prefix: config.QUEUE_PREFIX }, 'job queue on Redis');
  return createBullQueue({ ...hooks, url, prefix: config.QUEUE_PREFIX, leaseMs });
}
