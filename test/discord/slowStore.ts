import type { KV, Store } from '../../src/store/types.ts';

/** A real store whose reads of some namespaces take `delayMs` (a backend under load). */
export function withSlowReads(store: Store): Store & { delayMs: number; namespaces: Set<string> } {
  const wrapped = {
    delayMs: 0,
    namespaces: new Set<string>(),
    description: store.description,
    ping: () => store.ping(),
    close: () => store.close(),
    kv(namespace: string): KV {
      const kv = store.kv(namespace);
      const slow =
        <A extends unknown[], R>(fn: (...args: A) => Promise<R>) =>
        async (...args: A) => {
          if (wrapped.delayMs && wrapped.namespaces.has(namespace))
            await new Promise((r) => setTimeout(r, wrapped.delayMs));
          return fn(...args);
        };
      return {
        ...kv,
        get: slow(kv.get.bind(kv)) as KV['get'],
        getMany: slow(kv.getMany.bind(kv)) as KV['getMany'],
      };
    },
  };
  return wrapped;
}
