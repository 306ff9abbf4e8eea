import { createRequire } from 'node:module';
import type * as Prom from 'prom-client';
import type { JobKind, JobQueue } from './queue/types.ts';

/**
 * prom-client's classes from their own files: its index also loads the Pushgateway (http, https),
 * the cluster aggregator and, through the default CPU metric, @opentelemetry/api (for exemplars,
 * which we do not use): about 11 MB of an idle bot's memory for nothing. The default metrics are
 * registered one by one below, the CPU counters by our own copy without exemplars.
 */
const require = createRequire(import.meta.url);
const Registry: typeof Prom.Registry = require('prom-client/lib/registry');
const Counter: typeof Prom.Counter = require('prom-client/lib/counter');
const Gauge: typeof Prom.Gauge = require('prom-client/lib/gauge');
const Histogram: typeof Prom.Histogram = require('prom-client/lib/histogram');

type DefaultMetric = (registry: Prom.Registry, config: Record<string, unknown>) => void;
/** prom-client's default metrics in its own order (lib/defaultMetrics.js), the CPU counters apart. */
const DEFAULT_METRICS = [
  'processStartTime',
  'osMemoryHeap',
  'processOpenFileDescriptors',
  'processMaxFileDescriptors',
  'eventLoopLag',
  ...(typeof (process as { getActiveResourcesInfo?: unknown }).getActiveResourcesInfo === 'function'
    ? ['processResources']
    : []),
  'processHandles',
  'processRequests',
  'heapSizeAndUsed',
  'heapSpacesSizeAndUsed',
  'version',
  'gc',
];

/** What collectDefaultMetrics registers, with the CPU counters of processCpuTotal.js minus exemplars. */
function collectDefaults(registry: Prom.Registry, prefix: string): void {
  let last = process.cpuUsage();
  const user = new Counter({
    name: `${prefix}process_cpu_user_seconds_total`,
    help: 'Total user CPU time spent in seconds.',
    registers: [registry],
    // One metric's collect sets all three (as prom-client does).
    collect() {
      const now = process.cpuUsage();
      const userMicros = now.user - last.user;
      const systemMicros = now.system - last.system;
      last = now;
      user.inc(userMicros / 1e6);
      system.inc(systemMicros / 1e6);
      total.inc((userMicros + systemMicros) / 1e6);
    },
  });
  const system = new Counter({
    name: `${prefix}process_cpu_system_seconds_total`,
    help: 'Total system CPU time spent in seconds.',
    registers: [registry],
  });
  const total = new Counter({
    name: `${prefix}process_cpu_seconds_total`,
    help: 'Total user and system CPU time spent in seconds.',
    registers: [registry],
  });
  const config = { eventLoopMonitoringPrecision: 10, register: registry, prefix };
  for (const name of DEFAULT_METRICS)
    (require(`prom-client/lib/metrics/${name}`) as DefaultMetric)(registry, config);
}

const JOB_KINDS: JobKind[] = ['poll', 'deliver', 'court'];

/**
 * What an operator watches: polls and why they fail, articles and facts ingested, alerts sent,
 * and how long interactions take. One registry per app so tests can run several side by side.
 */
export function createMetrics() {
  const registry = new Registry();
  collectDefaults(registry, 'casewatch_');
  const polls = new Counter({
    name: 'casewatch_feed_polls_total',
    help: 'Feed polls by result (ok, not_modified, unchanged, error)',
    labelNames: ['result'] as const,
    registers: [registry],
  });
  const pollFailures = new Counter({
    name: 'casewatch_feed_poll_failures_total',
    help: 'Failed feed polls by reason (dns, timeout, http_status, too_large, not_a_feed, ...)',
    labelNames: ['reason'] as const,
    registers: [registry],
  });
  const articles = new Counter({
    name: 'casewatch_articles_ingested_total',
    help: 'Articles handed to ingestion',
    labelNames: ['history'] as const,
    registers: [registry],
  });
  const facts = new Counter({
    name: 'casewatch_facts_extracted_total',
    help: 'Facts extracted, by kind',
    labelNames: ['kind'] as const,
    registers: [registry],
  });
  const alerts = new Counter({
    name: 'casewatch_alerts_total',
    help: 'Alerts delivered, by kind (new, update) and result',
    labelNames: ['kind', 'result'] as const,
    registers: [registry],
  });
  const interactions = new Histogram({
    name: 'casewatch_interaction_duration_seconds',
    help: 'Time from receiving an interaction to finishing its handler',
    labelNames: ['command'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });
  const corrections = new Counter({
    name: 'casewatch_corrections_total',
    help: 'Developments marked wrong by server admins (/correct)',
    registers: [registry],
  });
  const jobResults = new Counter({
    name: 'casewatch_queue_job_results_total',
    help: 'Jobs this instance ended, by queue (poll, deliver, court) and result (completed, retried, failed, stalled, duplicate)',
    labelNames: ['queue', 'result'] as const,
    registers: [registry],
  });
  let watched: JobQueue | undefined;
  new Gauge({
    name: 'casewatch_queue_jobs',
    help: 'Jobs in the queue by queue and state (waiting, active, delayed, failed, completed); Redis: across all instances',
    labelNames: ['queue', 'state'] as const,
    registers: [registry],
    async collect() {
      if (!watched) return;
      this.reset();
      for (const kind of JOB_KINDS) {
        const counts = await watched.counts(kind).catch(() => undefined);
        if (!counts) continue;
        for (const [state, n] of Object.entries(counts)) this.set({ queue: kind, state }, n);
      }
    },
  });
  return {
    registry,
    jobResults,
    /** The queue whose job counts /metrics reports. */
    watchQueue(queue: JobQueue) {
      watched = queue;
    },
    polls,
    pollFailures,
    articles,
    facts,
    alerts,
    interactions,
    corrections,
    countCorrection() {
      corrections.inc();
    },
    observeInteraction(command: string, seconds: number) {
      interactions.observe({ command }, seconds);
    },
  };
}

export type Metrics = ReturnType<typeof createMetrics>;
