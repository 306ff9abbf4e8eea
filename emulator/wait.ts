// Waiting on emulator state: re-check on every change, plus a short poll for conditions that
// depend on things outside the emulator (the client's own state).
import { EventEmitter } from 'node:events';

export interface WaitOptions {
  /** ms (default 5000). */
  timeout?: number;
  /** Included in the timeout error. */
  message?: string;
}

export class Changes extends EventEmitter {
  constructor() {
    super();
    this.setMaxListeners(0); // a burst of injected interactions each waits on changes
  }

  notify = (): void => {
    this.emit('change');
  };

  waitFor(condition: () => boolean, options: WaitOptions = {}): Promise<void> {
    const timeout = options.timeout ?? 5000;
    return new Promise((resolve, reject) => {
      const check = () => {
        let ok = false;
        try {
          ok = condition();
        } catch {
          ok = false;
        }
        if (!ok) return;
        cleanup();
        resolve();
      };
      const poll = setInterval(check, 10);
      const timer = setTimeout(() => {
        cleanup();
        reject(
          new Error(
            `emulator: timed out after ${timeout} ms waiting for ${options.message ?? 'a condition'}`,
          ),
        );
      }, timeout);
      const cleanup = () => {
        clearInterval(poll);
        clearTimeout(timer);
        this.off('change', check);
      };
      this.on('change', check);
      check();
    });
  }
}

/** Resolves with the promise's value, or rejects with `describe()` after `ms`. */
export async function withTimeout<T>(promise: Promise<T>, ms: number, describe: () => string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(describe())), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
