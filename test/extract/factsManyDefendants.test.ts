import { describe, expect, it } from 'vitest';
import { extractFacts } from '../../src/extract/index.ts';

/** Many-defendant cases, charges listed once for a group, offences sharing one noun (made-up articles). */
const facts = (text: string) => extractFacts({ text, title: '', published: '2024-05-10' });
const chargesOf = (text: string) =>
  facts(text)
    .charges.map((c) => `${c.defendant}: ${c.charge} (${c.status})`)
    .sort();
/** Who each event of one type is about, sorted. */
const whoOf = (text: string, type: string) =>
  facts(text)
    .events.filter((e) => e.type === type)
    .map((e) => e.who)
    .sort();
const rolesOf = (text: string) => Object.fromEntries(facts(text).people.map((p) => [p.name, p.role]));

describe('names in a list of defendants', () => {
  it('a surname that is also a common word still names a listed defendant', () => {
    const text =
      'Jail records show that Tavorious Bean, Michael Harmon and Julia Fenwick were in custody on Monday. ' +
      'All three are charged with arson and burglary.';
    const roles = rolesOf(text);
    expect(roles['Tavorious Bean']).toBe('defendant');
    expect(chargesOf(text)).toContain('Tavorious Bean: arson (pending)');
  });

  // The suffix stays in the name (175159c): it tells a son from a father of the same name.
  it('a generational suffix does not break the list', () => {
    const text =
      'Daniel Korver, Samuel Pritt III and Oliver Mandel were in custody on Friday. ' +
      'The three are charged with robbery.';
    expect(chargesOf(text)).toEqual([
      'Daniel Korver: robbery (pending)',
      'Oliver Mandel: robbery (pending)',
      'Samuel Pritt III: robbery (pending)',
    ]);
  });

  it('"are the accused" makes every listed name a defendant', () => {
    const roles = rolesOf(
      'Karl Ostrow and Peter Lindqvist are the accused in the case and appear in court next week.',
    );
    expect(roles['Karl Ostrow']).toBe('defendant');
    expect(roles['Peter Lindqvist']).toBe('defendant');
  });

  it('a place that describes someone is no person', () => {
    const people = facts('Longtime Cedar Grove resident Walter Brisk, 61, was charged with murder.').people;
    expect(people.map((p) => p.name)).toEqual(['Walter Brisk']);
  });
});

describe('victims named inside a harm phrase', () => {
  it('"charged with the killing of X were indicted": X is the victim, not a defendant', () => {
    const text =
      'Two guards charged with the killing of inmate Robert Tully were indicted on Tuesday. ' +
      'Jurors heard that Tully had asked for help.';
    const roles = rolesOf(text);
    expect(roles['Robert Tully']).toBe('victim');
    expect(chargesOf(text).some((c) => c.startsWith('Robert Tully'))).toBe(false);
  });

  it('"the killings of X and Y" makes both victims', () => {
    const roles = rolesOf('He is on trial for the killings of Ada Morrow and Lena Hartwell in 2019.');
    expect(roles['Ada Morrow']).toBe('victim');
    expect(roles['Lena Hartwell']).toBe('victim');
  });
});

describe('offences sharing one noun', () => {
  it('"civil rights, conspiracy and obstruction offenses" are three offences', () => {
    const list = chargesOf(
      'A grand jury charged Nora Vance with civil rights, conspiracy and obstruction offenses.',
    );
    expect(list).toHaveLength(3);
    expect(list).toContain('Nora Vance: conspiracy (pending)');
    expect(list.some((c) => c.includes('civil rights'))).toBe(true);
    expect(list.some((c) => c.includes('obstruction'))).toBe(true);
  });

  it('"two first-degree and two second-degree murder counts" gives both degrees, once each', () => {
    expect(
      chargesOf(
        'Hugo Brandt was charged with the murders of two hikers. He was arraigned on four counts: two first degree and two second degree murder charges.',
      ),
    ).toEqual(['Hugo Brandt: first degree murder (pending)', 'Hugo Brandt: second degree murder (pending)']);
  });

  it('an idiom before "charges" names no offence', () => {
    const names = facts(
      'After some back and forth over theft charges, Nora Vance was charged on Monday.',
    ).charges.map((c) => c.charge);
    expect(names).toEqual(['theft']);
  });
});

describe('charges wished for are not charges', () => {
  it('"pushed for murder charges" adds no charge', () => {
    const list = chargesOf(
      'Ian Croft is charged with manslaughter. The victim’s family had pushed for first-degree murder charges.',
    );
    expect(list).toEqual(['Ian Croft: manslaughter (pending)']);
  });

  it('"the accused officers stopped him for speeding" is no charge of the officers', () => {
    const list = chargesOf(
      'Officers Lee Marsh and Dana Colt are charged with assault. The accused officers had stopped Tom Reyes for alleged reckless driving.',
    );
    expect(list.some((c) => c.includes('reckless driving'))).toBe(false);
  });
});

describe('accusers, their counsel and pseudonyms', () => {
  it('numbered court pseudonyms are separate people and victims', () => {
    const roles = rolesOf(
      'A jury convicted Victor Hale of rape of Jane Doe 2 and acquitted him of battery of Jane Doe 5. Jane Doe 2 said she felt heard.',
    );
    expect(roles['Jane Doe 2']).toBe('victim');
    expect(roles['Jane Doe 5']).toBe('victim');
    expect(roles['Victor Hale']).toBe('defendant');
  });

  it('the lawyer of a victim or of the plaintiffs defends no one', () => {
    expect(
      rolesOf(
        'Oren Platt was convicted of stabbing Ruth Abel. Ruth Abel’s lawyer, Simon Grady, said the verdict was fair.',
      )['Simon Grady'],
    ).toBe('other');
    expect(
      rolesOf('The award came after the plaintiffs’ lawyer Nadia Kwan told jurors the harm was lasting.')[
        'Nadia Kwan'
      ],
    ).toBe('other');
  });

  it('a quotation that ends before a name gives the name no title from its words', () => {
    const roles = rolesOf(
      '“This is a day of justice,” Mara Quill and Owen Sutter, lawyers who represented the victim’s family, said.',
    );
    expect(roles['Mara Quill']).not.toBe('judge');
  });

  it('the object of a sexual act is the victim', () => {
    const roles = rolesOf(
      'Felix Dorn was convicted of forcibly performing oral sex on model Anna Brill in 2011.',
    );
    expect(roles['Anna Brill']).toBe('victim');
    expect(
      facts(
        'Felix Dorn was convicted of forcibly performing oral sex on model Anna Brill in 2011.',
      ).charges.some((c) => c.defendant === 'Anna Brill'),
    ).toBe(false);
  });

  it('a defendant named only by surname is listed when the facts accuse him', () => {
    const people = facts(
      'Gorman was spared any prison time on Friday when a judge sentenced him to probation. “I am grateful,” Gorman said.',
    ).people;
    expect(people).toContainEqual(expect.objectContaining({ name: 'Gorman', role: 'defendant' }));
  });
});

describe('one offence named generically and by degree', () => {
  it('a bare name beside two degrees is dropped when it adds no status of its own', () => {
    expect(
      chargesOf(
        'Paul Vey was found guilty of robbery. He was convicted of second-degree robbery and acquitted of first-degree robbery.',
      ),
    ).toEqual(['Paul Vey: first-degree robbery (acquitted)', 'Paul Vey: second-degree robbery (convicted)']);
  });
});

describe('stage names, bylines, cited cases and lists of unfamiliar names', () => {
  it('"The singer, whose real name is X" gives the legal name of the person the sentence before is about', () => {
    const f = facts(
      'SINGER Blaze was released from jail on Friday. The singer, whose real name is Tomas Elverum, pleaded guilty to racketeering. Blaze thanked his fans.',
    );
    expect(f.people.map((p) => p.name)).toEqual(['Tomas Elverum']);
    expect(f.charges.map((c) => `${c.defendant}: ${c.charge}`)).toEqual(['Tomas Elverum: racketeering']);
  });

  it('a name alone on its line before a bar is a byline', () => {
    const names = facts(
      'Mira Castell | (Wire) The Daily Courier\nOtto Brenn was charged with arson on Monday.',
    ).people.map((p) => p.name);
    expect(names).toEqual(['Otto Brenn']);
  });

  it('the parties of a cited case and "an X plea" name no one of the story', () => {
    const f = facts(
      'Otto Brenn entered an Alford plea on Monday. The plea takes its name from North Carolina v. Alford, a 1970 case.',
    );
    expect(f.people.map((p) => p.name)).toEqual(['Otto Brenn']);
  });

  it('"two other defendants — X and Y" makes both defendants', () => {
    const roles = rolesOf(
      'The trial goes on for two other defendants — Lamonte Quarles and Victor Perrault — who have not pleaded.',
    );
    expect(roles['Lamonte Quarles']).toBe('defendant');
    expect(roles['Victor Perrault']).toBe('defendant');
  });

  it('a list of unfamiliar names joined to one known surname, who accepted plea deals, are all defendants', () => {
    const roles = rolesOf(
      'Quantavius Nichols, Rodarius Okafor and Marquel Vantrease already accepted plea deals earlier in the week.',
    );
    expect(roles['Quantavius Nichols']).toBe('defendant');
    expect(roles['Rodarius Okafor']).toBe('defendant');
    expect(roles['Marquel Vantrease']).toBe('defendant');
  });
});

describe('whose charge it is when others are named in the charge sentence', () => {
  it('"falsifying business records" is an offence', () => {
    expect(
      chargesOf('Ada Brandt, convicted of charges related to falsifying business records, spoke on Monday.'),
    ).toEqual(['Ada Brandt: falsifying business records (convicted)']);
  });

  it('a person paid or harmed in the charge sentence is not charged when the defendant is named there', () => {
    expect(
      chargesOf(
        'Ada Brandt will face trial in May. A grand jury indicted Brandt in 2023 on fraud charges over payments made to Lena Grove, who says she was misled.',
      ).filter((c) => c.startsWith('Lena Grove')),
    ).toEqual([]);
  });

  it('someone named only as an object ("including the family of X") is not the one convicted', () => {
    const list = chargesOf(
      'Ada Brandt will be sentenced in May. Her sentence comes months after a jury found her guilty of conspiracy and defrauding investors, including the family of former state treasurer Mona Price.',
    );
    expect(list).toEqual([
      'Ada Brandt: conspiracy (convicted)',
      'Ada Brandt: defrauding investors (convicted)',
    ]);
  });
});

describe('one act told once for several defendants', () => {
  it('an active verb with a list of people as its object concerns each of them', () => {
    expect(
      whoOf('A judge sentenced Aldo Smithers and Bruno Jonsen on Friday for the robbery.', 'sentence'),
    ).toEqual(['Aldo Smithers', 'Bruno Jonsen']);
    expect(
      whoOf('Jurors found Aldo Smithers, 66, and Bruno Jonsen, 35, guilty of murder on Thursday.', 'verdict'),
    ).toEqual(['Aldo Smithers', 'Bruno Jonsen']);
    expect(
      whoOf(
        'Judge Ada Lowe on Wednesday sentenced 29-year-old Aldo Smithers to 40 years in prison.',
        'sentence',
      ),
    ).toEqual(['Aldo Smithers']);
  });

  it('a group word counts the people just named, even before anything called them defendants', () => {
    const text =
      'Aldo Smithers, Bruno Jonsen and Carl Brownlee, all former officers, were tried together. On Thursday the three former officers were acquitted of manslaughter.';
    expect(whoOf(text, 'verdict')).toEqual(['Aldo Smithers', 'Bruno Jonsen', 'Carl Brownlee']);
    expect(
      whoOf(
        'Aldo Smithers and Bruno Jonsen were arrested in 2022. The pair were convicted Thursday.',
        'verdict',
      ),
    ).toEqual(['Aldo Smithers', 'Bruno Jonsen']);
  });

  it('a group word counts no lawyer named beside the defendant', () => {
    const text =
      'Aldo Smithers and his lawyer, Gail Horton, left the courthouse. The two were convicted Thursday.';
    expect(whoOf(text, 'verdict')).not.toContain('Gail Horton');
  });

  it('a verbless conjunct shares the sentencing verb ("; B to 15 years", "and B 15")', () => {
    expect(
      whoOf('Aldo Smithers was sentenced to 20 years on Friday; Bruno Jonsen to 15 years.', 'sentence'),
    ).toEqual(['Aldo Smithers', 'Bruno Jonsen']);
    expect(
      whoOf(
        'Judge Ada Lowe sentenced Aldo Smithers to 40 years in prison and 28-year-old Bruno Jonsen to 17 years.',
        'sentence',
      ),
    ).toEqual(['Aldo Smithers', 'Bruno Jonsen']);
  });

  it('a conjunct with a verb of its own keeps its act to its own subject', () => {
    const text =
      'Aldo Smithers and Bruno Jonsen were arrested in 2022. Smithers pleaded guilty in March and Jonsen went to trial.';
    expect(whoOf(text, 'plea')).toEqual(['Aldo Smithers']);
    expect(
      whoOf(
        'Aldo Smithers, 31, was given nearly 20 years on Friday, and Bruno Jonsen, 46, was given 17 years.',
        'sentence',
      ),
    ).toEqual(['Aldo Smithers', 'Bruno Jonsen']);
  });

  it('the person a violent act was done to is never the one sentenced', () => {
    const text =
      'Aldo Smithers and Bruno Jonsen were tried together last month. Two men who attacked Evan Price were sentenced on Friday to life in prison.';
    expect(whoOf(text, 'sentence')).toEqual(['Aldo Smithers', 'Bruno Jonsen']);
  });
});

describe('people coordinated in one list share its act', () => {
  it('a list with ages, home towns and a name the registry missed is still one list', () => {
    expect(
      whoOf(
        'Karl Ostrow, 27, of Pine Lake, and Peter Lindqvist, 26, of Marion County, pleaded guilty on Monday to conspiracy.',
        'plea',
      ),
    ).toEqual(['Karl Ostrow', 'Peter Lindqvist']);
  });

  it('"along with" a titled name joins the list', () => {
    expect(
      whoOf(
        'Former jailers Karl Ostrow and Peter Lindqvist, along with ex-sergeant Tomas Ruud, entered guilty pleas on Thursday.',
        'plea',
      ),
    ).toEqual(['Karl Ostrow', 'Peter Lindqvist', 'Tomas Ruud']);
  });

  it('a former officer is no official: the acts decide his part', () => {
    const text =
      'Karl Ostrow, a former deputy, and Peter Lindqvist, a former sergeant, left the jail in 2022. The pair were convicted on Thursday.';
    expect(whoOf(text, 'verdict')).toEqual(['Karl Ostrow', 'Peter Lindqvist']);
    expect(facts(text).people).toContainEqual(
      expect.objectContaining({ name: 'Karl Ostrow', role: 'defendant' }),
    );
  });

  it('a victim listed in the same sentence is not coordinated with the accused', () => {
    expect(
      whoOf('Karl Ostrow and Peter Lindqvist, who beat Tomas Ruud, pleaded guilty on Monday.', 'plea'),
    ).toEqual(['Karl Ostrow', 'Peter Lindqvist']);
  });
});

describe('relatives named with one surname', () => {
  it('"Karl and Bruno Smithers" are two people, each with the surname, and the act is both of theirs', () => {
    const text =
      'Karl and Bruno Smithers were arrested on Monday. The brothers were charged with arson on Tuesday.';
    expect(whoOf(text, 'arrest')).toEqual(['Bruno Smithers', 'Karl Smithers']);
    expect(whoOf(text, 'charge')).toEqual(['Bruno Smithers', 'Karl Smithers']);
  });

  it('a surname alone before "and" and a full name is not given the other surname', () => {
    const names = facts('Ostrow and Peter Lindqvist were charged with arson on Monday.').people.map(
      (p) => p.name,
    );
    expect(names).not.toContain('Ostrow Lindqvist');
  });
});

describe('the object list of an act', () => {
  it('an act concerns the list its verb takes, not the people a later clause names', () => {
    const text =
      'The court convicted Aldo Smithers and Bruno Jonsen in August 2023, after a trial that saw Carl Brownlee and Dirk Mallory acquitted.';
    const verdicts = facts(text).events.filter((e) => e.type === 'verdict');
    expect(verdicts.map((e) => e.who).sort()).toEqual([
      'Aldo Smithers',
      'Bruno Jonsen',
      'Carl Brownlee',
      'Dirk Mallory',
    ]);
    // The acquittal is one act of both people listed with it: the same event for each.
    const dateOf = (who: string) => verdicts.find((e) => e.who === who)?.date;
    expect(dateOf('Carl Brownlee')).toBe(dateOf('Dirk Mallory'));
  });
});
