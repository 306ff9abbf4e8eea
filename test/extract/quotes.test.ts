import { describe, expect, it } from 'vitest';
import { buildPersonRegistry } from '../../src/extract/people/people.ts';
import { extractQuotes } from '../../src/extract/quotes/quotes.ts';
import { segment } from '../../src/extract/segment.ts';

const quotes = (text: string) => {
  const doc = segment({ text, title: '', published: '2024-03-01' });
  return extractQuotes(doc, buildPersonRegistry(doc)).map(({ speaker, text, org }) => ({
    speaker,
    text,
    ...(org ? { org } : {}),
  }));
};

describe('extractQuotes', () => {
  it('attributes quotes before and after the reporting verb', () => {
    expect(
      quotes(
        'Defense attorney Maria Lopez said, “My client never touched the money.” “We will appeal this ruling,” said Lopez.',
      ),
    ).toEqual([
      { speaker: 'Maria Lopez', text: 'My client never touched the money.' },
      { speaker: 'Maria Lopez', text: 'We will appeal this ruling' },
    ]);
  });

  it('resolves a pronoun to the right person by gender', () => {
    const q = quotes(
      'Prosecutor Ellen Kwan met Judge Robert Chen on Friday.\n“The evidence is overwhelming and clear,” she said.',
    );
    expect(q[0]?.speaker).toBe('Ellen Kwan');
  });

  it('splits a quotation interrupted by its attribution into two quotes', () => {
    const q = quotes(
      'Sheriff Tom Baker spoke. “We found the car near the river,” he said, “and the keys were still inside.”',
    );
    expect(q).toEqual([
      { speaker: 'Tom Baker', text: 'We found the car near the river' },
      { speaker: 'Tom Baker', text: 'and the keys were still inside.' },
    ]);
  });

  it('handles "told the courtroom" and continuation paragraphs without a closing mark', () => {
    const q = quotes(
      'Prosecutor Alan Reyes told the courtroom, “The defendant planned every step of this crime.\n“He bought the rope two weeks before.”',
    );
    expect(q).toEqual([
      { speaker: 'Alan Reyes', text: 'The defendant planned every step of this crime.' },
      { speaker: 'Alan Reyes', text: 'He bought the rope two weeks before.' },
    ]);
  });

  it('gives documents org speakers and unnamed people a null speaker', () => {
    const q = quotes(
      'Harold Finch was sued last year. “The defendant acted with reckless disregard,” the lawsuit states. ' +
        '“We have no comment at this stage,” a spokeswoman said.',
    );
    expect(q[0]).toMatchObject({ org: true, text: 'The defendant acted with reckless disregard' });
    expect(q[1]).toEqual({ speaker: null, text: 'We have no comment at this stage' });
  });

  it('does not treat titles of works as quotes', () => {
    expect(quotes('Carla Diaz starred in “The Long Night” last year.')).toEqual([]);
  });
});

describe('extractQuotes, descriptors', () => {
  it('gives a joint statement to the first signatory and "the judge" to the only judge', () => {
    const q = quotes(
      'Judge Irene Walsh denied the motion. Defense lawyers Omar Haddad and Lisa Chu said, “We are deeply disappointed by this.” ' +
        '“The law leaves me no other choice here,” the judge said.',
    );
    expect(q.map((x) => x.speaker)).toEqual(['Omar Haddad', 'Irene Walsh']);
  });
});

describe('extractQuotes, sources and continuations', () => {
  it('attributes "according to" a document as an org quote and carries a speaker to the next sentence', () => {
    const q = quotes(
      'According to the complaint, Ray Dunn “knowingly sold stolen goods to several buyers.” ' +
        'Deputy Ann Moss described the scene, the sheriff’s office said. ' +
        'Officer Lee Grant said the car was empty. “There was nobody inside when we arrived.”',
    );
    expect(q[0]).toMatchObject({ org: true, speaker: 'the complaint' });
    expect(q[1]).toEqual({ speaker: 'Lee Grant', text: 'There was nobody inside when we arrived.' });
  });

  it('does not take a new sentence after a finished quote as its attribution', () => {
    const q = quotes(
      'Coach Dale Ives spoke first. “We lost a friend today.” Police described the scene as chaotic.',
    );
    expect(q).toEqual([{ speaker: null, text: 'We lost a friend today.' }]);
  });
});
