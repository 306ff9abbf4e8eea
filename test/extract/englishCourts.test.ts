import { describe, expect, it } from 'vitest';
import { extractFacts } from '../../src/extract/index.ts';

/**
 * English court reporting (invented sentences in the grammar of British news): offences as
 * English courts name them, pleas told as "denies" and "admitted", counsel named with "KC" and
 * "prosecuting", police ranks, the Old Bailey, remand to a later appearance.
 */
const facts = (text: string, published = '2024-03-08') =>
  extractFacts({ title: text.split('\n')[0] ?? '', text, published });
const charges = (text: string) =>
  facts(text)
    .charges.map((c) => `${c.defendant}: ${c.charge} (${c.status})`)
    .sort();
const roles = (text: string) => Object.fromEntries(facts(text).people.map((p) => [p.name, p.role]));

describe('English offences and pleas', () => {
  it('reads an offence list after "denies", with counts and English offence names', () => {
    expect(
      charges(
        'Ward denies charges\nGavin Ward, 34, denies murder, two counts of causing grievous bodily harm with intent and perverting the course of justice.',
      ),
    ).toEqual([
      'Gavin Ward: causing grievous bodily harm with intent (pending)',
      'Gavin Ward: murder (pending)',
      'Gavin Ward: perverting the course of justice (pending)',
    ]);
  });

  it('"admitted" an offence is a guilty plea, and makes a relative who admits it a defendant', () => {
    const text =
      'Carer convicted\nA carer, Moira Dunn, was found guilty of manslaughter by gross negligence at Leeds Crown Court on Tuesday. ' +
      'Her brother, Owen Dunn, 45, admitted assisting an offender.';
    expect(charges(text)).toEqual([
      'Moira Dunn: manslaughter by gross negligence (convicted)',
      'Owen Dunn: assisting an offender (convicted)',
    ]);
    expect(roles(text)).toMatchObject({ 'Moira Dunn': 'defendant', 'Owen Dunn': 'defendant' });
  });

  it('"jailed for" and a whole-life order "for" an offence convict of it', () => {
    expect(
      charges('Killer jailed\nRoland Pike was jailed for the murder of his landlord on Friday.'),
    ).toEqual(['Roland Pike: murder (convicted)']);
    expect(
      charges('Whole-life order\nNeil Cobb was given a whole-life order for the murders of two women.'),
    ).toEqual(['Neil Cobb: murder (convicted)']);
  });

  it('names a conspiracy by its verb phrase, stopping at a preposition', () => {
    expect(
      charges(
        'Pair charged\nDale Royle is charged with conspiracy to murder in connection with the shooting.',
      ),
    ).toEqual(['Dale Royle: conspiracy to murder (pending)']);
  });
});

describe('English court people', () => {
  it('counsel with "KC" and the side they are on', () => {
    expect(
      roles(
        'Court hears opening\nPhilippa Crane KC, prosecuting, told jurors the attack was planned. ' +
          'Defending, Martin Obi KC said his client was elsewhere. Hugo Penn QC did not object.',
      ),
    ).toMatchObject({
      'Philippa Crane': 'prosecutor',
      'Martin Obi': 'defense_attorney',
      'Hugo Penn': 'defense_attorney',
    });
  });

  it('the prosecution barrister is the prosecutor; police ranks without periods are officials', () => {
    expect(
      roles(
        'Trial told of calls\nThe prosecution barrister, Ruth Oakes, played the calls. ' +
          'DC Lena Marsh and DS Colin Frey led the inquiry.',
      ),
    ).toMatchObject({ 'Ruth Oakes': 'prosecutor', 'Lena Marsh': 'official', 'Colin Frey': 'official' });
  });

  it('the Old Bailey is a court, not a person; a military rank is a title', () => {
    const people = facts(
      'Soldier killed\nKyle Henson was remanded in custody after the killing of Drummer Ian Pell. ' +
        'He will appear at the Old Bailey on Monday. Drummer Pell, 25, was off duty.',
    ).people.map((p) => p.name);
    expect(people).not.toContain('Bailey');
    expect(people).toContain('Ian Pell');
    expect(people).not.toContain('Drummer Pell');
  });
});

describe('English court events', () => {
  it('remanded in custody to appear on a later day: the remand today, the appearance scheduled', () => {
    const events = facts(
      'Man in court\nTrevor Hale, 48, was remanded in custody to appear at the Old Bailey on March 12.',
    ).events.map((e) => `${e.type} ${e.status} ${e.date}`);
    expect(events).toContain('bail happened 2024-03-08');
    expect(events).toContain('hearing scheduled 2024-03-12');
    expect(events).not.toContain('bail happened 2023-03-12');
  });
});

describe('English sentences, charges and verdicts', () => {
  it('"jailed for life with a minimum term of" is a sentence imposed, not a penalty', () => {
    const f = facts(
      'Killer jailed\nOscar Lund, 41, was jailed for life with a minimum term of 28 years on Friday.',
    );
    expect(f.events.map((e) => `${e.type} ${e.date}`)).toContain('sentence 2024-03-08');
    expect(f.penalties).toEqual([]);
  });

  it('"jailed for" months awaiting trial is custody, not a sentence', () => {
    const f = facts('Trial delayed\nOscar Lund has been jailed for 14 months awaiting trial.');
    expect(f.events.map((e) => e.type)).not.toContain('sentence');
  });

  it('the Crown Prosecution Service authorising charges is a charge', () => {
    const f = facts(
      'Man charged\nThe Crown Prosecution Service authorised charges against Oscar Lund on Tuesday.',
    );
    expect(f.events.map((e) => `${e.type} ${e.who} ${e.date}`)).toContain('charge Oscar Lund 2024-03-05');
  });

  it('an offence the subject is accused of, then "has been found guilty", is convicted', () => {
    expect(
      charges(
        'Verdict\nThe man accused of the murder of pensioner Alan Voss (82) has been found guilty. Felix Ormond (44) had denied murder.',
      ),
    ).toEqual(['Felix Ormond: murder (convicted)']);
  });

  it('an age in brackets, a demonym before a name, a co-accused', () => {
    expect(
      roles(
        'Verdict\nFelix Ormond (44) was found guilty of killing the Irishman Alan Voss. His co-accused, Gary Pratt, was cleared.',
      ),
    ).toMatchObject({ 'Felix Ormond': 'defendant', 'Alan Voss': 'victim', 'Gary Pratt': 'defendant' });
  });
});

describe('pleas to one offence, co-accused, remand pending a hearing', () => {
  it('a guilty plea to a named offence convicts of that one, not of the murder denied', () => {
    expect(
      charges(
        'Man pleads guilty to manslaughter\nA man has admitted manslaughter but denies murder. ' +
          'Rhys Calder is on trial at Bristol Crown Court. The 30-year-old denies murder.',
      ),
    ).toEqual(['Rhys Calder: manslaughter (convicted)', 'Rhys Calder: murder (pending)']);
  });

  it('"changed his plea to guilty" convicts of the offence he had denied', () => {
    expect(
      charges(
        'Plea changed\nGlen Moss, 31, changed his plea to guilty, having previously denied manslaughter.',
      ),
    ).toEqual(['Glen Moss: manslaughter (convicted)']);
  });

  it('a co-accused named after a long apposition who denies an offence is a defendant', () => {
    const text =
      'Trial continues\nRhys Calder denies murder. Co-accused Ivan Petrov-Lake, 25, of Mill Road, Bristol, also denies murder.';
    expect(roles(text)).toMatchObject({ 'Ivan Petrov-Lake': 'defendant' });
    expect(charges(text)).toContain('Ivan Petrov-Lake: murder (pending)');
  });

  it('remanded in custody pending a sentencing hearing next month: the remand is today', () => {
    const events = facts(
      'Plea\nGlen Moss was remanded in custody pending a sentencing hearing next month.',
    ).events.map((e) => `${e.type} ${e.status} ${e.date}`);
    expect(events).toContain('bail happened 2024-03-08');
    expect(events).toContain('hearing scheduled 2024-04');
  });
});

describe('one offence named with and without its qualifier', () => {
  it('"the sexual assault charge" is the aggravated sexual assault charged, and its drop applies to it', () => {
    expect(
      charges(
        'Charge dropped\nLiam Grant was charged with aggravated sexual assault. The sexual assault charge was later dropped.',
      ),
    ).toEqual(['Liam Grant: aggravated sexual assault (dropped)']);
  });

  it('a longer name that is another offence ("conspiracy to commit wire fraud") stays apart', () => {
    expect(
      charges('Verdict\nLiam Grant was convicted of wire fraud and conspiracy to commit wire fraud.'),
    ).toEqual([
      'Liam Grant: conspiracy to commit wire fraud (convicted)',
      'Liam Grant: wire fraud (convicted)',
    ]);
  });

  it('"will sentence her on Monday" is a sentencing hearing set', () => {
    const events = facts(
      'Verdict\nAmy Voss was convicted on Friday. Mr Justice Lowe will sentence her on Monday.',
    ).events;
    expect(events.map((e) => `${e.type} ${e.status} ${e.date}`)).toContain('hearing scheduled 2024-03-11');
  });
});

describe('a relative who is charged', () => {
  it('a son named after his father who was granted bail is a defendant, and "He faces" is about him', () => {
    const text =
      'Family in court\nJoe Platt, 52, is accused of murdering Kevin Moss. ' +
      "Platt's son, Dean Platt, 22, appeared alongside him and was granted bail. He faces a charge of perverting the course of justice.";
    expect(roles(text)).toMatchObject({ 'Joe Platt': 'defendant', 'Dean Platt': 'defendant' });
    expect(charges(text)).toEqual([
      'Dean Platt: perverting the course of justice (pending)',
      'Joe Platt: murder (pending)',
    ]);
  });
});

describe('one offence in two word orders', () => {
  it('"tampering with evidence" and "the evidence tampering charge" are one charge', () => {
    expect(
      charges(
        'Arraigned\nLee Quinn was charged with tampering with evidence. The evidence tampering charge was filed in May.',
      ),
    ).toEqual(['Lee Quinn: tampering with evidence (pending)']);
  });

  it('"murder in the first degree" and "first-degree murder" are one charge', () => {
    expect(
      charges(
        'Indicted\nLee Quinn was indicted on a charge of murder in the first degree. He pleaded not guilty to first-degree murder.',
      ),
    ).toEqual(['Lee Quinn: murder in the first degree (pending)']);
  });
});

describe('listings and other people', () => {
  it('a trial "fixed for" a date is scheduled', () => {
    const events = facts(
      "Charged\nKyle Dunn was charged with murder. Dunn's trial has been fixed for 12 November.",
    ).events;
    expect(events.map((e) => `${e.type} ${e.status} ${e.date}`)).toContain('trial scheduled 2024-11-12');
  });

  it('"A second man, aged 19, was released on bail" is about no defendant', () => {
    const events = facts(
      'Charged\nKyle Dunn was charged with murder on Sunday. A second man, aged 19, was released on bail.',
    ).events;
    expect(events.filter((e) => e.type === 'bail').map((e) => e.who)).not.toContain('Kyle Dunn');
  });

  it('the person a retrial is "of", after a relation and a comma, is a defendant', () => {
    expect(
      roles('Appeal\nKyle Dunn was convicted. A retrial of his cousin, Neil Dunn, was ordered in January.'),
    ).toMatchObject({ 'Neil Dunn': 'defendant' });
  });
});

describe("a relative's own charge", () => {
  it('"His younger brother denies a charge of …" is not the named defendant\'s charge', () => {
    expect(
      charges(
        'Trial\nAdam Crowe, 22, admits manslaughter but denies murder. His younger brother, of Mill Lane, denies a charge of preventing a lawful burial.',
      ),
    ).toEqual(['Adam Crowe: manslaughter (convicted)', 'Adam Crowe: murder (pending)']);
  });
});

describe('a sentence threatened is none', () => {
  it('"could be jailed for up to 14 years" and "faces being jailed for murder" impose nothing and convict of nothing', () => {
    const f = facts(
      'Warning\nRoy Tate admitted fraud on Monday and could be jailed for up to 14 years. He faces being jailed for murder.',
    );
    expect(f.events.map((e) => e.type)).not.toContain('sentence');
    expect(charges('Warning\nRoy Tate faces being jailed for murder.')).toEqual([
      'Roy Tate: murder (pending)',
    ]);
  });
});
