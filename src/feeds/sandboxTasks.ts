import { extractMainText } from './fulltext.ts';
import { parseFeedBody } from './parse.ts';

/** What the sandbox worker runs: every parse of a hostile body, away from the bot's event loop. */
export const tasks = {
  parseFeedBody: (
    body: Uint8Array,
    contentType: string | undefined,
    options: Parameters<typeof parseFeedBody>[2],
  ) => parseFeedBody(Buffer.from(body.buffer, body.byteOffset, body.byteLength), contentType, options),
  extractMainText,
};

export type SandboxTasks = typeof tasks;
