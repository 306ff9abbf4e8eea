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
  const target = options.destination ?? pino.destination({ dest: 1, sync: false });
  const scrub = secretScrubber(options.secrets);
  const destination: DestinationStream = { write: (line: string) => target.write(scrub(line)) };
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

/**
 * Replaces each secret (at least 8 characters) wherever it appears in a text. Used by every log
 * line and by the CLI's own error output, so a library that echoes the token (an API error quoting
 * the Authorization header) never prints it.
 */
export function secretScrubber(secrets: Array<string | undefined> = []): (text: string) => string {
  const list = secrets.filter((s): s is string => typeof s === 'string' && s.length >= 8);
  return (text) => {
    let clean = text;
    for (const s of list) clean = clean.split(s).join('[REDACTED]');
    return clean;
  };
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
