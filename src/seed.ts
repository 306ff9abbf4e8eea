import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { caseDefinitionSchema } from './cases/definition.ts';
import type { Logger } from './log.ts';
import { createCaseStore } from './store/cases.ts';
import { createFeedStore } from './store/feeds.ts';
import type { Store } from './store/types.ts';

export const CONFIG_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../config');

const feedEntry = z.object({
  url: z.url({ protocol: /^https?$/ }),
  guildId: z
    .string()
    .regex(/^\d{17,20}$/)
    .optional(),
  case: z.string().optional(),
  intervalMinutes: z.number().int().min(1).max(1440).default(5),
});

/**
 * Cases and feeds an operator ships with the deployment (config/cases.json, config/feeds.json):
 * added at start-up when the store does not have them yet, never overwriting what servers changed
 * with slash commands. A bad file is reported by name and skipped, never fatal.
 */
export async function seedFromConfig(store: Store, logger: Logger, dir = CONFIG_DIR): Promise<void> {
  const cases = createCaseStore(store);
  for (const def of readList(resolve(dir, 'cases.json'), caseDefinitionSchema, logger)) {
    if (!(await cases.get(def.slug))) {
      await cases.put(def);
      logger.info({ case: def.slug }, 'case added from config/cases.json');
    }
  }
  const feeds = createFeedStore(store);
  for (const f of readList(resolve(dir, 'feeds.json'), feedEntry, logger)) {
    if (!(await feeds.get(f.url))) {
      await feeds.add(
        f.url,
        { guildId: f.guildId, caseSlug: f.case, addedAt: new Date().toISOString() },
        f.intervalMinutes,
      );
      logger.info({ feed: f.url }, 'feed added from config/feeds.json');
    }
  }
}

function readList<T>(file: string, schema: z.ZodType<T>, logger: Logger): T[] {
  if (!existsSync(file)) return [];
  try {
    const parsed = z.array(schema).safeParse(JSON.parse(readFileSync(file, 'utf8')));
    if (parsed.success) return parsed.data;
    const issue = parsed.error.issues[0];
    logger.error({ file, path: issue?.path.join('.'), problem: issue?.message }, 'config file ignored');
  } catch (err) {
    logger.error({ file, err }, 'config file ignored: not valid JSON');
  }
  return [];
}
