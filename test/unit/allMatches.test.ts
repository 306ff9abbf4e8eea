import { describe, expect, it } from 'vitest';
import { allMatches } from '../../src/text.ts';

/** allMatches must give exactly what [...text.matchAll(re)] gives, and leave re as it found it. */
const same = (text: string, re: RegExp) => {
  const want = [...text.matchAll(new RegExp(re.source, re.flags))].map((m) => [m.index, ...m]);
  const got = allMatches(text, re).map((m) => [m.index, ...m]);
  expect(got).toEqual(want);
};

describe('allMatches', () => {
  it('gives every match with its groups and index, as matchAll does', () => {
    same('The jury convicted Ann Lee of fraud and theft on May 2.', /\b(fraud|theft)\b/g);
    same('no match here', /\bmurder\b/g);
    same('Judge Roe said. Judge Poe said.', /Judge (\w+) (said)/gi);
  });

  it('moves past empty matches, by a whole surrogate pair under the u flag', () => {
    same('a,b,,c', /,*/g);
    same('x😀y', /(?:)/gu);
    same('x😀y', /(?:)/g);
    same('', /x*/g);
  });

  it('starts at lastIndex and restores it, so a shared pattern is left as it was', () => {
    const re = /\d+/g;
    re.lastIndex = 4;
    const text = '12 34 56';
    const want = [...text.matchAll(re)].map((m) => m[0]);
    expect(allMatches(text, re).map((m) => m[0])).toEqual(want);
    expect(re.lastIndex).toBe(4);
  });

  it('refuses a pattern without the g flag, as matchAll does', () => {
    expect(() => allMatches('a', /a/)).toThrow(TypeError);
  });
});
