import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * No article text in the repository: the team's corpus is read at run time, never copied, and test
 * sentences are our own. A run of SHINGLE words shared with an article of ../shared/corpus (its title
 * or text) in a file of the repository is a copy, names changed or not; an offence's statutory name
 * the labels use ("murder in the first degree in furtherance of an act of terrorism") is law, not an
 * article's wording, and does not count. Twelve words: shorter runs are the common wording of legal
 * news ("was sentenced to life in prison without the possibility of parole").
 */
const SHINGLE = 12;
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const articles = path.resolve(repoRoot, '../shared/corpus/articles');
const present = existsSync(articles);
if (!present) console.log(`skipping the copied-text check: no corpus at ${articles} (the team's, optional)`);

const words = (text: string) => text.toLowerCase().match(/[a-z0-9]+/g) ?? [];

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === 'node_modules' || e.name.startsWith('.') ? [] : filesUnder(full);
    return /\.(ts|mts|mjs|js|json|md|xml|html|txt)$/.test(e.name) ? [full] : [];
  });
}

describe.skipIf(!present)('no text of the corpus articles in the repository', () => {
  it(`shares no run of ${SHINGLE} words with an article, outside the offences' names`, () => {
    const shingles = new Map<string, string>();
    const offences: string[] = [];
    for (const caseDir of readdirSync(articles)) {
      for (const file of readdirSync(path.join(articles, caseDir))) {
        const article = JSON.parse(readFileSync(path.join(articles, caseDir, file), 'utf8')) as {
          title?: string;
          text?: string;
          gold?: { charges?: Array<{ charge?: string }> };
        };
        for (const c of article.gold?.charges ?? [])
          if (c.charge) offences.push(` ${words(c.charge).join(' ')} `);
        for (const part of [article.title ?? '', article.text ?? '']) {
          const w = words(part);
          for (let i = 0; i + SHINGLE <= w.length; i++)
            shingles.set(w.slice(i, i + SHINGLE).join(' '), `${caseDir}/${file}`);
        }
      }
    }
    const isOffence = (run: string) => offences.some((o) => o.includes(` ${run} `));
    const copies: string[] = [];
    const roots = ['src', 'test', 'commands', 'config', 'README.md'].map((r) => path.join(repoRoot, r));
    for (const root of roots.filter((r) => existsSync(r))) {
      for (const file of statSync(root).isDirectory() ? filesUnder(root) : [root]) {
        readFileSync(file, 'utf8')
          .split('\n')
          .forEach((line, n) => {
            const w = words(line);
            for (let i = 0; i + SHINGLE <= w.length; i++) {
              const run = w.slice(i, i + SHINGLE).join(' ');
              const from = shingles.get(run);
              if (from && !isOffence(run)) {
                copies.push(`${path.relative(repoRoot, file)}:${n + 1} shares "${run}" with ${from}`);
                break;
              }
            }
          });
      }
    }
    expect(shingles.size).toBeGreaterThan(10_000);
    expect(copies).toEqual([]);
  });
});
