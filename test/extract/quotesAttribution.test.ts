import { describe, expect, it } from 'vitest';
import { buildPersonRegistry } from '../../src/extract/people/people.ts';
import { extractQuotes } from '../../src/extract/quotes/quotes.ts';
import { segment } from '../../src/extract/segment.ts';

const quotes = (text: string) => {
  const doc = segment({ text, title: '', published: '2024-03-01' });
  return extractQuotes(doc, buildPersonRegistry(doc)).map(({ speaker, text, org }) => ({
    speaker,
    text,
    ...(org ? { org } : {}),
  }));
};
const speakerOf = (text: string, words: string) => quotes(text).find((q) => q.text.includes(words));

describe('titles before a surname', () => {
  it('attributes "Mr. X said", "Ms. X testified", "Dr. X told the jury" and split quotes', () => {
    const q = quotes(
      'Defense lawyer Arnold Whitby and witness Petra Lindqvist spoke on Monday. Surgeon Omar Fenn also testified.\n' +
        '"She deserves a second chance at life," Mr. Whitby said.\n' +
        '"The door was open when I got there," Ms. Lindqvist testified.\n' +
        '"The wound came from very close range," Dr. Fenn told the jury.\n' +
        '"We disagree with the verdict," Mr. Whitby said, "and we will appeal it promptly."',
    );
    expect(q).toEqual([
      { speaker: 'Arnold Whitby', text: 'She deserves a second chance at life' },
      { speaker: 'Petra Lindqvist', text: 'The door was open when I got there' },
      { speaker: 'Omar Fenn', text: 'The wound came from very close range' },
      { speaker: 'Arnold Whitby', text: 'We disagree with the verdict' },
      { speaker: 'Arnold Whitby', text: 'and we will appeal it promptly.' },
    ]);
  });
});

describe('abbreviations inside the reporting clause', () => {
  it('reads past "U.S." and initials after the quotation', () => {
    expect(
      speakerOf('"Nobody is above the law in this district," U.S. Attorney Mara Quist said.', 'Nobody')
        ?.speaker,
    ).toBe('Mara Quist');
  });
});

describe('reporting verbs', () => {
  it('knows colourful verbs such as fumed, snapped, quipped and vowed', () => {
    for (const verb of ['fumed', 'snapped', 'quipped', 'vowed', 'sobbed', 'conceded', 'texted']) {
      expect(speakerOf(`"Nobody listened to us for years," Clara Jimenez ${verb}.`, 'Nobody')?.speaker).toBe(
        'Clara Jimenez',
      );
    }
  });

  it('attributes testimony given with "testify" after "heard"', () => {
    expect(
      speakerOf(
        'Jurors heard a toxicologist, Dr. Ingrid Salo, testify that the driver "had three times the legal limit in his blood."',
        'three times',
      )?.speaker,
    ).toBe('Ingrid Salo');
  });

  it('prefers the speaker of the previous sentence for a pronoun over an earlier named object', () => {
    expect(
      speakerOf(
        'Sheriff Dale Munro said deputies arrested Victor Hale at the motel. He said the search lasted "nearly eleven hours without a break."',
        'eleven hours',
      )?.speaker,
    ).toBe('Dale Munro');
  });
});

describe('organisations and documents', () => {
  it('gives office statements and the pronoun "it" for a document to the organisation', () => {
    const q = quotes(
      'The state auditor\'s office said in a statement that the payments "should never have been approved by anyone."\n' +
        'Lena Fox filed the complaint on Monday. It accuses the landlord of "ignoring every repair request for two winters."\n' +
        'The Marlow Nurses\' Association said the hospital "has failed its staff again and again."',
    );
    expect(q.map((x) => x.org ?? false)).toEqual([true, true, true]);
    expect(q[1]?.speaker).toBe('the complaint');
  });

  it("gives a named author's document to the author", () => {
    expect(
      speakerOf(
        'District Attorney Lara Quinn filed the charges. Quinn\'s statement read: "No one is above the law in this county."',
        'above the law',
      )?.speaker,
    ).toBe('Lara Quinn');
  });

  it('skips a time phrase before the subject of a reporting clause after the quote', () => {
    expect(
      quotes(
        'Two hikers "were found alive after nine days in the canyon" in July 2022, the county sheriff\'s office said.',
      ),
    ).toEqual([
      {
        speaker: "the county sheriff's office",
        text: 'were found alive after nine days in the canyon',
        org: true,
      },
    ]);
  });

  it('keeps a spokesperson for an office unnamed and ignores a later non-saying clause', () => {
    expect(
      quotes(
        'A spokesman for the Dane County Sheriff\'s Office said the deputy "followed every policy that night." The office had asked for patience.',
      ),
    ).toEqual([{ speaker: null, text: 'followed every policy that night.' }]);
  });

  it('ties "X\'s attorneys" to "her lawyer" when X is the only defendant of that gender', () => {
    expect(
      speakerOf(
        'Dr. Vera Lund was indicted in May. Owen Platt, her lead counsel, filed a motion. ' +
          'Lund\'s attorneys argued that the statute was "never meant for doctors at all."',
        'never meant',
      )?.speaker,
    ).toBe('Owen Platt');
  });

  it('gives a quoted text message to the sender named in the sentence before', () => {
    expect(
      speakerOf(
        'Investigators say Brent Coyle sent the witness several messages in May. One read, "You should forget what you saw that night."',
        'forget',
      )?.speaker,
    ).toBe('Brent Coyle');
  });

  it('ties "X\'s attorneys argued" to the lawyer the article names for X', () => {
    expect(
      speakerOf(
        'Kemp\'s lawyer, Roland Iversen, declined to comment. Kemp\'s attorneys had argued that the search "went far beyond what the warrant allowed."',
        'went far',
      )?.speaker,
    ).toBe('Roland Iversen');
  });

  it('keeps an unnamed expert\'s quote with a null speaker after "because" or "after"', () => {
    const q = speakerOf(
      'Prosecutors reduced the charge after their own expert concluded the officer "acted on bad information."',
      'bad information',
    );
    expect(q).toEqual({ speaker: null, text: 'acted on bad information.' });
  });
});

describe('what is not a quotation', () => {
  it('skips titles of works', () => {
    const q = quotes(
      'Holt once wrote a memoir titled "Counting Every Dollar: My Life in Finance," which sold poorly.\n' +
        'The case inspired "Nine Nights on Cedar Street," a podcast by a local reporter.\n' +
        'Holt said, "I never took a cent from anyone."',
    );
    expect(q.map((x) => x.text)).toEqual(['I never took a cent from anyone.']);
  });

  it('skips the words on a sign or in a chant', () => {
    const q = quotes(
      'Protester Dina Roy held a sign reading "JUSTICE FOR THE WORKERS NOW." The crowd chanted "No more delays for the families." ' +
        'Roy said, "We will be here every single day."',
    );
    expect(q.map((x) => x.text)).toEqual(['We will be here every single day.']);
  });

  it('skips a charge name in marks but keeps a plea to the judge', () => {
    const q = quotes(
      'Sam Ortega pleaded not guilty to "assault with a deadly weapon on a peace officer." ' +
        'His mother, Rosa Ortega, pleaded with the judge: "Please let my son come home to us."',
    );
    expect(q).toEqual([{ speaker: 'Rosa Ortega', text: 'Please let my son come home to us.' }]);
  });

  it('keeps a quote after the verb "signs"', () => {
    expect(
      speakerOf(
        'Mayor Ruth Olsen signs the order today, and Olsen said, "This is a good day for the city."',
        'good day',
      )?.speaker,
    ).toBe('Ruth Olsen');
  });
});

describe('the speaker of a bare pronoun and of a surname alone', () => {
  it('"she added" after a quoted speaker whose gender the article never gives is that speaker', () => {
    const text =
      'District Attorney Adaeze Okafor spoke after the hearing.\n\n' +
      '“Our office will try this case on the evidence and nothing else,” said Okafor.\n\n' +
      '“Fame does not buy anyone a pass in this county, and it never will,” she added.';
    expect(speakerOf(text, 'Fame does not')?.speaker).toBe('Adaeze Okafor');
  });

  it('a pronoun of the other gender than the speaker’s is not that speaker', () => {
    const text =
      'District Attorney Maria Okafor spoke after the hearing.\n\n' +
      '“Our office will try this case on the evidence and nothing else,” said Okafor.\n\n' +
      '“Fame does not buy anyone a pass in this county, and it never will,” he added.';
    expect(speakerOf(text, 'Fame does not')?.speaker).toBeNull();
  });

  it('an article that names a speaker only by surname still attributes the quote to that person', () => {
    const text =
      'Jury selection began Monday.\n\n“Has anyone here read about this case before today?” asked Varga.';
    expect(speakerOf(text, 'Has anyone')?.speaker).toBe('Varga');
    expect(
      speakerOf('“We will seek the maximum sentence in this case,” Okonkwo said.', 'maximum')?.speaker,
    ).toBe('Okonkwo');
  });
});

describe('a judge’s findings and a lawyer’s address as reported speech', () => {
  const cases: Array<[string, string, string]> = [
    [
      'Judge Ann Sommer ruled that the motion was “filed outside the time limit for an appeal.”',
      'time limit',
      'Ann Sommer',
    ],
    [
      'Prosecutor Adriane Lowe informed the jury that the gang had “sucked in the youth of the whole neighborhood.”',
      'sucked in',
      'Adriane Lowe',
    ],
  ];
  it.each(cases)('%s', (text, words, speaker) => expect(speakerOf(text, words)?.speaker).toBe(speaker));
});

describe('speakers before a long apposition, of a joined verb, of a participle', () => {
  it('“…,” X and Y, two lawyers who represent the family, said: the first named', () => {
    const text =
      '“This outcome betrays every family in the city,” Nora Blaine and Hugo Ferris, two lawyers who have represented the Doyle family, said in a statement.';
    expect(speakerOf(text, 'betrays every family')?.speaker).toBe('Nora Blaine');
  });

  it('X, representing the defence, reflected on it and said: “…”: the subject of the first verb', () => {
    const text =
      'Attorney Felix Marlow, representing the defence, reflected on the ruling and said: “We are disappointed but not surprised.”';
    expect(speakerOf(text, 'disappointed but not surprised')?.speaker).toBe('Felix Marlow');
  });

  it('a long capitalised title before the subject of a participle', () => {
    const text =
      'Los Palos County District Attorney Lena Okoro thanked the witnesses in a statement after the verdict, saying, in part, “Their courage carried this case.”';
    expect(speakerOf(text, 'courage carried this case')?.speaker).toBe('Lena Okoro');
  });
});

describe('statements issued by a named person', () => {
  it('“…,” the statement read: the person who released the statement', () => {
    const text =
      'District Attorney Ruth Calloway released a statement after the verdict. “Justice was served for the Perrin family today,” the statement read.';
    expect(speakerOf(text, 'Justice was served')?.speaker).toBe('Ruth Calloway');
  });

  it('a participle takes the main subject, not a name in an apposition before it', () => {
    const text =
      'Ruth Calloway also spoke of the coming trial of Victor Hale, who faces the same charge, noting she “will keep fighting for this family until the end.”';
    expect(speakerOf(text, 'keep fighting for this family')?.speaker).toBe('Ruth Calloway');
  });
});
