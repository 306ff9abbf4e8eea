import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../src/eval/extraction.ts';
import type { Facts } from '../../src/facts.ts';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const teamScorer = path.resolve(repoRoot, '../shared/eval/score.mjs');
const present = existsSync(teamScorer);
if (!present)
  console.log(`skipping the scorer agreement: no team scorer at ${teamScorer} (the team's, optional)`);

const person = (name: string, role: string, note?: string) => ({ name, role, ...(note ? { note } : {}) });
const quote = (speaker: string | null, text: string, org = false) => ({
  speaker,
  text,
  ...(org ? { org } : {}),
});
const event = (type: string, who: string | null, date: string | null, note?: string) => ({
  type,
  who,
  date,
  status: 'happened',
  summary: type,
  new: true,
  ...(note ? { note } : {}),
});

/** Own invented labels and predictions covering each matching rule of the scorer. */
const gold = {
  people: [
    person('Nora Quinn', 'defendant'),
    person('Eli Park', 'judge', 'borderline: maybe'),
    person('Ada Cole', 'victim'),
  ],
  quotes: [
    quote('Nora Quinn', 'I did nothing wrong and I will prove it'),
    quote('Eli Park', 'The motion is denied for the reasons stated'),
    quote(null, 'We have no comment on the matter today'),
    quote('the county', 'The office followed every rule on the books', true),
    quote('Ada Cole', 'too short'),
  ],
  events: [
    event('charge', 'Nora Quinn', '2024-03'),
    event('hearing', 'Nora Quinn', '2024-04-09'),
    event('plea', null, null),
    event('trial', 'Nora Quinn', null, 'borderline: scheduled?'),
  ],
  charges: [
    { defendant: 'Nora Quinn', charge: 'first-degree theft', status: 'pending' },
    { defendant: 'Nora Quinn', charge: 'official misconduct', status: 'pending' },
  ],
  penalties: [{ defendant: 'Nora Quinn', max: 2, unit: 'years', current: true }],
};
const pred: Facts = {
  people: [
    { name: 'Nora Quinn', role: 'defendant' },
    { name: 'Eli Park', role: 'other' },
    { name: 'Ada Cole', role: 'witness' },
    { name: 'Zed Moss', role: 'other' },
  ],
  quotes: [
    { speaker: 'Quinn', text: 'I did nothing wrong and I will prove it.' },
    { speaker: 'Ada Cole', text: 'The motion is denied for the reasons stated' },
    { speaker: 'Eli Park', text: 'We have no comment on the matter today' },
    { speaker: 'the county', org: true, text: 'The office followed every rule on the books' },
    { speaker: 'Nora Quinn', text: 'An invented line nobody ever said aloud' },
  ],
  events: [
    { type: 'charge', who: 'Nora Quinn', date: '2024-03-02', status: 'happened', summary: 's', new: true },
    { type: 'hearing', who: 'Quinn', date: '2024-04-10', status: 'happened', summary: 's', new: true },
    { type: 'plea', who: 'Nora Quinn', date: '2024-05-01', status: 'happened', summary: 's', new: true },
    { type: 'trial', who: 'Nora Quinn', date: null, status: 'scheduled', summary: 's', new: true },
    { type: 'verdict', who: 'Nora Quinn', date: null, status: 'happened', summary: 's', new: true },
  ],
  charges: [
    { defendant: 'Nora Quinn', charge: 'third-degree theft', status: 'pending' },
    { defendant: 'Quinn', charge: 'misconduct', status: 'convicted' },
  ],
  penalties: [{ defendant: 'Nora Quinn', max: 24, unit: 'months', current: false }],
};

describe.skipIf(!present)("the project's scorer agrees with the team's", () => {
  it('gives the same figures on a corpus exercising every matching rule', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'agree-'));
    mkdirSync(path.join(dir, 'articles', 'c'), { recursive: true });
    const article = { url: 'u:1', title: 't', published: '2024-05-02', text: 'x', gold };
    writeFileSync(path.join(dir, 'articles', 'c', 'a.json'), JSON.stringify(article));
    // the team's scorer runs a command on the article files; this one prints the fixed predictions
    const printer = path.join(dir, 'print.mjs');
    writeFileSync(printer, `console.log(${JSON.stringify(JSON.stringify({ url: 'u:1', ...pred }))});\n`);
    const out = execFileSync('node', [teamScorer, '--corpus', dir, '--cmd', `node ${printer}`, '--json'], {
      encoding: 'utf8',
    });
    const team = JSON.parse(out.trim().split('\n').pop() ?? '{}');
    const ours = evaluate(dir, () => pred);
    const pairs: Array<[string, number, number]> = [
      ['people F1', ours.people.f1, team.people.f1],
      ['roles', ours.people.roleAccuracy, team.roleAccuracy],
      ['quotes F1', ours.quotes.f1, team.quoteDetection.f1],
      ['attribution P', ours.quotes.attributionPrecision, team.quoteAttribution.p],
      ['attribution R', ours.quotes.attributionRecall, team.quoteAttribution.r],
      ['events F1', ours.events.f1, team.events.f1],
      ['events any date F1', ours.events.anyDate.f1, team.eventsUndated.f1],
      ['event dates', ours.events.dateAccuracy, team.eventDateExact],
      ['charges F1', ours.charges.f1, team.charges.f1],
      ['charge status', ours.charges.statusAccuracy, team.chargeStatusAccuracy],
      ['penalties F1', ours.penalties.f1, team.penalties.f1],
    ];
    for (const [name, a, b] of pairs) expect(`${name} ${a.toFixed(4)}`).toBe(`${name} ${b.toFixed(4)}`);
    // and the figures are not trivial: the rules above were exercised both ways
    expect(ours.people).toMatchObject({ tp: 2, fp: 1, fn: 0 });
    expect(ours.quotes.attributionPrecision).toBeCloseTo(1 / 4);
    expect(ours.events).toMatchObject({ tp: 2, fp: 2 });
    expect(ours.charges).toMatchObject({ tp: 1, fp: 1, fn: 1 });
  });
});
