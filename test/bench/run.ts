import { parseArgs } from 'node:util';
import { alertLatency } from './alertSection.ts';
import { removeTempDir } from './backends.ts';
import { commandLatency } from './commandLatency.ts';
import { extractionThroughput } from './extraction.ts';
import { ingestThroughput } from './ingest.ts';
import { memoryFootprint } from './memory.ts';
import { pollingCycles } from './polling.ts';
import { withCpuProfile } from './profile.ts';
import { machine, type Row, renderTable } from './report.ts';
import { scaleSection } from './scale.ts';

/**
 * `npm run bench [-- --quick] [--only <section>] [--profile] [--backend <names>] [--repeat <n>]`:
 * measures, prints one markdown table, asserts nothing about speed. Sections: commands, extract,
 * ingest, poll, alert, memory, scale. `npm run bench -- scale` (a section name alone) is `--only scale`.
 * `--profile` adds, below the table, where each section's time went in this process.
 * `--backend sqlite,redis` limits the commands and ingest sections to these backends (memory, the
 * ingest reference, always runs); `--repeat n` measures ingest n times, interleaved, each backend's
 * best run reported (on a shared machine the best run is the one least disturbed).
 */
const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    quick: { type: 'boolean', default: false },
    only: { type: 'string' },
    profile: { type: 'boolean', default: false },
    backend: { type: 'string' },
    repeat: { type: 'string' },
  },
});
const quick = values.quick ?? false;
const chosen = values.backend?.split(',').map((b) => b.trim());
const wanted = (backend: string) => !chosen || chosen.includes(backend);

const SECTIONS: Record<string, () => Promise<Row[]>> = {
  commands: async () => [
    ...(wanted('sqlite')
      ? await commandLatency(
          'sqlite',
          quick ? { articles: 1000, interactions: 100 } : { articles: 10_000, interactions: 1000 },
          quick ? { cold: 100, warm: 400, seconds: 2 } : undefined,
        )
      : []),
    ...(quick || !wanted('redis')
      ? []
      : await commandLatency('redis', { articles: 10_000, interactions: 1000 })),
    ...(wanted('postgres') && chosen
      ? await commandLatency('postgres', { articles: 10_000, interactions: 1000 })
      : []),
  ],
  extract: () => extractionThroughput({ seconds: quick ? 2 : 10 }),
  ingest: () =>
    ingestThroughput({
      articles: quick ? 100 : 1000,
      backends: chosen,
      repeat: Math.max(1, Number(values.repeat ?? 1)),
    }),
  poll: () => pollingCycles({ feeds: quick ? 50 : 1000, hosts: 1 }),
  alert: () => alertLatency({ samples: quick ? 10 : 50 }),
  memory: () => memoryFootprint({ articles: quick ? 1000 : 10_000 }),
  scale: () =>
    scaleSection({
      feeds: quick ? 300 : 3000,
      processes: [1, 2, 3],
      delayMs: 100,
      hosts: 30,
      concurrency: 8,
    }),
};

const only = values.only ?? positionals[0];
if (only && !SECTIONS[only]) {
  process.stderr.write(`unknown section "${only}"; one of: ${Object.keys(SECTIONS).join(', ')}\n`);
  process.exit(2);
}
const started = performance.now();
const rows: Row[] = [];
const profiles: string[] = [];
try {
  for (const [name, run] of Object.entries(SECTIONS)) {
    if (only && name !== only) continue;
    const t = performance.now();
    process.stderr.write(`bench: ${name}...\n`);
    try {
      if (values.profile) {
        const { result, summary } = await withCpuProfile(run);
        rows.push(...result);
        profiles.push(`### profile: ${name}\n\n\`\`\`\n${summary}\n\`\`\``);
      } else rows.push(...(await run()));
    } catch (err) {
      rows.push({
        section: name,
        measure: 'section',
        value: `n/a (failed: ${(err as Error).message.split('\n')[0]})`,
      });
    }
    process.stderr.write(`bench: ${name} done in ${((performance.now() - t) / 1000).toFixed(1)} s\n`);
  }
} finally {
  removeTempDir();
}
const total = ((performance.now() - started) / 1000).toFixed(0);
const header = `casewatch benchmark${quick ? ' (--quick)' : ''}: ${machine()}; ${new Date().toISOString().slice(0, 10)}, ${total} s`;
process.stdout.write(`${renderTable(rows, header)}\n`);
if (profiles.length > 0) process.stdout.write(`\n${profiles.join('\n\n')}\n`);
// Sockets of discord.js / keyv clients can linger; the table is out, so end now.
process.exit(0);
