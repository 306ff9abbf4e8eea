import type { Emulator } from '../../emulator/index.ts';
import type { Command } from '../../src/discord/command.ts';
import { BACKENDS, type BackendName, cleanStore, RUN_ID, tryOpen } from './backends.ts';
import { benchGuildId, startBenchBot, startBenchEmulator } from './botHarness.ts';
import { statusLoad } from './commandLoad.ts';
import { benchCommandsDir } from './commandsDir.ts';
import { ms, notAvailable, percentile, type Row, ratio } from './report.ts';
import { seedStoreFast } from './seed.ts';
import type { SynthCase } from './synth.ts';

const SECTION = '1 command latency';
const CASES = 20;

interface Probe {
  label: string;
  run: (i: number) => Promise<unknown>;
}

/**
 * /status, /timeline, /quotes and autocomplete through the real client against the emulator, with
 * the store holding `articles` synthetic articles (ten facts each), beside a no-op command: all
 * interleaved one after another so they share the same conditions. p99 ratios are to the no-op's.
 * Before them, /status under load: just after the bot (re)started on the seeded store, then warm.
 */
export async function commandLatency(
  backend: BackendName,
  options: { articles: number; interactions: number },
  load?: { cold: number; warm: number; seconds: number },
): Promise<Row[]> {
  const url = BACKENDS[backend]();
  const seeding = await tryOpen(url);
  if (typeof seeding === 'string') return [notAvailable(SECTION, backend, seeding)];
  const guildId = benchGuildId();
  const prefix = `${RUN_ID}-cmd`;
  const emu = await startBenchEmulator(guildId);
  const rows: Row[] = [];
  let botStore: Awaited<ReturnType<typeof tryOpen>> | undefined;
  try {
    const seeded = await seedStoreFast(seeding, {
      prefix,
      caseCount: CASES,
      articles: options.articles,
      guildId,
    });
    // The bot gets a store of its own, as after a restart: nothing of the seeding is cached.
    botStore = await tryOpen(url);
    if (typeof botStore === 'string') return [notAvailable(SECTION, backend, botStore)];
    const { dir, skipped } = await benchCommandsDir();
    const bot = await startBenchBot(emu, botStore, dir);
    try {
      const probes = buildProbes(emu, bot.commands, seeded.cases);
      const label = `${backend}, ${seeded.articles} articles / ${seeded.facts} facts`;
      // Right after the restart: no interaction has read a case yet.
      const pace = load ?? { cold: 500, warm: 2000, seconds: 10 };
      const coldRow = await statusLoad(emu, seeded.cases, {
        count: pace.cold,
        seconds: pace.seconds,
        section: SECTION,
        label: `cold, just after a restart (${backend})`,
        goal: 'p99 ≤ 50 ms',
      });
      const warmRow = await statusLoad(emu, seeded.cases, {
        count: pace.warm,
        seconds: pace.seconds,
        section: SECTION,
        label: `warm (${backend})`,
        goal: '0 failed',
      });
      const samples = await measure(probes, seeded.cases.length * 2, options.interactions);
      const noop = samples.get('noop') ?? { times: [], failures: 0, sample: '' };
      const noopP99 = percentile(noop.times, 99);
      for (const [name, s] of samples) {
        const p99 = percentile(s.times, 99);
        rows.push({
          section: SECTION,
          measure: `${name} (${label})`,
          value: `p50 ${ms(percentile(s.times, 50))}, p99 ${ms(p99)}`,
          ratio: name === 'noop' ? 'reference' : `${ratio(p99, noopP99)} p99`,
          goal: name === 'noop' ? '' : '≤ 1.5×',
          note: `${s.times.length} ok${s.failures ? `, ${s.failures} failed` : ''}; ${s.sample}`,
        });
      }
      coldRow.note = `${coldRow.note}; seeding (in memory, then copied) took ${seeded.seconds.toFixed(1)} s`;
      rows.push(coldRow, warmRow);
      for (const missing of ['timeline', 'quotes'].filter((c) => !bot.commands.has(c))) {
        const why = skipped.get(missing) ?? 'not there yet';
        rows.push(notAvailable(SECTION, `/${missing} (${backend})`, `commands/${missing}.ts: ${why}`));
      }
    } finally {
      await bot.stop();
    }
  } finally {
    await emu.close();
    await cleanStore(seeding, [
      ['guild_cases', guildId],
      ['alert-settings', guildId],
    ]);
    await seeding.close();
    if (botStore && typeof botStore !== 'string') await botStore.close();
  }
  return rows;
}

/** Options for one interaction, read from the command's registered definition. */
function optionsFor(command: Command, c: SynthCase, i: number): Record<string, string | number | boolean> {
  const out: Record<string, string | number | boolean> = {};
  const json = command.data.toJSON();
  for (const o of json.options ?? []) {
    const person = c.cast[i % c.cast.length]?.name ?? 'Ada Abbott';
    if (o.name === 'case') out.case = c.definition.slug;
    else if (/person|who|speaker|name/.test(o.name) && o.type === 3) out[o.name] = person;
    else if (!('required' in o && o.required)) continue;
    else if (o.type === 3) out[o.name] = 'x';
    else if (o.type === 4 || o.type === 10) out[o.name] = 1;
    else if (o.type === 5) out[o.name] = false;
  }
  return out;
}

function buildProbes(emu: Emulator, commands: Map<string, Command>, cases: SynthCase[]): Probe[] {
  const caseOf = (i: number) => cases[i % cases.length] as SynthCase;
  const probes: Probe[] = [{ label: 'noop', run: () => emu.command('noop') }];
  for (const name of ['status', 'timeline', 'quotes']) {
    const command = commands.get(name);
    if (!command) continue;
    probes.push({
      label: `/${name}`,
      run: (i) => emu.command(name, { options: optionsFor(command, caseOf(i), i) }),
    });
  }
  if (commands.get('status')?.autocomplete)
    probes.push({
      label: 'autocomplete /status case',
      run: (i) =>
        emu.autocomplete('status', { options: { case: caseOf(i).place.slice(0, 3) }, focused: 'case' }),
    });
  return probes;
}

interface Samples {
  times: number[];
  failures: number;
  sample: string;
}

/** Warm-up, then `n` rounds of every probe in turn; times sorted ascending. */
async function measure(probes: Probe[], warmup: number, n: number): Promise<Map<string, Samples>> {
  const out = new Map<string, Samples>(probes.map((p) => [p.label, { times: [], failures: 0, sample: '' }]));
  for (let i = 0; i < warmup; i++) for (const p of probes) await p.run(i).catch(() => undefined);
  for (let i = 0; i < n; i++) {
    for (const p of probes) {
      const s = out.get(p.label) as Samples;
      const started = performance.now();
      try {
        const answer = await p.run(i);
        s.times.push(performance.now() - started);
        if (!s.sample) s.sample = describe(answer);
      } catch (err) {
        s.failures++;
        if (!s.sample) s.sample = `error: ${(err as Error).message.slice(0, 80)}`;
      }
    }
  }
  for (const s of out.values()) s.times.sort((a, b) => a - b);
  return out;
}

/** What the bot answered, in a few words, so a table full of fast error replies is noticed. */
function describe(answer: unknown): string {
  if (Array.isArray(answer)) return `${answer.length} choices`;
  const text = (answer as { text?: string } | undefined)?.text ?? '';
  return `answer: "${text.replace(/\s+/g, ' ').slice(0, 40)}"`;
}
