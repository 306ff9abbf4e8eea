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
        'Judge Edna Pruitt threw out the charges. Carl Voss, who had expected a long term, sobbed as the judge declared, “The state has not made its case here.”',
        'not made its case',
      ),
    ).toBe('Edna Pruitt');
  });

  it('the client named in an apposition of the speakers is not the speaker', () => {
    expect(
      speakerOf(
        'Carl Voss was charged in May. Luke Nash and Alex Speer, attorneys representing Voss, told reporters in a statement, "Our client is glad this chapter is closed."',
        'chapter is closed',
      ),
    ).toBe('Luke Nash');
  });

  it('a speaker named with the firm "of X Y LLP" and a long apposition before "said"', () => {
    const text =
      '“Other towns should read this verdict closely,” Holly Marsh of Kirk Marsh LLP, a tort lawyer in Dayton who consulted for the families’ counsel, said. “Nobody expected a sum this large.”';
    expect(speakerOf(text, 'Other towns')).toBe('Holly Marsh');
    expect(speakerOf(text, 'Nobody expected')).toBe('Holly Marsh');
  });
});

describe('clauses that carry a quotation', () => {
  it("a participle belongs to the subject of its own finite verb, not the sentence's first name", () => {
    expect(
      speakerOf(
        'A month before Dale Rook was attacked, a bicycle went missing from the shed of Ivan Marsh and his son Colin, and soon afterwards Colin Marsh reportedly texted his uncle saying: “I know who took it.”',
        'who took it',
      ),
    ).toBe('Colin Marsh');
  });

  it('"He said X had …, but he also said that X had “…”": the pronoun repeats the opening one', () => {
    expect(
      speakerOf(
        'Judge Tobias Wren handed down the term. He said Ray Doyle had shown “a long pattern of deceit,” but he also said that Doyle had “done real good for his town.”',
        'real good for his town',
      ),
    ).toBe('Tobias Wren');
  });

  it("a court's findings and determinations are its words; an infinitive takes the main subject", () => {
    const text =
      'Judge Ada Lund ruled on Friday. Lund found that Sam Ortiz had “kept the lab file out of sight on purpose” from the defense. ' +
      'Lund determined that the state offered “no reason in law or fact to reopen” the matter. ' +
      'On Thursday, Lund came back to the bench to announce, “We will stop here for the day.”';
    expect(speakerOf(text, 'kept the lab file')).toBe('Ada Lund');
    expect(speakerOf(text, 'no reason in law')).toBe('Ada Lund');
    expect(speakerOf(text, 'stop here for the day')).toBe('Ada Lund');
  });

  it('"“…?” X asked the group": the asker of a question, however long the object', () => {
    expect(
      speakerOf(
        'Judge Ada Lund addressed the room. “Who here has read about the fire in the paper?” Lund asked the crowd of 90 residents summoned for jury duty.',
        'Who here has read',
      ),
    ).toBe('Ada Lund');
  });
});
