import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { RUN_ID, tempDir } from './backends.ts';
import { runChild } from './child.ts';
import { mb, notAvailable, perSecond, type Row, ratio } from './report.ts';

const SECTION = '4 polling';
const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

interface Cycle {
  name: string;
  seconds: number;
  requests: number;
  notModified: number;
  peakRss: number;
  statuses: Record<string, number>;
}
interface PollReport {
  hostConcurrency: number;
  baseRss: number;
  cycles: Cycle[];
  reference: Cycle;
}

/** Why the polling sections cannot run yet, or undefined when the poller is there. */
export function pollerMissing(): string | undefined {
  for (const file of ['src/feeds/poller.ts', 'src/store/feeds.ts', 'src/pipeline.ts'])
    if (!existsSync(resolve(REPO, file))) return `${file} not there yet`;
  return undefined;
}

/**
 * `feeds` feeds on a loopback server, polled by the real poller in a child process (so its peak
 * RSS is the poller's own) into a SQLite store: first poll, all-304 cycle, all-changed cycle.
 */
export async function pollingCycles(options: { feeds: number; hosts: number }): Promise<Row[]> {
  const missing = pollerMissing();
  const what = `${options.feeds.toLocaleString('en')} feeds`;
  if (missing)
    return [
      notAvailable(SECTION, `${what}, all 304`, missing),
      notAvailable(SECTION, `${what}, all changed`, missing),
    ];
  let report: PollReport;
  try {
    report = await runChild<PollReport>('childPoll.ts', {
      BENCH_FEEDS: String(options.feeds),
      BENCH_HOSTS: String(options.hosts),
      BENCH_PREFIX: RUN_ID,
      STORE_URL: `sqlite://${join(tempDir(), 'poll.sqlite')}`,
    });
  } catch (err) {
    return [notAvailable(SECTION, what, (err as Error).message)];
  }
  const hosts = `${options.hosts === 1 ? 'one host' : `${options.hosts} hosts`}, ${report.hostConcurrency} at a time per host`;
  const row = (c: Cycle, extra: Partial<Row> = {}): Row => ({
    section: SECTION,
    measure: `${what}, ${c.name}`,
    value: `${c.seconds.toFixed(2)} s, ${perSecond(c.requests, c.seconds, 'req')}, peak RSS ${mb(c.peakRss)}`,
    note: `${hosts}; ${Object.entries(c.statuses)
      .map(([k, v]) => `${v} ${k}`)
      .join(', ')}`,
    ...extra,
  });
  const [first, notModified, changed] = report.cycles;
  const rows: Row[] = [];
  if (notModified)
    rows.push(
      row(notModified, {
        goal: '≤ 2 s',
        ratio: `${ratio(notModified.seconds, report.reference.seconds)} plain fetch`,
      }),
    );
  rows.push({
    ...row(report.reference, { ratio: 'reference' }),
    note: `${hosts}; fetch() with If-None-Match, no store`,
  });
  if (changed)
    rows.push(
      row(changed, { note: `${row(changed).note}; ${options.feeds * 20} new items, no case tracked` }),
    );
  if (first) rows.push(row(first, { note: `${row(first).note}; RSS before polling ${mb(report.baseRss)}` }));
  return rows;
}
