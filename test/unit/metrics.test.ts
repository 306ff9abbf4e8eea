import { spawnSync } from 'node:child_process';
import { collectDefaultMetrics, Registry } from 'prom-client';
import { describe, expect, it } from 'vitest';
import { createMetrics } from '../../src/metrics.ts';

describe('metrics', () => {
  it("registers prom-client's default metrics, same names, help and types, in the same order", async () => {
    const reference = new Registry();
    collectDefaultMetrics({ register: reference, prefix: 'casewatch_' });
    const shape = async (r: Registry) =>
      (await r.getMetricsAsJSON()).map((m) => `${m.name} ${m.type} ${m.help}`);
    const expected = await shape(reference);
    const ours = (await shape(createMetrics().registry)).filter((m) =>
      expected.some((e) => e.split(' ')[0] === m.split(' ')[0]),
    );
    expect(ours).toEqual(expected);
    const text = await createMetrics().registry.metrics();
    expect(text).toMatch(/^casewatch_process_cpu_seconds_total \d/m);
    expect(text).toMatch(/^casewatch_nodejs_heap_size_total_bytes \d/m);
  });

  it('counts CPU time as the default counter does (user + system = total)', async () => {
    const { registry } = createMetrics();
    const until = performance.now() + 50;
    let spins = 0;
    while (performance.now() < until) spins++;
    expect(spins).toBeGreaterThan(0);
    const byName = new Map((await registry.getMetricsAsJSON()).map((m) => [m.name, m.values[0]?.value ?? 0]));
    const user = Number(byName.get('casewatch_process_cpu_user_seconds_total'));
    const system = Number(byName.get('casewatch_process_cpu_system_seconds_total'));
    expect(user).toBeGreaterThan(0);
    expect(Number(byName.get('casewatch_process_cpu_seconds_total'))).toBeCloseTo(user + system, 6);
  });

  it('loads neither @opentelemetry/api nor the Pushgateway', () => {
    const script = [
      "const { createMetrics } = await import('./src/metrics.ts');",
      'createMetrics();',
      "const { createRequire } = await import('node:module');",
      'const loaded = Object.keys(createRequire(import.meta.url).cache);',
      'console.log(JSON.stringify(loaded.filter((k) => /@opentelemetry|pushgateway|cluster\\.js/.test(k))));',
    ].join('\n');
    const run = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      encoding: 'utf8',
    });
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout)).toEqual([]);
  });
});
