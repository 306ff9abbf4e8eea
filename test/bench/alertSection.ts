import { openStore } from '../../src/store/index.ts';
import { articleToMessage, trackForAlerts } from './alertLatency.ts';
import { POLL_INTERVAL_MINUTES, pollToMessage } from './alertPoll.ts';
import { BACKENDS, cleanStore, RUN_ID } from './backends.ts';
import { benchGuildId, startBenchBot, startBenchEmulator } from './botHarness.ts';
import { benchCommandsDir } from './commandsDir.ts';
import { pollerMissing } from './polling.ts';
import { ms, notAvailable, percentile, type Row } from './report.ts';

const SECTION = '5 alert latency';
const spread = (sorted: number[]) =>
  `p50 ${ms(percentile(sorted, 50))}, max ${ms(sorted.at(-1) ?? Number.NaN)}`;

/**
 * Alert latency = the poll interval (the worst wait for the next tick) + what happens after the
 * tick. Without the poller this measures the pipeline part: article in hand → message in #alerts.
 */
export async function alertLatency(options: { samples: number }): Promise<Row[]> {
  const emu = await startBenchEmulator(benchGuildId());
  const store = await openStore(BACKENDS.sqlite());
  const rows: Row[] = [];
  try {
    const { dir } = await benchCommandsDir();
    const bot = await startBenchBot(emu, store, dir);
    try {
      const times: number[] = [];
      let failures = 0;
      for (let n = 0; n < options.samples; n++) {
        const c = await trackForAlerts(store, emu, `${RUN_ID}-alert`, n);
        try {
          times.push((await articleToMessage(bot, store, emu, c, n)).ms);
        } catch {
          failures++;
        }
      }
      times.sort((a, b) => a - b);
      const missing = pollerMissing();
      if (missing) rows.push(notAvailable(SECTION, 'feed change → alert message', missing));
      else {
        const polled = await pollToMessage(bot, store, emu, options.samples);
        rows.push({
          section: SECTION,
          measure: 'feed change → alert message (poller tick, SQLite)',
          value: `worst ${polled.ticksBetweenPolls || '> 5'} min + ${ms(polled.times.at(-1) ?? Number.NaN)}; tick → message ${spread(polled.times)}`,
          goal: `${POLL_INTERVAL_MINUTES} min + ≤ 1 s`,
          note: `worst wait = one-minute cron ticks between two polls of a ${POLL_INTERVAL_MINUTES}-min feed (measured: ${polled.ticksBetweenPolls || '> 5'}); ${polled.times.length} alerts${polled.failures ? `, ${polled.failures} never arrived` : ''}; measured from the tick: fetch feed + page, ingest, post`,
        });
      }
      rows.push({
        section: SECTION,
        measure: 'article in hand → alert message (SQLite)',
        value: spread(times),
        note: `${times.length} alerts${failures ? `, ${failures} never arrived` : ''}; match + extract + merge + REST post`,
      });
    } finally {
      await bot.stop();
    }
  } finally {
    await emu.close();
    await cleanStore(store, [
      ['guild_cases', emu.guildId],
      ['alert-settings', emu.guildId],
    ]);
    await store.close();
  }
  return rows;
}
