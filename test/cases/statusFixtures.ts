import { emptyKnowledge, mergeArticle } from '../../src/cases/merge.ts';
import { caseStatus } from '../../src/cases/status.ts';
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

/** A maker of dated hand-written articles with distinct URLs under one host prefix. */
export function itemMaker(host: string): (published: string, parts: Parameters<typeof facts>[0]) => Item {
  let n = 0;
  return (published, parts) => [
    article(`https://${host}${n++}.example/${published}`, published),
    facts(parts),
  ];
}

/** One defendant's /status on a day, from the items merged in order. */
export const statusOf = (items: Item[], asOf: string, who = LFS) =>
  caseStatus(knowledgeOf(items), asOf).defendants[who];
