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

describe('clauses that carry a quotation', () => {
  it("a participle belongs to the subject of its own finite verb, not the sentence's first name", () => {
    expect(
      speakerOf(
        'Two years before Dale Rook was stabbed, tyres had been stolen from the home of Ivan Marsh and his son Colin, and in the weeks that followed Colin Marsh allegedly sent a message to his father saying: “I am going to find them.”',
        'going to find them',
      ),
    ).toBe('Colin Marsh');
  });

  it('"He said X had …, but he also said that X had “…”": the pronoun repeats the opening one', () => {
    expect(
      speakerOf(
        'Judge Tobias Wren imposed the sentence. He said Ray Doyle had committed “serious, very serious crimes,” but he also said that Doyle had “lived an otherwise blameless life.”',
        'blameless life',
      ),
    ).toBe('Tobias Wren');
  });

  it("a court's findings and determinations are its words; an infinitive takes the main subject", () => {
    const text =
      'Judge Ada Lund ruled on Friday. Lund found that Sam Ortiz made “the deliberate, intentional decision to hide the evidence” from the defense. ' +
      'Lund determined that prosecutors lack “factual or legal arguments that would justify” a rehearing. ' +
      'On Thursday, Lund walked into the courtroom to announce, “At this time, I am going to excuse the jury.”';
    expect(speakerOf(text, 'deliberate, intentional')).toBe('Ada Lund');
    expect(speakerOf(text, 'factual or legal')).toBe('Ada Lund');
    expect(speakerOf(text, 'excuse the jury')).toBe('Ada Lund');
  });

  it('"“…?” X asked the group": the asker of a question, however long the object', () => {
    expect(
      speakerOf(
        'Judge Ada Lund questioned the panel. “How many of you have not heard anything about this case?” Lund asked the group of 70 people called to serve.',
        'How many of you',
      ),
    ).toBe('Ada Lund');
  });
});
