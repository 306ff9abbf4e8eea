import { describe, expect, it } from 'vitest';
import { DALE, itemMaker, knowledgeOf, LFS, statusOf } from './statusFixtures.ts';

/**
 * What an article only recalls never re-decides what it reports as news (issue 12, item 3):
 * hand-written facts about a fictional case, never corpus text.
 */

const item = itemMaker('recalled');

describe('charges brought again after a drop', () => {
  // Charged without a date in the news; every charge dropped in spring.
  const charged = item('2025-01-10', {
    events: [{ type: 'charge', who: LFS, summary: 'Ferreira-Stone was charged with theft and forgery' }],
    charges: [
      { defendant: LFS, charge: 'theft', status: 'pending' },
      { defendant: LFS, charge: 'forgery', status: 'pending' },
    ],
  });
  const dropped = item('2025-03-05', {
    events: [
      {
        type: 'charge_dropped',
        who: LFS,
        date: '2025-03-04',
        scope: 'all',
        summary: 'Prosecutors dropped all charges against her',
      },
    ],
    charges: [
      { defendant: LFS, charge: 'theft', status: 'dropped' },
      { defendant: LFS, charge: 'forgery', status: 'dropped' },
    ],
  });
  // The autumn article's news is a new indictment on one charge; the drop is only recalled, and
  // its extractor read the recalled drop into the charge's status.
  const again = item('2025-11-20', {
    events: [
      { type: 'charge', who: LFS, summary: 'A grand jury indicted Ferreira-Stone again' },
      {
        type: 'charge_dropped',
        who: LFS,
        new: false,
        summary: 'Prosecutors had dropped the case against her in March',
      },
    ],
    charges: [
      {
        defendant: LFS,
        charge: 'theft',
        status: 'dropped',
        provenance: {
          sentence: 'Ferreira-Stone once more faces a theft charge after the grand jury vote.',
          offset: 0,
        },
      },
    ],
  });

  it('the charge the new indictment brings is pending again; the one it leaves out stays dropped', () => {
    const s = statusOf([charged, dropped, again], '2025-11-20');
    expect(s?.charges).toEqual([
      { charge: 'theft', status: 'pending' },
      { charge: 'forgery', status: 'dropped' },
    ]);
    expect(s?.stage).toBe('charged');
  });

  it('an outcome the charge sentence itself tells stands', () => {
    const told = item('2025-11-21', {
      events: again[1].events,
      charges: [
        {
          defendant: LFS,
          charge: 'theft',
          status: 'dropped',
          provenance: { sentence: 'The theft charge prosecutors dropped in March is back.', offset: 0 },
        },
      ],
    });
    // Without an offence named by the indictment's own sentence, a stated drop is not overruled.
    expect(statusOf([charged, dropped, told], '2025-11-21')?.charges[0]?.status).toBe('dropped');
  });

  it('the undated news of the new indictment is a development of its own, not the first charge retold', () => {
    const k = knowledgeOf([charged, dropped, again]);
    expect(k.developments.filter((d) => d.type === 'charge')).toHaveLength(2);
  });
});

describe('acts recalled without a date', () => {
  const charged = item('2025-01-10', {
    events: [{ type: 'plea', who: LFS, date: '2025-01-09', summary: 'She pleaded not guilty to theft' }],
    charges: [{ defendant: LFS, charge: 'theft', status: 'pending' }],
  });
  it('a charge recalled without a date after the case was dismissed does not reopen it', () => {
    const pleaded = item('2025-01-10', {
      events: [{ type: 'plea', who: LFS, date: '2025-01-09', summary: 'She pleaded not guilty' }],
    });
    const dismissed = item('2025-03-05', {
      events: [
        {
          type: 'dismissal',
          who: LFS,
          date: '2025-03-04',
          scope: 'all',
          summary: 'The judge dismissed the case',
        },
      ],
    });
    const recalled = item('2025-09-20', {
      events: [{ type: 'charge', who: LFS, new: false, summary: 'Ferreira-Stone had been charged in 2024' }],
    });
    expect(statusOf([pleaded, dismissed, recalled], '2025-09-20')?.stage).toBe('dismissed');
  });

  it('a verdict recalled without a date after the conviction was overturned does not convict again', () => {
    const sentenced = item('2025-08-02', {
      events: [{ type: 'sentence', who: LFS, date: '2025-08-01', summary: 'Sentenced to four years' }],
      charges: [{ defendant: LFS, charge: 'theft', status: 'convicted' }],
    });
    const overturned = item('2026-03-03', {
      events: [
        { type: 'appeal', who: LFS, date: '2026-03-02', summary: 'Appeals court overturned her conviction' },
      ],
    });
    const recalled = item('2026-06-10', {
      events: [{ type: 'verdict', who: LFS, new: false, summary: 'A jury had found her guilty of theft' }],
    });
    const s = statusOf([charged, sentenced, overturned, recalled], '2026-06-10');
    expect(s?.stage).toBe('pretrial');
    expect(s?.charges).toEqual([{ charge: 'theft', status: 'pending' }]);
  });
});

describe('a conviction overturned', () => {
  const charged = item('2025-01-10', {
    events: [
      { type: 'charge', who: LFS, date: '2025-01-09', summary: 'She was charged with theft and fraud' },
    ],
    charges: [
      { defendant: LFS, charge: 'theft', status: 'pending' },
      { defendant: LFS, charge: 'fraud', status: 'pending' },
    ],
  });
  const convicted = item('2025-06-03', {
    events: [{ type: 'verdict', who: LFS, date: '2025-06-02', summary: 'A jury convicted her of theft' }],
    charges: [{ defendant: LFS, charge: 'theft', status: 'convicted' }],
  });
  const sentenced = item('2025-08-02', {
    events: [{ type: 'sentence', who: LFS, date: '2025-08-01', summary: 'Sentenced to four years' }],
  });
  // Another court tries the fraud count later and convicts her of it.
  const otherCourt = item('2025-11-05', {
    events: [
      { type: 'verdict', who: LFS, date: '2025-11-04', summary: 'A second jury convicted her of fraud' },
    ],
    charges: [{ defendant: LFS, charge: 'fraud', status: 'convicted' }],
  });
  const overturned = item('2026-03-03', {
    events: [
      {
        type: 'appeal',
        who: LFS,
        date: '2026-03-02',
        summary: 'Appeals court overturned her theft conviction',
      },
    ],
  });
  // Months later: a retrial is set, and the article recalls the overturned conviction.
  const retrialSet = item('2026-05-20', {
    events: [
      {
        type: 'trial',
        who: LFS,
        status: 'scheduled',
        date: '2026-10-05',
        retrial: true,
        summary: 'Her retrial on the theft count is set for October 5',
      },
    ],
    charges: [{ defendant: LFS, charge: 'theft', status: 'convicted' }],
  });
  const items = [charged, convicted, sentenced, otherCourt, overturned, retrialSet];

  it('a conviction recalled after the overturn and the retrial set does not stand again', () => {
    const s = statusOf(items, '2026-05-20');
    expect(s?.stage).toBe('pretrial');
    expect(s?.charges).toContainEqual({ charge: 'theft', status: 'pending' });
  });

  it('another court’s later conviction is not the one overturned', () => {
    expect(statusOf(items, '2026-05-20')?.charges).toContainEqual({ charge: 'fraud', status: 'convicted' });
  });

  it('the retrial’s verdict convicts again', () => {
    const again = item('2026-10-20', {
      events: [
        { type: 'verdict', who: LFS, date: '2026-10-19', summary: 'The retrial jury convicted her of theft' },
      ],
      charges: [{ defendant: LFS, charge: 'theft', status: 'convicted' }],
    });
    expect(statusOf([...items, again], '2026-10-20')?.charges).toContainEqual({
      charge: 'theft',
      status: 'convicted',
    });
  });
});

describe('a conviction needs an act of the person', () => {
  const charged = item('2025-01-10', {
    events: [
      { type: 'charge', who: LFS, date: '2025-01-09', summary: 'Both were charged with theft' },
      { type: 'charge', who: DALE, date: '2025-01-09', summary: 'Both were charged with theft' },
    ],
    charges: [
      { defendant: LFS, charge: 'theft', status: 'pending' },
      { defendant: DALE, charge: 'theft', status: 'pending' },
    ],
  });
  // Her sentencing article: the extractor also gave him her conviction.
  const herSentence = item('2025-08-02', {
    events: [{ type: 'sentence', who: LFS, date: '2025-08-01', summary: 'She was sentenced to four years' }],
    charges: [
      { defendant: LFS, charge: 'theft', status: 'convicted' },
      { defendant: DALE, charge: 'theft', status: 'convicted' },
    ],
  });

  it('a charge reported convicted for someone with no verdict, guilty plea or sentence stays as it was', () => {
    expect(statusOf([charged, herSentence], '2025-08-02', DALE)?.charges).toEqual([
      { charge: 'theft', status: 'pending' },
    ]);
    expect(statusOf([charged, herSentence], '2025-08-02')?.charges).toEqual([
      { charge: 'theft', status: 'convicted' },
    ]);
  });

  it('his own guilty plea convicts him', () => {
    const plea = item('2025-09-02', {
      events: [
        {
          type: 'plea',
          who: DALE,
          date: '2025-09-01',
          plea: 'guilty',
          summary: 'Dale pleaded guilty to theft',
        },
      ],
      charges: [{ defendant: DALE, charge: 'theft', status: 'convicted' }],
    });
    expect(statusOf([charged, herSentence, plea], '2025-09-02', DALE)?.charges).toEqual([
      { charge: 'theft', status: 'convicted' },
    ]);
  });
});

describe('a sentence after a fresh start', () => {
  const convicted = item('2025-06-03', {
    events: [{ type: 'verdict', who: LFS, date: '2025-06-02', summary: 'A jury convicted her of theft' }],
  });
  const sentenced = item('2025-08-02', {
    events: [{ type: 'sentence', who: LFS, date: '2025-08-01', summary: 'Sentenced to four years' }],
  });
  // The appeal article tells the old sentence again, as if new, beside the overturn.
  const overturned = item('2026-03-03', {
    events: [
      { type: 'appeal', who: LFS, date: '2026-03-02', summary: 'Appeals court overturned her conviction' },
      { type: 'sentence', who: LFS, summary: 'She has been serving a four-year sentence' },
    ],
  });

  it('needs the new verdict first: the sentence told beside the overturn is the old one', () => {
    expect(statusOf([convicted, sentenced, overturned], '2026-03-03')?.stage).toBe('pretrial');
  });

  it('after the retrial verdict, a new sentence stands', () => {
    const again = item('2026-09-10', {
      events: [
        { type: 'verdict', who: LFS, date: '2026-09-09', summary: 'The retrial jury convicted her' },
        {
          type: 'sentence',
          who: LFS,
          date: '2026-09-09',
          summary: 'She was sentenced again, to three years',
        },
      ],
    });
    expect(statusOf([convicted, sentenced, overturned, again], '2026-09-10')?.stage).toBe('sentenced');
  });
});
