import { spawn } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = dirname(fileURLToPath(import.meta.url));

/** Runs test/bench/<file> in its own Node process and reads the JSON line it prints last. */
export function runChild<T>(file: string, env: Record<string, string>, timeoutMs = 300_000): Promise<T> {
  return new Promise((resolveChild, reject) => {
    const child = spawn(process.execPath, ['--expose-gc', '--import', 'tsx', join(HERE, file)], {
      cwd: resolve(HERE, '../..'),
      env: { ...process.env, LOG_LEVEL: 'silent', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => {
      out += d;
    });
    child.stderr.on('data', (d) => {
      err += d;
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('close', (code) => {
      clearTimeout(timer);
      const last = out.trim().split('\n').pop() ?? '';
      try {
        resolveChild(JSON.parse(last) as T);
      } catch {
        reject(new Error(`${file} exited ${code}: ${(err.trim().split('\n').pop() ?? '').slice(0, 120)}`));
      }
    });
  });
}
