import { describe, expect, it } from 'vitest';
import { extractCharges } from '../../src/extract/charges/charges.ts';
import { type FixturePerson, fixture } from './eventsFixture.ts';

/** Offence names and statuses as legal news writes them beyond the development corpus (made-up sentences). */
const ROE: FixturePerson = { name: 'Jane Roe', role: 'defendant', gender: 'female' };
const DOE: FixturePerson = { name: 'John Doe', role: 'defendant', gender: 'male' };
const WOLFE: FixturePerson = { name: 'Dan Wolfe', role: 'prosecutor', gender: 'male' };

function charges(text: string, persons: FixturePerson[] = [ROE]): string[] {
  const { doc, people } = fixture(text, '2023-03-09', persons);
  return extractCharges(doc, people)
    .map((c) => `${c.defendant}: ${c.charge} (${c.status})`)
    .sort();
}

/** John Doe's charges in made-up text. */
const ofDoe = (text: string) => charges(text, [DOE]);

describe('offence names', () => {
  it('keeps the whole offence phrase, not just its head word', () => {
    expect(
      charges('Jane Roe is charged with theft by deception, conspiracy and tampering with public records.'),
    ).toEqual([
      'Jane Roe: conspiracy (pending)',
      'Jane Roe: tampering with public records (pending)',
      'Jane Roe: theft by deception (pending)',
    ]);
    expect(
      charges('John Doe was indicted on armed criminal action and intimidation of a witness.', [DOE]),
    ).toEqual(['John Doe: armed criminal action (pending)', 'John Doe: intimidation of a witness (pending)']);
    expect(charges('She faces counts of engaging in a pattern of corrupt activity.')).toEqual([
      'Jane Roe: engaging in a pattern of corrupt activity (pending)',
    ]);
  });
  it('offences the lexicon lacks are read from the list after "charged with"', () => {
    expect(
      charges('Jane Roe is charged with menacing and criminal impersonation in a dispute at a bar.'),
    ).toEqual(['Jane Roe: criminal impersonation (pending)', 'Jane Roe: menacing (pending)']);
    // A description of the act is no offence's name.
    expect(charges('Jane Roe was convicted of illegally selling pills to patients.')).toEqual([]);
    expect(charges('Jane Roe pleaded guilty Monday to two counts of arson, weeks before her trial.')).toEqual(
      ['Jane Roe: arson (convicted)'],
    );
  });
  it('a hyphenated offence reads as words; a bare head word joins its full name', () => {
    expect(
      charges(
        'Jane Roe was charged with theft by deception. Prosecutors withdrew the records-tampering charge. The theft charge stands.',
      ),
    ).toEqual(['Jane Roe: records tampering (dropped)', 'Jane Roe: theft by deception (pending)']);
  });
  it('an offence named before a category noun is the offence ("obstruction offenses", "fraud charges")', () => {
    expect(
      charges(
        'A grand jury indicted Jane Roe on civil rights, conspiracy and obstruction offenses last week.',
      ),
    ).toContain('Jane Roe: obstruction (pending)');
    expect(charges('Jane Roe was charged with obstruction after the raid.')).toEqual([
      'Jane Roe: obstruction (pending)',
    ]);
    // A fraud named by its victims is that offence, not a bare "fraud" joining another fraud charge.
    expect(
      charges(
        'Jane Roe was charged with wire fraud. The jury found her not guilty of two counts related to fraud committed against patients.',
      ),
    ).toEqual(['Jane Roe: fraud committed against patients (acquitted)', 'Jane Roe: wire fraud (pending)']);
    // A named conspiracy ends before a relative clause about the case.
    expect(
      charges('Jane Roe was indicted on conspiracy to commit bank fraud that had been brought by the state.'),
    ).toEqual(['Jane Roe: conspiracy to commit bank fraud (pending)']);
    // "drug offences" names a family of offences, not one: it stays as written.
    expect(charges('Jane Roe was charged with drug offences.')).toEqual([
      'Jane Roe: drug offences (pending)',
    ]);
  });
});

describe('statuses', () => {
  it('a no-contest plea convicts; a plea under a deal pending approval does not', () => {
    expect(charges('Jane Roe pleaded no contest to criminal mischief on Monday.')).toEqual([
      'Jane Roe: criminal mischief (convicted)',
    ]);
    expect(
      charges('Jane Roe pleaded no contest to criminal mischief under a deal pending approval by the court.'),
    ).toEqual(['Jane Roe: criminal mischief (pending)']);
  });
  it('a prosecutor who dismisses a charge drops it, even beside a guilty plea', () => {
    const got = charges(
      'John Doe pleaded guilty Monday to burglary. In exchange, Prosecuting Attorney Dan Wolfe dismissed the arson charge against him.',
      [DOE, WOLFE],
    );
    expect(got).toEqual(['John Doe: arson (dropped)', 'John Doe: burglary (convicted)']);
  });
  it('a verdict that names the defendant far from the offences, and one list per status', () => {
    const got = charges(
      'A jury on Tuesday convicted Jane Roe, a former school bookkeeper from the valley, of embezzlement and forgery, but acquitted her of perjury and of tampering with evidence.',
    );
    expect(got).toEqual([
      'Jane Roe: embezzlement (convicted)',
      'Jane Roe: forgery (convicted)',
      'Jane Roe: perjury (acquitted)',
      'Jane Roe: tampering with evidence (acquitted)',
    ]);
  });
  it('a charge dismissed by a person named as prosecutor is dropped; by a judge, dismissed', () => {
    const judge: FixturePerson = { name: 'Maria Vance', role: 'judge', gender: 'female' };
    expect(charges('Wolfe dismissed the arson charge against John Doe on Monday.', [DOE, WOLFE])).toEqual([
      'John Doe: arson (dropped)',
    ]);
    expect(charges('Vance dismissed the arson charge against John Doe on Monday.', [DOE, judge])).toEqual([
      'John Doe: arson (dismissed)',
    ]);
  });
  it('"cleared him of" acquits; "the X and Y convictions" convict the whole list', () => {
    expect(charges('Jurors cleared him of forgery.', [DOE])).toEqual(['John Doe: forgery (acquitted)']);
    expect(charges('The court affirmed the arson and burglary convictions of John Doe.', [DOE])).toEqual([
      'John Doe: arson (convicted)',
      'John Doe: burglary (convicted)',
    ]);
  });
  it('a conviction of one defendant is not given to the one he testified against', () => {
    const got = charges(
      'The co-defendant, John Doe, was sentenced in May after pleading guilty to burglary and testifying against Roe.',
      [ROE, DOE],
    );
    expect(got).toEqual(['John Doe: burglary (convicted)']);
  });
  it('"charged with the same offenses" repeats the offences named before for the new defendant', () => {
    const got = charges(
      'Prosecutors filed counts of burglary and arson against John Doe on Monday. A second man, Alan Poe, was charged Tuesday with the same offenses.',
      [DOE, { name: 'Alan Poe', role: 'defendant', gender: 'male' }],
    );
    expect(got).toEqual([
      'Alan Poe: arson (pending)',
      'Alan Poe: burglary (pending)',
      'John Doe: arson (pending)',
      'John Doe: burglary (pending)',
    ]);
  });
  it('"along with" continues a charge list; a reduced count is dropped', () => {
    expect(
      charges(
        'Jane Roe faces two counts of arson in the fires at two warehouses, along with insurance fraud.',
      ),
    ).toEqual(['Jane Roe: arson (pending)', 'Jane Roe: insurance fraud (pending)']);
    expect(
      charges(
        'Jane Roe was charged with drug trafficking. She pleaded guilty to attempted drug trafficking after prosecutors reduced the trafficking count.',
      ),
    ).toEqual(['Jane Roe: attempted drug trafficking (convicted)', 'Jane Roe: drug trafficking (dropped)']);
  });
});

describe('offence names from many jurisdictions (invented sentences)', () => {
  it('reads degrees written after the offence, and terrorism and firearm qualifiers', () => {
    expect(
      ofDoe(
        'John Doe was charged with murder in the second degree and criminal possession of a weapon in the third degree.',
      ),
    ).toEqual([
      'John Doe: criminal possession of a weapon in the third degree (pending)',
      'John Doe: murder in the second degree (pending)',
    ]);
    expect(
      charges('Jane Roe was indicted on murder in the first degree in furtherance of an act of terrorism.'),
    ).toEqual(['Jane Roe: murder in the first degree in furtherance of an act of terrorism (pending)']);
  });

  it('knows traffic, weapons and statute offences as U.S. states word them', () => {
    expect(
      charges(
        'Jane Roe is charged with leaving the scene of a collision resulting in death and operating under the influence.',
      ),
    ).toEqual([
      'Jane Roe: leaving the scene of a collision resulting in death (pending)',
      'Jane Roe: operating under the influence (pending)',
    ]);
    expect(ofDoe('John Doe was convicted of possession of a firearm by a convicted felon.')).toEqual([
      'John Doe: possession of a firearm by a convicted felon (convicted)',
    ]);
    expect(ofDoe('John Doe faces a count of conspiring to violate the state anti-gang act.')).toEqual([
      'John Doe: conspiring to violate the state anti gang act (pending)',
    ]);
  });

  it('knows English offences', () => {
    expect(
      ofDoe('John Doe was charged with causing grievous bodily harm with intent at a Crown Court hearing.'),
    ).toEqual(['John Doe: causing grievous bodily harm with intent (pending)']);
  });
});

describe('verdicts on every charge at once', () => {
  it('"on all charges", "on all three counts" settle every charge the article named', () => {
    expect(
      ofDoe('John Doe had been charged with murder and arson. A jury acquitted him on all charges Friday.'),
    ).toEqual(['John Doe: arson (acquitted)', 'John Doe: murder (acquitted)']);
    expect(
      charges(
        'Jane Roe was charged with theft, fraud and forgery. On Tuesday a jury found her guilty on all three counts.',
      ),
    ).toEqual([
      'Jane Roe: forgery (convicted)',
      'Jane Roe: fraud (convicted)',
      'Jane Roe: theft (convicted)',
    ]);
  });

  it('a plea or a possibility on all counts decides nothing', () => {
    for (const after of ['She pleaded not guilty to all counts.', 'She could be convicted on all counts.'])
      expect(charges(`Jane Roe was charged with theft and fraud. ${after}`)).toEqual([
        'Jane Roe: fraud (pending)',
        'Jane Roe: theft (pending)',
      ]);
  });

  it('a sentence being served is for an offence the defendant was convicted of', () => {
    expect(charges('Jane Roe reported to prison on Tuesday to begin an 11-year sentence for fraud.')).toEqual(
      ['Jane Roe: fraud (convicted)'],
    );
  });
});

describe('mixed verdicts', () => {
  it('a count the jury hung on stays pending beside an acquittal in the same sentence', () => {
    expect(
      charges(
        'The jury found Jane Roe not guilty of one count -- arson of a barn -- and it was hung on two counts, including forcible rape of a neighbour.',
      ),
    ).toEqual(['Jane Roe: arson (acquitted)', 'Jane Roe: forcible rape (pending)']);
    expect(
      charges(
        'Jurors were deadlocked on three of the charges of wire fraud after acquitting Jane Roe of theft.',
      ),
    ).toContain('Jane Roe: wire fraud (pending)');
  });

  it('keeps the qualifier of a graver offence ("predatory sexual assault") and reads a sentence served in a place', () => {
    expect(
      charges('Jane Roe was found not guilty of two counts of predatory sexual assault on Monday.'),
    ).toEqual(['Jane Roe: predatory sexual assault (acquitted)']);
    expect(
      charges('Jane Roe is already serving a 12-year sentence in New Jersey for arson and burglary.'),
    ).toEqual(['Jane Roe: arson (convicted)', 'Jane Roe: burglary (convicted)']);
  });
});

describe('offences written as verbs', () => {
  it('"convicted of murdering … and trying to kill …" is murder and attempted murder', () => {
    expect(
      charges('Jane Roe was convicted by a jury of murdering three patients and trying to kill two more.'),
    ).toEqual(['Jane Roe: attempted murder (convicted)', 'Jane Roe: murder (convicted)']);
  });
});
