import { createHash } from 'node:crypto';
import type { Logger } from '../log.ts';
import type { Metrics } from '../metrics.ts';
import type { NewJob } from '../queue/types.ts';
import type { Store } from '../store/types.ts';
import { type AlertSink, type DeliveryReport, deliverAlerts, type TrackingLookup } from './deliver.ts';
import type { AlertSettingsStore } from './settings.ts';
import type { AlertDecision } from './types.ts';

/** An article's alerts for one server, in the order ingestion decided them: a `deliver` job. */
export interface DeliveryJob {
  guildId: string;
  decisions: AlertDecision[];
}

/**
 * `deliver:<server>:<alerts>`: the same decisions (an update counts its sources) are one job
 * whoever ingested them, so a replayed article adds no second job while the first is kept.
 */
export function deliveryJobId(guildId: string, decisions: AlertDecision[]): string {
  const hash = createHash('sha256');
  for (const d of decisions)
    hash.update(`${d.case}|${d.development.id}|${d.kind}|${d.development.sources.length}\n`);
  return `deliver:${guildId}:${hash.digest('hex').slice(0, 24)}`;
}

export interface DeliveryDeps {
  store: Store;
  settings: AlertSettingsStore;
  caseStore: TrackingLookup;
  sink: AlertSink;
  logger?: Logger;
  metrics?: Metrics;
}

/**
 * Alert delivery as jobs: ingestion turns its decisions into one job per server (its alerts in
 * order), and
 * any instance's worker posts it (Discord's REST API serves every server from any process).
 * Posting stays idempotent as before (src/alerts/deliver.ts: an alert record claimed per server
 * and development, the post carrying an `enforce_nonce` nonce), so a job run twice (its worker
 * died after posting) posts once. A failed post throws: the queue retries it with backoff.
 */
export function createDelivery(deps: DeliveryDeps) {
  return {
    async jobs(decisions: AlertDecision[]): Promise<NewJob<DeliveryJob>[]> {
      const perGuild = new Map<string, AlertDecision[]>();
      for (const decision of decisions) {
        for (const guildId of await deps.caseStore.guildsTracking(decision.case))
          perGuild.set(guildId, [...(perGuild.get(guildId) ?? []), decision]);
      }
      return [...perGuild].map(([guildId, list]) => ({
        id: deliveryJobId(guildId, list),
        data: { guildId, decisions: list },
      }));
    },
    async run(job: DeliveryJob): Promise<DeliveryReport> {
      const report = await deliverAlerts(job.decisions, { ...deps, onlyGuild: job.guildId });
      deps.metrics?.alerts.inc({ kind: 'new', result: 'posted' }, report.posted + report.recovered);
      deps.metrics?.alerts.inc({ kind: 'update', result: 'edited' }, report.edited);
      deps.metrics?.alerts.inc({ kind: 'any', result: 'failed' }, report.failed);
      if (report.failed > 0)
        throw new Error(`${report.failed} alert(s) for server ${job.guildId} not delivered; will retry`);
      return report;
    },
  };
}

export function sumReports(reports: Array<DeliveryReport | undefined>): DeliveryReport {
  const total: DeliveryReport = { posted: 0, recovered: 0, edited: 0, skipped: 0, failed: 0 };
  for (const r of reports)
    if (r) for (const k of Object.keys(total) as Array<keyof DeliveryReport>) total[k] += r[k];
  return total;
}
