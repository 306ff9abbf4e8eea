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
 * Arguments are parsed with `parseCommandArgs` (src/cli/args.ts), whose UsageError becomes that
 * line, the usage and exit code 2 (see `runCommand`).
 */
export interface CliCommand {
  name: string;
  /** One line shown by `casewatch help`. */
  summary: string;
  /** Each form of the command, without the leading "casewatch " (`status CASE [--json]`). */
  usage: string[];
  /** What each option means, for `casewatch <name> --help` (`'--as-of YYYY-MM-DD': 'the status on that day'`). */
  options?: Record<string, string>;
  run(args: string[], ctx: CliContext): Promise<number>;
}
