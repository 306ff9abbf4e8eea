/**
 * Complexity measurement for parsers of untrusted input: the input is grown ×2 up to a cap and the
 * time of each size is the fastest of a few runs (the minimum is what the code costs; a loaded
 * machine only ever adds to it). The verdict compares ratios, never absolute times, so it holds on
 * a busy 2-core machine: the log-log slope per doubling (median) is ~1
 * for linear code and ~2 for quadratic code.
 */

export interface Sample {
  size: number;
  /** Length of the input in characters. */
  chars: number;
  ms: number;
}

export interface Growth {
  samples: Sample[];
  /** See slopeOf: ~1 linear, ~2 quadratic. */
  slope: number;
}

/** Below this a time is mostly noise; the slope starts at the first size above it. */
const MIN_MS = 0.05;

/** Below this a single measurement is repeated in a batch, so the timer's grain does not count. */
const BATCH_MS = 5;

/** The fastest of `runs` measurements; a fast call is timed in batches and divided. */
function fastest(run: () => void, runs: number): number {
  let start = performance.now();
  run();
  const once = performance.now() - start;
  const batch = once >= BATCH_MS ? 1 : Math.min(1_000, Math.ceil(BATCH_MS / Math.max(once, 0.001)));
  let best = once;
  for (let i = 0; i < runs; i++) {
    start = performance.now();
    for (let b = 0; b < batch; b++) run();
    best = Math.min(best, (performance.now() - start) / batch);
  }
  return best;
}

/** Times `fn(make(n))` for n = start, 2·start, … ≤ cap. */
export function measureGrowth<T>(
  make: (n: number) => T,
  fn: (input: T) => unknown,
  opts: { start: number; cap: number; runs?: number; chars?: (input: T) => number },
): Growth {
  const samples: Sample[] = [];
  for (let n = opts.start; n <= opts.cap; n *= 2) {
    const input = make(n);
    fn(input); // warm-up: JIT and lazy tables are not the input's cost
    const ms = fastest(() => fn(input), opts.runs ?? 3);
    samples.push({ size: n, chars: opts.chars?.(input) ?? String(input).length, ms });
  }
  return { samples, slope: slopeOf(samples) };
}

/** The async twin, for parsers that return a promise (rss-parser, the page worker). */
export async function measureGrowthAsync<T>(
  make: (n: number) => T,
  fn: (input: T) => Promise<unknown>,
  opts: { start: number; cap: number; runs?: number; chars?: (input: T) => number },
): Promise<Growth> {
  const samples: Sample[] = [];
  for (let n = opts.start; n <= opts.cap; n *= 2) {
    const input = make(n);
    await fn(input);
    let best = Number.POSITIVE_INFINITY;
    for (let i = 0; i < (opts.runs ?? 3); i++) {
      const start = performance.now();
      await fn(input);
      best = Math.min(best, performance.now() - start);
    }
    samples.push({ size: n, chars: opts.chars?.(input) ?? String(input).length, ms: best });
  }
  return { samples, slope: slopeOf(samples) };
}

/**
 * The median over successive doublings of log(t₂/t₁)/log(n₂/n₁), from the first size above
 * MIN_MS: ~1 for linear code, ~2 for quadratic. The median, not the end-to-end ratio, because V8
 * has one-off steps (a string past a size threshold, a major GC) that multiply one doubling's
 * time; quadratic code pays at every doubling.
 */
export function slopeOf(samples: Sample[]): number {
  const from = samples.findIndex((s) => s.ms >= MIN_MS);
  if (from < 0) return 0;
  const steps: number[] = [];
  for (let i = from + 1; i < samples.length; i++) {
    const a = samples[i - 1];
    const b = samples[i];
    if (!a || !b) continue;
    steps.push(Math.log(Math.max(b.ms, MIN_MS) / Math.max(a.ms, MIN_MS)) / Math.log(b.size / a.size));
  }
  if (steps.length === 0) return 0;
  steps.sort((x, y) => x - y);
  const mid = steps.length >> 1;
  // mid and mid - 1 lie within steps (it is not empty): the fallback is never taken.
  const step = (k: number) => steps[k] ?? 0;
  return steps.length % 2 ? step(mid) : (step(mid - 1) + step(mid)) / 2;
}

/** One line per sample, for the failure message and the closing note's table. */
export function describeGrowth(name: string, g: Growth): string {
  const rows = g.samples.map((s) => `${String(s.chars).padStart(9)} chars ${s.ms.toFixed(2).padStart(9)} ms`);
  return `${name} (slope ${g.slope.toFixed(2)}):\n${rows.join('\n')}`;
}
