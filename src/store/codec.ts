import { Buffer } from 'node:buffer';

/**
 * keyv's value encoding (@keyv/serialize's format, so every row written before reads the same):
 * JSON, where a string that starts with ':' is stored with one more ':' in front and a Buffer as
 * ':base64:…'. keyv's own serializer builds that JSON in JavaScript, value by value with string
 * concatenation, and its parser runs a reviver on every value: for a case's log entries and
 * snapshots that was a tenth of ingest's time and much of its garbage. Both are the same as plain
 * JSON whenever no string starts with ':', which a scan of the text tells; only then is the
 * per-value work done (by JSON.stringify's replacer and JSON.parse's reviver, natively driven).
 *
 * A string starts with ':' exactly when its opening quote (never escaped) is followed by ':'; an
 * opening quote follows '[', ',', ':' or starts the text (keys, preceded by '{' or ',', may match
 * too: that only costs the slow path).
 */
const COLON_STRING = /[[,:]":/;

const hasColonString = (json: string) => json.startsWith('":') || COLON_STRING.test(json);

export function serialize(data: unknown): string {
  if (data === undefined || data === null) return 'null';
  const plain = JSON.stringify(data);
  if (plain !== undefined && !hasColonString(plain) && !containsBuffer(data, plain)) return plain;
  return JSON.stringify(data, function (this: Record<string, unknown>, key: string, value: unknown) {
    const original = this[key];
    if (Buffer.isBuffer(original)) return `:base64:${original.toString('base64')}`;
    return typeof value === 'string' && value.startsWith(':') ? `:${value}` : value;
  });
}

export function deserialize<T>(text: string): T {
  if (!hasColonString(text)) return JSON.parse(text) as T;
  return JSON.parse(text, (_key, value: unknown) => {
    if (typeof value !== 'string') return value;
    if (value.startsWith(':base64:')) return Buffer.from(value.slice(8), 'base64');
    return value.startsWith(':') ? value.slice(1) : value;
  }) as T;
}

/** JSON.stringify writes a Buffer as {"type":"Buffer","data":[…]}: only then look for one. */
function containsBuffer(data: unknown, json: string): boolean {
  return json.includes('"type":"Buffer"') && findBuffer(data, 0);
}

function findBuffer(value: unknown, depth: number): boolean {
  if (Buffer.isBuffer(value)) return true;
  if (typeof value !== 'object' || value === null || depth > 100) return false;
  return Object.values(value).some((v) => findBuffer(v, depth + 1));
}
