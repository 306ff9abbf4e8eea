import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { command as evalCommand } from '../../src/cli/eval.ts';
import { command as evalStatusCommand } from '../../src/cli/evalStatus.ts';
import { command as extractCommand } from '../../src/cli/extract.ts';
import type { CliContext } from '../../src/cli/types.ts';

/** The CLI commands only write to stdout/stderr; the rest of the context stays unused. */
function context() {
  const out: string[] = [];
  const err: string[] = [];
  const sink = (into: string[]) =>
    new Writable({
      write(chunk, _enc, done) {
        into.push(String(chunk));
        done();
      },
    });
  const ctx = { stdout: sink(out), stderr: sink(err) } as unknown as CliContext;
  return { ctx, out: () => out.join(''), err: () => err.join('') };
}

describe('casewatch extract', () => {
  it('prints one JSON line per good file and a clear error for a bad one, exit 1', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'extract-'));
    const good = path.join(dir, 'good.json');
    writeFileSync(
      good,
      JSON.stringify({
        url: 'https://example.test/a',
        title: 'Clerk charged',
        published: '2024-04-02',
        text: 'County clerk Nora Quinn was charged with embezzlement on Monday. “I did nothing wrong at all,” Quinn said.',
      }),
    );
    const bad = path.join(dir, 'bad.json');
    writeFileSync(bad, '{ not json');
    const { ctx, out, err } = context();
    const code = await extractCommand.run([good, bad, path.join(dir, 'missing.json')], ctx);
    expect(code).toBe(1);
    const lines = out().trim().split('\n');
    expect(lines).toHaveLength(1);
    const facts = JSON.parse(lines[0] ?? '');
    expect(Object.keys(facts)).toEqual(['url', 'people', 'quotes', 'events', 'charges', 'penalties']);
    expect(facts.people).toContainEqual(expect.objectContaining({ name: 'Nora Quinn', role: 'defendant' }));
    expect(facts.quotes).toContainEqual(
      expect.objectContaining({ speaker: 'Nora Quinn', text: 'I did nothing wrong at all' }),
    );
    expect(err()).toMatch(/bad\.json: not valid JSON/);
    expect(err()).toMatch(/missing\.json/);
  });
});

describe('casewatch eval', () => {
  it('refuses a directory without a labelled corpus', async () => {
    const { ctx, err } = context();
    expect(await evalCommand.run([mkdtempSync(path.join(tmpdir(), 'empty-'))], ctx)).toBe(1);
    expect(err()).toMatch(/no labelled corpus/);
  });

  it('prints the table, or JSON with --json', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'corpus-'));
    const articles = path.join(dir, 'articles', 'c');
    (await import('node:fs')).mkdirSync(articles, { recursive: true });
    const gold = {
      people: [{ name: 'Nora Quinn', role: 'defendant' }],
      quotes: [],
      events: [],
      charges: [],
      penalties: [],
    };
    const text = 'County clerk Nora Quinn was charged with embezzlement on Monday.';
    writeFileSync(
      path.join(articles, 'a.json'),
      JSON.stringify({ url: 'u', title: 't', published: '2024-04-02', text, gold }),
    );
    const table = context();
    expect(await evalCommand.run([dir], table.ctx)).toBe(0);
    expect(table.out()).toMatch(/people\s+1\.000\s+1\.000\s+1\.000/);
    const json = context();
    expect(await evalCommand.run([dir, '--json'], json.ctx)).toBe(0);
    expect(JSON.parse(json.out()).people).toMatchObject({ tp: 1, fp: 0, fn: 0, roleAccuracy: 1 });
  });

  it("with no directory, scores the project's own held-out fixtures (present in every clone)", async () => {
    const r = context();
    expect(await evalCommand.run([], r.ctx)).toBe(0);
    expect(r.err()).toBe('');
    for (const c of ['larkin', 'quickstop', 'riverside']) expect(r.out()).toContain(c);
    const status = context();
    expect(await evalStatusCommand.run(['--facts', 'gold'], status.ctx)).toBe(0);
    expect(status.out()).toMatch(/status-field agreement \d/);
  });
});
