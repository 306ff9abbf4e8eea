import { describe, expect, it } from 'vitest';
import { buildPersonRegistry } from '../../src/extract/people/people.ts';
import { segment } from '../../src/extract/segment.ts';

const registry = (text: string) => buildPersonRegistry(segment({ text, title: '', published: '2024-03-01' }));
const roles = (text: string) => Object.fromEntries(registry(text).people.map((p) => [p.name, p.role]));

describe('roles of co-defendants and civil defendants', () => {
  it('makes every member of a charged list a defendant, not only the last one', () => {
    expect(
      roles(
        'Deputy Harold Quince, 51, and Officer Marla Stenberg, 33, are both charged with assault. ' +
          'Garrett Lyle, Dr. Wendy Osei and nurse Ivo Brandt all pleaded not guilty.',
      ),
    ).toMatchObject({
      'Harold Quince': 'defendant',
      'Marla Stenberg': 'defendant',
      'Garrett Lyle': 'defendant',
      'Wendy Osei': 'defendant',
      'Ivo Brandt': 'defendant',
    });
  });

  it('reads civil defendants from "a suit against …" and "the suit names …"', () => {
    expect(
      roles(
        'Walter Osgood filed a lawsuit Monday against Pinecrest Storage, Dr. Selma Vick and warehouse supervisor Dale Hutto.',
      ),
    ).toMatchObject({ 'Selma Vick': 'defendant', 'Dale Hutto': 'defendant', 'Walter Osgood': 'plaintiff' });
    expect(
      roles(
        'The complaint, filed in U.S. District Court, names Lt. Brenda Farr and deputies Omar Diaz and Kyle Penn.',
      ),
    ).toMatchObject({ 'Brenda Farr': 'defendant', 'Omar Diaz': 'defendant', 'Kyle Penn': 'defendant' });
  });

  it('treats a co-defendant as a defendant even when described or testifying', () => {
    expect(
      roles(
        'Ruth Kagame and her co-defendant, roofing contractor Stefan Marsh, were arraigned in May. ' +
          'The main witness was Stefan Marsh, who kept the books and pleaded guilty in March. ' +
          '"I signed what she told me to sign," Mr. Marsh testified.',
      ),
    ).toMatchObject({ 'Stefan Marsh': 'defendant' });
    expect(roles("Vera Dunn is Calvin Ostrow's co-defendant.")['Calvin Ostrow']).toBe('defendant');
  });

  it('sees the accused in "the man prosecutors say …", not a prosecutor', () => {
    expect(
      roles(
        'Jurors heard about Dwayne Pratt, the driver prosecutors say rammed the patrol car, for two days.',
      ),
    ).toMatchObject({ 'Dwayne Pratt': 'defendant' });
    expect(
      roles('Sgt. Irene Falk — the deputy prosecutors say fired the taser — still faces the charge.'),
    ).toMatchObject({ 'Irene Falk': 'defendant' });
  });

  it('lets the charge beat a police title and a plain denial give no charge', () => {
    expect(
      roles('Officer Glen Roarke resigned after the assault charge against him was dismissed.')[
        'Glen Roarke'
      ],
    ).toBe('defendant');
    expect(roles('The clerk, Helen Penrose, has not been charged with a crime.')['Helen Penrose']).toBe(
      'other',
    );
  });

  it('reads defendants from sentences served and custody', () => {
    expect(
      roles('His accomplice, the courier Tessa Varga, got 30 months in prison. Milo Tran is on probation.'),
    ).toMatchObject({ 'Tessa Varga': 'defendant', 'Milo Tran': 'defendant' });
    expect(roles('Ana Roth got two letters from the court.')['Ana Roth']).toBe('other');
    expect(
      roles('Gil Baker was charged. His mother, Rosa Baker, pleaded with the judge.')['Rosa Baker'],
    ).toBe('family');
    expect(roles('A lawsuit against the city by Ann Lee is pending.')['Ann Lee']).toBe('plaintiff');
  });
});

describe('relatives, experts and officials', () => {
  it('reads a relative named before the relation, also with straight apostrophes and titles', () => {
    expect(
      roles(
        "Jonas Field was killed in June. Hanna Lowe, Jonas Field's aunt, spoke to reporters. " +
          "Peter Grey, Mr. Field's cousin, did not.",
      ),
    ).toMatchObject({ 'Hanna Lowe': 'family', 'Peter Grey': 'family' });
    expect(roles("Nadia Soto, Det. Reyes's lawyer, said he would appeal.")['Nadia Soto']).toBe(
      'defense_attorney',
    );
  });

  it('composes a name from "X, whose son Y" and keeps the parent a relative', () => {
    const r = roles('Miriam Doyle, whose daughter Clara died in 2022, wept in court.');
    expect(r).toMatchObject({ 'Clara Doyle': 'victim', 'Miriam Doyle': 'family' });
    expect(
      roles('Ned Holm, whose son Arlo was killed by a drunken driver, sued the bar in May.')['Ned Holm'],
    ).toBe('plaintiff');
  });

  it('makes someone sharing a victim’s surname family when nothing else is said', () => {
    expect(
      roles('Tobias Reinholt was shot in April. Greta Reinholt said she wanted answers.')['Greta Reinholt'],
    ).toBe('family');
  });

  it('reads teachers as experts, board members as officials and a school parent as other', () => {
    expect(
      roles(
        'Board member Lionel Ash raised concerns. "Delays help the defense," said Ida Brant, who teaches evidence law at Carver College. ' +
          'Parent Sonia Lee, whose kids attend the school, said she was angry.',
      ),
    ).toMatchObject({ 'Lionel Ash': 'official', 'Ida Brant': 'expert', 'Sonia Lee': 'other' });
  });

  it('reads more harm words, legislators and deputies', () => {
    expect(
      roles(
        'Wade Cole is accused of strangling Nora Beck. The body of Lucy Sandor was found in May. ' +
          'Assemblywoman Rita Crane called for reform. Chief Deputy Ron Platt spoke. ' +
          'The motion was argued by Ana Ruiz, a deputy district attorney.',
      ),
    ).toMatchObject({
      'Nora Beck': 'victim',
      'Lucy Sandor': 'victim',
      'Rita Crane': 'official',
      'Ron Platt': 'official',
      'Ana Ruiz': 'prosecutor',
    });
  });

  it('finds a titled person whose surname is also a place word', () => {
    const r = registry(
      'Governor Ellen Park toured the flooded streets near Riverside Park on Monday. Park said the town would recover.',
    );
    expect(r.people.map((p) => [p.name, p.role])).toEqual([['Ellen Park', 'official']]);
    expect(r.people[0]?.mentions).toHaveLength(2);
  });

  it('does not make a person of a title word before an office', () => {
    const r = registry('The Dorset County Prosecutor’s Office charged Vince Amato on Friday.');
    expect(r.people.map((p) => p.name)).toEqual(['Vince Amato']);
  });

  it('lets the pronoun the article uses overrule a first-name gender guess', () => {
    const r = registry(
      'Prosecutor Jordan Blake spoke first. "This was planned," District Attorney Jordan Blake said. He said the jury agreed.',
    );
    expect(r.resolve('Blake')?.gender).toBe('male');
    // An object pronoun about someone else does not overrule it.
    const w = registry("Carla Nunez, Bell's former partner, testified against him.");
    expect(w.people[0]).toMatchObject({ name: 'Carla Nunez', role: 'witness', gender: 'female' });
  });
});

describe('roles from appositions shared by a list and from titled appositions', () => {
  it('"X and Y, defense attorneys for Z" makes both lawyers defense attorneys', () => {
    expect(
      roles(
        'Luke Nadir and Alex Spira, defense attorneys for Dana Pruitt, said in an email that they would fight.',
      ),
    ).toMatchObject({ 'Luke Nadir': 'defense_attorney', 'Alex Spira': 'defense_attorney' });
  });

  it('an apposition opening with a title ("acting United States Attorney for …") gives the role', () => {
    expect(
      roles(
        'Alex Tsai, acting United States Attorney for the Northern District, said the scheme was a fraud.',
      ),
    ).toMatchObject({ 'Alex Tsai': 'prosecutor' });
  });

  it('"Commonwealth\'s Attorney" and "State\'s Attorney" are prosecutors, "Baldwin\'s attorney" the defense', () => {
    expect(
      roles(
        "Commonwealth's Attorney Ann Lee and Cook County State's Attorney Kim Varga spoke. Baldwin's attorney Luke Nadir said he would appeal.",
      ),
    ).toMatchObject({ 'Ann Lee': 'prosecutor', 'Kim Varga': 'prosecutor', 'Luke Nadir': 'defense_attorney' });
  });

  it('the people a sentence says gave testimony are witnesses', () => {
    expect(
      roles('Those offering testimony included former lab directors Adam Roshe and Kingsley Dass on Monday.'),
    ).toMatchObject({ 'Adam Roshe': 'witness', 'Kingsley Dass': 'witness' });
  });
});

describe('parties of a civil suit', () => {
  it('the party sued is the defendant even beside the word "victims"; the party suing is the plaintiff', () => {
    expect(
      roles('The families of two victims sued Dana Pruitt for defamation in a Texas court on Monday.'),
    ).toMatchObject({
      'Dana Pruitt': 'defendant',
    });
    expect(roles('The parents filed a lawsuit against radio host Dana Pruitt on Monday.')).toMatchObject({
      'Dana Pruitt': 'defendant',
    });
    expect(roles('Dana Pruitt sued the county on Monday.')).toMatchObject({ 'Dana Pruitt': 'plaintiff' });
  });
});

describe('people the grammar names though no lexicon knows them', () => {
  it('a first name that is also a word, before an unknown surname, is a person when a role is said', () => {
    expect(roles('On Monday, Rex Vandermolen appeared before a judge.')).toMatchObject({
      'Rex Vandermolen': 'defendant',
    });
  });

  it('keeps a generational suffix in capitals as part of the name', () => {
    expect(Object.keys(roles('Dwayne Colter III and Ray Bisk were charged with assault.'))).toEqual([
      'Dwayne Colter III',
      'Ray Bisk',
    ]);
  });

  it('a surname alone with an age in apposition, or closing a quotation after a full stop, is a person', () => {
    expect(roles('Brandtner, 41, is due in court Friday.')).toMatchObject({ Brandtner: 'defendant' });
    expect(registry('“We will take a short break.” Okonjo said.').people.map((p) => p.name)).toEqual([
      'Okonjo',
    ]);
  });
});

describe('who a harm word harms', () => {
  it('striking someone harms them; a house named after someone harms no one', () => {
    expect(
      roles(
        'Lena Ortiz is accused of striking Tom Reyes with her car. Brian Hollins hosted the party. ' +
          'The defense says Reyes was killed inside the Hollins home.',
      ),
    ).toMatchObject({ 'Lena Ortiz': 'defendant', 'Tom Reyes': 'victim', 'Brian Hollins': 'other' });
  });
});

describe('witnesses without a role word', () => {
  it('a witness list opened by "including", and every member of a described list of testimony', () => {
    expect(
      roles(
        'The judge named 80 people who may appear as witnesses, including the embattled Paul Rennick. ' +
          'Testimony came from former clerks Amy Lott and Ben Ruiz and former lab associate Cara Voss.',
      ),
    ).toMatchObject({
      'Paul Rennick': 'witness',
      'Amy Lott': 'witness',
      'Ben Ruiz': 'witness',
      'Cara Voss': 'witness',
    });
  });

  it('"X, a former chemist who testified …" is a witness', () => {
    expect(
      roles('Hugo Brandvold, a former chemist who testified for the state, described the tests.'),
    ).toMatchObject({ 'Hugo Brandvold': 'witness' });
  });
});

describe('civil suits: who sues, who is sued, whose counsel', () => {
  it('counsel for the families, for a relative, or who filed the suits is no defense attorney', () => {
    expect(
      roles(
        '“We will collect,” said attorney Nadia Perel, a lawyer representing the flood victims’ families. ' +
          'Ron Bessey, a lawyer for Mr. Kane’s ex-wife, spoke briefly. ' +
          'Ivy Chen, the lawyer who filed the suits, was pleased. ' +
          'The suits were filed in state court in Dallas by Houston lawyer Mark Fenwick.',
      ),
    ).toMatchObject({
      'Nadia Perel': 'other',
      'Ron Bessey': 'other',
      'Ivy Chen': 'other',
      'Mark Fenwick': 'other',
    });
  });

  it('the party ordered to pay, or a verdict is against, is the defendant; "X named Y in his suit"', () => {
    expect(
      roles(
        'A jury ordered radio host Dale Corrigan and his company to pay $5 million on Friday. ' +
          'An appeals court upheld a $3 million verdict against talk show host Ray Munro. ' +
          'Tom Hale, whose son died in the fire, also named station manager Gil Ortega in his suit.',
      ),
    ).toMatchObject({
      'Dale Corrigan': 'defendant',
      'Ray Munro': 'defendant',
      'Tom Hale': 'plaintiff',
      'Gil Ortega': 'defendant',
    });
  });

  it('a relative who attends "to see the defendant, who appeared in court" stays a relative', () => {
    expect(
      roles(
        'Omar Kane is charged with murder. His daughter, Ava Kane, attended the hearing to see the defendant, who appeared in court in a grey suit.',
      ),
    ).toMatchObject({ 'Omar Kane': 'defendant', 'Ava Kane': 'family' });
  });
});

describe('stage names and co-defendants', () => {
  it('"the rapper — whose real name is X —" later in a sentence names the subject of the sentence before', () => {
    const r = registry(
      'Rapper Big Zeko walked out of jail on Thursday. Prosecutors had argued the rapper — whose real name is Anthony Reyes — led a gang.',
    );
    expect(r.people.map((p) => p.name)).toEqual(['Anthony Reyes']);
    expect(r.resolve('Zeko')?.name).toBe('Anthony Reyes');
  });

  it('a codefendant named after "defense attorneys for X and codefendant" is a defendant', () => {
    expect(
      roles('In response, the defense attorneys for Rico Vance and codefendant Miles Ortega filed motions.'),
    ).toMatchObject({ 'Miles Ortega': 'defendant' });
  });
});

describe('the object of a legal act, described', () => {
  it('"upheld the conviction of her longtime deputy X" makes X a defendant', () => {
    expect(
      roles('The appeals panel also upheld the conviction of her longtime deputy Omar Castell.'),
    ).toMatchObject({ 'Omar Castell': 'defendant' });
  });
});
