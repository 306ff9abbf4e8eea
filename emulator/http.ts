// HTTP plumbing: read and parse bodies (JSON or multipart with payload_json), write JSON replies.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { JsonObject, UploadedFile } from './messages.ts';

export interface ParsedBody {
  body: JsonObject | undefined;
  files: UploadedFile[];
}

export interface Reply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** discord.js sends JSON, or multipart/form-data with a payload_json part when files are attached. */
export async function parseBody(raw: Buffer, contentType: string | undefined): Promise<ParsedBody> {
  if (raw.length === 0) return { body: undefined, files: [] };
  if (contentType?.startsWith('multipart/form-data')) {
    const form = await new Response(raw, { headers: { 'content-type': contentType } }).formData();
    const files: UploadedFile[] = [];
    let body: JsonObject | undefined;
    for (const [field, value] of form.entries()) {
      if (typeof value === 'string') {
        if (field === 'payload_json') body = JSON.parse(value) as JsonObject;
      } else {
        files.push({ field, filename: value.name, size: value.size, contentType: value.type });
      }
    }
    return { body, files };
  }
  return { body: JSON.parse(raw.toString('utf8')) as JsonObject, files: [] };
}

export function writeReply(res: ServerResponse, reply: Reply): void {
  const headers: Record<string, string> = { ...reply.headers };
  if (reply.status === 204 || reply.body === undefined) {
    res.writeHead(reply.status === 200 && reply.body === undefined ? 204 : reply.status, headers);
    res.end();
    return;
  }
  headers['content-type'] = 'application/json';
  res.writeHead(reply.status, headers);
  res.end(JSON.stringify(reply.body));
}

export function json(body: unknown, status = 200): Reply {
  return { status, body };
}

export function discordError(status: number, code: number, message: string, errors?: unknown): Reply {
  return { status, body: errors === undefined ? { code, message } : { code, message, errors } };
}

export const notFound = (what: string, code: number): Reply => discordError(404, code, `Unknown ${what}`);
