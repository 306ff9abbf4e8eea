import { describe, expect, it } from 'vitest';
import { buildPersonRegistry } from '../../src/extract/people/people.ts';
import { extractQuotes } from '../../src/extract/quotes/quotes.ts';
import { segment } from '../../src/extract/segment.ts';

/** Which name is the subject of a reporting verb (invented sentences). */
const speakerOf = (text: string, words: string) => {
  const doc = segment({ text, title: '', published: '2024-03-01' });
  return extractQuotes(doc, buildPersonRegistry(doc)).find((q) => q.text.includes(words))?.speaker;
};

describe('the subject of the reporting verb, not a nearer name', () => {
  it('a subordinate clause brings its own subject ("X wept as the judge announced")', () => {
    expect(
      speakerOf(
        'Judge Edna Pruitt dismissed the case. Carl Voss, who had faced prison, wept as the judge announced, “There is no way to right this wrong.”',
        'no way to right',
      ),
    ).toBe('Edna Pruitt');
  });

  it('the client named in an apposition of the speakers is not the speaker', () => {
    expect(
      speakerOf(
        'Carl Voss was charged in May. Luke Nash and Alex Speer, attorneys representing Voss, told reporters in a statement, "Today\'s decision is the final vindication of our client."',
        'final vindication',
      ),
    ).toBe('Luke Nash');
  });

  it('a speaker named with the firm "of X Y LLP" and a long apposition before "said"', () => {
    const text =
      '“This case can be a model for future settlement cases,” Holly Marsh of Kirk Marsh LLP, a trial lawyer in Austin who advised the plaintiffs’ lawyers, said. “Future litigants can look to this award.”';
    expect(speakerOf(text, 'model for future')).toBe('Holly Marsh');
    expect(speakerOf(text, 'Future litigants')).toBe('Holly Marsh');
  });
});
