import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const testDir = fileURLToPath(new URL('..', import.meta.url));

function testFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? testFiles(join(dir, e.name)) : e.name.endsWith('.test.ts') ? [join(dir, e.name)] : [],
  );
}

describe("tests that read the team's ../shared data", () => {
  it('each skips when it is absent and says why, once, at load time', () => {
    const readers = testFiles(testDir).filter((f) => /\.\.\/shared\//.test(readFileSync(f, 'utf8')));
    expect(readers.length).toBeGreaterThan(0);
    for (const file of readers) {
      const text = readFileSync(file, 'utf8');
      const says = /^if \(!\w+\)\s*console\.(log|warn)\(\s*`skip[^`]*`/m.test(text);
      expect({ file: file.slice(testDir.length), skips: /skipIf\(/.test(text), says }).toEqual({
        file: file.slice(testDir.length),
        skips: true,
        says: true,
      });
    }
  });
});
