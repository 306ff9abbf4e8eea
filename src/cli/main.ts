import { existsSync } from 'node:fs';
import { loadConfig } from '../config.ts';
import { createLogger, secretScrubber } from '../log.ts';
import { openStore } from '../store/index.ts';
import type { Store } from '../store/types.ts';
import { commandHelp, overviewHelp, runCommand } from './run.ts';
import type { CliCommand, CliContext } from './types.ts';

/**
 * `casewatch <command>`: each subcommand is one file in src/cli/ exporting `command: CliCommand`,
 * imported lazily so `casewatch extract` never loads discord.js or opens the store.
 */
const FILES: Record<string, string> = {
  start: 'start.ts',
  'deploy-commands': 'deployCommands.ts',
  case: 'case.ts',
  feed: 'feed.ts',
  extract: 'extract.ts',
  eval: 'eval.ts',
  ingest: 'ingest.ts',
  status: 'status.ts',
  timeline: 'timeline.ts',
  quotes: 'quotes.ts',
  people: 'people.ts',
  'eval-status': 'evalStatus.ts',
  demo: 'demo.ts',
  export: 'export.ts',
  import: 'import.ts',
};

async function load(name: string): Promise<CliCommand | undefined> {
  const file = FILES[name];
  if (!file) return undefined;
  const url = new URL(`./${file}`, import.meta.url);
  if (!existsSync(url)) return undefined;
  return ((await import(url.href)) as { command: CliCommand }).command;
}

export async function main(
  argv: string[],
  io: Partial<Pick<CliContext, 'stdout' | 'stderr'>> = {},
): Promise<number> {
  const stdout = io.stdout ?? process.stdout;
  const stderr = io.stderr ?? process.stderr;
  const [name, ...args] = argv;
  if (name === 'help' && args[0]) {
    const command = await load(args[0]);
    if (command) stdout.write(commandHelp(command));
    else stderr.write(`casewatch: unknown command "${args[0]}". Run "casewatch help" for the list.\n`);
    return command ? 0 : 2;
  }
  if (!name || name === 'help' || name === '--help' || name === '-h') {
    const all = await Promise.all(Object.keys(FILES).map(load));
    (name ? stdout : stderr).write(overviewHelp(all.filter((c): c is CliCommand => c !== undefined)));
    return name ? 0 : 2;
  }
  const command = await load(name);
  if (!command) {
    stderr.write(`casewatch: unknown command "${name}". Run "casewatch help" for the list.\n`);
    return 2;
  }
  const config = loadConfig();
  // CLI logs go to stderr so stdout stays machine-readable (JSON lines).
  const logger = createLogger({
    level: config.LOG_LEVEL,
    secrets: [config.DISCORD_TOKEN, config.COURTLISTENER_TOKEN, config.COURTLISTENER_WEBHOOK_SECRET],
    destination: { write: (line: string) => stderr.write(line) },
  });
  let store: Promise<Store> | undefined;
  const ctx: CliContext = {
    stdout,
    stderr,
    config,
    logger,
    store: () => (store ??= openStore(config.STORE_URL, logger)),
  };
  try {
    return await runCommand(command, args, ctx);
  } catch (err) {
    const scrub = secretScrubber([config.DISCORD_TOKEN]);
    stderr.write(scrub(`casewatch ${name}: ${err instanceof Error ? err.message : String(err)}\n`));
    logger.debug({ err }, 'command failed');
    return 1;
  } finally {
    if (store) await (await store.catch(() => undefined))?.close();
  }
}
