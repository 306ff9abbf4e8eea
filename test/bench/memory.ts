import { join } from 'node:path';
import { tempDir } from './backends.ts';
import { BENCH_TOKEN, benchGuildId, startBenchEmulator } from './botHarness.ts';
import { runChild } from './child.ts';
import { mb, notAvailable, type Row, ratio } from './report.ts';

const SECTION = '6 memory';

interface ChildMemory {
  rss: number;
  heapUsed: number;
  gc: boolean;
  [k: string]: unknown;
}

/** Idle bot vs bare discord.js client on one emulator (each its own process); RSS after ingesting. */
export async function memoryFootprint(options: { articles: number }): Promise<Row[]> {
  const rows: Row[] = [];
  const emu = await startBenchEmulator(benchGuildId());
  try {
    const env = { DISCORD_TOKEN: BENCH_TOKEN, DISCORD_API_URL: emu.apiUrl };
    const bare = await runChild<ChildMemory>('childBare.ts', env);
    const bot = await runChild<ChildMemory>('childBot.ts', {
      ...env,
      STORE_URL: `sqlite://${join(tempDir(), 'idle-bot.sqlite')}`,
    });
    rows.push(
      {
        section: SECTION,
        measure: 'bare discord.js client, ready (reference)',
        value: mb(bare.rss),
        ratio: 'reference',
        note: `heap ${mb(bare.heapUsed)}`,
      },
      {
        section: SECTION,
        measure: 'idle bot after ready (startApp, SQLite)',
        value: mb(bot.rss),
        ratio: ratio(bot.rss, bare.rss),
        goal: '≤ 1.3×',
        note: `heap ${mb(bot.heapUsed)}, ${bot.commands} commands`,
      },
    );
  } catch (err) {
    rows.push(notAvailable(SECTION, 'idle bot vs bare client', (err as Error).message));
  } finally {
    await emu.close();
  }
  try {
    const ingested = await runChild<ChildMemory>('childIngest.ts', {
      STORE_URL: `sqlite://${join(tempDir(), 'ingest-rss.sqlite')}`,
      BENCH_ARTICLES: String(options.articles),
    });
    rows.push({
      section: SECTION,
      measure: `after ingesting ${ingested.articles} articles (SQLite)`,
      value: mb(ingested.rss),
      note: `heap ${mb(ingested.heapUsed)}, peak RSS ${mb(Number(ingested.peakRss))}; ${ingested.facts} facts over 20 cases in ${Number(ingested.seconds).toFixed(0)} s, knowledge cached`,
    });
  } catch (err) {
    rows.push(notAvailable(SECTION, 'RSS after ingesting', (err as Error).message));
  }
  return rows;
}
