import { Writable } from 'node:stream';
import pino, { type DestinationStream, type Logger } from 'pino';

export type { Logger } from 'pino';

export interface LoggerOptions {
  level?: string;
  /** Strings that must never reach a log line (the bot token); replaced wherever they appear. */
  secrets?: Array<string | undefined>;
  /** Where lines go; stdout by default. Tests pass a stream to capture them. */
  destination?: DestinationStream;
}

/**
 * pino with two layers of protection for secrets: `redact` for the known paths, and a scrubbing
 * destination that replaces the literal secret anywhere in a line (an error message, a URL), because
 * a redact list can never know every place a library might echo a token.
 */
export function createLogger(options: LoggerOptions = {}): Logger {
  const secrets = (options.secrets ?? []).filter((s): s is string => typeof s === 'string' && s.length >= 8);
  const target = options.destination ?? pino.destination({ dest: 1, sync: false });
  const destination: DestinationStream =
    secrets.length === 0
      ? target
      : {
          write(line: string) {
            let clean = line;
            for (const s of secrets) clean = clean.split(s).join('[REDACTED]');
            target.write(clean);
          },
        };
  return pino(
    {
      level: options.level ?? 'info',
      base: { app: 'casewatch' },
      redact: {
        paths: [
          'token',
          '*.token',
          'authorization',
          '*.authorization',
          'headers.authorization',
          'DISCORD_TOKEN',
        ],
        censor: '[REDACTED]',
      },
    },
    destination,
  );
}

/** A destination that keeps lines in memory, for tests that read the log. */
export function memoryDestination(): DestinationStream & { lines: string[]; text(): string } {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _enc, cb) {
      lines.push(String(chunk));
      cb();
    },
  });
  return Object.assign(stream, { lines, text: () => lines.join('') });
}

export const silentLogger: Logger = pino({ level: 'silent' });
