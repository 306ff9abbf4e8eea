import { randomUUID } from 'node:crypto';
import type { RunCoordinator } from 'node-cron';
import type { Store } from '../store/types.ts';

/**
 * node-cron's distributed coordination over the shared store: each tick of a distributed task
 * has its own key, and the first instance to claim it (setIfAbsent: Redis SET NX PX, PostgreSQL
 * INSERT … ON CONFLICT DO NOTHING) runs it; the others skip. A dead instance holds no future tick,
 * so the survivors run the next one.
 */
export function createStoreRunCoordinator(store: Store, instanceId: string = randomUUID()): RunCoordinator {
  const leases = store.kv('cron-leases');
  return {
    shouldRun: (key, ttlMs) => leases.setIfAbsent(key, instanceId, Math.max(1_000, ttlMs)),
  };
}
