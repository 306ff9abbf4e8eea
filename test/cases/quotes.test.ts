import { describe, expect, it } from 'vitest';
import { distinctQuotes, sameStatement } from '../../src/cases/quotes.ts';
import type { QuoteRecord } from '../../src/cases/types.ts';

/** One statement said once across outlets (issue 12, item 2), on quotes we wrote. */

const q = (text: string, outlet: string, published: string, person: string | null = 'dale'): QuoteRecord => ({
  person,
  speaker: person ? 'Marcus Dale' : null,
  text,
  url: `https://${outlet}/${published}`,
  outlet,
  published,
});

describe('quotes said once', () => {
  const whole = 'We checked every cable on that bridge twice, and nobody ever told us it was failing.';

  it('one statement carried whole, trimmed, cut with an ellipsis and split by an attribution is one entry with every outlet', () => {
    const shown = distinctQuotes([
      q(whole, 'a.example', '2025-03-02'),
      q('We checked every cable on that bridge twice', 'b.example', '2025-03-03'),
      q('We checked every cable … nobody ever told us it was failing.', 'c.example', '2025-03-03'),
      q('and nobody ever told us it was failing', 'd.example', '2025-03-04'),
      q(
        'We checked every cable on that bridge twice, and nobody ever told us it was failing',
        'e.example',
        '2025-03-05',
      ),
    ]);
    expect(shown).toHaveLength(1);
    expect(shown[0]?.text).toBe(whole);
    expect(shown[0]?.published).toBe('2025-03-02');
    expect(shown[0]?.sources.map((s) => s.outlet).sort()).toEqual([
      'a.example',
      'b.example',
      'c.example',
      'd.example',
      'e.example',
    ]);
  });

  it('two statements sharing a phrase, a short common phrase, or two speakers stay apart', () => {
    const shown = distinctQuotes([
      q(whole, 'a.example', '2025-03-02'),
      q(
        'Nobody ever told us it was failing, and I will say so in court next month.',
        'b.example',
        '2025-06-01',
      ),
      q('every cable', 'c.example', '2025-03-03'),
      q(whole, 'd.example', '2025-03-02', 'ferreira'),
    ]);
    expect(shown).toHaveLength(4);
    expect(
      sameStatement('I did nothing wrong at all', 'I did nothing wrong at all, and the record shows it'),
    ).toBe(true);
    expect(sameStatement('The inspection was done', 'The inspection was never done')).toBe(false);
  });
});
