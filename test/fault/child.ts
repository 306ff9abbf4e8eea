// A casewatch process for fault-injection tests: the real app (bot, poller, pipeline, alerts) on
// the environment it is given, polling in a tight loop so that a test can kill it mid-ingestion.
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
process.stdout.write('READY\n');
let stopping = false;
process.on('SIGTERM', () => {
  stopping = true;
});
while (!stopping) {
  const results = await app.poller.pollAll();
  const fresh = results.reduce((n, r) => n + r.newItems, 0);
  if (fresh > 0) process.stdout.write(`INGESTED ${fresh}\n`);
  const pending = results.reduce((n, r) => n + r.handOffFailures, 0);
  process.stdout.write(results.every((r) => r.status !== 'failed') && pending === 0 ? 'IDLE\n' : 'BUSY\n');
  await new Promise((r) => setTimeout(r, 30));
}
await app.stop();
process.exit(0);
