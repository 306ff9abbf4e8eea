import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const read = (path: string) => JSON.parse(readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8'));

describe('a clean install and test run print no warnings', () => {
  it('every dependency with an install script is explicitly allowed or denied (npm ci warns otherwise)', () => {
    const lock = read('package-lock.json') as { packages: Record<string, { hasInstallScript?: boolean }> };
    const policy = (read('package.json') as { allowScripts?: Record<string, boolean> }).allowScripts ?? {};
    const withScripts = Object.entries(lock.packages)
      .filter(([, p]) => p.hasInstallScript)
      .map(([path]) => path.replace(/^.*node_modules\//, ''));
    expect(withScripts.length).toBeGreaterThan(0);
    for (const name of withScripts)
      expect({ name, verdict: typeof policy[name] }).toEqual({ name, verdict: 'boolean' });
  });

  it("biome.json's schema is the installed Biome's (Biome warns at every run otherwise)", () => {
    const schema = (read('biome.json') as { $schema: string }).$schema;
    const installed = (read('node_modules/@biomejs/biome/package.json') as { version: string }).version;
    expect(schema).toBe(`https://biomejs.dev/schemas/${installed}/schema.json`);
  });
});
