import { describe, expect, it } from 'vitest';
import { caseChanges, editDefinition } from '../../src/cases/definitionChanges.ts';
import { createKnowledgeStore } from '../../src/cases/knowledgeStore.ts';
import { containing, quotesOf, statementsAcrossCases, statementsPerCase } from '../../src/cases/quotes.ts';
import { fitFeedList } from '../../src/feeds/manage.ts';
import { openStore } from '../../src/store/index.ts';
import { article, definition, facts } from './helpers.ts';

// Domain rules that lived in commands/ (quotes.ts, case.ts, feed.ts), now shared with the CLI.

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

describe('quotesOf: what a person said, for /quotes and casewatch quotes', () => {
  it('any name variant; across cases a report counts once, per case it is tagged; words filter; nearest names', async () => {
    const store = await openStore('memory://');
    try {
      const ks = createKnowledgeStore(store);
      const civil = { ...definition, slug: 'harbor-civil', name: 'Harbor Bridge lawsuit' };
      const said = (text: string) => facts({ quotes: [{ speaker: 'Marcus Dale', text }] });
      await ks.merge(definition, article('https://q.example/1', '2024-03-05'), said('We built it to code'), {
        history: false,
      });
      for (const def of [definition, civil])
        await ks.merge(
          def,
          article('https://q.example/2', '2024-04-10'),
          said('The inspectors signed every page'),
          {
            history: false,
          },
        );
      const found = await quotesOf(ks, [definition, civil], 'Dale');
      expect(found.name).toBe('Marcus Dale');
      expect(statementsAcrossCases(found).map((q) => q.text)).toEqual([
        'The inspectors signed every page',
        'We built it to code',
      ]);
      expect(statementsPerCase(found).map((q) => q.case)).toEqual(['harbor', 'harbor', 'harbor-civil']);
      expect(containing(statementsAcrossCases(found), 'CODE').map((q) => q.text)).toEqual([
        'We built it to code',
      ]);
      const unknown = await quotesOf(ks, [definition], 'Marcus Dole');
      expect(unknown.name).toBeUndefined();
      expect(unknown.closest).toContain('Marcus Dale');
    } finally {
      await store.close();
    }
  });
});
