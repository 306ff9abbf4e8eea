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

  async function renderCase(slug: string, only = renderers) {
    if (stopped) return;
    const definition = await createCaseStore(ctx.store).get(slug);
    if (!definition) return;
    for (const command of only) {
      if (stopped) return;
      try {
        await command.prerender?.(ctx, definition);
      } catch (err) {
        // Only a head start is lost: the interaction renders it as before.
        logger.warn({ err, case: slug, command: command.data.name }, 'could not render ahead');
      }
      await new Promise((resolve) => setImmediate(resolve));
    }
  }

  async function drain() {
    running = true;
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
      for (const slug of slugs) await track(renderCase(slug, early));
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
