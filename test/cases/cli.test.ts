import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CliCommand } from '../../src/cli/types.ts';
import { createCaseStore } from '../../src/store/cases.ts';
import { openStore } from '../../src/store/index.ts';
import type { Store } from '../../src/store/types.ts';
import { runCli } from '../support/cli.ts';
import { definition, facts } from './helpers.ts';

const dir = mkdtempSync(join(tmpdir(), 'casewatch-cli-'));
let store: Store;

beforeAll(async () => {
  store = await openStore('memory://');
  await createCaseStore(store).put(definition);
});
afterAll(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

async function run(file: string, args: string[]) {
  const { command } = (await import(`../../src/cli/${file.replace(/\.ts$/, '')}.ts`)) as {
    command: CliCommand;
  };
  return runCli(command, args, store);
}

function writeArticle(name: string, body: object): string {
  const path = join(dir, name);
  writeFileSync(path, JSON.stringify(body));
  return path;
}

const LFS = 'Lucía Ferreira-Stone';

describe('casewatch ingest / status / timeline / quotes / people', () => {
  it('ingest prints one JSON line per alert: new, then update from a second outlet, nothing on a repeat', async () => {
    const charge = {
      type: 'charge' as const,
      who: LFS,
      date: '2024-03-04',
      summary: 'Ferreira-Stone charged with manslaughter',
      status: 'happened' as const,
    };
    const a = writeArticle('a.json', {
      url: 'https://alpha.example/1',
      title: 'Harbor Bridge: engineer charged',
      published: '2024-03-05',
      text: 'Lucía Ferreira-Stone was charged.',
      gold: facts({
        events: [
          charge,
          {
            type: 'hearing',
            who: LFS,
            date: '2024-04-02',
            status: 'scheduled',
            summary: 'Arraignment on April 2',
          },
        ],
        charges: [{ defendant: LFS, charge: 'manslaughter', status: 'pending' }],
        penalties: [{ defendant: LFS, max: 15, unit: 'years', current: true }],
        quotes: [{ speaker: LFS, text: 'I will fight these charges in court' }],
      }),
    });
    const b = writeArticle('b.json', {
      url: 'https://beta.example/2',
      title: 'Ferreira-Stone charged',
      published: '2024-03-06',
      text: 'Lucía Ferreira-Stone faces a manslaughter charge over the Harbor Bridge.',
      gold: facts({ events: [{ ...charge, summary: 'Prosecutors charged her' }] }),
    });
    const first = await run('ingest.ts', ['--facts', 'gold', a, b, a]);
    expect(first.code).toBe(0);
    const lines = first.out
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines.map((l) => [l.alert, l.type])).toEqual([
      ['new', 'charge'],
      ['new', 'hearing'],
      ['update', 'charge'],
    ]);
    expect(lines[2]).toEqual({
      alert: 'update',
      case: 'harbor',
      type: 'charge',
      who: LFS,
      date: '2024-03-04',
      summary: 'Ferreira-Stone charged with manslaughter',
      sources: ['https://alpha.example/1', 'https://beta.example/2'],
    });
  });

  it('ingest reports a bad file on stderr and goes on', async () => {
    const bad = writeArticle('bad.json', { url: 'https://x.example', published: 'yesterday', text: '' });
    const r = await run('ingest.ts', [bad]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/published.*YYYY-MM-DD/);
  });

  it('status --json has the contract fields; --as-of moves the next date', async () => {
    const r = await run('status.ts', ['harbor', '--as-of', '2024-03-06', '--json']);
    expect(r.code).toBe(0);
    const s = JSON.parse(r.out);
    expect(s).toMatchObject({
      case: 'harbor',
      asOf: '2024-03-06',
      defendants: {
        [LFS]: {
          // An arraignment date is reported: pretrial (corpus README, "stage").
          stage: 'pretrial',
          charges: [{ charge: 'manslaughter', status: 'pending' }],
          maxPenalty: { max: 15, unit: 'years' },
        },
      },
      next: { date: '2024-04-02', what: 'Arraignment on April 2' },
    });
    expect(s.latest[0]).toEqual({
      type: 'charge',
      date: '2024-03-04',
      summary: 'Ferreira-Stone charged with manslaughter',
      sources: ['https://alpha.example/1', 'https://beta.example/2'],
    });
    const later = JSON.parse((await run('status.ts', ['Harbor Bridge', '--as-of=2024-05-01', '--json'])).out);
    expect(later.next).toBeNull();
    const text = await run('status.ts', ['harbor', '--as-of', '2024-03-06']);
    expect(text.out).toContain(`${LFS}: pretrial`);
    expect(text.out).toContain('Next: 2024-04-02');
  });

  it('an unknown case is one clear line and exit code 1', async () => {
    const r = await run('status.ts', ['nosuchcase']);
    expect(r.code).toBe(1);
    expect(r.err.trim().split('\n')).toEqual(['status: unknown case "nosuchcase" (tracked: harbor)']);
    expect((await run('status.ts', ['harbor', '--as-of', '2024-13-45'])).code).toBe(2);
  });

  it('refuses unknown options, options without their value and extra arguments (exit 2, nothing printed)', async () => {
    for (const args of [
      ['harbor', '--bogus'],
      ['harbor', '--as-of'],
      ['harbor', '--as-of', '--json'],
      ['harbor', 'extra'],
      ['harbor', '--json=yes'],
      [],
    ]) {
      const r = await run('status.ts', args);
      expect({ args, code: r.code, out: r.out }).toEqual({ args, code: 2, out: '' });
      expect(r.err.split('\n')[1]).toBe('usage: casewatch status CASE [--as-of YYYY-MM-DD] [--json]');
    }
    expect((await run('status.ts', ['harbor', '--bogus'])).err).toMatch(
      /^casewatch status: unknown option --bogus\n/,
    );
    expect((await run('status.ts', ['harbor', '--as-of'])).err).toMatch(
      /^casewatch status: option --as-of .*needs a value/,
    );
    expect((await run('timeline.ts', ['harbor', '--person'])).code).toBe(2);
    expect((await run('people.ts', ['harbor', 'more'])).err).toMatch(/unexpected argument "more"/);
    expect((await run('ingest.ts', ['--facts'])).code).toBe(2);
  });

  it('timeline --person names nobody known: says so, with the closest names, exit 1', async () => {
    const r = await run('timeline.ts', ['harbor', '--person', 'Nobody']);
    expect(r.code).toBe(1);
    expect(r.out).toBe('');
    expect(r.err).toMatch(/^timeline: nobody called "Nobody" appears in Harbor Bridge collapse \(closest: /);
    const typo = await run('timeline.ts', ['harbor', '--person', 'Ferreira-Stoen']);
    expect(typo.err).toContain(`closest: ${LFS}`);
    const known = await run('timeline.ts', ['harbor', '--person', 'Ferreira-Stone']);
    expect(known.code).toBe(0);
    expect(known.out).toContain('Charge');
    const quotes = await run('quotes.ts', ['Ferreira', 'Stoen']);
    expect(quotes.code).toBe(1);
    expect(quotes.err).toContain(`closest: ${LFS}`);
  });

  it('timeline, quotes and people answer in JSON', async () => {
    const t = JSON.parse((await run('timeline.ts', ['harbor', '--json'])).out);
    expect(t.developments.map((d: { type: string }) => d.type)).toEqual(['charge', 'hearing']);
    const q = JSON.parse((await run('quotes.ts', ['Ferreira-Stone', '--json'])).out);
    expect(q.quotes).toEqual([
      {
        speaker: LFS,
        text: 'I will fight these charges in court',
        date: '2024-03-05',
        case: 'harbor',
        outlet: 'alpha.example',
        url: 'https://alpha.example/1',
        sources: [{ outlet: 'alpha.example', url: 'https://alpha.example/1' }],
      },
    ]);
    const p = JSON.parse((await run('people.ts', ['harbor', '--json'])).out);
    expect(p.people.find((x: { name: string }) => x.name === LFS)).toMatchObject({
      role: 'defendant',
      quotes: 1,
    });
  });
});
