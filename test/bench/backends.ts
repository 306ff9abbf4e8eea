import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openStore } from '../../src/store/index.ts';
import type { Store } from '../../src/store/types.ts';

const SRC = resolve(dirname(fileURLToPath(import.meta.url)), '../../src');

/** A run id: every slug, guild and file the run creates carries it, so cleanup removes only ours. */
export const RUN_ID = `bench-${process.pid}-${Date.now().toString(36)}`;

/**
 * The backends the benchmark writes to. Redis uses a database of its own (9) so the guild and case
 * indexes it touches are never the ones the tests use; keys are still removed one by one.
 */
export const BACKENDS = {
  sqlite: () => `sqlite://${join(tempDir(), 'bench.sqlite')}`,
  redis: () => process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379/9',
  postgres: () => process.env.BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test',
} as const;
export type BackendName = keyof typeof BACKENDS;

let dir: string | undefined;
export function tempDir(): string {
  dir ??= mkdtempSync(join(tmpdir(), 'casewatch-bench-'));
  return dir;
}
export function removeTempDir() {
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
}

/** Opens a backend, or says in one line why it cannot (the row then reads "n/a (reason)"). */
export async function tryOpen(url: string): Promise<Store | string> {
  try {
    const store = await Promise.race([
      openStore(url),
      new Promise<never>((_, reject) => setTimeout(() => reject(new Error('timed out connecting')), 5000)),
    ]);
    await store.ping();
    return store;
  } catch (err) {
    return `${url.split(':')[0]} unavailable: ${(err as Error).message.split('\n')[0]}`;
  }
}

/** Namespaces known when this was written; `storeNamespaces()` adds any the source uses now. */
const KNOWN_NAMESPACES = [
  'cases',
  'guild_cases',
  'case_guilds',
  'case-log',
  'case-snapshot',
  'case-quotes',
  'case-effects',
  'alerts',
  'alert-settings',
  'feedstate',
  'feeds',
  'seen',
];

/** Every `kv('name')` in src/: a namespace added later is cleaned up too. */
export function storeNamespaces(): string[] {
  const found = new Set(KNOWN_NAMESPACES);
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.ts'))
        for (const m of readFileSync(path, 'utf8').matchAll(/\.kv\(\s*['"`]([a-z][a-z0-9_-]*)['"`]\s*\)/gi))
          if (m[1]) found.add(m[1]);
    }
  };
  walk(SRC);
  return [...found];
}

/**
 * Deletes every key of the run (keys holding RUN_ID, plus `extra` [namespace, key] pairs such as the
 * benchmark guild's entries) and drops our slugs from the case index.
 */
export async function cleanStore(store: Store, extra: Array<[string, string]> = []) {
  for (const [ns, key] of extra) await store.kv(ns).delete(key);
  for (const ns of storeNamespaces()) {
    const kv = store.kv(ns);
    const mine: string[] = [];
    for await (const key of kv.keys()) if (key.includes(RUN_ID)) mine.push(key);
    for (let i = 0; i < mine.length; i += 200)
      await Promise.all(mine.slice(i, i + 200).map((k) => kv.delete(k)));
  }
  const cases = store.kv('cases');
  const index = await cases.get<string[]>('~all');
  if (index?.some((s) => s.includes(RUN_ID))) {
    await cases.update<string[]>('~all', (list) => {
      const left = (list ?? []).filter((s) => !s.includes(RUN_ID));
      return left.length > 0 ? left : undefined;
    });
  }
}
