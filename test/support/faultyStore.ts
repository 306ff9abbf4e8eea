import type { KV, Store } from '../../src/store/types.ts';

/**
 * A real store with a switch that makes every read fail, as a backend that went down would:
 * what the bot does then is what the tests check, not what a mock returns.
 */
export function withOutage(store: Store): Store & { down: boolean; delayMs: number } {
  const wrapped = {
    down: false,
    /** A slow outage: wait this long before failing (a hung connection timing out). */
    delayMs: 0,
    description: store.description,
    ping: () => store.ping(),
    close: () => store.close(),
    kv(namespace: string): KV {
      const kv = store.kv(namespace);
      const guard =
        <A extends unknown[], R>(fn: (...args: A) => Promise<R>) =>
        async (...args: A) => {
          if (!wrapped.down) return fn(...args);
          if (wrapped.delayMs) await new Promise((r) => setTimeout(r, wrapped.delayMs));
          throw new Error('store unavailable: connection refused');
        };
      return {
        ...kv,
        get: guard(kv.get.bind(kv)) as KV['get'],
        getMany: guard(kv.getMany.bind(kv)) as KV['getMany'],
        set: guard(kv.set.bind(kv)) as KV['set'],
        setMany: guard(kv.setMany.bind(kv)) as KV['setMany'],
        update: guard(kv.update.bind(kv)) as KV['update'],
        setIfAbsent: guard(kv.setIfAbsent.bind(kv)) as KV['setIfAbsent'],
      };
    },
  };
  return wrapped;
}
