import { describe, expect, it } from 'vitest';
import { segment } from '../../src/extract/segment.ts';

const doc = (text: string) => segment({ text, title: '', published: '2024-03-01' });

describe('segment', () => {
  it('splits paragraphs on newlines and sentences with offsets into the text', () => {
    const text = 'The hearing began. Mr. Lane spoke.\n\nJudge Kim R. Ortiz ruled on Oct. 3 in the U.S. case.';
    const d = doc(text);
    expect(d.paragraphs).toHaveLength(2);
    expect(d.sentences.map((s) => s.text)).toEqual([
      'The hearing began.',
      'Mr. Lane spoke.',
      'Judge Kim R. Ortiz ruled on Oct. 3 in the U.S. case.',
    ]);
    for (const s of d.sentences) expect(text.slice(s.offset, s.offset + s.text.length)).toBe(s.text);
    expect(d.sentences[2]?.paragraph).toBe(1);
  });

  it('keeps a quotation with several sentences inside one sentence', () => {
    const d = doc('“We are ready. We will win,” Dana Fox said. Then she left.');
    expect(d.sentences.map((s) => s.text)).toEqual([
      '“We are ready. We will win,” Dana Fox said.',
      'Then she left.',
    ]);
  });
});
