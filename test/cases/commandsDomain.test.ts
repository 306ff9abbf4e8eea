import { describe, expect, it } from 'vitest';
import { caseChanges, editDefinition } from '../../src/cases/definitionChanges.ts';
import { fitFeedList } from '../../src/feeds/manage.ts';
import { definition } from './helpers.ts';

// Domain rules that lived in commands/ (case.ts, feed.ts), now shared with the CLI.

describe('editDefinition: /case edit and casewatch case update', () => {
  it('a list given replaces the old one, a field left out stays, the result is checked', () => {
    const edited = editDefinition(definition, { aliases: 'Harbor span; Old bridge', name: null });
    expect(edited.ok && edited.def.aliases).toEqual(['Harbor span', 'Old bridge']);
    expect(edited.ok && edited.def.name).toBe(definition.name);
    expect(edited.ok && caseChanges(definition, edited.def)).toContain(
      'aliases added: Harbor span, Old bridge',
    );
    const emptied = editDefinition(definition, { defendants: '' });
    expect(emptied.ok && emptied.def.defendants).toEqual([]);
    const bad = editDefinition(definition, { name: '' });
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.problem).toMatch(/^name /);
  });
});

describe('fitFeedList', () => {
  it('keeps whole blocks under the limit and counts the rest', () => {
    const text = fitFeedList(['a'.repeat(60), 'b'.repeat(60), 'c'.repeat(60)], 150);
    expect(text.length).toBeLessThanOrEqual(150);
    expect(text).toContain('a'.repeat(60));
    expect(text).not.toContain('c'.repeat(60));
    expect(text).toMatch(/… and 2 more/);
  });
});
