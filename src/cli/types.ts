import type { Writable } from 'node:stream';
import type { Config } from '../config.ts';
import type { Logger } from '../log.ts';
import type { Store } from '../store/types.ts';

export interface CliContext {
  stdout: Writable;
  stderr: Writable;
  config: Config;
  logger: Logger;
  /** Opens the store named by STORE_URL on first use (commands like `extract` never touch it). */
  store(): Promise<Store>;
}

/**
 * One `casewatch <name> ...` subcommand, one file in src/cli/ registered in src/cli/main.ts.
 * `run` returns the process exit code; bad input is one clear line on stderr and a non-zero code.
 */
export interface CliCommand {
  name: string;
  /** One line shown by `casewatch help`. */
  summary: string;
  usage: string;
  run(args: string[], ctx: CliContext): Promise<number>;
}
