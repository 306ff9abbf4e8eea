// A casewatch process for fault-injection tests: the real app (bot, poller, pipeline, alerts) on
// the environment it is given, so that a test can kill it mid-ingestion or mid-delivery.
// CHILD_MODE=queue: it runs the clock's path in a tight loop (poll jobs added for every feed, run
// by whichever instance's workers take them: BullMQ when QUEUE_URL is set) and prints what it did.
// Otherwise it polls every feed directly in a tight loop.
import { startApp } from '../../src/app.ts';
import { parseConfig } from '../../src/config.ts';
import { createLogger } from '../../src/log.ts';

const config = parseConfig(process.env);
const logger = createLogger({
  level: config.LOG_LEVEL,
  secrets: [config.DISCORD_TOKEN],
  destination: { write: (line: string) => process.stderr.write(line) },
});
const app = await startApp(config, logger, { schedule: false });
const queued = process.env.CHILD_MODE === 'queue';
if (queued) app.poller.work();
process.stdout.write('READY\n');
let stopping = false;
process.on('SIGTERM', () => {
  stopping = true;
});
while (!stopping) {
  const results = await (queued ? app.poller.enqueueDue({ all: true }) : app.poller.pollAll()).catch(
    (err: unknown) => {
      // A poll job that failed every attempt (in-process): say so and go on, as the clock does.
      process.stdout.write(`FAILED ${String(err).slice(0, 200)}\n`);
      return [{ status: 'failed' as const, newItems: 0, handOffFailures: 1 }];
    },
  );
  const fresh = results.reduce((n, r) => n + r.newItems, 0);
  if (fresh > 0) process.stdout.write(`INGESTED ${fresh}\n`);
  const pending = results.reduce((n, r) => n + r.handOffFailures, 0);
  process.stdout.write(results.every((r) => r.status !== 'failed') && pending === 0 ? 'IDLE\n' : 'BUSY\n');
  await new Promise((r) => setTimeout(r, queued ? 200 : 30));
}
await app.stop();
process.exit(0);
