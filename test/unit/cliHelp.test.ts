import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { command as caseCommand } from '../../src/cli/case.ts';
import { command as feedCommand } from '../../src/cli/feed.ts';
import { main } from '../../src/cli/main.ts';
import { createCaseStore } from '../../src/store/cases.ts';
import { openStore } from '../../src/store/index.ts';
import type { Store } from '../../src/store/types.ts';
import { runCli } from '../support/cli.ts';

function capture() {
  let text = '';
  const stream = new Writable({
    write(chunk, _enc, done) {
      text += String(chunk);
      done();
    },
  });
  return { stream, text: () => text };
}

async function cli(argv: string[]) {
  const out = capture();
  const err = capture();
  const code = await main(argv, { stdout: out.stream, stderr: err.stream });
  return { code, out: out.text(), err: err.text() };
}

const NAMES = [
  'start',
  'deploy-commands',
  'case',
  'feed',
  'extract',
  'eval',
  'ingest',
  'status',
  'timeline',
  'quotes',
  'people',
  'eval-status',
  'demo',
  'export',
  'import',
];

describe('casewatch help', () => {
  it('lists every form of every command with the summaries in one aligned column', async () => {
    const r = await cli(['help']);
    expect(r.code).toBe(0);
    const rows = r.out.split('\n').filter((l) => /^ {2}\S/.test(l));
    expect(rows.map((l) => l.split(' ')[2])).toEqual(NAMES);
    // The summaries start in one column, and each form of a command is indented to it.
    const column = new Set(rows.map((l) => /^ {2}\S+ +/.exec(l)?.[0].length));
    expect(column.size).toBe(1);
    const forms = r.out.split('\n').filter((l) => /^ {5,}\S/.test(l));
    expect(new Set(forms.map((l) => l.length - l.trimStart().length))).toEqual(column);
    const lines = r.out.split('\n');
    expect(lines.some((l) => l.includes('case update SLUG'))).toBe(true);
    expect(lines.some((l) => l.includes('feed pause URL'))).toBe(true);
  });

  it('`casewatch <command> --help` and `casewatch help <command>` print its usage and options, exit 0', async () => {
    for (const name of NAMES) {
      const r = await cli([name, '--help']);
      expect({ name, code: r.code, err: r.err }).toEqual({ name, code: 0, err: '' });
      expect(r.out).toMatch(new RegExp(`^casewatch ${name} — `));
      expect(r.out).toContain(`usage: casewatch ${name}`);
      expect((await cli(['help', name])).out).toBe(r.out);
    }
    expect((await cli(['status', '--help'])).out).toMatch(/--as-of YYYY-MM-DD\s+where the case stood/);
    const unknown = await cli(['nosuch']);
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain('unknown command "nosuch"');
  });
});

describe('casewatch case add / update', () => {
  let store: Store;
  const dir = mkdtempSync(join(tmpdir(), 'cw-case-cli-'));
  const file = (name: string, body: object) => {
    const path = join(dir, name);
    writeFileSync(path, JSON.stringify(body));
    return path;
  };
  beforeAll(async () => {
    store = await openStore('memory://');
  });
  afterAll(async () => store.close());
  const run = (args: string[]) => runCli(caseCommand, args, store);

  it('refuses a subcommand it does not have, even one named like a property of every object', async () => {
    for (const [command, sub] of [
      [caseCommand, 'toString'],
      [feedCommand, 'constructor'],
      [caseCommand, 'archive'],
    ] as const) {
      const r = await runCli(command, [sub], store);
      expect(r.code, `${command.name} ${sub}`).toBe(2);
      expect(r.err).toContain(`unknown subcommand "${sub}"`);
    }
  });

  it('refuses to add a slug that exists, leaving the case as it was', async () => {
    const first = file('a.json', { slug: 'quarry', name: 'Quarry fire', aliases: ['Millstone quarry'] });
    expect((await run(['add', first])).code).toBe(0);
    const again = file('b.json', { slug: 'quarry', name: 'Something else' });
    const r = await run(['add', again]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/^case add: a case "quarry" already exists \(Quarry fire\); nothing changed/);
    expect(await createCaseStore(store).get('quarry')).toMatchObject({
      name: 'Quarry fire',
      aliases: ['Millstone quarry'],
    });
  });

  it('case update says what changed, and only changes what it was given', async () => {
    const r = await run([
      'update',
      'quarry',
      '--aliases',
      'Millstone quarry, quarry blaze',
      '--name',
      'Quarry fire trial',
    ]);
    expect(r.code).toBe(0);
    expect(r.out).toBe(
      'updated quarry: name "Quarry fire" → "Quarry fire trial"; aliases added: quarry blaze\n',
    );
    const same = await run(['update', 'quarry', '--name', 'Quarry fire trial']);
    expect(same.out).toBe('quarry: nothing changed\n');
    const fromFile = await run([
      'update',
      'quarry',
      file('c.json', { slug: 'quarry', name: 'Quarry fire trial', defendants: ['Ada Brook'] }),
    ]);
    expect(fromFile.out).toBe(
      'updated quarry: aliases removed: Millstone quarry, quarry blaze; defendants added: Ada Brook\n',
    );
    expect((await run(['update', 'nosuch', '--name', 'x'])).code).toBe(1);
    expect((await run(['update', 'quarry'])).code).toBe(2);
    const other = await run(['update', 'quarry', file('d.json', { slug: 'other', name: 'Other' })]);
    expect(other.err).toContain('defines "other", not "quarry"');
    // A server's own case stays its own after the operator's edit.
    await createCaseStore(store).put({
      slug: 'mine',
      name: 'Mine',
      aliases: [],
      defendants: [],
      owner: '123456789012345678',
    });
    expect((await run(['update', 'mine', '--name', 'Still mine'])).code).toBe(0);
    expect((await createCaseStore(store).get('mine'))?.owner).toBe('123456789012345678');
  });
});
