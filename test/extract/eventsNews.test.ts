import { describe, expect, it } from 'vitest';
import { extractFacts } from '../../src/extract/index.ts';
import type { CaseEvent } from '../../src/facts.ts';

/**
 * Events as the whole extractor finds them (real segmentation and person registry), on made-up
 * articles written in the grammar of wire copy. Thursday 2023-03-09 unless a test says otherwise.
 */
function events(text: string, published = '2023-03-09', title = ''): string[] {
  return extractFacts({ title, published, text }).events.map(brief).sort();
}

function brief(e: CaseEvent): string {
  return `${e.type} ${e.who ?? '-'} ${e.date ?? 'null'} ${e.status}${e.new ? '' : ' (old)'}`;
}

describe("the article's news day", () => {
  it('an undated act told as the news happened on the published day (a dateline dates the story)', () => {
    expect(
      events('SPRINGFIELD, Ill. (AP) — A jury found Jane Roe guilty of arson. Roe was arrested in 2021.'),
    ).toEqual(['arrest Jane Roe null happened (old)', 'verdict Jane Roe 2023-03-09 happened']);
  });
  it('the day word of the lede dates the undated acts told after it', () => {
    expect(
      events(
        'A judge on Tuesday threw out the case against John Doe.\nThe judge also revoked the bond of John Doe, who had been free since his arrest.',
      ),
    ).toEqual(['bail John Doe 2023-03-07 happened', 'dismissal John Doe 2023-03-07 happened']);
  });
  it('background stays undated', () => {
    expect(
      events('John Doe was sentenced Monday to five years. He had previously pleaded guilty to fraud.'),
    ).toEqual(['plea John Doe null happened (old)', 'sentence John Doe 2023-03-06 happened']);
  });
});

describe('a participle that names who someone is reports no act of the day', () => {
  it('"X, the man charged with ..., pleaded not guilty Monday": the charge is background, undated', () => {
    expect(
      events('John Doe, the man charged with setting the mill fire, pleaded not guilty Monday.'),
    ).toEqual(['charge John Doe null happened (old)', 'plea John Doe 2023-03-06 happened']);
  });
  it('"X, convicted of arson in ..., was sentenced Tuesday": the conviction keeps only its own words', () => {
    expect(
      events('Jane Roe, convicted of arson in the mill fire, was sentenced on Tuesday to 12 years.'),
    ).toEqual(['sentence Jane Roe 2023-03-07 happened', 'verdict Jane Roe null happened (old)']);
  });
  it('a member of a named body "charged with" leaking, who pleaded guilty Monday, was not charged Monday', () => {
    expect(
      events('John Doe, a member of the Coast Guard charged with leaking files, pleaded guilty on Monday.'),
    ).toEqual(['charge John Doe null happened (old)', 'plea John Doe 2023-03-06 happened']);
  });
  it('an apposition "X, the former guard charged with ..." describes, whatever the sentence says after it', () => {
    expect(
      events(
        'A neighbour’s fears about John Doe, the ex-security officer charged with murder over a warehouse shooting, a keen angler, are set out in an email made public Monday.',
      ),
    ).toEqual(['charge John Doe null happened (old)']);
  });
  it('"was to stand trial on Monday charged with ..." tells his state that day, no charge', () => {
    expect(
      events(
        'Jane Roe, 41, was to stand trial in the county court on Monday charged with five offences, among them arson.',
        '2023-03-06',
      ),
    ).toEqual([]);
    expect(events('John Doe was on Monday charged with arson.')).toEqual([
      'charge John Doe 2023-03-06 happened',
    ]);
  });
  it('a headline with no verb after the participle is the news', () => {
    expect(events('John Doe charged with arson in mill fire')).toEqual([
      'charge John Doe 2023-03-09 happened',
    ]);
  });
});

describe('plans and outcomes still to come', () => {
  it('"the trial, which was set to begin Monday" is a plan told in the past: no trial', () => {
    expect(
      events(
        'John Doe changed his plea on the morning of his trial, which was set to begin Monday.',
        '2023-03-07',
      ).filter((e) => e.startsWith('trial')),
    ).toEqual([]);
    expect(
      events('The trial of Jane Roe, which was scheduled to begin Monday, has been postponed to June 2.'),
    ).toEqual(['trial Jane Roe 2023-06-02 scheduled']);
  });
  it('"will get a life term when he is sentenced April 23" is the sentencing hearing, no sentence', () => {
    expect(events('John Doe will get a life term when he is sentenced April 23.')).toEqual([
      'hearing John Doe 2023-04-23 scheduled',
    ]);
    expect(events('Jane Roe will be sentenced to ten years on April 23 under her plea deal.')).toEqual([
      'hearing Jane Roe 2023-04-23 scheduled',
    ]);
  });
});

describe('what a later day in the sentence is about', () => {
  it('"will begin serving her sentence on March 15" tells the day she reports, not a sentencing', () => {
    expect(events('Jane Roe will begin serving her 60-day sentence on March 15.')).toEqual([
      'sentence Jane Roe null happened (old)',
    ]);
  });
  it('"to be sentenced March 20 on charges on which he was convicted" schedules no verdict', () => {
    expect(
      events('John Doe is scheduled to be sentenced March 20 on two charges on which he was convicted.'),
    ).toEqual(['hearing John Doe 2023-03-20 scheduled', 'verdict John Doe null happened (old)']);
  });
  it('"arrested later that day" is the day last told in the paragraph, not the day of the article\'s verdict', () => {
    expect(
      events(
        'A jury convicted Jane Roe on Monday.\nRoe fled the mill on May 2, 2022, police said. A deputy chased her car. She was arrested later that day.',
      ),
    ).toEqual(['arrest Jane Roe 2022-05-02 happened (old)', 'verdict Jane Roe 2023-03-06 happened']);
  });
});

describe('coordinated clauses keep their own days', () => {
  it('"had been charged with murder but on Tuesday prosecutors accepted" dates no charge on Tuesday', () => {
    expect(
      events('Jane Roe had been charged with murder but on Tuesday prosecutors accepted a lesser plea.'),
    ).toEqual(['charge Jane Roe null happened (old)']);
  });
});

describe('clause structure decides the type and the tense', () => {
  it('"X, charged with ..., has maintained" describes the defendant; it reports no charge', () => {
    expect(events('Jane Roe, charged with arson in the fire, has maintained her innocence.')).toEqual([]);
  });
  it('"ruled Monday that the defense will not be allowed" happened Monday', () => {
    expect(
      events(
        'Judge Maria Vance ruled Monday that John Doe, who is charged with fraud, will not be allowed to call the expert.',
      ),
    ).toEqual(['ruling John Doe 2023-03-06 happened']);
  });
  it('"X will stand trial, a judge ruled Tuesday": the ruling happened Tuesday; Tuesday dates no trial', () => {
    expect(events('Jane Roe will stand trial for the murder of her husband, a judge ruled Tuesday.')).toEqual(
      ['ruling Jane Roe 2023-03-07 happened'],
    );
    expect(events('A judge ruled Tuesday that Jane Roe will stand trial for arson.')).toEqual([
      'ruling Jane Roe 2023-03-07 happened',
    ]);
  });
  it('words "said during closing arguments" date a speech, not a trial step', () => {
    expect(
      events('"He lied to everyone in this room," prosecutor Amy Hill said during closing arguments.'),
    ).toEqual([]);
  });
  it('prosecutors who drop their appeal withdraw an appeal, they drop no charge', () => {
    expect(
      events('Prosecutors on Monday dropped their appeal to reinstate the charges against John Doe.'),
    ).toEqual(['appeal John Doe 2023-03-06 happened']);
  });
  it('a late-stage story recalls the undated charge and plea', () => {
    expect(
      events(
        'A jury on Wednesday convicted Jane Roe of arson. Roe was charged after the fire and pleaded not guilty.',
      ),
    ).toEqual([
      'charge Jane Roe null happened (old)',
      'plea Jane Roe null happened (old)',
      'verdict Jane Roe 2023-03-08 happened',
    ]);
  });
});

describe('civil suits, appeals and the who of a story', () => {
  it('a default and a damages award decide the suit against the party ordered to pay', () => {
    expect(
      events(
        'A jury on Tuesday ordered talk host Ray Stone to pay $12 million in damages to the family. Stone had been found liable when a judge entered a default judgment against him in May.',
      ),
    ).toEqual(['lawsuit Ray Stone 2022-05 happened (old)', 'lawsuit Ray Stone 2023-03-07 happened']);
  });
  it('awards with decimal amounts, and one ordered "a day after" another, are two decisions', () => {
    expect(
      events(
        'A jury on Friday ordered talk host Ray Stone to pay $45.2 million in punitive damages, a day after he was ordered to pay $4.1 million in damages. Stone plans to appeal.',
        '2022-08-06',
      ),
    ).toEqual(['lawsuit Ray Stone 2022-08-04 happened', 'lawsuit Ray Stone 2022-08-05 happened']);
  });
  it('English and federal appeal courts decide appeals', () => {
    expect(
      events(
        'A Court of Appeal judge on Monday refused Jane Roe permission to appeal her convictions.',
        '2024-01-30',
      ),
    ).toEqual(['appeal Jane Roe 2024-01-29 happened']);
    expect(events('The Ninth Circuit on Friday upheld the conviction of John Doe.', '2025-02-24')).toEqual([
      'appeal John Doe 2025-02-21 happened',
    ]);
  });
  it('"the former nurse" is the person the story is about', () => {
    expect(
      events(
        'Jane Roe lost her bid to appeal on Tuesday. Jane Roe was convicted in August. The former teacher, 41, filed an application for permission to appeal in September.',
        '2024-01-30',
      ),
    ).toContain('appeal Jane Roe 2023-09 happened (old)');
  });
  it("a dateline's place is nobody", () => {
    const got = events(
      'MILLBROOK, Mass. (WXYZ) — Jury selection resumed Tuesday in Millbrook. Nobody was seated.',
    );
    expect(got.every((e) => !e.includes('Millbrook'))).toBe(true);
  });
  it('an argument made at trial is no motion; one made in a filing is', () => {
    expect(
      events('Her defense argued that another officer was involved in the death of the victim.'),
    ).toEqual([]);
    expect(
      events('In a filing on Monday, lawyers for John Doe argued that the search was unlawful.'),
    ).toEqual(['motion John Doe 2023-03-06 happened']);
  });
  it('"earlier in the day" is the day of the act told before', () => {
    expect(
      events(
        'Judge Ann Lee dismissed the case against John Doe on Friday. Earlier in the day the judge sent the jury home.',
      ),
    ).toEqual(['dismissal John Doe 2023-03-03 happened', 'trial John Doe 2023-03-03 happened']);
  });
});

describe('court words of U.S. and English courts', () => {
  it('verdicts read out and returned, a whole-life order handed down', () => {
    expect(
      events(
        'The first guilty verdicts against Jane Roe were read out on 8 August. Jane Roe was handed a whole-life order on Monday.',
        '2023-08-22',
      ),
    ).toEqual(['sentence Jane Roe 2023-08-21 happened', 'verdict Jane Roe 2023-08-08 happened (old)']);
  });
  it('a first appearance before magistrates and motion hearings are hearings', () => {
    expect(
      events(
        "Jane Roe, who was charged on Tuesday, is due to appear at Leeds Magistrates' Court on Thursday.",
      ),
    ).toContain('hearing Jane Roe 2023-03-09 scheduled');
    expect(
      events('Motion hearings in the case of John Doe are scheduled for Wednesday.', '2023-03-06'),
    ).toEqual(['hearing John Doe 2023-03-08 scheduled']);
  });
  it('jurors seated and a jury unable to agree are trial steps; no juror picked is none', () => {
    expect(events('The final juror in the retrial of John Doe was seated Tuesday.')).toEqual([
      'trial John Doe 2023-03-07 happened',
    ]);
    expect(events('The jury in the trial of John Doe was unable to reach a verdict on Friday.')).toEqual([
      'trial John Doe 2023-03-03 happened',
    ]);
    expect(events('No new jurors were selected in the trial of John Doe on Monday.')).toEqual([]);
  });
  it('closing arguments and a jury that began deliberating are no trial step of the schema (opening statements are)', () => {
    expect(events('Closing arguments in the trial of John Doe took place Monday.')).toEqual([]);
    expect(
      events('The jury began deliberating the case of Jane Roe last Thursday after two weeks of testimony.'),
    ).toEqual([]);
    expect(events('Opening statements in the trial of John Doe were delivered on Monday.')).toEqual([
      'trial John Doe 2023-03-06 happened',
    ]);
  });
  it('a motion dismissed is a ruling, not a dismissal of the case', () => {
    expect(
      events('A judge on Monday dismissed the motion to reopen the manslaughter case against John Doe.'),
    ).toEqual(['ruling John Doe 2023-03-06 happened']);
  });
  it('a judge who bars testimony or refuses a new trial rules', () => {
    expect(
      events(
        'Judge Ann Lee on Monday barred testimony from an expert and refused to order a new trial for John Doe.',
      ),
    ).toEqual(['ruling John Doe 2023-03-06 happened']);
  });
});

describe('dates carried from the act an event follows', () => {
  it('"taken into custody following the verdict" happened on the verdict day', () => {
    expect(
      events(
        'A judge denied bail for Jane Roe on Friday. Roe was convicted on March 6 of arson. Roe was taken into custody following the jury’s verdict.',
        '2023-03-25',
      ),
    ).toContain('bail Jane Roe 2023-03-06 happened (old)');
  });
  it('a deliberation "since" a day dates no verdict', () => {
    expect(
      events(
        'The verdict against John Doe was reached Monday by jurors who had deliberated since Dec. 20.',
        '2022-01-04',
      ),
    ).toEqual(['verdict John Doe 2022-01-03 happened']);
  });
});

describe('counterfactuals and states', () => {
  it('"a deal that would have released him Thursday" releases nobody', () => {
    expect(
      events(
        'John Doe turned down an offer from prosecutors that would have seen him released from jail on Thursday.',
      ),
    ).toEqual([]);
  });
  it('serving a sentence recalls one', () => {
    expect(events('Jane Roe is serving an 11-year sentence in a prison in Texas.')).toEqual([
      'sentence Jane Roe null happened (old)',
    ]);
  });
});

describe('a recalled act dated by a month or a relative phrase', () => {
  it('"was charged in November with": the month, not the news', () => {
    expect(
      events(
        'A jury on Wednesday convicted John Doe of arson. Doe was charged in November with setting the fire.',
      ),
    ).toEqual(['charge John Doe 2022-11 happened (old)', 'verdict John Doe 2023-03-08 happened']);
  });
  it('"arrested last October", "had pleaded not guilty in May": the month before publication', () => {
    expect(
      events(
        'A jury on Wednesday convicted John Doe of arson. He was arrested last October. Doe had pleaded not guilty in May.',
      ),
    ).toEqual([
      'arrest John Doe 2022-10 happened (old)',
      'plea John Doe 2022-05 happened (old)',
      'verdict John Doe 2023-03-08 happened',
    ]);
  });
  it('"convicted last year of": a year alone gives no date, and the act is background', () => {
    expect(
      events(
        'A judge on Tuesday sentenced John Doe to 20 years. Doe was convicted last year of seven offenses.',
      ),
    ).toEqual(['sentence John Doe 2023-03-07 happened', 'verdict John Doe null happened (old)']);
  });
  it('"a judge in January denied his bid for bail": a bail decision of January', () => {
    expect(
      events('John Doe pleaded guilty Wednesday to fraud. A judge in January denied his bid for bail.'),
    ).toEqual(['bail John Doe 2023-01 happened (old)', 'plea John Doe 2023-03-08 happened']);
  });
  it('bond granted with its amount, and "that bond" revoked, each in its month', () => {
    expect(
      events(
        'A judge on Wednesday set a June trial date for John Doe. Doe was initially granted $150,000 bond and released in April. But the judge revoked that bond in July.',
      ),
    ).toEqual([
      'bail John Doe 2022-04 happened (old)',
      'bail John Doe 2022-07 happened (old)',
      'trial John Doe 2023-06 scheduled',
    ]);
  });
});

describe('an undated act that the article recalls', () => {
  it('an act of an earlier stage than a recalled one is older still ("sentenced last month ... convicted of")', () => {
    expect(
      events(
        'A federal judge on Tuesday denied John Doe’s bid to remain free on bond while he appeals. Doe must report to prison on April 3. He was sentenced last month to two years in prison. Doe was convicted of taking bribes from a contractor.',
      ),
    ).toEqual([
      'arrest John Doe 2023-04-03 scheduled',
      'bail John Doe 2023-03-07 happened',
      'sentence John Doe 2023-02 happened (old)',
      'verdict John Doe null happened (old)',
    ]);
  });
  it('"Y also pleaded guilty" after a plea of January is recalled too', () => {
    expect(
      events(
        'A judge on Wednesday postponed the sentencing of John Doe until May 5. The judge said the delay was needed. In January, Doe pleaded guilty to fraud.\n\nRichard Roe also pleaded guilty in the scheme.',
      ).filter((e) => e.startsWith('plea')),
    ).toEqual(['plea John Doe 2023-01 happened (old)', 'plea Richard Roe null happened (old)']);
  });
  it('"are jointly charged with" states the case: no charge filed that day', () => {
    expect(
      events(
        'Jury selection began Monday in the murder trial of John Doe and Richard Roe. Doe and Roe are jointly charged with second-degree murder.',
      ).filter((e) => e.startsWith('charge')),
    ).toEqual([]);
  });
});

describe('investigation steps told in the passive or by naming a suspect', () => {
  it('"her home was searched by police" after earlier arrests: a search, recalled', () => {
    expect(
      events(
        'Nurse Jane Roe was charged on Tuesday with eight counts of murder. Roe had been arrested twice before. Following her previous arrests, her home was searched by police.',
      ).filter((e) => e.startsWith('investigation')),
    ).toEqual(['investigation Jane Roe null happened (old)']);
  });
  it('"officials said he is also the prime suspect in" another killing: a step aimed at him', () => {
    expect(
      events(
        'John Doe was arraigned Friday on three murder charges. Detectives said he is also the prime suspect in a fourth killing.',
      )
        .filter((e) => e.startsWith('investigation'))
        .map((e) => e.split(' ').slice(0, 3).join(' ')),
    ).toEqual(['investigation John Doe']);
  });
});

describe('the man charged with it, named after the act the sentence reports', () => {
  it('"set a May trial date for a man charged with arson": the charge is who he is, not an act dated May', () => {
    expect(
      events(
        'A federal judge last week set a May trial date for a man charged with setting a church fire.',
        '2018-02-19',
      ),
    ).toEqual(['trial - 2018-05 scheduled']);
  });
  it('"the volunteer charged with murder ... has made his first appearance": the appearance is the news', () => {
    expect(
      events(
        'The neighborhood watch volunteer charged with second-degree murder in the February 26 shooting has made his first appearance in a Florida courtroom. Thursday’s appearance was brief, with John Doe only saying “yes sir” to the judge. Doe is held without bail.',
        '2012-04-12',
      ).filter((e) => /^(?:hearing|charge)/.test(e)),
    ).toEqual(['charge John Doe null happened (old)', 'hearing John Doe 2012-04-12 happened']);
  });
  it('"has appeared in court charged with murder": after a court the participle is his own state, the news', () => {
    expect(
      events(
        'Tom Vale, 34, has appeared in court charged with the murder of a man in Leeds. Vale was remanded in custody.',
        '2025-03-12',
      ).filter((e) => e.startsWith('charge')),
    ).toEqual(['charge Tom Vale 2025-03-12 happened']);
  });
});
