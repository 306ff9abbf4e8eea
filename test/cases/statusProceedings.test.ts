import { describe, expect, it } from 'vitest';
import { caseStatus } from '../../src/cases/status.ts';
import { statusText } from '../../src/format/statusEmbed.ts';
import { article, facts } from './helpers.ts';
import { type Item, knowledgeOf, LFS } from './statusFixtures.ts';

/** One defendant's separate proceedings (state and federal, two states) on hand-written facts (issue 12). */

let n = 0;
const item = (published: string, parts: Parameters<typeof facts>[0]): Item => [
  article(`https://court${n++}.example/${published}`, published),
  facts(parts),
];

const nevada = item('2025-01-10', {
  events: [
    { type: 'verdict', who: LFS, date: '2025-01-09', summary: 'A Nevada jury found her guilty of theft' },
  ],
  charges: [{ defendant: LFS, charge: 'theft', status: 'convicted' }],
});
const ohio = item('2025-03-10', {
  events: [
    { type: 'verdict', who: LFS, date: '2025-03-09', summary: 'An Ohio jury found her guilty of forgery' },
  ],
  charges: [{ defendant: LFS, charge: 'forgery', status: 'convicted' }],
});

/** Charged by the state with arson in January; a federal indictment in April naming these charges. */
const stateArson = item('2025-01-10', {
  events: [
    { type: 'charge', who: LFS, date: '2025-01-09', summary: 'State prosecutors charged her with arson' },
  ],
  charges: [{ defendant: LFS, charge: 'arson', status: 'pending' }],
});
const federalIndictment = (charges: string[]) =>
  item('2025-04-02', {
    events: [
      {
        type: 'charge',
        who: LFS,
        date: '2025-04-01',
        summary: 'A federal grand jury indicted her on wire fraud',
      },
    ],
    charges: charges.map((charge) => ({ defendant: LFS, charge, status: 'pending' as const })),
  });

describe('separate proceedings of one defendant', () => {
  it("a conviction overturned in one state leaves the other state's conviction standing", () => {
    const reversed = item('2025-06-10', {
      events: [
        {
          type: 'appeal',
          who: LFS,
          date: '2025-06-09',
          summary: "Ohio's appeals court overturned her conviction and ordered a new trial",
        },
      ],
    });
    const s = caseStatus(knowledgeOf([nevada, ohio, reversed]), '2025-06-10').defendants[LFS];
    expect(s?.stage).toBe('pretrial');
    expect(s?.charges).toEqual([
      { charge: 'theft', status: 'convicted', proceeding: 'nevada' },
      { charge: 'forgery', status: 'pending', proceeding: 'ohio' },
    ]);
  });

  it('the proceeding field decides, whatever the summary says', () => {
    const reversed = item('2025-06-10', {
      events: [
        {
          type: 'appeal',
          who: LFS,
          date: '2025-06-09',
          summary: 'An appeals court overturned her conviction',
          proceeding: 'nevada',
        },
      ],
    });
    const s = caseStatus(knowledgeOf([nevada, ohio, reversed]), '2025-06-10').defendants[LFS];
    expect(s?.charges.map((c) => c.status)).toEqual(['pending', 'convicted']);
  });

  it('charges a federal indictment brings are shown apart from the state charges', () => {
    // The federal story also lists the state charge among hers.
    const federal = federalIndictment(['wire fraud', 'arson']);
    const status = caseStatus(knowledgeOf([stateArson, federal]), '2025-04-02');
    expect(status.defendants[LFS]?.charges).toEqual([
      { charge: 'arson', status: 'pending', proceeding: 'state' },
      { charge: 'wire fraud', status: 'pending', proceeding: 'federal' },
    ]);
    expect(statusText(status)).toContain('wire fraud (federal): pending');

    // An article that also recalls the other proceeding leaves the charges it first names unplaced.
    const both = item('2025-04-02', {
      events: [
        {
          type: 'charge',
          who: LFS,
          date: '2025-04-01',
          summary: 'A federal grand jury indicted her on wire fraud',
        },
        { type: 'charge', who: LFS, summary: 'She was already charged by state prosecutors', new: false },
      ],
      charges: [
        { defendant: LFS, charge: 'wire fraud', status: 'pending' },
        { defendant: LFS, charge: 'arson', status: 'pending' },
      ],
    });
    expect(caseStatus(knowledgeOf([both]), '2025-04-02').defendants[LFS]?.charges).toEqual([
      { charge: 'wire fraud', status: 'pending' },
      { charge: 'arson', status: 'pending' },
    ]);
  });

  it('a state acquittal "of all charges" leaves the federal counts as they were', () => {
    const acquitted = item('2025-09-10', {
      events: [
        {
          type: 'verdict',
          who: LFS,
          date: '2025-09-09',
          summary: 'A state jury acquitted her of all charges',
          scope: 'all',
          outcome: 'acquitted',
          proceeding: 'state',
        },
      ],
    });
    const s = caseStatus(
      knowledgeOf([stateArson, federalIndictment(['wire fraud']), acquitted]),
      '2025-09-10',
    ).defendants[LFS];
    expect(s?.charges).toEqual([
      { charge: 'arson', status: 'acquitted', proceeding: 'state' },
      { charge: 'wire fraud', status: 'pending', proceeding: 'federal' },
    ]);
  });
});
