import { describe, expect, it } from 'vitest';
import { extractFacts } from '../../src/extract/index.ts';
import type { CaseEvent } from '../../src/facts.ts';

/**
 * Events as the whole extractor finds them (real segmentation and person registry), on made-up
 * articles written in the grammar of wire copy. Thursday 2023-03-09 unless a test says otherwise.
 */
function events(text: string, published = '2023-03-09', title = ''): string[] {
  return extractFacts({ title, published, text }).events.map(brief).sort();
}

function brief(e: CaseEvent): string {
  return `${e.type} ${e.who ?? '-'} ${e.date ?? 'null'} ${e.status}${e.new ? '' : ' (old)'}`;
}

describe("the article's news day", () => {
  it('an undated act told as the news happened on the published day (a dateline dates the story)', () => {
    expect(
      events('SPRINGFIELD, Ill. (AP) — A jury found Jane Roe guilty of arson. Roe was arrested in 2021.'),
    ).toEqual(['arrest Jane Roe null happened (old)', 'verdict Jane Roe 2023-03-09 happened']);
  });
  it('the day word of the lede dates the undated acts told after it', () => {
    expect(
      events(
        'A judge on Tuesday threw out the case against John Doe.\nThe judge also revoked the bond of John Doe, who had been free since his arrest.',
      ),
    ).toEqual(['bail John Doe 2023-03-07 happened', 'dismissal John Doe 2023-03-07 happened']);
  });
  it('background stays undated', () => {
    expect(
      events('John Doe was sentenced Monday to five years. He had previously pleaded guilty to fraud.'),
    ).toEqual(['plea John Doe null happened (old)', 'sentence John Doe 2023-03-06 happened']);
  });
});

describe('clause structure decides the type and the tense', () => {
  it('"X, charged with ..., has maintained" describes the defendant; it reports no charge', () => {
    expect(events('Jane Roe, charged with arson in the fire, has maintained her innocence.')).toEqual([]);
  });
  it('"ruled Monday that the defense will not be allowed" happened Monday', () => {
    expect(
      events(
        'Judge Maria Vance ruled Monday that John Doe, who is charged with fraud, will not be allowed to call the expert.',
      ),
    ).toEqual(['ruling John Doe 2023-03-06 happened']);
  });
  it('words "said during closing arguments" date a speech, not a trial step', () => {
    expect(
      events('"He lied to everyone in this room," prosecutor Amy Hill said during closing arguments.'),
    ).toEqual([]);
  });
  it('prosecutors who drop their appeal withdraw an appeal, they drop no charge', () => {
    expect(
      events('Prosecutors on Monday dropped their appeal to reinstate the charges against John Doe.'),
    ).toEqual(['appeal John Doe 2023-03-06 happened']);
  });
  it('a late-stage story recalls the undated charge and plea', () => {
    expect(
      events(
        'A jury on Wednesday convicted Jane Roe of arson. Roe was charged after the fire and pleaded not guilty.',
      ),
    ).toEqual([
      'charge Jane Roe null happened (old)',
      'plea Jane Roe null happened (old)',
      'verdict Jane Roe 2023-03-08 happened',
    ]);
  });
});
