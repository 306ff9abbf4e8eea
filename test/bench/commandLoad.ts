import type { Emulator } from '../../emulator/index.ts';
import { ms, percentile, type Row } from './report.ts';
import type { SynthCase } from './synth.ts';

/**
 * /status under load: `count` interactions sent at an even pace over `seconds` (open loop: each is
 * sent on time whether or not the previous ones were answered), spread over every case in turn.
 * Right after a restart the cases are untouched: their first reads load a snapshot and replay its
 * log tail; the same run again, warm, is the steady state.
 */
export async function statusLoad(
  emu: Emulator,
  cases: SynthCase[],
  options: { count: number; seconds: number; section: string; label: string; goal?: string },
): Promise<Row> {
  const times: number[] = [];
  let failed = 0;
  const gap = (options.seconds * 1000) / options.count;
  const started = performance.now();
  const sent: Array<Promise<void>> = [];
  for (let i = 0; i < options.count; i++) {
    const due = started + i * gap;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    const slug = (cases[i % cases.length] as SynthCase).definition.slug;
    const t = performance.now();
    sent.push(
      emu.command('status', { options: { case: slug } }).then(
        (answer) => {
          if ((answer as { embeds?: unknown[] }).embeds?.length) times.push(performance.now() - t);
          else failed++;
        },
        () => {
          failed++;
        },
      ),
    );
  }
  await Promise.all(sent);
  const seconds = (performance.now() - started) / 1000;
  times.sort((a, b) => a - b);
  return {
    section: options.section,
    measure: `/status under load, ${options.label}: ${options.count} in ${options.seconds} s over ${cases.length} cases`,
    value: `p50 ${ms(percentile(times, 50))}, p95 ${ms(percentile(times, 95))}, p99 ${ms(percentile(times, 99))}, max ${ms(times.at(-1) ?? Number.NaN)}`,
    goal: options.goal ?? '',
    note: `${times.length} ok, ${failed} failed; ${(times.length / seconds).toFixed(0)} interactions/s answered`,
  };
}
