import { fileURLToPath } from 'node:url';

/** The project's folder (where package.json is), whatever directory casewatch is run from. */
export const PROJECT_DIR = fileURLToPath(new URL('..', import.meta.url)).replace(/\/$/, '');

/**
 * Where the embedded store lives when STORE_URL is not set: CASEWATCH_DATA_DIR, else `data/` next
 * to the project (created on first use; git ignores it). Never the current directory, so the CLI
 * run from elsewhere reads the bot's store instead of starting an empty one.
 */
export const DEFAULT_DATA_DIR = `${PROJECT_DIR}/data`;
