import { describe, expect, it } from 'vitest';
import { currentCharges } from '../../src/cases/charges.ts';
import { caseStatus } from '../../src/cases/status.ts';
import type { ChargeObservation } from '../../src/cases/types.ts';
import { coversAllCharges } from '../../src/extract/events/index.ts';
import type { ChargeStatus } from '../../src/facts.ts';
import { article, facts } from './helpers.ts';
import { DALE, type Item, indicted, knowledgeOf, LFS } from './statusFixtures.ts';

/** Charge names, blanket drops, pleas and penalties beyond the development corpus. */

/** The charges as /status lists them: name and status. */
function listed(observations: ChargeObservation[]): Array<{ charge: string; status: ChargeStatus }> {
  return currentCharges(observations).map(({ charge, status }) => ({ charge, status }));
}

function obs(charge: string, status: ChargeStatus, url: string, published: string): ChargeObservation {
  return { person: 'p', charge, status, url, published };
}

describe('charge names', () => {
  it('keeps different degrees apart even when no article lists both', () => {
    const charges = currentCharges([
      obs('first-degree murder', 'pending', 'u1', '2025-01-01'),
      obs('first-degree robbery', 'pending', 'u1', '2025-01-01'),
      obs('first-degree murder', 'dropped', 'u2', '2025-06-01'),
      obs('second-degree murder', 'convicted', 'u2', '2025-06-01'),
      obs('second-degree murder', 'convicted', 'u3', '2025-09-01'),
      obs('robbery', 'convicted', 'u3', '2025-09-01'),
    ]);
    expect(charges.map(({ charge, status }) => ({ charge, status }))).toEqual([
      { charge: 'first-degree murder', status: 'dropped' },
      { charge: 'first-degree robbery', status: 'convicted' },
      { charge: 'second-degree murder', status: 'convicted' },
    ]);
  });

  it('never lets a bare name glue two degrees together, and keeps attempted/conspiracy/capital apart', () => {
    const names = currentCharges([
      obs('first-degree murder', 'pending', 'u1', '2025-01-01'),
      obs('murder', 'pending', 'u2', '2025-02-01'),
      obs('second-degree murder', 'convicted', 'u3', '2025-03-01'),
      obs('attempted drug trafficking', 'convicted', 'u3', '2025-03-01'),
      obs('drug trafficking', 'dropped', 'u4', '2025-04-01'),
      obs('conspiracy to commit arson', 'pending', 'u5', '2025-04-01'),
      obs('arson', 'pending', 'u6', '2025-05-01'),
      obs('capital murder', 'pending', 'u6', '2025-05-01'),
    ]).map((c) => c.charge);
    expect(names).toHaveLength(7);
    expect(names).toEqual(
      expect.arrayContaining([
        'first-degree murder',
        'second-degree murder',
        'attempted drug trafficking',
        'drug trafficking',
        'conspiracy to commit arson',
        'arson',
        'capital murder',
      ]),
    );
  });
  it('a bare "conspiracy" named at the indictment is the conspiracy count a later verdict names in full', () => {
    expect(
      listed([
        obs('conspiracy', 'pending', 'u1', '2025-01-01'),
        obs('bribery', 'pending', 'u1', '2025-01-01'),
        obs('conspiracy to obstruct an inquiry', 'convicted', 'u2', '2025-07-01'),
        obs('bribery', 'acquitted', 'u2', '2025-07-01'),
      ]),
    ).toEqual([
      { charge: 'conspiracy to obstruct an inquiry', status: 'convicted' },
      { charge: 'bribery', status: 'acquitted' },
    ]);
  });

  it('two names one article gives different outcomes stay two charges, whatever a bare name later says', () => {
    // A mixed verdict: convicted of defrauding lenders, acquitted of defrauding tenants; a later
    // article's bare "fraud" must not glue them into one charge.
    const charges = listed([
      obs('bank fraud', 'pending', 'u1', '2025-01-01'),
      obs('bank fraud', 'convicted', 'u2', '2025-06-01'),
      obs('fraud against tenants', 'acquitted', 'u2', '2025-06-01'),
      obs('fraud', 'convicted', 'u3', '2025-09-01'),
      obs('bank fraud', 'convicted', 'u4', '2025-12-01'),
    ]);
    expect(charges).toContainEqual({ charge: 'fraud against tenants', status: 'acquitted' });
    expect(charges.filter((c) => c.status === 'convicted')).toHaveLength(1);
    expect(charges).toHaveLength(2);
  });

  it('a bare name its own article lists beside a fuller form is another offence, not shorthand for it', () => {
    // One court's "burglary" (convicted) and another's "first-degree burglary" (acquitted).
    const charges = listed([
      obs('first-degree burglary', 'acquitted', 'u1', '2025-01-01'),
      obs('third-degree burglary', 'convicted', 'u1', '2025-01-01'),
      obs('burglary', 'convicted', 'u2', '2025-06-01'),
      obs('third-degree burglary', 'convicted', 'u2', '2025-06-01'),
      obs('theft', 'pending', 'u2', '2025-06-01'),
      obs('grand theft', 'acquitted', 'u2', '2025-06-01'),
    ]);
    expect(charges).toHaveLength(5);
    expect(charges).toEqual(
      expect.arrayContaining([
        { charge: 'first-degree burglary', status: 'acquitted' },
        { charge: 'burglary', status: 'convicted' },
        { charge: 'theft', status: 'pending' },
        { charge: 'grand theft', status: 'acquitted' },
      ]),
    );
    // Worded differently but the same offence still joins: "arson in the second degree".
    const same = currentCharges([
      obs('second-degree arson', 'pending', 'u1', '2025-01-01'),
      obs('arson in the second degree', 'dismissed', 'u2', '2025-02-01'),
    ]);
    expect(same.map((c) => c.status)).toEqual(['dismissed']);
  });

  it('a statute spelled out by one outlet and abbreviated by another is one charge', () => {
    const charges = currentCharges([
      obs(
        'conspiracy to violate the Racketeer Influenced and Corrupt Organizations Act',
        'pending',
        'u1',
        '2025-01-01',
      ),
      obs('conspiracy to violate the RICO act', 'convicted', 'u2', '2025-05-01'),
    ]);
    expect(charges.map(({ charge, status }) => ({ charge, status }))).toEqual([
      { charge: 'conspiracy to violate the rico act', status: 'convicted' },
    ]);
  });

  it('a racketeering charge is the conspiracy to violate the racketeering statute an indictment names', () => {
    const charges = listed([
      obs('conspiracy to violate the RICO act', 'pending', 'u1', '2025-01-01'),
      obs('racketeering', 'convicted', 'u2', '2025-05-01'),
      obs('conspiracy to commit burglary', 'pending', 'u1', '2025-01-01'),
      obs('burglary', 'acquitted', 'u3', '2025-06-01'),
    ]);
    // The indictment's wording stays the charge's name when no wording is more common.
    expect(charges).toContainEqual({ charge: 'conspiracy to violate the rico act', status: 'convicted' });
    // Any other conspiracy is still an offence apart from the one conspired to.
    expect(charges).toContainEqual({ charge: 'conspiracy to commit burglary', status: 'pending' });
    expect(charges).toHaveLength(3);
  });

  it('an acquittal is final: a later conviction under a shorter name is another count', () => {
    const charges = listed([
      obs('aggravated robbery', 'acquitted', 'u1', '2021-03-01'),
      obs('robbery', 'convicted', 'u2', '2023-05-01'),
    ]);
    expect(charges).toEqual([
      { charge: 'aggravated robbery', status: 'acquitted' },
      { charge: 'robbery', status: 'convicted' },
    ]);
    // A conviction and then an acquittal may be one count retried after an appeal: one charge.
    expect(
      listed([
        obs('aggravated robbery', 'convicted', 'u1', '2021-03-01'),
        obs('robbery', 'acquitted', 'u2', '2023-05-01'),
      ]),
    ).toEqual([{ charge: 'aggravated robbery', status: 'acquitted' }]);
  });

  it('charges of two proceedings stay apart even when one name extends the other', () => {
    const charges = currentCharges([
      { ...obs('kidnapping', 'pending', 'u1', '2024-01-01'), proceeding: 'federal' },
      { ...obs('aggravated kidnapping', 'convicted', 'u2', '2024-06-01'), proceeding: 'Ohio' },
    ]).map(({ charge, status, proceeding }) => ({ charge, status, proceeding }));
    expect(charges).toEqual([
      { charge: 'kidnapping', status: 'pending', proceeding: 'federal' },
      { charge: 'aggravated kidnapping', status: 'convicted', proceeding: 'Ohio' },
    ]);
  });

  it('never joins two counts one article listed apart through a third, shorter name', () => {
    const charges = listed([
      obs('arson as a crime of terrorism', 'pending', 'u1', '2025-01-01'),
      obs('arson in the second degree', 'pending', 'u1', '2025-01-01'),
      obs('second-degree arson', 'pending', 'u2', '2025-02-01'),
      obs('arson by use of an explosive', 'pending', 'u2', '2025-02-01'),
      obs('arson', 'pending', 'u3', '2025-03-01'),
      obs('arson in the second degree as a crime of terrorism', 'dismissed', 'u4', '2025-04-01'),
    ]);
    // The plain second-degree count (however worded) stays pending; only the terrorism count ends.
    expect(charges).toContainEqual({ charge: 'arson in the second degree', status: 'pending' });
    expect(charges).toContainEqual({ charge: 'arson by use of an explosive', status: 'pending' });
    expect(charges.filter((c) => c.status === 'dismissed').map((c) => c.charge)).toEqual([
      'arson in the second degree as a crime of terrorism',
    ]);
    expect(charges).toHaveLength(3);
  });
});

describe('blanket drops and dismissals', () => {
  const dropAll: Item = [
    article('https://b.example/drop-all', '2025-03-10'),
    facts({
      events: [
        {
          type: 'charge_dropped',
          who: DALE,
          date: '2025-03-07',
          summary: 'Prosecutors filed a notice dismissing all charges against Dale',
        },
      ],
      penalties: [{ defendant: DALE, max: 12, unit: 'years', current: false }],
    }),
  ];

  it('a notice dropping "all charges" (no offence named) drops every pending charge of that defendant', () => {
    const s = caseStatus(knowledgeOf([indicted, dropAll]), '2025-03-10');
    expect(s.defendants[DALE]).toEqual({
      stage: 'dismissed',
      charges: [
        { charge: 'theft', status: 'dropped' },
        { charge: 'forgery', status: 'dropped' },
      ],
      maxPenalty: null,
    });
    // The co-defendant is untouched, and keeps the maximum stated for her.
    expect(s.defendants[LFS]?.stage).toBe('pretrial');
    expect(s.defendants[LFS]?.maxPenalty).toEqual({ max: 12, unit: 'years' });
  });

  it('tells a drop of the whole case from a drop or reduction of named charges', () => {
    expect(coversAllCharges('Charges against Dale dropped in March')).toBe(true);
    expect(coversAllCharges('Prosecutors dropped all three counts')).toBe(true);
    expect(coversAllCharges('Judge dismissed the case against Dale')).toBe(true);
    expect(coversAllCharges('Charges against Dale were reduced')).toBe(false);
    expect(coversAllCharges('Prosecutors dropped the second-degree manslaughter charge')).toBe(false);
    expect(coversAllCharges('Robbery and weapons counts dropped under the deal')).toBe(false);
  });

  it('a charge reported pending again after the drop (refiled) stays pending', () => {
    const refiled: Item = [
      article('https://c.example/refiled', '2025-05-01'),
      facts({ charges: [{ defendant: DALE, charge: 'forgery', status: 'pending' }] }),
    ];
    const s = caseStatus(knowledgeOf([indicted, dropAll, refiled]), '2025-05-01');
    expect(s.defendants[DALE]?.charges).toEqual([
      { charge: 'theft', status: 'dropped' },
      { charge: 'forgery', status: 'pending' },
    ]);
    expect(s.defendants[DALE]?.stage).not.toBe('dismissed');
  });
});

describe('pleas, verdicts and the maximum penalty', () => {
  it('a no-contest plea with sentencing set is a conviction: verdict, with the latest maximum', () => {
    const plea: Item = [
      article('https://d.example/plea', '2025-04-02'),
      facts({
        events: [
          { type: 'plea', who: LFS, date: '2025-04-01', summary: 'Pleaded no contest to theft' },
          {
            type: 'hearing',
            who: LFS,
            date: '2025-06-01',
            status: 'scheduled',
            summary: 'Sentencing set for June 1',
          },
        ],
      }),
    ];
    const s = caseStatus(knowledgeOf([indicted, plea]), '2025-04-02');
    expect(s.defendants[LFS]?.stage).toBe('verdict');
    expect(s.defendants[LFS]?.maxPenalty).toEqual({ max: 12, unit: 'years' });
    expect(s.next).toEqual({ date: '2025-06-01', what: 'Sentencing set for June 1' });
  });

  it('a no-contest plea under a deal pending court approval stays pretrial', () => {
    const deal: Item = [
      article('https://d.example/deal', '2025-04-02'),
      facts({
        events: [
          {
            type: 'plea',
            who: LFS,
            summary: 'Pleaded no contest under a plea agreement pending court approval',
          },
        ],
      }),
    ];
    expect(caseStatus(knowledgeOf([indicted, deal]), '2025-04-02').defendants[LFS]?.stage).toBe('pretrial');
  });

  it('a charge marked convicted under a deal awaiting approval does not make a verdict', () => {
    const deal: Item = [
      article('https://d.example/deal-convicted', '2025-04-02'),
      facts({
        events: [
          {
            type: 'plea',
            who: LFS,
            summary: 'She pleaded no contest; the plea agreement is pending approval',
          },
        ],
        charges: [{ defendant: LFS, charge: 'theft', status: 'convicted' }],
      }),
    ];
    expect(caseStatus(knowledgeOf([indicted, deal]), '2025-04-02').defendants[LFS]?.stage).toBe('pretrial');
  });

  it('an acquittal on every count leaves no maximum penalty', () => {
    const acquitted: Item = [
      article('https://e.example/acquitted', '2025-10-25'),
      facts({
        events: [{ type: 'verdict', who: DALE, date: '2025-10-24', summary: 'Found not guilty' }],
        charges: [
          { defendant: DALE, charge: 'theft', status: 'acquitted' },
          { defendant: DALE, charge: 'forgery', status: 'acquitted' },
        ],
      }),
    ];
    const s = caseStatus(knowledgeOf([indicted, acquitted]), '2025-10-25');
    expect(s.defendants[DALE]?.stage).toBe('verdict');
    expect(s.defendants[DALE]?.maxPenalty).toBeNull();
  });

  it('a co-defendant\'s "had faced" figure does not retire the same figure of someone else', () => {
    const mixed: Item = [
      article('https://f.example/mixed', '2025-03-10'),
      facts({
        events: [
          { type: 'charge_dropped', who: DALE, summary: 'Prosecutors dropped all charges against Dale' },
        ],
        charges: [
          { defendant: LFS, charge: 'forgery', status: 'dropped' },
          { defendant: LFS, charge: 'theft', status: 'convicted' },
        ],
        penalties: [{ defendant: DALE, max: 12, unit: 'years', current: false }],
      }),
    ];
    const s = caseStatus(knowledgeOf([indicted, mixed]), '2025-03-10');
    expect(s.defendants[LFS]).toMatchObject({ stage: 'verdict', maxPenalty: { max: 12, unit: 'years' } });
  });
});
