import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Per-case floors for the scores on the team's labelled corpus (../shared/corpus): each case's
 * figure may only rise. A change that lowers one case fails even when the totals improve, so a
 * rule fitted to one case cannot hide a regression in another.
 *
 * After an improvement, raise the floors with
 *   UPDATE_FLOORS=1 npx vitest run test/extract/corpusFloors.test.ts test/cases/corpusStatus.test.ts
 * which writes max(old floor, new figure rounded down to 0.01) and never lowers one.
 */

const file = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../corpusFloors.json');

type Section = Record<string, Record<string, number>>;
type Floors = Record<string, Section>;

function read(): Floors {
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Floors) : {};
}

/** Which measured figures fell below their floor (one line each); new cases and measures get floors. */
export function checkFloors(
  section: string,
  measured: Record<string, Record<string, number | undefined>>,
): string[] {
  const floors = read();
  const old = floors[section] ?? {};
  const failures: string[] = [];
  const next: Section = {};
  for (const [name, values] of Object.entries(measured)) {
    next[name] = { ...(old[name] ?? {}) };
    for (const measure of Object.keys(old[name] ?? {}))
      if (values[measure] === undefined) failures.push(`${name} ${measure}: not measured any more`);
    for (const [measure, value] of Object.entries(values)) {
      if (value === undefined) continue;
      const floor = old[name]?.[measure];
      if (floor !== undefined && value < floor - 1e-9)
        failures.push(`${name} ${measure}: ${value.toFixed(3)} < floor ${floor.toFixed(2)}`);
      const rounded = Math.floor(value * 100 + 1e-9) / 100;
      next[name][measure] = Math.max(floor ?? 0, rounded);
    }
  }
  if (process.env.UPDATE_FLOORS === '1') {
    floors[section] = { ...old, ...next };
    writeFileSync(file, `${JSON.stringify(floors, null, 2)}\n`);
  }
  return failures;
}
