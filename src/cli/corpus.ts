import { fileURLToPath } from 'node:url';

/**
 * The labelled corpus `eval` and `eval-status` score when given no directory: the project's own
 * held-out fixtures, present in every clone (the team's larger corpus is optional: pass its path).
 */
export const DEFAULT_CORPUS = fileURLToPath(new URL('../../test/fixtures/heldout', import.meta.url));
