/**
 * At most `limit` requests in flight per host: many feeds on one site must not hammer it. A slot
 * is held for a request, not for the work after it (parsing, the store): that work never keeps
 * the other feeds of the host waiting.
 */
export class HostLimiter {
  private readonly active = new Map<string, number>();
  private readonly waiting = new Map<string, Array<() => void>>();

  constructor(private readonly limit: number) {}

  async run<T>(host: string, task: () => Promise<T>): Promise<T> {
    const release = await this.acquire(host);
    try {
      return await task();
    } finally {
      release();
    }
  }

  /** A slot, once one is free; the function returned gives it back (a second call does nothing). */
  async acquire(host: string): Promise<() => void> {
    const n = this.active.get(host) ?? 0;
    if (n < this.limit) this.active.set(host, n + 1);
    else
      await new Promise<void>((resolve) => {
        const queue = this.waiting.get(host) ?? [];
        queue.push(resolve);
        this.waiting.set(host, queue);
      });
    return this.releaser(host);
  }

  /**
   * A slot now, or undefined when the host is at its limit: a queued job gives its worker slot
   * back and runs later instead of waiting, so a slow host cannot hold every slot.
   */
  tryAcquire(host: string): (() => void) | undefined {
    const n = this.active.get(host) ?? 0;
    if (n >= this.limit) return undefined;
    this.active.set(host, n + 1);
    return this.releaser(host);
  }

  private releaser(host: string): () => void {
    let held = true;
    return () => {
      if (!held) return;
      held = false;
      this.release(host);
    };
  }

  private release(host: string): void {
    const next = this.waiting.get(host)?.shift();
    if (next) {
      next(); // the slot passes straight to the next waiter
      return;
    }
    const n = (this.active.get(host) ?? 1) - 1;
    if (n <= 0) this.active.delete(host);
    else this.active.set(host, n);
  }
}
