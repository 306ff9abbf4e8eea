import { describe, expect, it } from 'vitest';
import { caseStatus } from '../../src/cases/status.ts';
import type { CaseEvent } from '../../src/facts.ts';
import { article, facts } from './helpers.ts';
import { type Item, indicted, knowledgeOf, LFS } from './statusFixtures.ts';

/**
 * The facts contract's appeal fields, not the words, decide the stage (issue 15 item 3): each event
 * below says nothing an old word rule would read; only its field changes the answer.
 */

let n = 0;
const item = (published: string, parts: Parameters<typeof facts>[0]): Item => [
  article(`https://appeal${n++}.example/${published}`, published),
  facts(parts),
];
const stageOf = (items: Item[], asOf: string) => caseStatus(knowledgeOf(items), asOf).defendants[LFS];
type Fields = Pick<CaseEvent, 'appealPending' | 'appealOutcome' | 'appealEnded' | 'retrial'>;
const event = (type: CaseEvent['type'], date: string | null, fields: Fields = {}) => ({
  type,
  who: LFS,
  date,
  summary: `Court met on ${type} for Ferreira-Stone`,
  ...fields,
});

const convicted = item('2025-06-03', {
  events: [event('verdict', '2025-06-02')],
  charges: [
    { defendant: LFS, charge: 'theft', status: 'convicted' },
    { defendant: LFS, charge: 'forgery', status: 'convicted' },
  ],
});
const sentenced = item('2025-08-02', { events: [event('sentence', '2025-08-01')] });
const appealed = item('2025-08-20', { events: [event('appeal', '2025-08-19')] });
const afterSentence = [indicted, convicted, sentenced, appealed];

describe('the appeal fields decide the stage, whatever the wording', () => {
  it('appealOutcome: none is pending, affirmed is sentenced again, overturned is pretrial with the charges pending', () => {
    const decided = (fields?: Fields) =>
      item('2026-03-03', { events: [event('appeal', '2026-03-02', fields)] });
    expect(stageOf([...afterSentence, decided()], '2026-03-03')?.stage).toBe('appeal');
    expect(stageOf([...afterSentence, decided({ appealOutcome: 'affirmed' })], '2026-03-03')?.stage).toBe(
      'sentenced',
    );
    const overturned = stageOf([...afterSentence, decided({ appealOutcome: 'overturned' })], '2026-03-03');
    expect(overturned?.stage).toBe('pretrial');
    expect(overturned?.charges.map((c) => c.status)).toEqual(['pending', 'pending']);
  });

  it('appealEnded: a withdrawn appeal closes a conviction; a refused appeal of a dismissal closes the case', () => {
    const ended = (fields?: Fields) =>
      item('2025-10-02', { events: [event('appeal', '2025-10-01', fields)] });
    expect(stageOf([...afterSentence, ended()], '2025-10-02')?.stage).toBe('appeal');
    expect(stageOf([...afterSentence, ended({ appealEnded: 'withdrawn' })], '2025-10-02')?.stage).toBe(
      'closed',
    );
    const dismissed = item('2025-03-02', { events: [{ ...event('dismissal', '2025-03-01'), scope: 'all' }] });
    const statesAppeal = item('2025-04-02', { events: [event('appeal', '2025-04-01')] });
    expect(stageOf([indicted, dismissed], '2025-03-02')?.stage).toBe('dismissed');
    expect(stageOf([indicted, dismissed, statesAppeal], '2025-04-02')?.stage).toBe('appeal');
    const refused = item('2025-10-02', {
      events: [event('appeal', '2025-10-01', { appealEnded: 'rejected' })],
    });
    expect(stageOf([indicted, dismissed, statesAppeal, refused], '2025-10-02')?.stage).toBe('closed');
  });

  it('appealPending on another act shows an appeal under way', () => {
    const bail = (fields?: Fields) => item('2025-09-02', { events: [event('bail', '2025-09-01', fields)] });
    const sentencedOnly = [indicted, convicted, sentenced];
    expect(stageOf([...sentencedOnly, bail()], '2025-09-02')?.stage).toBe('sentenced');
    expect(stageOf([...sentencedOnly, bail({ appealPending: true })], '2025-09-02')?.stage).toBe('appeal');
  });

  it('retrial: after a verdict the defendant is back before trial, and the next verdict is a new development', () => {
    const hearing = (fields?: Fields) =>
      item('2025-09-02', { events: [event('hearing', '2025-09-01', fields)] });
    expect(stageOf([indicted, convicted, hearing()], '2025-09-02')?.stage).toBe('verdict');
    expect(stageOf([indicted, convicted, hearing({ retrial: true })], '2025-09-02')?.stage).toBe('pretrial');
    // An undated verdict told as news retells the first one, unless a retrial was ordered since.
    const first = item('2025-06-03', { events: [event('verdict', null)] });
    const second = item('2026-02-20', { events: [event('verdict', null)] });
    const verdicts = (fields?: Fields) =>
      knowledgeOf([indicted, first, hearing(fields), second]).developments.filter(
        (d) => d.type === 'verdict',
      );
    expect(verdicts()).toHaveLength(1);
    expect(verdicts({ retrial: true })).toHaveLength(2);
  });
});
