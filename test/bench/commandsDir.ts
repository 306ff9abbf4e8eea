import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { COMMANDS_DIR } from '../../src/discord/loader.ts';
import { tempDir } from './backends.ts';

const HERE = dirname(fileURLToPath(import.meta.url));

export interface BenchCommands {
  dir: string;
  /** Real commands that could not be loaded (work in progress): name -> reason. */
  skipped: Map<string, string>;
}

/**
 * A commands folder for the benchmark bot: a re-export of every real command in commands/ that
 * loads (so commands that land later are benchmarked too, and one that is half-written does not
 * stop the run) plus the no-op reference. In a temp dir: what exists is only known at run time.
 */
export async function benchCommandsDir(): Promise<BenchCommands> {
  const dir = join(tempDir(), 'commands');
  mkdirSync(dir, { recursive: true });
  const skipped = new Map<string, string>();
  const files = readdirSync(COMMANDS_DIR).filter(
    (f) => /\.ts$/.test(f) && !f.startsWith('_') && !f.endsWith('.d.ts'),
  );
  const sources = [resolve(HERE, 'commandsExtra/noop.ts')];
  for (const file of files) {
    const src = join(COMMANDS_DIR, file);
    try {
      const mod = (await import(pathToFileURL(src).href)) as {
        default?: { data?: unknown; execute?: unknown };
      };
      if (!mod.default?.data || typeof mod.default.execute !== 'function')
        throw new Error('no default command');
      sources.push(src);
    } catch (err) {
      skipped.set(file.replace(/\.ts$/, ''), (err as Error).message.split('\n')[0]?.slice(0, 100) ?? 'error');
    }
  }
  for (const src of sources) {
    const target = join(dir, src.split('/').pop() ?? 'x.ts');
    writeFileSync(target, `export { default } from '${pathToFileURL(src).href}';\n`);
  }
  return { dir, skipped };
}
