import { type ParseArgsConfig, parseArgs } from 'node:util';

/** Bad command-line input: shown as one line plus the command's usage, exit code 2. */
export class UsageError extends Error {}

type Options = NonNullable<ParseArgsConfig['options']>;

/**
 * The subcommand the first argument names, and the arguments after it. Only the table's own
 * entries count ("toString" is no subcommand, though every object has one).
 */
export function subcommandOf<T>(
  table: Record<string, T>,
  args: string[],
): { name: string; run: T; rest: string[] } {
  const [name = '', ...rest] = args;
  const run = Object.hasOwn(table, name) ? table[name] : undefined;
  if (run === undefined) throw new UsageError(name ? `unknown subcommand "${name}"` : 'missing subcommand');
  return { name, run, rest };
}

/**
 * The one argument parser of every `casewatch` subcommand: node's `util.parseArgs` in strict mode
 * (an unknown option, an option without its value or a flag given a value is an error, never
 * ignored), plus the positional arguments named as in the usage line: `CASE` is required, `[DIR]`
 * optional, `FILE...` one or more, `[FILE...]` any number. Anything beyond them is an error.
 */
export function parseCommandArgs<const O extends Options>(
  args: string[],
  options: O,
  positionals: string[] = [],
) {
  let parsed: ReturnType<typeof parseStrict<O>>;
  try {
    parsed = parseStrict(args, options);
  } catch (err) {
    throw new UsageError(describeParseError(err));
  }
  const given = parsed.positionals;
  const required = positionals.filter((p) => !p.startsWith('['));
  const variadic = positionals.at(-1)?.replace(/\]$/, '').endsWith('...') ?? false;
  if (given.length < required.length) {
    const missing = required[given.length] as string;
    throw new UsageError(`missing ${missing.replace(/\.\.\.$/, '')}`);
  }
  if (!variadic && given.length > positionals.length) {
    throw new UsageError(`unexpected argument "${given[positionals.length]}"`);
  }
  return { values: parsed.values, positionals: given };
}

function parseStrict<const O extends Options>(args: string[], options: O) {
  return parseArgs({ args, options, strict: true, allowPositionals: true });
}

/** node's messages are several sentences; the first one says what is wrong. */
function describeParseError(err: unknown): string {
  const message = err instanceof Error ? err.message : String(err);
  const code = (err as { code?: string }).code;
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
    const option = /'([^']+)'/.exec(message)?.[1];
    return `unknown option ${option ?? message}`;
  }
  const first = message.split('\n')[0] as string;
  return first
    .replace(/^Option '([^']+)' argument missing$/, 'option $1 needs a value')
    .replace(/^Option '([^' ]+)' argument is ambiguous\.?$/, 'option $1 needs a value');
}
