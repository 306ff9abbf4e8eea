import { describe, expect, it } from 'vitest';
import type { CaseStatus, DevelopmentView, QuoteRecord } from '../../src/cases/types.ts';
import { alertEmbed } from '../../src/format/alertEmbed.ts';
import { escapeMarkdown, type MessagePayload } from '../../src/format/payload.ts';
import { peopleEmbed } from '../../src/format/peopleEmbed.ts';
import { quotesPage } from '../../src/format/quotesPage.ts';
import { statusEmbed } from '../../src/format/statusEmbed.ts';
import { timelinePage } from '../../src/format/timelinePage.ts';

const huge = (n: number) => 'word '.repeat(n / 5);

function dev(i: number, summary = huge(5000)): DevelopmentView {
  return {
    id: `d${i}`,
    type: 'motion',
    status: 'happened',
    date: '2024-03-04',
    who: `Person ${huge(400)}`,
    summary,
    sources: Array.from({ length: 60 }, (_, j) => ({
      outlet: `outlet${j}.example`,
      url: `https://outlet${j}.example/${huge(50).replace(/ /g, '-')}`,
      published: '2024-03-05',
    })),
  };
}

/** Every limit Discord enforces on an embed. */
function expectWithinLimits(p: MessagePayload) {
  expect(p.allowedMentions.parse).toEqual([]);
  for (const e of p.embeds) {
    expect(e.title?.length ?? 0).toBeLessThanOrEqual(256);
    expect(e.description?.length ?? 0).toBeLessThanOrEqual(4096);
    expect(e.fields.length).toBeLessThanOrEqual(25);
    let total = (e.title?.length ?? 0) + (e.description?.length ?? 0) + (e.footer?.text.length ?? 0);
    for (const f of e.fields) {
      expect(f.name.length).toBeGreaterThan(0);
      expect(f.name.length).toBeLessThanOrEqual(256);
      expect(f.value.length).toBeGreaterThan(0);
      expect(f.value.length).toBeLessThanOrEqual(1024);
      total += f.name.length + f.value.length;
    }
    expect(total).toBeLessThanOrEqual(6000);
  }
}

describe('formatters stay within Discord limits', () => {
  it('alert with a huge summary, name and 60 sources', () => {
    const p = alertEmbed(dev(1), { slug: 'x', name: huge(3000) });
    expectWithinLimits(p);
    expect(p.embeds[0]?.description?.endsWith('…')).toBe(true);
    expect(p.embeds[0]?.fields.find((f) => f.name.startsWith('Sources'))?.value).toMatch(/\+\d+ more$/);
  });

  it('status with 40 defendants and many charges', () => {
    const defendants: CaseStatus['defendants'] = {};
    for (let i = 0; i < 40; i++) {
      defendants[`Defendant ${i} ${huge(300)}`] = {
        stage: 'pretrial',
        charges: Array.from({ length: 30 }, (_, j) => ({
          charge: `charge ${j} ${huge(100)}`,
          status: 'pending' as const,
        })),
        maxPenalty: { max: 5, unit: 'years' },
      };
    }
    const status: CaseStatus = {
      case: 'x',
      name: huge(1000),
      asOf: '2024-03-05',
      defendants,
      next: { date: '2024-04-01', what: huge(9000) },
      latest: [dev(1), dev(2), dev(3)],
    };
    expectWithinLimits(statusEmbed(status));
  });

  it('timeline, quotes and people pages with huge inputs', () => {
    const page = timelinePage(
      Array.from({ length: 100 }, (_, i) => dev(i)),
      3,
      5,
    );
    expectWithinLimits(page.payload);
    expect([page.page, page.pages]).toEqual([3, 20]);
    expect(timelinePage([], 7).payload.embeds[0]?.description).toMatch(/No developments/);
    const quotes: QuoteRecord[] = Array.from({ length: 30 }, (_, i) => ({
      person: 'p',
      speaker: 'Someone',
      text: `${i} ${huge(3000)}`,
      url: 'https://q.example/',
      outlet: 'q.example',
      published: `2024-01-${String((i % 28) + 1).padStart(2, '0')}`,
    }));
    const q = quotesPage(quotes, 0, 10);
    expectWithinLimits(q.payload);
    // Newest first.
    expect(q.payload.embeds[0]?.fields[0]?.name).toContain('2024-01-28');
    expectWithinLimits(
      peopleEmbed(
        Array.from({ length: 500 }, (_, i) => ({
          name: `Person ${i} ${huge(100)}`,
          role: 'witness',
          quotes: i,
        })),
      ),
    );
  });
});

describe('escapeMarkdown', () => {
  it('neutralises spoofed links, mentions and formatting', () => {
    const out = escapeMarkdown('[Official statement](http://evil.example) <@&123> @everyone **bold** `code`');
    expect(out).not.toMatch(/(?<!\\)\[Official statement(?<!\\)\]\(/);
    expect(out).toContain('\\[Official statement\\]\\(');
    expect(out).not.toContain('@everyone');
    expect(out).toContain('\\*\\*bold\\*\\*');
  });
});
