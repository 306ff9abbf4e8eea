/**
 * Complexity measurement for parsers of untrusted input: the input is grown ×2 up to a cap and the
 * time of each size is the fastest of a few runs (the minimum is what the code costs; a loaded
 * machine only ever adds to it). The verdict compares ratios, never absolute times, so it holds on
 * a busy 2-core machine: the log-log slope between the smallest measurable size and the cap is ~1
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
  /** log(t_cap / t_base) / log(n_cap / n_base), from the first size that takes ≥ MIN_MS. */
  slope: number;
}

/** Below this a time is mostly timer noise; the slope starts at the first size above it. */
const MIN_MS = 2;

function fastest(run: () => void, runs: number): number {
  let best = Number.POSITIVE_INFINITY;
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    run();
    best = Math.min(best, performance.now() - start);
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

export function slopeOf(samples: Sample[]): number {
  const last = samples.at(-1);
  const base = samples.find((s) => s.ms >= MIN_MS && s !== last) ?? samples[0];
  if (!last || !base || base === last) return 0;
  return Math.log(Math.max(last.ms, MIN_MS) / Math.max(base.ms, MIN_MS)) / Math.log(last.size / base.size);
}

/** One line per sample, for the failure message and the closing note's table. */
export function describeGrowth(name: string, g: Growth): string {
  const rows = g.samples.map((s) => `${String(s.chars).padStart(9)} chars ${s.ms.toFixed(2).padStart(9)} ms`);
  return `${name} (slope ${g.slope.toFixed(2)}):\n${rows.join('\n')}`;
}
