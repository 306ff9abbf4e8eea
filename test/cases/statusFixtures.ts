import { emptyKnowledge, mergeArticle } from '../../src/cases/merge.ts';
import { article, definition, facts } from './helpers.ts';

/** Shared hand-made facts for the status-rule tests (fictional case, never corpus text). */

export const LFS = 'Lucía Ferreira-Stone';
export const DALE = 'Marcus Dale';

export type Item = [ReturnType<typeof article>, ReturnType<typeof facts>];

export function knowledgeOf(items: Item[]) {
  const k = emptyKnowledge('harbor');
  for (const [a, f] of items) mergeArticle(k, definition, a, f, { history: true });
  return k;
}

/** Indicted with two charges and a stated maximum, arraignment held. */
export const indicted: Item = [
  article('https://a.example/indicted', '2025-01-10'),
  facts({
    events: [
      { type: 'charge', who: LFS, date: '2025-01-09' },
      { type: 'charge', who: DALE, date: '2025-01-09' },
      { type: 'plea', who: LFS, date: '2025-01-09', summary: 'Pleaded not guilty' },
      { type: 'plea', who: DALE, date: '2025-01-09', summary: 'Pleaded not guilty' },
    ],
    charges: [
      { defendant: LFS, charge: 'theft', status: 'pending' },
      { defendant: LFS, charge: 'forgery', status: 'pending' },
      { defendant: DALE, charge: 'theft', status: 'pending' },
      { defendant: DALE, charge: 'forgery', status: 'pending' },
    ],
    penalties: [
      { defendant: LFS, max: 12, unit: 'years', current: true },
      { defendant: DALE, max: 12, unit: 'years', current: true },
    ],
  }),
];
