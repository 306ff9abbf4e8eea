// The worker thread of src/feeds/sandbox.ts. Plain JavaScript so Node can start it directly: it
// registers tsx's loader (the project has no build step) and serves one task at a time.
import { parentPort } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
const { tasks } = await import('./sandboxTasks.ts');

parentPort.on('message', async ({ id, task, args }) => {
  try {
    const value = await tasks[task](...args);
    parentPort.postMessage({ id, ok: true, value });
  } catch (err) {
    const e = err instanceof Error ? err : new Error(String(err));
    parentPort.postMessage({ id, ok: false, error: { name: e.name, message: e.message, reason: e.reason } });
  }
});
parentPort.postMessage({ ready: true });
