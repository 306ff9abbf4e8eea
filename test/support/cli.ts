import { Writable } from 'node:stream';
import { runCommand } from '../../src/cli/run.ts';
import type { CliCommand, CliContext } from '../../src/cli/types.ts';
import type { Config } from '../../src/config.ts';
import { silentLogger } from '../../src/log.ts';
import type { Store } from '../../src/store/types.ts';

/** Runs one `casewatch` subcommand in-process on `store`, collecting what it prints. */
export async function runCli(command: CliCommand, args: string[], store: Store, config = {} as Config) {
  let out = '';
  let err = '';
  const sink = (f: (s: string) => void) =>
    new Writable({
      write(chunk, _encoding, done) {
        f(String(chunk));
        done();
      },
    });
  const ctx: CliContext = {
    stdout: sink((s) => {
      out += s;
    }),
    stderr: sink((s) => {
      err += s;
    }),
    config,
    logger: silentLogger,
    store: async () => store,
  };
  const code = await runCommand(command, args, ctx);
  return { code, out, err };
}
