import { UsageError } from './args.ts';
import type { CliCommand, CliContext } from './types.ts';

/**
 * Runs one subcommand the same way for the `casewatch` binary and the tests: `--help` (or `-h`)
 * anywhere before `--` prints the command's help; a UsageError is one line, the usage, exit 2.
 */
export async function runCommand(command: CliCommand, args: string[], ctx: CliContext): Promise<number> {
  const end = args.indexOf('--');
  const own = end >= 0 ? args.slice(0, end) : args;
  if (own.includes('--help') || own.includes('-h')) {
    ctx.stdout.write(commandHelp(command));
    return 0;
  }
  try {
    return await command.run(args, ctx);
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    ctx.stderr.write(`casewatch ${command.name}: ${err.message}\n${usageLines(command)}`);
    return 2;
  }
}

function usageLines(command: CliCommand): string {
  return command.usage.map((u, i) => `${i === 0 ? 'usage:' : '      '} casewatch ${u}\n`).join('');
}

/** `casewatch <name> --help`: what it does, each form, and each option. */
export function commandHelp(command: CliCommand): string {
  const lines = [`casewatch ${command.name} — ${command.summary}`, '', usageLines(command).trimEnd()];
  const options = Object.entries(command.options ?? {});
  if (options.length) {
    const width = Math.max(...options.map(([o]) => o.length));
    lines.push('', 'options:', ...options.map(([o, what]) => `  ${o.padEnd(width)}  ${what}`));
  }
  return `${lines.join('\n')}\n`;
}

/** `casewatch help`: each command and what it does in one aligned column, its forms beneath. */
export function overviewHelp(commands: CliCommand[]): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  const pad = ' '.repeat(width + 4);
  return [
    'casewatch — follow legal cases through the news',
    '',
    'usage: casewatch COMMAND [ARGUMENTS]    (casewatch COMMAND --help: its options)',
    '',
    'commands:',
    ...commands.flatMap((c) => [
      `  ${c.name.padEnd(width)}  ${c.summary}`,
      ...c.usage.map((u) => `${pad}${u}`),
    ]),
    '',
    'Settings come from the environment or .env next to package.json (see .env.example).',
    '',
  ].join('\n');
}
