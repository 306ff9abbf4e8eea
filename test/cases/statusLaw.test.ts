import { describe, expect, it } from 'vitest';
import { emptyKnowledge, mergeArticle } from '../../src/cases/merge.ts';
import { caseStatus } from '../../src/cases/status.ts';
import { article, definition, facts } from './helpers.ts';
import { DALE, indicted, itemMaker, knowledgeOf, LFS, statusOf } from './statusFixtures.ts';

/** The law's logic in /status, on hand-written facts (issue 12, item 3). */

const item = itemMaker('law');

describe('verdicts and pleas that name no offence', () => {
  it('a verdict "on all counts" convicts every pending charge; an acquittal "of all charges" acquits them', () => {
    const guilty = item('2025-06-03', {
      events: [
        { type: 'verdict', who: LFS, date: '2025-06-02', summary: 'Jury found her guilty on all counts' },
      ],
    });
    const cleared = item('2025-06-04', {
      events: [
        { type: 'verdict', who: DALE, date: '2025-06-03', summary: 'Dale was acquitted of all charges' },
      ],
    });
    const s = caseStatus(knowledgeOf([indicted, guilty, cleared]), '2025-06-04').defendants;
    expect(s[LFS]?.charges.map((c) => c.status)).toEqual(['convicted', 'convicted']);
    expect(s[LFS]?.stage).toBe('verdict');
    expect(s[DALE]?.charges.map((c) => c.status)).toEqual(['acquitted', 'acquitted']);
  });

  it('a verdict on some counts leaves the others as reported', () => {
    const partial = item('2025-06-03', {
      events: [{ type: 'verdict', who: LFS, date: '2025-06-02', summary: 'Jury found her guilty of theft' }],
      charges: [{ defendant: LFS, charge: 'theft', status: 'convicted' }],
    });
    const s = statusOf([indicted, partial], '2025-06-03');
    expect(s?.charges).toEqual([
      { charge: 'theft', status: 'convicted' },
      { charge: 'forgery', status: 'pending' },
    ]);
  });

  it('a sentence served by someone whose counts were never named again convicts the pending ones', () => {
    const prison = item('2025-09-10', {
      events: [
        {
          type: 'arrest',
          who: DALE,
          date: '2025-08',
          summary: 'Dale reported to prison last month to begin his sentence',
        },
      ],
    });
    const s = statusOf([indicted, prison], '2025-09-10', DALE);
    expect(s?.stage).toBe('sentenced');
    expect(s?.charges.map((c) => c.status)).toEqual(['convicted', 'convicted']);
    expect(s?.maxPenalty).toBeNull();
  });
});

describe('appeals, overturned convictions and new trials', () => {
  const convicted = item('2025-06-03', {
    events: [{ type: 'verdict', who: LFS, date: '2025-06-02', summary: 'Found guilty of theft and forgery' }],
    charges: [
      { defendant: LFS, charge: 'theft', status: 'convicted' },
      { defendant: LFS, charge: 'forgery', status: 'convicted' },
    ],
  });
  const sentenced = item('2025-08-02', {
    events: [{ type: 'sentence', who: LFS, date: '2025-08-01', summary: 'Sentenced to four years' }],
  });
  const appealed = item('2025-08-20', {
    events: [{ type: 'appeal', who: LFS, date: '2025-08-19', summary: 'She filed a notice of appeal' }],
  });

  it('an appeal before the sentence leaves the stage at verdict (and the maximum still shown)', () => {
    const early = item('2025-06-20', {
      events: [
        { type: 'bail', who: LFS, date: '2025-06-19', summary: 'Judge denied her release pending appeal' },
      ],
    });
    const s = statusOf([indicted, convicted, early], '2025-06-20');
    expect(s?.stage).toBe('verdict');
    expect(s?.maxPenalty).toEqual({ max: 12, unit: 'years' });
  });

  it('an appeal after the sentence is pending until decided; affirmed, the stage is sentenced again', () => {
    const affirmed = item('2026-03-03', {
      events: [
        { type: 'appeal', who: LFS, date: '2026-03-02', summary: 'Appeals court upheld her conviction' },
      ],
    });
    const items = [indicted, convicted, sentenced, appealed, affirmed];
    expect(statusOf(items, '2025-08-20')?.stage).toBe('appeal');
    expect(statusOf(items, '2026-03-03')?.stage).toBe('sentenced');
  });

  it('bail "while she appeals" shows an appeal under way', () => {
    const bail = item('2025-09-01', {
      events: [
        {
          type: 'bail',
          who: LFS,
          summary: 'Her request to stay free while she appeals was denied',
          new: false,
        },
      ],
    });
    expect(statusOf([indicted, convicted, sentenced, bail], '2025-09-01')?.stage).toBe('appeal');
  });

  it('an overturned conviction makes the charges pending and the stage pretrial; a retrial verdict convicts again', () => {
    const overturned = item('2026-03-03', {
      events: [
        {
          type: 'appeal',
          who: LFS,
          date: '2026-03-02',
          summary: 'Appeals court overturned her conviction and ordered a new trial',
        },
      ],
    });
    const retrial = item('2026-09-10', {
      events: [{ type: 'verdict', who: LFS, summary: 'A second jury found her guilty of theft' }],
      charges: [{ defendant: LFS, charge: 'theft', status: 'convicted' }],
    });
    const items = [indicted, convicted, sentenced, appealed, overturned, retrial];
    const after = statusOf(items, '2026-03-03');
    expect(after?.stage).toBe('pretrial');
    expect(after?.charges.map((c) => c.status)).toEqual(['pending', 'pending']);
    const again = statusOf(items, '2026-09-10');
    expect(again?.stage).toBe('verdict');
    expect(again?.charges).toEqual([
      { charge: 'theft', status: 'convicted' },
      { charge: 'forgery', status: 'pending' },
    ]);
  });

  it('"a new federal trial" ordered after a verdict makes the convicted counts pending again, before trial', () => {
    const ordered = item('2025-09-05', {
      events: [
        {
          type: 'ruling',
          who: LFS,
          date: '2025-09-04',
          summary: 'The judge ordered a new federal trial, citing the jury instructions',
        },
      ],
    });
    const s = statusOf([indicted, convicted, ordered], '2025-09-05');
    expect(s?.stage).toBe('pretrial');
    expect(s?.charges.map((c) => c.status)).toEqual(['pending', 'pending']);
  });

  it('a new trial granted before the sentence sets the verdict aside; a retrial ordered after it leaves the convictions', () => {
    const granted = (published: string) =>
      item(published, {
        events: [
          {
            type: 'ruling',
            who: LFS,
            retrial: true,
            summary: 'The judge granted her motion and she will be tried again',
          },
        ],
      });
    const before = statusOf([indicted, convicted, granted('2025-07-15')], '2025-07-15');
    expect(before?.stage).toBe('pretrial');
    expect(before?.charges.map((c) => c.status)).toEqual(['pending', 'pending']);
    const after = statusOf([indicted, convicted, sentenced, granted('2025-09-15')], '2025-09-15');
    expect(after?.stage).toBe('pretrial');
    expect(after?.charges.map((c) => c.status)).toEqual(['convicted', 'convicted']);
  });

  it('a mistrial on the counts a retrial jury left undecided keeps the partial verdict it returned', () => {
    const overturned = item('2026-03-03', {
      events: [
        { type: 'appeal', who: LFS, date: '2026-03-02', summary: 'Appeals court overturned her conviction' },
      ],
    });
    const partial = item('2026-09-10', {
      events: [
        { type: 'verdict', who: LFS, date: '2026-09-09', summary: 'Retrial jury convicted her of theft' },
      ],
      charges: [{ defendant: LFS, charge: 'theft', status: 'convicted' }],
    });
    const hung = item('2026-09-11', {
      events: [
        {
          type: 'trial',
          who: LFS,
          date: '2026-09-10',
          retrial: true,
          mistrial: true,
          summary: 'The judge declared a mistrial on the forgery count of her retrial',
        },
      ],
    });
    const s = statusOf([indicted, convicted, sentenced, overturned, partial, hung], '2026-09-11');
    expect(s?.stage).toBe('verdict');
    expect(s?.charges).toEqual([
      { charge: 'theft', status: 'convicted' },
      { charge: 'forgery', status: 'pending' },
    ]);
  });

  it('a request for a new trial, or a refusal to order one, changes nothing', () => {
    const refused = item('2025-06-30', {
      events: [
        { type: 'ruling', who: LFS, date: '2025-06-29', summary: 'Judge refused to order a new trial' },
      ],
    });
    const asked = item('2025-07-01', {
      events: [
        { type: 'motion', who: LFS, date: '2025-06-30', summary: 'Her lawyers asked for a new trial' },
      ],
    });
    const s = statusOf([indicted, convicted, refused, asked], '2025-07-01');
    expect(s?.stage).toBe('verdict');
    expect(s?.charges.map((c) => c.status)).toEqual(['convicted', 'convicted']);
  });

  it('a retrial ordered on a count after the verdict is pretrial, its date is next, and its verdict is a new development', () => {
    const retrialSet = item('2025-09-01', {
      events: [
        { type: 'hearing', who: LFS, date: '2025-09-01', summary: 'Hearing on the undecided count' },
        {
          type: 'trial',
          who: LFS,
          date: '2026-02-02',
          status: 'scheduled',
          summary: 'Judge set the retrial on the forgery count for February 2',
        },
      ],
    });
    const second = item('2026-02-20', {
      events: [{ type: 'verdict', who: LFS, summary: 'Jury convicted her of forgery at the retrial' }],
    });
    const items = [indicted, convicted, sentenced, retrialSet, second];
    expect(statusOf(items, '2025-09-01')?.stage).toBe('pretrial');
    expect(caseStatus(knowledgeOf(items), '2025-09-01').next?.date).toBe('2026-02-02');
    const k = knowledgeOf(items);
    expect(k.developments.filter((d) => d.type === 'verdict')).toHaveLength(2);
    expect(caseStatus(k, '2026-02-20').defendants[LFS]?.stage).toBe('verdict');
  });
});

describe('the facts contract, not the words, drives the status', () => {
  it('a plea event typed guilty with an all-charges scope convicts every pending charge, whatever its summary says', () => {
    const plea = item('2025-05-06', {
      events: [
        {
          type: 'plea',
          who: LFS,
          date: '2025-05-05',
          summary: 'Court appearance on Monday',
          plea: 'guilty',
          scope: 'all',
          outcome: 'convicted',
        },
      ],
    });
    const s = statusOf([indicted, plea], '2025-05-06');
    expect(s?.stage).toBe('verdict');
    expect(s?.charges.map((c) => c.status)).toEqual(['convicted', 'convicted']);
    // The same summary with a deal only: nothing is entered yet, the stage and charges stay as they were.
    const deal = item('2025-05-06', {
      events: [
        { type: 'plea', who: LFS, date: '2025-05-05', summary: 'Court appearance on Monday', plea: 'deal' },
      ],
    });
    expect(statusOf([indicted, deal], '2025-05-06')).toEqual(statusOf([indicted], '2025-05-06'));
    expect(statusOf([indicted], '2025-05-06')?.charges.map((c) => c.status)).toEqual(['pending', 'pending']);
  });
  it('a dismissal whose dismissalStated says it was refused leaves the charges pending, whatever its wording', () => {
    const parts = (dismissalStated?: 'ruling') => ({
      events: [
        {
          type: 'dismissal' as const,
          who: LFS,
          date: '2025-04-02',
          summary: 'Judge ruled on the case Tuesday',
          ...(dismissalStated ? { dismissalStated } : {}),
        },
      ],
      charges: (['theft', 'forgery'] as const).map((charge) => ({
        defendant: LFS,
        charge,
        status: 'dismissed' as const,
        provenance: { sentence: 'The judge ruled on the theft and forgery counts Tuesday.', offset: 0 },
        ...(dismissalStated ? { dismissalStated } : {}),
      })),
    });
    const dismissed = statusOf([indicted, item('2025-04-03', parts())], '2025-04-03');
    expect(dismissed?.charges.map((c) => c.status)).toEqual(['dismissed', 'dismissed']);
    const refused = statusOf([indicted, item('2025-04-03', parts('ruling'))], '2025-04-03');
    expect(refused?.charges.map((c) => c.status)).toEqual(['pending', 'pending']);
    expect(refused?.stage).not.toBe('dismissed');
    expect(refused?.stage).toBe(statusOf([indicted], '2025-04-03')?.stage);
  });
  it('serving and policeBail decide the stage from the field alone', () => {
    const custody = (type: 'arrest' | 'bail', field?: { serving: true } | { policeBail: true }) =>
      item('2025-04-10', {
        events: [{ type, who: DALE, date: '2025-04-09', summary: 'Dale was seen on Wednesday', ...field }],
      });
    const charged = item('2025-01-10', {
      events: [{ type: 'charge', who: DALE, date: '2025-01-09' }],
      charges: [{ defendant: DALE, charge: 'theft', status: 'pending' }],
    });
    const before = statusOf([charged], '2025-04-10', DALE)?.stage;
    expect(statusOf([charged, custody('arrest', { serving: true })], '2025-04-10', DALE)?.stage).toBe(
      'sentenced',
    );
    expect(statusOf([charged, custody('arrest')], '2025-04-10', DALE)?.stage).toBe(before);
    expect(statusOf([charged, custody('bail')], '2025-04-10', DALE)?.stage).toBe('pretrial');
    expect(statusOf([charged, custody('bail', { policeBail: true })], '2025-04-10', DALE)?.stage).toBe(
      before,
    );
    expect(before).toBe('charged');
  });
  it('the stage of a lawsuit comes from its lawsuit field alone', () => {
    const suit = (lawsuit?: 'liable' | 'ended') =>
      item('2025-05-10', {
        events: [
          {
            type: 'lawsuit',
            who: DALE,
            date: '2025-05-09',
            summary: 'A court heard from Dale on Friday',
            ...(lawsuit ? { lawsuit } : {}),
          },
        ],
      });
    const filed = statusOf([suit()], '2025-05-10', DALE)?.stage;
    expect(statusOf([suit('liable')], '2025-05-10', DALE)?.stage).toBe('verdict');
    expect(filed).toBe('charged');
    expect(statusOf([suit('ended')], '2025-05-10', DALE)?.stage).not.toBe(filed);
  });
  it('a trial held is trial unless its trialNotUnderWay or mistrial field says otherwise', () => {
    const trial = (field?: { trialNotUnderWay: true } | { mistrial: true }) =>
      item('2025-07-10', {
        events: [
          { type: 'trial', who: LFS, date: '2025-07-09', summary: 'Court met for Ferreira-Stone', ...field },
        ],
      });
    expect(statusOf([indicted, trial()], '2025-07-10')?.stage).toBe('trial');
    expect(statusOf([indicted, trial({ trialNotUnderWay: true })], '2025-07-10')?.stage).toBe('pretrial');
    expect(statusOf([indicted, trial({ mistrial: true })], '2025-07-10')?.stage).toBe('pretrial');
  });
});

describe('many defendants', () => {
  it('a co-defendant first charged in the same indictment as a tracked defendant joins the case', () => {
    const sentence =
      'A federal grand jury indicted Marcus Dale and Ivo Brandt on wire fraud charges Tuesday.';
    const federal = item('2025-03-05', {
      people: [
        { name: DALE, role: 'defendant' },
        { name: 'Ivo Brandt', role: 'defendant' },
        { name: 'Henry Roe', role: 'defendant' },
      ],
      events: [
        {
          type: 'charge',
          who: DALE,
          date: '2025-03-04',
          summary: sentence,
          provenance: { sentence, offset: 0 },
        },
        {
          type: 'charge',
          who: 'Ivo Brandt',
          date: '2025-03-04',
          summary: sentence,
          provenance: { sentence, offset: 0 },
        },
        // A precedent the article recalls: its defendant shares no act with the case's.
        {
          type: 'plea',
          who: 'Henry Roe',
          date: '1970-05',
          summary: 'In a 1970 case, Henry Roe pleaded guilty',
          provenance: { sentence: 'In a 1970 case, Henry Roe pleaded guilty.', offset: 400 },
        },
      ],
      charges: [
        { defendant: DALE, charge: 'wire fraud', status: 'pending' },
        { defendant: 'Ivo Brandt', charge: 'wire fraud', status: 'pending' },
        { defendant: 'Henry Roe', charge: 'second-degree murder', status: 'convicted' },
      ],
    });
    const status = caseStatus(knowledgeOf([indicted, federal]), '2025-03-05');
    expect(Object.keys(status.defendants).sort()).toEqual(['Ivo Brandt', LFS, DALE].sort());
    expect(status.defendants['Ivo Brandt']).toEqual({
      stage: 'charged',
      charges: [{ charge: 'wire fraud', status: 'pending' }],
      maxPenalty: null,
    });
    // Before the article that named him, he is not part of the case.
    expect(
      caseStatus(knowledgeOf([indicted, federal]), '2025-03-01').defendants['Ivo Brandt'],
    ).toBeUndefined();
  });

  it('someone an act names beside the defendant joins only when the article makes them a defendant', () => {
    // The act's other name is the victim, a place or the writer far more often than a co-accused.
    const sentence = 'Marcus Dale was convicted Tuesday of defrauding Nora Vale, a reporter for the Tribune.';
    const convicted = item('2025-06-11', {
      people: [
        { name: DALE, role: 'defendant' },
        { name: 'Nora Vale', role: 'victim' },
        { name: 'Oak City', role: 'other' },
      ],
      events: ['Nora Vale', 'Oak City', DALE].map((who) => ({
        type: 'verdict' as const,
        who,
        date: '2025-06-10',
        summary: sentence,
        provenance: { sentence, offset: 0 },
      })),
    });
    const status = caseStatus(knowledgeOf([indicted, convicted]), '2025-06-11');
    expect(Object.keys(status.defendants).sort()).toEqual([LFS, DALE].sort());
  });
});

describe('two acts of one type stay two', () => {
  it('a second indictment reported as news weeks after the first is its own development; a recall of the first is not', () => {
    const second = item('2025-04-20', {
      events: [
        { type: 'charge', who: LFS, summary: 'A second grand jury indicted her on new counts this week' },
      ],
    });
    const recalled = item('2025-04-22', {
      events: [
        { type: 'charge', who: LFS, date: '2025-01', new: false, summary: 'She was indicted in January' },
      ],
    });
    const k = knowledgeOf([indicted, second, recalled]);
    const hers = k.developments.filter(
      (d) => d.type === 'charge' && d.who === k.people.find((p) => p.name === LFS)?.id,
    );
    // January's indictment (told again in April) and April's second one.
    expect(hers.map((d) => d.reports.map((r) => r.published))).toEqual([
      ['2025-01-10', '2025-04-22'],
      ['2025-04-20'],
    ]);
  });

  it('a jury phase set in the verdict article for a later day is next', () => {
    const verdict = item('2025-06-10', {
      events: [
        // Undated news: the verdict counts from the article's day.
        { type: 'verdict', who: LFS, summary: 'Jury found her guilty of theft' },
        {
          type: 'trial',
          who: LFS,
          status: 'scheduled',
          date: '2025-06-12',
          summary: 'Jurors return Thursday to weigh aggravating factors',
        },
      ],
    });
    expect(caseStatus(knowledgeOf([indicted, verdict]), '2025-06-10').next?.date).toBe('2025-06-12');
  });
});

describe('a second proceeding after the first ended', () => {
  it("another court's verdict after the sentence is that proceeding's verdict; the first case's maximum is settled", () => {
    const convicted = item('2025-06-03', {
      events: [{ type: 'verdict', who: LFS, date: '2025-06-02', summary: 'Jury found her guilty of theft' }],
      charges: [{ defendant: LFS, charge: 'theft', status: 'convicted' }],
    });
    const sentenced = item('2025-08-02', {
      events: [{ type: 'sentence', who: LFS, date: '2025-08-01', summary: 'Sentenced to six years' }],
    });
    const elsewhere = item('2026-11-20', {
      events: [{ type: 'verdict', who: LFS, summary: 'A jury in another county found her guilty of arson' }],
      charges: [
        { defendant: LFS, charge: 'arson', status: 'convicted' },
        { defendant: LFS, charge: 'burglary', status: 'pending' },
      ],
    });
    const items = [indicted, convicted, sentenced, elsewhere];
    expect(statusOf(items, '2025-09-01')?.stage).toBe('sentenced');
    const after = statusOf(items, '2026-11-20');
    expect(after?.stage).toBe('verdict');
    // The 12 years stated for the first case's charges before its sentence no longer apply.
    expect(after?.maxPenalty).toBeNull();
  });
});

describe('fresh starts and civil suits', () => {
  it('charges refiled after the whole case was dropped start again at charged', () => {
    const dropped = item('2025-04-02', {
      events: [
        {
          type: 'charge_dropped',
          who: DALE,
          date: '2025-04-01',
          summary: 'Prosecutors dropped the case against Dale',
        },
      ],
    });
    const refiled = item('2025-11-05', {
      events: [
        { type: 'charge', who: DALE, date: '2025-11-04', summary: 'A grand jury indicted Dale again' },
      ],
      charges: [{ defendant: DALE, charge: 'theft', status: 'pending' }],
    });
    expect(statusOf([indicted, dropped], '2025-04-02', DALE)?.stage).toBe('dismissed');
    expect(statusOf([indicted, dropped, refiled], '2025-11-05', DALE)?.stage).toBe('charged');
  });

  it('police bail before a charge is not a court step', () => {
    const charged = item('2025-02-02', {
      events: [
        { type: 'charge', who: LFS, summary: 'Charged with theft' },
        { type: 'bail', who: LFS, summary: 'She had been bailed pending further inquiries', new: false },
      ],
      charges: [{ defendant: LFS, charge: 'theft', status: 'pending' }],
    });
    expect(statusOf([charged], '2025-02-02')?.stage).toBe('charged');
  });

  it('a civil suit filed is "charged"; a default or a jury award is "verdict"; a bankruptcy changes nothing', () => {
    const sued = item('2025-01-05', {
      events: [
        {
          type: 'lawsuit',
          who: DALE,
          date: '2025-01-04',
          summary: 'Families sued Dale for defamation seeking damages',
        },
      ],
    });
    const award = item('2025-10-02', {
      events: [
        {
          type: 'lawsuit',
          who: DALE,
          date: '2025-10-01',
          summary: 'A jury ordered Dale to pay $4 million in damages',
        },
      ],
    });
    const bankrupt = item('2025-12-02', {
      events: [
        { type: 'lawsuit', who: DALE, date: '2025-12-01', summary: 'Dale filed for Chapter 11 bankruptcy' },
      ],
    });
    const items = [sued, award, bankrupt];
    expect(statusOf(items, '2025-01-05', DALE)?.stage).toBe('charged');
    expect(statusOf(items, '2025-10-02', DALE)?.stage).toBe('verdict');
    expect(statusOf(items, '2025-12-02', DALE)?.stage).toBe('verdict');
  });

  it("a jury's award an article also calls a verdict is one development and one alert", () => {
    const k = emptyKnowledge('harbor');
    const award = facts({
      events: [
        { type: 'lawsuit', who: DALE, date: '2025-10-01', summary: 'A jury ordered Dale to pay $4 million' },
        { type: 'verdict', who: DALE, date: '2025-10-01', summary: 'The jury returned a $4 million verdict' },
        { type: 'ruling', who: DALE, date: '2025-10-03', summary: 'The judge set a hearing on interest' },
      ],
    });
    const result = mergeArticle(k, definition, article('https://civil.example/award', '2025-10-03'), award, {
      history: false,
    });
    expect(result.decisions.map((d) => d.development.type)).toEqual(['lawsuit', 'ruling']);
    expect(k.developments.map((d) => d.type)).toEqual(['lawsuit', 'ruling']);
  });
});

describe('the next date', () => {
  it('"in July" after "July 9" is still July 9; a date moved by a later article moves', () => {
    const set = item('2025-03-01', {
      events: [
        { type: 'trial', who: LFS, date: '2025-07-09', status: 'scheduled', summary: 'Trial set for July 9' },
      ],
    });
    const vague = item('2025-04-01', {
      events: [
        { type: 'trial', who: LFS, date: '2025-07', status: 'scheduled', summary: 'Trial expected in July' },
      ],
    });
    const moved = item('2025-06-01', {
      events: [
        {
          type: 'trial',
          who: LFS,
          date: '2025-07-10',
          status: 'scheduled',
          summary: 'Trial to start July 10',
        },
      ],
    });
    expect(caseStatus(knowledgeOf([indicted, set, vague]), '2025-04-01').next?.date).toBe('2025-07-09');
    expect(caseStatus(knowledgeOf([indicted, set, vague, moved]), '2025-06-01').next?.date).toBe(
      '2025-07-10',
    );
  });
});

describe("a hearing's kind is the facts contract's field, not its words", () => {
  const charged = item('2025-01-10', { events: [{ type: 'charge', who: LFS, date: '2025-01-09' }] });
  const courtDate = (published: string, date: string, hearingKind?: 'arraignment' | 'sentencing') =>
    item(published, {
      events: [
        {
          type: 'hearing',
          who: LFS,
          date,
          status: 'scheduled',
          summary: 'Court date set',
          ...(hearingKind ? { hearingKind } : {}),
        },
      ],
    });
  it('an arraignment set is a pretrial step; a court date of no stated kind is not', () => {
    expect(statusOf([charged, courtDate('2025-01-20', '2025-02-03')], '2025-01-20')?.stage).toBe('charged');
    expect(
      statusOf([charged, courtDate('2025-01-20', '2025-02-03', 'arraignment')], '2025-01-20')?.stage,
    ).toBe('pretrial');
  });
  it('a sentencing set again replaces the earlier date; hearings of no stated kind do not replace each other', () => {
    const first = courtDate('2025-03-01', '2025-06-10', 'sentencing');
    const moved = courtDate('2025-05-01', '2025-07-15', 'sentencing');
    expect(caseStatus(knowledgeOf([indicted, first, moved]), '2025-05-01').next?.date).toBe('2025-07-15');
    const unnamed = [courtDate('2025-03-01', '2025-06-10'), courtDate('2025-05-01', '2025-07-15')];
    expect(caseStatus(knowledgeOf([indicted, ...unnamed]), '2025-05-01').next?.date).toBe('2025-06-10');
  });
});

describe('the act the article states', () => {
  it('a motion asking to dismiss is a motion, a refused one a ruling; the charge stays pending', () => {
    const asked = item('2025-04-02', {
      events: [
        {
          type: 'dismissal',
          who: LFS,
          date: '2025-04-01',
          summary: 'x',
          provenance: {
            sentence: 'Her lawyers filed a motion asking the judge to dismiss the theft charge.',
            offset: 0,
          },
        },
      ],
    });
    const refused = item('2025-04-20', {
      events: [
        {
          type: 'dismissal',
          who: LFS,
          date: '2025-04-19',
          summary: 'y',
          provenance: {
            sentence: 'A judge denied a motion to dismiss the theft charge against her.',
            offset: 0,
          },
        },
      ],
      charges: [
        {
          defendant: LFS,
          charge: 'theft',
          status: 'dismissed',
          provenance: {
            sentence: 'A judge denied a motion to dismiss the theft charge against her.',
            offset: 0,
          },
        },
      ],
    });
    const k = knowledgeOf([indicted, asked, refused]);
    expect(
      k.developments
        .filter((d) => d.who !== null && d.type !== 'charge' && d.type !== 'plea')
        .map((d) => d.type),
    ).toEqual(['motion', 'ruling']);
    const s = caseStatus(k, '2025-04-20').defendants[LFS];
    expect(s?.charges.find((c) => c.charge === 'theft')?.status).toBe('pending');
    expect(s?.stage).not.toBe('dismissed');
  });
});
