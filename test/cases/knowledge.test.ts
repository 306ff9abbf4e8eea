import { describe, expect, it } from 'vitest';
import { emptyKnowledge, mergeArticle } from '../../src/cases/merge.ts';
import { caseStatus } from '../../src/cases/status.ts';
import { timeline } from '../../src/cases/views.ts';
import { article, definition, facts } from './helpers.ts';

const LFS = 'Lucía Ferreira-Stone';

function merged(items: Array<[ReturnType<typeof article>, ReturnType<typeof facts>]>) {
  const k = emptyKnowledge('harbor');
  const results = items.map(([a, f]) => mergeArticle(k, definition, a, f, { history: false }));
  return { k, results };
}

describe('case knowledge', () => {
  it('resolves name variants across articles to one person with the defendant role', () => {
    const { k } = merged([
      [
        article('https://a.example/1', '2024-03-01'),
        facts({ people: [{ name: 'Lucia Ferreira Stone', role: 'other' }] }),
      ],
      [
        article('https://b.example/2', '2024-03-02'),
        facts({ people: [{ name: 'Ferreira-Stone', role: 'defendant' }] }),
      ],
      [
        article('https://c.example/3', '2024-03-03'),
        facts({
          people: [
            { name: 'Lucía Ferreira', role: 'defendant' },
            { name: 'Ana Ferreira', role: 'family' },
          ],
        }),
      ],
    ]);
    const lucia = k.people.filter((p) => p.name === LFS);
    expect(lucia).toHaveLength(1);
    expect(lucia[0]?.role).toBe('defendant');
    expect(lucia[0]?.aliases).toEqual(
      expect.arrayContaining(['Lucia Ferreira Stone', 'Ferreira-Stone', 'Lucía Ferreira']),
    );
    // A relative sharing the surname is someone else.
    expect(k.people.find((p) => p.name === 'Ana Ferreira')?.role).toBe('family');
  });

  it("an outlet's misspelling of a defendant's name is the defendant; a brother with the surname is not", () => {
    const { k } = merged([
      [
        article('https://a.example/1', '2024-03-01'),
        facts({
          people: [
            { name: 'Marcus Dael', role: 'defendant' },
            { name: 'Markus Dale', role: 'defendant' },
            { name: 'Martin Dale', role: 'family' },
          ],
        }),
      ],
    ]);
    const dale = k.people.filter((p) => p.defendant);
    expect(dale.find((p) => p.name === 'Marcus Dale')?.aliases).toEqual(
      expect.arrayContaining(['Marcus Dael', 'Markus Dale']),
    );
    expect(k.people.find((p) => p.name === 'Martin Dale')?.role).toBe('family');
    expect(k.people.filter((p) => p.role === 'defendant').map((p) => p.name)).toEqual(
      expect.arrayContaining(['Marcus Dale']),
    );
    expect(k.people.some((p) => p.name === 'Marcus Dael' || p.name === 'Markus Dale')).toBe(false);
  });

  it('learns a descriptor ("the engineer") from a labelled summary and resolves it later', () => {
    const { k } = merged([
      [
        article('https://a.example/1', '2024-03-01'),
        facts({
          people: [{ name: 'Marcus Dale', role: 'defendant' }],
          events: [
            {
              type: 'arrest',
              who: 'Marcus Dale',
              summary: 'Chief engineer Marcus Dale arrested',
              date: '2024-03-01',
            },
          ],
        }),
      ],
    ]);
    expect(k.people.find((p) => p.name === 'Marcus Dale')?.aliases).toContain('the chief engineer');
    expect(timeline(k, { person: 'the chief engineer' }).map((d) => d.type)).toEqual(['arrest']);
  });

  it("takes a person's descriptors from the facts and reads no sentence when they are given", () => {
    const { k } = merged([
      [
        article('https://a.example/1', '2024-03-01'),
        facts({
          people: [{ name: 'Marcus Dale', role: 'defendant', descriptors: ['site foreman'] }],
          events: [{ type: 'arrest', who: 'Marcus Dale', summary: 'Chief engineer Marcus Dale arrested' }],
        }),
      ],
    ]);
    const dale = k.people.find((p) => p.name === 'Marcus Dale');
    expect(dale?.aliases).toContain('the site foreman');
    expect(dale?.aliases).not.toContain('the chief engineer');
  });

  it('merges one development reported by several outlets, with every source, alerting once', () => {
    const charge = {
      type: 'charge' as const,
      who: LFS,
      date: '2024-03-04',
      summary: 'Ferreira-Stone charged with manslaughter',
    };
    const { k, results } = merged([
      [article('https://a.example/1', '2024-03-05', 'Alpha News'), facts({ events: [charge] })],
      [
        article('https://b.example/2', '2024-03-06'),
        facts({ events: [{ ...charge, date: '2024-03-05', summary: 'Prosecutors charged Ferreira-Stone' }] }),
      ],
      [
        article('https://c.example/3', '2024-05-01'),
        facts({ events: [{ ...charge, date: '2024-03', new: false }] }),
      ],
    ]);
    const devs = timeline(k);
    expect(devs).toHaveLength(1);
    expect(devs[0]?.sources.map((s) => s.outlet)).toEqual(['Alpha News', 'b.example', 'c.example']);
    expect(devs[0]?.date).toBe('2024-03-04');
    expect(results.map((r) => r.decisions.map((d) => d.kind))).toEqual([['new'], ['update'], []]);
  });

  it('keeps two events of one article apart and does not merge distant dates', () => {
    const { k } = merged([
      [
        article('https://a.example/1', '2024-03-05'),
        facts({
          events: [
            { type: 'hearing', who: LFS, date: '2024-03-04' },
            { type: 'hearing', who: LFS, date: '2024-03-05' },
          ],
        }),
      ],
      [
        article('https://b.example/2', '2024-06-01'),
        facts({ events: [{ type: 'hearing', who: LFS, date: '2024-05-30' }] }),
      ],
    ]);
    expect(timeline(k)).toHaveLength(3);
  });

  it('a background mention adds a source but is not news', () => {
    const { results } = merged([
      [
        article('https://a.example/1', '2024-03-05'),
        facts({ events: [{ type: 'arrest', who: 'Marcus Dale', date: '2024-01-10', new: false }] }),
      ],
    ]);
    expect(results[0]?.decisions).toEqual([]);
  });

  it('is idempotent: the same URL again (even refetched with a tracking parameter) changes nothing', () => {
    const f = facts({ events: [{ type: 'arrest', who: 'Marcus Dale', date: '2024-03-04' }] });
    const { k, results } = merged([
      [article('https://a.example/1', '2024-03-05'), f],
      [article('https://a.example/1?utm_source=rss#top', '2024-03-05'), f],
    ]);
    expect(results[1]).toEqual({ changed: false, decisions: [], quotes: [] });
    expect(k.version).toBe(1);
    expect(timeline(k)[0]?.sources).toHaveLength(1);
  });
});

describe('caseStatus', () => {
  const timelineFacts: Array<[ReturnType<typeof article>, ReturnType<typeof facts>]> = [
    [
      article('https://a.example/1', '2024-03-01'),
      facts({
        events: [
          {
            type: 'investigation',
            who: LFS,
            date: '2024-02-28',
            summary: 'Police questioned Ferreira-Stone',
          },
        ],
      }),
    ],
    [
      article('https://a.example/2', '2024-03-10'),
      facts({
        events: [
          { type: 'charge', who: LFS, date: '2024-03-09' },
          {
            type: 'hearing',
            who: LFS,
            date: '2024-04-02',
            status: 'scheduled',
            summary: 'Arraignment set for April 2',
          },
        ],
        charges: [
          { defendant: LFS, charge: 'involuntary manslaughter', status: 'pending' },
          { defendant: LFS, charge: 'gun enhancement', status: 'pending' },
        ],
        penalties: [
          { defendant: LFS, max: 18, unit: 'months', current: true },
          { defendant: LFS, max: 5, unit: 'years', current: true },
        ],
      }),
    ],
    [
      article('https://b.example/3', '2024-04-03'),
      facts({
        events: [
          {
            type: 'plea',
            who: 'Ferreira Stone',
            date: '2024-04-02',
            summary: 'She pleaded not guilty at her arraignment',
          },
          { type: 'charge_dropped', who: LFS, date: '2024-04-02', summary: 'Firearm enhancement dropped' },
          {
            type: 'trial',
            who: LFS,
            date: '2024-09-10',
            status: 'scheduled',
            summary: 'Trial set for September 10',
          },
        ],
        charges: [
          { defendant: 'Ferreira-Stone', charge: 'Involuntary Manslaughter', status: 'pending' },
          { defendant: 'Ferreira-Stone', charge: 'firearm enhancement', status: 'dropped' },
        ],
        penalties: [
          { defendant: 'Ferreira-Stone', max: 18, unit: 'months', current: true },
          { defendant: 'Ferreira-Stone', max: 5, unit: 'years', current: false },
        ],
      }),
    ],
    [
      article('https://c.example/4', '2024-09-20'),
      facts({
        events: [{ type: 'verdict', who: LFS, date: '2024-09-19', summary: 'Jury found her guilty' }],
        charges: [{ defendant: LFS, charge: 'involuntary manslaughter', status: 'convicted' }],
      }),
    ],
    [
      article('https://c.example/5', '2024-11-02'),
      facts({
        events: [{ type: 'sentence', who: LFS, date: '2024-11-01', summary: 'Sentenced to 18 months' }],
      }),
    ],
  ];
  const { k } = merged(timelineFacts);
  const at = (asOf: string) => caseStatus(k, asOf).defendants[LFS];

  it('walks the stages as the developments arrive', () => {
    expect(at('2024-03-01')?.stage).toBe('investigation');
    // Charged, with an arraignment date already reported: pretrial (corpus README, "stage").
    expect(at('2024-03-10')?.stage).toBe('pretrial');
    expect(at('2024-04-03')?.stage).toBe('pretrial');
    expect(at('2024-09-20')?.stage).toBe('verdict');
    expect(at('2024-11-02')?.stage).toBe('sentenced');
  });

  it('canonicalises charge names and keeps the newest status', () => {
    expect(at('2024-04-03')?.charges).toEqual([
      { charge: 'involuntary manslaughter', status: 'pending' },
      { charge: 'firearm enhancement', status: 'dropped' },
    ]);
    expect(at('2024-09-20')?.charges[0]).toEqual({ charge: 'involuntary manslaughter', status: 'convicted' });
  });

  it('takes the newest current penalty, the largest of an article, and none once sentenced', () => {
    expect(at('2024-03-10')?.maxPenalty).toEqual({ max: 5, unit: 'years' });
    expect(at('2024-04-03')?.maxPenalty).toEqual({ max: 18, unit: 'months' });
    expect(at('2024-09-20')?.maxPenalty).toEqual({ max: 18, unit: 'months' });
    expect(at('2024-11-02')?.maxPenalty).toBeNull();
  });

  it('gives the next scheduled date on or after the day, skipping what already happened', () => {
    expect(caseStatus(k, '2024-03-10').next).toEqual({
      date: '2024-04-02',
      what: 'Arraignment set for April 2',
    });
    // The arraignment took place (a plea that day): the trial is next.
    expect(caseStatus(k, '2024-04-02').next?.date).toBe('2024-04-02');
    expect(caseStatus(k, '2024-04-03').next?.date).toBe('2024-09-10');
    expect(caseStatus(k, '2024-09-20').next).toBeNull();
  });

  it('shows a defendant only once an article names them, and lists latest developments with sources', () => {
    const s = caseStatus(k, '2024-04-03');
    expect(Object.keys(s.defendants)).toEqual([LFS]);
    expect(s.latest[0]?.sources[0]?.url).toBe('https://b.example/3');
  });

  it('among the latest, an undated appearance is folded into the act the same article dates; the timeline keeps it', () => {
    const marcus = { name: 'Marcus Dale', role: 'defendant' as const };
    const { k } = merged([
      [
        article('https://a.example/plea', '2024-05-06', 'a.example'),
        facts({
          people: [marcus],
          events: [
            {
              type: 'plea',
              who: 'Marcus Dale',
              date: '2024-05-03',
              summary: 'Dale entered a plea of not guilty on Friday',
            },
            { type: 'hearing', who: 'Marcus Dale', summary: 'Dale stood before the judge with his lawyer' },
          ],
        }),
      ],
      [
        article('https://b.example/bail', '2024-05-20', 'b.example'),
        facts({
          people: [marcus],
          // An undated hearing with no dated act beside it stays among the latest.
          events: [{ type: 'hearing', who: 'Marcus Dale', summary: 'Dale was back before the court' }],
        }),
      ],
    ]);
    const s = caseStatus(k, '2024-05-21');
    const shown = s.latest.map((d) => `${d.type} ${d.sources.map((x) => x.url).join(' ')}`);
    expect(shown).toContain('hearing https://b.example/bail');
    expect(shown).toContain('plea https://a.example/plea');
    expect(shown).not.toContain('hearing https://a.example/plea');
    expect(timeline(k).filter((d) => d.type === 'hearing')).toHaveLength(2);
  });
});
