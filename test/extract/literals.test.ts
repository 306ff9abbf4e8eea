import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TRIGGER_RULES } from '../../src/extract/events/rules.ts';
import { requiredLiterals } from '../../src/extract/literals.ts';

describe('requiredLiterals', () => {
  it('reads the strings every match contains', () => {
    expect(requiredLiterals(/\bplead(?:ed|s)? guilty\b/gi)).toEqual([' guilty']);
    expect(requiredLiterals(/\b(?:was|were) (?:arrested|detained)\b/i)).toEqual(['arrested', 'detained']);
    expect(requiredLiterals(/\bjury\b|\bverdicts?\b/i)).toEqual(['jury', 'verdict']);
    expect(requiredLiterals(/\bO'Neil\b/)).toEqual(["o'neil"]);
    expect(requiredLiterals(/\bhearing\x27s\b/i)).toEqual(["hearing's"]);
  });

  it('gives nothing when a branch may match without a known string', () => {
    expect(requiredLiterals(/\bmotion\b|\w+\s\d/i)).toBeUndefined();
    expect(requiredLiterals(/\bmotion\b|\w+ly filed/i)).toEqual(['motion', 'ly filed']);
    expect(requiredLiterals(/(?:bail)?\s+set/i)).toEqual(['set']);
    expect(requiredLiterals(/(?:bail)?\s+up/i)).toBeUndefined(); // too short to be worth a test
    expect(requiredLiterals(/[a-z]+ed\b/)).toBeUndefined();
    expect(requiredLiterals(/(?:granted|denied)?/)).toBeUndefined();
    expect(requiredLiterals(/\bjudg(?:e|ment)/u)).toBeUndefined(); // unicode patterns are not read
  });

  it('keeps a quantified group only when it must occur', () => {
    expect(requiredLiterals(/(?:court ){1,2}ruled/i)).toEqual(['court ']);
    expect(requiredLiterals(/(?:appeal|appellate)+ court/i)).toEqual([' court']);
    expect(requiredLiterals(/x(?:indicted|charged){0,2}y/)).toBeUndefined();
  });

  it('never rules out a sentence a trigger matches', () => {
    const words = [
      ...new Set(TRIGGER_RULES.flatMap((r) => r.re.source.toLowerCase().match(/[a-z’'-]{2,}/g) ?? [])),
    ];
    const sentence = fc
      .array(
        fc.oneof(fc.constantFrom(...words), fc.constantFrom('Ann', 'Lee', '3', '$500', ',', '.', 'the')),
        {
          maxLength: 14,
        },
      )
      .map((ws) => ws.join(' '));
    fc.assert(
      fc.property(sentence, fc.boolean(), (text, upper) => {
        const t = upper ? text.toUpperCase() : text;
        for (const rule of TRIGGER_RULES) {
          const literals = requiredLiterals(rule.re);
          rule.re.lastIndex = 0;
          if (literals && rule.re.test(t))
            expect(literals.some((w) => t.toLowerCase().includes(w))).toBe(true);
        }
      }),
      { numRuns: 400 },
    );
  });
});
