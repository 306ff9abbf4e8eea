import type { KnowledgeStore } from '../cases/knowledgeStore.ts';
import type { Logger } from '../log.ts';
import { createCaseStore } from '../store/cases.ts';
import type { Command, CommandContext } from './command.ts';

/**
 * Answers rendered ahead, off the interaction path: each command's `prerender` for a case, at
 * start-up for every case and again whenever the case changes in this process (a merge by the
 * poller, or entries another process appended, once read). The render cache keys answers by case
 * version, so a change makes the old answers unreachable; without this the first /status,
 * /timeline page or /quotes list after it (and the first ask per person) was built on the
 * interaction path, which is what made the commands' slow tail.
 * Changes are gathered for DEBOUNCE_MS (a poll cycle merges many articles into one case), then the
 * cases render one command at a time, yielding to waiting interactions between two.
 */
const DEBOUNCE_MS = 250;
/**
 * In the background, rendering takes at most this share of the time: after a render that took
 * d ms it waits d × (1 / DUTY − 1), so an interaction arriving meanwhile waits for one render at
 * most, and a burst of them (just after a restart) is not crowded out. Start-up's first commands
 * (before login, when no interaction can arrive) run unpaced.
 */
const DUTY = 0.2;
const MAX_PAUSE_MS = 500;

export interface Prerenderer {
  /**
   * Start-up: renders the `first` commands' answers for every case, one case after another, and
   * resolves; every other command's follow in the background, between interactions.
   */
  all(slugs: string[]): Promise<void>;
  /** No more rendering; resolves once the render in flight (if any) is done with the store. */
  stop(): Promise<void>;
}

export function startPrerenderer(
  commands: Map<string, Command>,
  ctx: CommandContext,
  knowledge: KnowledgeStore,
  logger: Logger,
  /** Commands whose answers start-up waits for (the most asked: /status). */
  first: string[] = [],
): Prerenderer {
  const renderers = [...commands.values()].filter((c) => c.prerender);
  const early = renderers.filter((c) => first.includes(c.data.name));
  const pending = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  let running = false;
  let stopped = false;
  /** Renders under way (start-up's and the background's), which stop() waits for. */
  const inflight = new Set<Promise<void>>();
  function track(work: Promise<void>): Promise<void> {
    inflight.add(work);
    return work.finally(() => inflight.delete(work));
  }

  /** Yields to waiting interactions, paced to DUTY in the background. */
  let since = performance.now();
  async function pause(paced: boolean) {
    const busy = performance.now() - since;
    const wait = paced ? Math.min(MAX_PAUSE_MS, busy * (1 / DUTY - 1)) : 0;
    await new Promise((resolve) => (wait >= 1 ? setTimeout(resolve, wait) : setImmediate(resolve)));
    since = performance.now();
  }

  async function renderCase(slug: string, only = renderers, paced = true) {
    if (stopped) return;
    const definition = await createCaseStore(ctx.store).get(slug);
    if (!definition) return;
    const yieldNow = () => pause(paced);
    for (const command of only) {
      if (stopped) return;
      await yieldNow();
      try {
        await command.prerender?.(ctx, definition, yieldNow);
      } catch (err) {
        // Only a head start is lost: the interaction renders it as before.
        logger.warn({ err, case: slug, command: command.data.name }, 'could not render ahead');
      }
    }
  }

  async function drain() {
    running = true;
    since = performance.now();
    try {
      for (const slug of pending) {
        pending.delete(slug);
        await renderCase(slug);
      }
    } finally {
      running = false;
    }
  }

  function schedule(slug: string) {
    if (stopped || renderers.length === 0) return;
    pending.add(slug);
    if (timer || running) return;
    timer = setTimeout(() => {
      timer = undefined;
      track(drain()).catch((err: unknown) => logger.warn({ err }, 'could not render ahead'));
    }, DEBOUNCE_MS);
    timer.unref();
  }

  const unsubscribe = knowledge.onChange(schedule);
  return {
    async all(slugs) {
      for (const slug of slugs) await track(renderCase(slug, early, false));
      for (const slug of slugs) schedule(slug);
    },
    async stop() {
      stopped = true;
      unsubscribe();
      clearTimeout(timer);
      pending.clear();
      await Promise.allSettled(inflight);
    },
  };
}
