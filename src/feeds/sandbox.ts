import { Worker } from 'node:worker_threads';
import { FeedError, type FeedErrorReason } from './errors.ts';
import type { ParsedFeed, ParseOptions } from './parse.ts';
import type { SandboxTasks } from './sandboxTasks.ts';

/**
 * Feed parsing and article-page extraction run in one worker thread under a CPU deadline: a
 * hostile body that makes a parser slow (deep nesting for Readability, a pathological document for
 * xml2js) costs one terminated worker and a `timeout` for that feed or page, never the event loop
 * that answers every server's commands. The worker starts with the first task (an idle bot never
 * pays for it) and stops after a minute without work. Tasks run one at a time, in order; the
 * deadline of each starts when the worker takes it.
 */

export const FEED_PARSE_DEADLINE_MS = 15_000;
export const PAGE_EXTRACT_DEADLINE_MS = 10_000;
const IDLE_MS = 60_000;

type TaskName = keyof SandboxTasks;
interface Job {
  task: TaskName;
  args: unknown[];
  deadlineMs: number;
  resolve: (value: unknown) => void;
  reject: (err: unknown) => void;
}
interface Reply {
  id?: number;
  ready?: boolean;
  ok?: boolean;
  value?: unknown;
  error?: { name: string; message: string; reason?: FeedErrorReason };
}

let worker: Worker | undefined;
let ready: Promise<void> | undefined;
const queue: Job[] = [];
let busy = false;
let nextId = 1;
let idleTimer: NodeJS.Timeout | undefined;

function start(): Promise<void> {
  const w = new Worker(new URL('./sandboxWorker.mjs', import.meta.url));
  w.unref(); // a CLI run ends when its work does, whatever the worker is doing
  worker = w;
  ready = new Promise((resolve, reject) => {
    w.once('message', () => resolve());
    w.once('error', reject);
  });
  w.on('exit', () => {
    if (worker === w) worker = undefined;
  });
  return ready;
}

function stop(): void {
  const w = worker;
  worker = undefined;
  ready = undefined;
  void w?.terminate();
}

async function pump(): Promise<void> {
  if (busy) return;
  const job = queue.shift();
  if (!job) {
    idleTimer = setTimeout(stop, IDLE_MS);
    idleTimer.unref();
    return;
  }
  busy = true;
  clearTimeout(idleTimer);
  try {
    job.resolve(await run(job));
  } catch (err) {
    job.reject(err);
  } finally {
    busy = false;
    void pump();
  }
}

async function run(job: Job): Promise<unknown> {
  if (!worker) await start();
  else await ready;
  const w = worker;
  if (!w) throw new Error('the parsing sandbox did not start');
  const id = nextId++;
  return new Promise((resolve, reject) => {
    const onMessage = (reply: Reply) => {
      if (reply.id !== id) return;
      done();
      if (reply.ok) resolve(reply.value);
      else {
        const e = reply.error ?? { name: 'Error', message: 'the parsing sandbox failed without saying why' };
        reject(
          e.name === 'FeedError' && e.reason ? new FeedError(e.reason, e.message) : new Error(e.message),
        );
      }
    };
    const onExit = () => {
      done();
      reject(new Error('the parsing worker stopped'));
    };
    const timer = setTimeout(() => {
      done();
      stop();
      reject(
        new FeedError(
          'timeout',
          `${job.task === 'extractMainText' ? 'reading the page' : 'parsing the feed'} took more than ${job.deadlineMs} ms of CPU; stopped`,
        ),
      );
    }, job.deadlineMs);
    const done = () => {
      clearTimeout(timer);
      w.off('message', onMessage);
      w.off('exit', onExit);
    };
    w.on('message', onMessage);
    w.on('exit', onExit);
    w.postMessage({ id, task: job.task, args: job.args });
  });
}

function submit<T>(task: TaskName, args: unknown[], deadlineMs: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    queue.push({ task, args, deadlineMs, resolve: resolve as (v: unknown) => void, reject });
    void pump();
  });
}

/** parse.ts's parseFeedBody, in the worker, within `deadlineMs`. */
export function parseFeedBodyBounded(
  body: Buffer,
  contentType: string | undefined,
  options: ParseOptions,
  deadlineMs = FEED_PARSE_DEADLINE_MS,
): Promise<ParsedFeed & { encoding: string }> {
  return submit('parseFeedBody', [new Uint8Array(body), contentType, options], deadlineMs);
}

/** fulltext.ts's extractMainText, in the worker, within `deadlineMs`. */
export function extractMainTextBounded(
  html: string,
  url: string,
  deadlineMs = PAGE_EXTRACT_DEADLINE_MS,
): Promise<string | undefined> {
  return submit('extractMainText', [html, url], deadlineMs);
}
