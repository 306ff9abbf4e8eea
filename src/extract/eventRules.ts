import type { EventType } from '../facts.ts';

/**
 * The trigger lexicon of legal news: which words report which kind of development. A rule's
 * `family` separates developments of one type that an article may report side by side (an arrest
 * and an extradition waiver), so that an undated mention merges only into a dated one of its kind.
 */
export interface TriggerRule {
  type: EventType;
  family: string;
  re: RegExp;
}

const CHARGE_NOUN = '(?:charges?|counts?|enhancements?|case|indictment|allegations?|complaint)';

function rule(type: EventType, source: string, family: string = type): TriggerRule {
  return { type, family, re: new RegExp(source, 'gi') };
}

export const TRIGGER_RULES: TriggerRule[] = [
  // investigation
  rule(
    'investigation',
    '\\bsearch warrants?\\b(?! affidavit)|\\bwarrants? (?:was|were) (?:issued|served|executed)\\b',
    'targeted',
  ),
  rule(
    'investigation',
    "\\braid(?:s|ed)?\\b(?! for)|\\b(?:coordinated )?searches (?:of|in|at|on)\\b|\\bsearched (?:the |a |an |his |her |their )?(?:[\\w'’-]+ ){0,3}?(?:home|house|apartment|residence|office|property|vehicle|car|phone|premises)\\b",
    'targeted',
  ),
  rule(
    'investigation',
    '\\b(?:provided|submitted|handed over|handed|turned over|sent|delivered|forwarded|referred)\\b[^.;]{0,80}?\\b(?:report|findings|case file|binders?|investigation|evidence)\\b[^.;]{0,60}?\\bto (?:the )?[^.;]{0,50}?(?:prosecutors|district attorney|DA)\\b',
  ),
  rule(
    'investigation',
    '\\b(?:report|findings|case file|binders? of information)\\b[^.;]{0,40}?\\b(?:were|was) (?:turned over|submitted|handed over|provided|sent|referred) to\\b',
  ),
  rule(
    'investigation',
    '\\bno (?:criminal )?(?:arrests or )?(?:criminal )?charges (?:have|had|will|would) (?:yet )?(?:been |be )?(?:filed|brought)\\b|\\bthere will be no charges\\b|\\bruled out\\b|\\bpreliminary (?:stages?|states?) of (?:the )?investigation\\b',
  ),
  rule(
    'investigation',
    '\\b(?:was|were) (?:questioned|interviewed) by (?:the )?(?:police|detectives|investigators|authorities|deputies|agents)\\b',
    'targeted',
  ),
  rule(
    'investigation',
    '\\b(?:investigators|police|detectives|authorities|deputies|agents) (?:have |had )?(?:collected|seized|recovered|gathered)\\b',
  ),
  rule(
    'investigation',
    '\\b(?:FBI|forensic|crime lab|ballistics?|autopsy)\\b[^.;]{0,30}?\\b(?:report|records|analysis|tests?|testing|findings)\\b[^.;]{0,40}?\\b(?:determined|found|showed|indicated|concluded|confirmed|revealed)\\b|\\bsubmitted to the (?:FBI )?(?:crime )?lab\\b',
  ),
  rule(
    'investigation',
    '\\b(?:DNA|testing|tests?|(?:cell)?phone records)\\b[^.;]{0,40}?\\blinked (?:him|her|them)\\b',
    'targeted',
  ),
  rule('investigation', '\\bidentified (?:\\w+ ){0,4}(?:potential|possible) (?:defendants|suspects)\\b'),
  // arrest
  rule('arrest', '\\barrest(?:ed|ing)\\b(?! warrant)'),
  rule(
    'arrest',
    "\\b(?:taken |took (?:\\w+ ){1,2})into (?:federal |police )?custody\\b|(?:'s|’s) (?:\\w+ )?arrest\\b|\\bsurrender(?:ed|s)? to\\b|\\bbooked into\\b|\\bturned (?:himself|herself|themselves) in\\b",
  ),
  rule(
    'arrest',
    '\\bwaive[sd]? (?:his |her |their )?(?:right to (?:an )?)?extradition\\b|\\bextradit(?:ed|ion waiver)\\b',
    'extradition',
  ),
  // charge
  rule('charge', '\\b(?:formally |also |officially |each )?charged\\b'),
  rule(
    'charge',
    '\\bfiled (?:the )?(?:criminal )?(?:charges|charging documents|an? (?:criminal )?complaint|an indictment)\\b|\\bcharges? (?:was|were|have been|had been|will be|would be|are) (?:formally )?(?:filed|brought|unsealed|refiled)\\b',
  ),
  rule('charge', '\\b(?:announced|said)\\b[^.;]{0,40}?\\bfaces? (?:\\w+ ){0,2}(?:counts?|charges?) of\\b'),
  rule(
    'charge',
    '\\breturned (?:an |the )?indictment\\b|\\bindicted\\b|\\bindictment\\b[^.;]{0,40}?\\b(?:returned|unsealed|filed|handed up|laced with|charging|states|accuses|alleges)\\b|\\brefiled\\b',
  ),
  // charge_dropped (a dismissal by prosecutors is re-typed in events.ts)
  rule(
    'charge_dropped',
    `\\bdrop(?:ped|ping|s)?\\b(?! out)(?=[^.;]{0,80}?\\b${CHARGE_NOUN})|\\b${CHARGE_NOUN}\\b[^.;]{0,120}?\\bdropped\\b`,
  ),
  rule(
    'charge_dropped',
    '\\bremov(?:ed|ing|es) the (?:\\w+ ){0,2}enhancement\\b|\\bdowngrad(?:ed|ing)\\b|\\breduc(?:ed|ing) the (?:\\w+ )?charges?\\b|\\bwithdr(?:ew|awn) (?:the )?charges?\\b',
  ),
  rule(
    'charge_dropped',
    '\\b(?:amended|altered|revised) (?:criminal )?(?:complaint|charges)\\b[^.;]{0,40}?\\bfiled\\b',
    'amended',
  ),
  rule('dismissal', '\\bnotice (?:to|of) dismiss(?:al)?\\b|\\bdismiss(?:ed|es|ing)?\\b'),
  // bail
  rule(
    'bail',
    '\\b(?:denied|revoked|granted|set|rejected) (?:him |her |them )?bail\\b|\\bbail (?:was |has been )?(?:denied|set|revoked|granted)\\b|\\bwithout (?:bail|bond)\\b|\\bheld on \\$[\\d,.]+(?: million)? (?:bail|bond)\\b|\\bremanded\\b',
  ),
  rule(
    'bail',
    '\\bordered (?:\\w+ ){0,3}(?:detained|held|to (?:remain|stay) in (?:jail|custody))\\b|\\b(?:remain|stay) in (?:custody|jail)\\b',
  ),
  rule('bail', '\\brejected (?:an |the )?appeal\\b(?=[^.;]{0,80}\\bbail\\b)', 'bailAppeal'),
  // plea
  rule(
    'plea',
    '\\b(?:plead(?:ed|s)?|pled) (?:not guilty|guilty|no contest|nolo contendere|innocent)\\b|\\bagreed to plead\\b',
  ),
  rule(
    'plea',
    '\\benter(?:ed|s)? (?:a |an |his |her )?(?:[\\w-]+ ){0,2}?pleas?\\b|\\bentered into (?:a |the )?plea\\b',
  ),
  rule(
    'plea',
    '\\b(?:signed|reached|accepted|agreed to|struck|offered|approved) (?:a |the |an )?plea (?:agreement|deal|bargain)\\b|\\bplea (?:agreement|deal|bargain)?\\s?(?:was|has been) (?:revealed|announced|disclosed|reached|signed|accepted)\\b|\\b(?:stood|stands|standing) silent\\b',
  ),
  // motion
  rule(
    'motion',
    '\\bfil(?:ed|es|ing|led) (?:a |an )?(?:\\w+ ){0,3}(?:motion|request|petition|brief)\\b|\\bmotion (?:to|for)\\b|\\bletter to the (?:judge|court)\\b',
  ),
  rule(
    'motion',
    '\\b(?:lawyers?|attorneys?|team|defen[cs]e|counsel)\\b[^.;]{0,40}?\\b(?:argued|argues|arguing|accused prosecutors|contended|proposed|requested|asked the (?:judge|court)|is fighting)\\b',
  ),
  rule(
    'motion',
    '\\b(?:seeking|seeks?|sought|asked for|requested|moved for) (?:a |the )?(?:new trial|dismissal|change of venue|acquittal)\\b',
  ),
  rule(
    'motion',
    '\\b(?:prosecutors|the government) (?:seek|seeks|sought|asked for|requested|recommended)\\b[^.;]{0,30}?\\bsentence\\b',
  ),
  // ruling
  rule(
    'ruling',
    "\\b(?:granted|denied|rejected) (?:\\w+[’']s |the |a |his |her )?(?:\\w+ ){0,2}(?:request|motion|petition|bid)\\b",
  ),
  rule(
    'ruling',
    '\\b(?:judge|court|justices?)\\b[^.;]{0,60}?\\b(?:ruled|upheld|overturned|struck down|sided)\\b',
  ),
  // hearing
  rule('hearing', '\\barraign(?:ed|ment)\\b'),
  rule(
    'hearing',
    '\\b(?:will|is (?:set|scheduled|due) to|are (?:set|scheduled|due) to) be sentenced\\b|\\bwhen (?:he|she|they) (?:is|are) sentenced\\b|\\bsentencing\\b[^.;]{0,40}?\\b(?:is |was |has been )?(?:set|scheduled)\\b|\\bdue (?:back )?in court\\b|\\b(?:set|scheduled) (?:a |the )?(?:\\w+ )?hearing\\b',
  ),
  rule(
    'hearing',
    '\\b(?:preliminary|first|sentencing|status|detention|plea|pretrial|pre-trial|evidentiary|competency|motions?) (?:hearing|conference)\\b|\\bstatus conference\\b',
  ),
  rule(
    'hearing',
    '\\bhearing\\b(?:[^.;]{0,40}?\\b(?:is|was|has been|are))? (?:set|scheduled|slated|held|planned)\\b',
  ),
  rule(
    'hearing',
    '\\bcourt appearance\\b|\\bappear(?:s|ed|ing)? (?:\\w+ ){0,2}(?:in|before) (?:\\w+ ){0,3}?(?:court|courtroom|courthouse|judge)\\b',
  ),
  // trial
  rule(
    'trial',
    '\\btrial\\b[^.;]{0,40}?\\b(?:began|begins|begin|started|starts|opened|opens|got underway|gets underway|is underway|resumes|resumed|is scheduled|set to begin|scheduled to begin|slated|postponed|delayed|pushed back)\\b',
  ),
  rule(
    'trial',
    '\\bjury selection\\b[^.;]{0,30}?\\b(?:began|begins|starts|started|is scheduled|to begin|to start|ended|concluded)\\b',
  ),
  rule(
    'trial',
    '\\bmistrial\\b|\\bdeadlock(?:ed|ing|s)?\\b|\\bhung jury\\b|\\b(?:opening|closing) (?:arguments|statements)\\b',
  ),
  rule(
    'trial',
    '\\bsent (?:the )?(?:jury|jurors) home\\b|\\b(?:jury|jurors) (?:was|were) sent home\\b|\\bbegan deliberat(?:ing|ions)\\b',
  ),
  // verdict
  rule(
    'verdict',
    "\\bacquitt(?:ed|al)\\b|\\bfound (?:[\\w'’-]+ ){0,3}?(?:not )?guilty\\b|\\bconvicted (?:[\\w'’-]+ ){0,5}?(?:of|on)\\b",
  ),
  rule(
    'verdict',
    '\\b(?:returned|returning|reached|reaching|delivered|rendered|read) (?:a |its |the )?(?:\\w+ )?verdict\\b|\\b(?:jury|jurors) (?:rejected|rejects|cleared)\\b',
  ),
  // sentence
  rule(
    'sentence',
    '\\bsentenced (?:\\w+ ){0,3}to\\b|\\bwas sentenced\\b|\\bpronounced (?:the|his|her) sentence\\b|\\bimposed (?:a |the )?(?:\\w+ )?(?:sentence|prison term)\\b',
  ),
  // appeal
  rule(
    'appeal',
    '\\b(?:filed|lodged|launched|withdrew|withdrawn|dropped) (?:an |a |the |its |his |her )?(?:notice of )?appeal\\b|\\bappeal (?:was|has been|is) (?:withdrawn|dismissed|denied|rejected|granted|filed)\\b|\\bappealed\\b',
  ),
  rule(
    'appeal',
    '\\b(?:appeals court|court of appeals|appellate court|supreme court)\\b[^.;]{0,60}?\\b(?:ruled|upheld|overturned|rejected|affirmed|reversed|denied|declined)\\b|\\b(?:petition(?:ed)?|asked) (?:the )?(?:\\w+ )?(?:supreme court|appeals court|court of appeals)\\b',
  ),
  rule('appeal', '\\bto appeal\\b(?=[^.;]{0,80}\\bbail\\b)', 'bailAppeal'),
  // lawsuit
  rule(
    'lawsuit',
    '\\b(?:filed|settled|dismissed|won|brought) (?:a |the |an |its |their |his |her )?(?:[\\w-]+ ){0,3}(?:lawsuit|suit|civil (?:case|action|complaint))\\b|\\b(?:lawsuit|suit) (?:was |has been |is )?(?:filed|settled)\\b|\\bsued\\b|\\bsettle[sd]? (?:a |the |an |its |their |his |her )?(?:[\\w-]+ ){0,3}(?:lawsuit|suit|claims?)\\b',
  ),
  // release
  rule(
    'release',
    '\\b(?:was|were|has been|had been|is being|got) released (?:from (?:custody|jail|prison|detention)|on (?:bail|bond|\\$|(?:his|her) own recognizance))|\\breleased from (?:custody|jail|prison|detention)\\b|\\bordered (?:\\w+ ){1,3}released\\b|\\bfreed from (?:jail|prison|custody)\\b|\\bwalked (?:out of|free from) (?:jail|prison)\\b',
  ),
];

/** Word stems per type, found in one pass per sentence so that only the rules that can match run. */
const TYPE_HINTS: Record<EventType, string[]> = {
  investigation: [
    'warrant', 'raid', 'search', 'report', 'findings', 'case file', 'binder', 'charges', 'ruled out',
    'investigation', 'questioned', 'interviewed', 'collected', 'seized', 'recovered', 'gathered', 'fbi',
    'forensic', 'lab', 'ballistic', 'autopsy', 'linked', 'identified',
  ],
  arrest: ['arrest', 'custody', 'surrender', 'booked', 'himself in', 'herself in', 'themselves in', 'extradit'],
  charge: ['charg', 'indict', 'refiled', 'count of', 'counts of'],
  charge_dropped: ['drop', 'remov', 'downgrad', 'reduc', 'withdr', 'amended', 'altered', 'revised'],
  dismissal: ['dismiss'],
  bail: ['bail', 'bond', 'remand', 'custody', 'jail', 'detain', 'appeal'],
  plea: ['plea', 'pled', 'silent'],
  motion: [
    'motion', 'request', 'petition', 'brief', 'letter', 'argu', 'accused prosecutors', 'propos', 'fighting',
    'seek', 'sought', 'asked', 'moved for', 'recommend', 'new trial', 'change of venue',
  ],
  ruling: ['grant', 'denied', 'reject', 'ruled', 'upheld', 'overturn', 'struck', 'sided'],
  hearing: ['arraign', 'hearing', 'conference', 'appear', 'sentenc', 'in court'],
  trial: ['trial', 'jury', 'jurors', 'mistrial', 'deadlock', 'opening', 'closing', 'deliberat'],
  verdict: ['acquitt', 'guilty', 'convicted', 'verdict', 'jury', 'jurors'],
  sentence: ['sentenc'],
  appeal: ['appeal', 'petition', 'supreme court'],
  lawsuit: ['suit', 'sued', 'settle'],
  release: ['released', 'freed', 'walked'],
};

const TYPES_OF_HINT = new Map<string, EventType[]>();
for (const [type, words] of Object.entries(TYPE_HINTS) as Array<[EventType, string[]]>) {
  for (const w of words) TYPES_OF_HINT.set(w, [...(TYPES_OF_HINT.get(w) ?? []), type]);
}
const ANY_HINT = new RegExp(
  [...TYPES_OF_HINT.keys()]
    .sort((a, b) => b.length - a.length)
    .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('|'),
  'gi',
);

/** The rules worth running on a sentence. */
export function rulesFor(text: string): TriggerRule[] {
  const types = new Set<EventType>();
  for (const m of text.matchAll(ANY_HINT)) for (const t of TYPES_OF_HINT.get(m[0].toLowerCase()) ?? []) types.add(t);
  return types.size === 0 ? [] : TRIGGER_RULES.filter((r) => types.has(r.type));
}
