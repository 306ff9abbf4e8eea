import type { EventType } from '../../facts.ts';
import { numberWords } from '../lexicon/numbers.ts';

/**
 * The trigger lexicon of legal news: which words report which kind of development. A rule's
 * `family` separates developments of one type that an article may report side by side (an arrest
 * and an extradition waiver), so that an undated mention merges only into a dated one of its kind.
 */
export interface TriggerRule {
  type: EventType;
  family: string;
  re: RegExp;
  /** Lower-case words one of which the sentence must contain for the rule to be worth running. */
  needs?: string[];
}

/** What a court dismisses (not a juror, not a claim in the press). */
const DISMISSABLE = '(?:case|charges?|counts?|indictment|complaint|lawsuit|suit|allegations?|prosecution)\\b';
/** Courts that hear appeals: state and federal appellate courts, circuits, England's Court of Appeal. */
const APPELLATE_COURT =
  '(?:appeals court|court of appeals?|appellate (?:court|division|panel)|supreme court|superior court|appeals panel|(?:three|\\d)-judge panel|(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|d\\.c\\.|federal) circuit|court of criminal appeals|appeal judges?|high court|justices)';
/**
 * One word of an object that may be a list of people: "found Smith, 35, and Jones guilty",
 * "sentenced 29-year-old Ann Roe to" (a word with its comma; bounded by the count after it).
 */
const OBJECT_WORD = "(?:[\\w'’.-]+,? )";
const CHARGE_NOUN = '(?:charges?|counts?|enhancements?|case|indictment|allegations?|complaint)';
/** What a party asks a court to do: exclude or suppress evidence, dismiss, sever, delay, release, undo. */
export const REMEDY =
  '(?:exclude|suppress|dismiss|throw out|toss|sever|separate|split|delay|postpone|transfer|move the (?:case|trial)|remain free|stay free|be released|release|overturn|vacate|set aside|reconsider|disqualify|recuse|remove|bar|block|reduce|lift|reopen|quash|strike|withdraw|reinstate)';
/** What a party asks a court for, as a noun: "the defense's bid to", "Trump's push to", "a request for". */
export const REQUEST_NOUN =
  '(?:requests?|motions?|petitions?|bids?|applications?|push|efforts?|attempts?|challenges?|objections?)';

function rule(type: EventType, source: string, family: string = type, needs?: string[]): TriggerRule {
  return { type, family, re: new RegExp(source, 'gi'), ...(needs ? { needs } : {}) };
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
    "\\braid(?:s|ed)?\\b(?! for)|\\b(?:coordinated )?searches (?:of|in|at|on)\\b|\\bsearched (?:the |a |an |his |her |their )?(?:[\\w'’-]+ ){0,5}?(?:home|house|apartment|residence|office|property|vehicle|car|phone|premises|clinic|business|headquarters|offices|computer)\\b|\\b(?:agents|police|investigators|deputies|detectives|officers|troopers)\\b(?: [\\w'’-]+){0,6}? searched\\b(?! for)",
    'targeted',
    ['raid', 'search'],
  ),
  rule(
    'investigation',
    '\\b(?:provided|submitted|handed over|handed|turned over|sent|delivered|forwarded|referred)\\b[^.;]{0,80}?\\b(?:report|findings|case file|binders?|investigation|evidence)\\b[^.;]{0,60}?\\bto (?:the )?[^.;]{0,50}?(?:prosecutors|district attorney|DA)\\b',
    'investigation',
    ['report', 'findings', 'case file', 'binder', 'investigation', 'evidence'],
  ),
  rule(
    'investigation',
    '\\b(?:report|findings|case file|binders? of information)\\b[^.;]{0,40}?\\b(?:were|was) (?:turned over|submitted|handed over|provided|sent|referred) to\\b',
    'investigation',
    ['report', 'findings', 'case file', 'binder'],
  ),
  rule(
    'investigation',
    '\\bno (?:criminal )?(?:arrests or )?(?:criminal )?charges (?:have|had|will|would) (?:yet )?(?:been |be )?(?:filed|brought)\\b|\\bthere will be no charges\\b|\\bruled out\\b|\\bpreliminary (?:stages?|states?) of (?:the )?investigation\\b',
    'investigation',
    ['no criminal', 'no charges', 'no arrests', 'ruled out', 'preliminary'],
  ),
  rule(
    'investigation',
    '\\b(?:was|were) (?:questioned|interviewed) by (?:the )?(?:police|detectives|investigators|authorities|deputies|agents)\\b',
    'targeted',
  ),
  // The passive of a search ("her home was searched by police"), and a suspect named.
  rule(
    'investigation',
    '\\b(?:was|were|had been|has been|have been) (?:searched|raided)\\b|\\b(?:named|identified|considered|declared) (?:him|her|them) (?:as )?(?:the |a )?(?:prime|main|primary|key|top) suspects?\\b|\\b(?:is|was|are|were) (?:also |now )?(?:the |a )?(?:prime|main|primary) suspects?\\b',
    'targeted',
    ['searched', 'raided', 'suspect'],
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
  rule(
    'investigation',
    '\\b(?:took over|opened|launched|began|started) (?:an? |the |its )?(?:\\w+ ){0,2}(?:investigation|inquiry|probe)\\b',
    'investigation',
    ['investigation', 'inquiry', 'probe'],
  ),
  // arrest
  rule('arrest', '\\barrest(?:ed|ing)\\b(?! warrant)'),
  rule(
    'arrest',
    "\\b(?:taken |took (?:\\w+ ){1,2})into (?:federal |police )?custody\\b|(?:'s|’s) (?:\\w+ )?arrest\\b|\\bsurrender(?:ed|s|ing)? (?:to|at)\\b|\\bsurrendered(?= (?:on |last |early |late )?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|yesterday|today)\\b|[.,;])|\\bbooked into\\b|\\bturned (?:himself|herself|themselves) in\\b",
  ),
  // Reporting to prison to begin a sentence (a self-surrender) is being taken into custody.
  rule(
    'arrest',
    '\\b(?:report(?:s|ed|ing)?|self-surrender(?:s|ed|ing)?) to (?:a |the )?(?:[\\w-]+ ){0,3}?(?:prison|jail|custody)\\b|\\bmov(?:e|es|ed|ing) into (?:a |the )?(?:[\\w-]+ ){0,3}?prison(?: camp)?\\b',
    'arrest',
    ['report', 'surrender', 'prison'],
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
    `\\bfiled (?:the )?(?:criminal )?(?:charges|charging documents|an? (?:criminal )?complaint|an indictment)\\b|\\bfiled (?:\\w+ ){0,2}(?:counts?|charges?) (?:of|against)\\b|\\b(?:filed|brought|added|hit (?:him|her|them) with) (?:a |an )?(?:new|lesser|additional|reduced|separate|\\d+|${numberWords(2, 20)}) (?:counts?|charges?)\\b|\\bcharges? (?:was|were|have been|had been|will be|would be|are) (?:formally )?(?:filed|brought|unsealed|refiled)\\b`,
    'charge',
    ['filed', 'brought', 'unsealed', 'refiled', 'added', 'hit'],
  ),
  rule('charge', '\\b(?:announced|said)\\b[^.;]{0,40}?\\bfaces? (?:\\w+ ){0,2}(?:counts?|charges?) of\\b'),
  // England: the Crown Prosecution Service authorises the charges the police then bring.
  rule(
    'charge',
    '\\bauthori[sz](?:ed|es|ing) (?:\\w+ ){0,3}?charges?\\b|\\bcharges? (?:was|were|have been|had been|has been) authori[sz]ed\\b',
    'charge',
    ['authori'],
  ),
  rule(
    'charge',
    '\\breturned (?:an |the )?indictment\\b|\\bvoted (?:\\w+ ){0,2}?to indict\\b|\\bindicted\\b|\\bindictment\\b[^.;]{0,40}?\\b(?:returned|unsealed|filed|handed up|laced with|charging|states|accuses|alleges)\\b|\\brefiled\\b|\\b(?:charges?|counts?|indictments?)\\b[^.;]{0,40}?\\bhanded (?:up|down)\\b|\\bhanded (?:up|down) (?:an? |the |\\w+ )?indictments?\\b',
  ),
  // charge_dropped (a dismissal by prosecutors is re-typed in hits.ts)
  rule(
    'charge_dropped',
    `\\bdrop(?:ped|ping|s)?\\b(?! out)(?=[^.;]{0,80}?\\b${CHARGE_NOUN})|\\b${CHARGE_NOUN}\\b[^.;]{0,120}?\\bdropped\\b`,
  ),
  rule(
    'charge_dropped',
    '\\bremov(?:ed|ing|es) the (?:\\w+ ){0,2}enhancement\\b|\\bdowngrad(?:ed|ing)\\b|\\breduc(?:ed|ing) the (?:\\w+ )?charges?\\b|\\bwithdr(?:ew|awn)\\b(?! (?:its|their|his|her|the|an) (?:\\w+ )?(?:appeal|motion|request|plea))(?=[^.;]{0,80}?\\b(?:charges?|counts?)\\b)',
  ),
  rule(
    'charge_dropped',
    '\\b(?:amended|altered|revised) (?:criminal )?(?:complaint|charges)\\b[^.;]{0,40}?\\bfiled\\b',
    'amended',
  ),
  rule(
    'dismissal',
    `\\bnotice (?:to|of) dismiss(?:al)?\\b|\\b(?:dismiss(?:ed|es|ing)?|thr(?:ew|own|ows) out|toss(?:ed|es)(?: out)?)\\b(?=[^.;]{0,80}?\\b${DISMISSABLE})|\\b${DISMISSABLE}[^.;]{0,60}?\\bdismissed\\b`,
  ),
  // bail
  rule(
    'bail',
    '\\b(?:denied|revoked|granted|set|rejected|refused|revoking|revokes) (?:(?:him|her|them|his|their|the|that|this|a|an|\\$[\\d,.]+|million|bid|request|motion|application|for|to|be|released|on) ){0,4}?(?:bail|bond)\\b|\\b(?:bail|bond) (?:request |application |motion |appeal )?(?:was |has been )?(?:denied|set|revoked|granted|rejected)\\b|\\bwithout (?:bail|bond)\\b|\\bheld on \\$[\\d,.]+(?: million)? (?:bail|bond)\\b|\\bremanded\\b|\\b(?:was|were|been|being|is|are) (?:\\w+ly )?(?:re-?)?bailed\\b',
  ),
  rule(
    'bail',
    '\\bordered (?:\\w+ ){0,3}(?:detained|held|to (?:remain|stay) in (?:jail|custody))\\b|\\b(?:remain|stay) in (?:custody|jail)\\b|\\bwill (?:remain|stay) (?:in (?:federal )?(?:custody|jail)|behind bars|jailed)\\b',
  ),
  rule('bail', '\\brejected (?:an |the )?appeal\\b(?=[^.;]{0,80}\\bbail\\b)', 'bailAppeal'),
  // Pretrial release on terms is a bail decision; a release from jail or prison is a `release`.
  rule(
    'bail',
    "\\breleased (?:[\\w'’-]+ ){0,3}?on (?:(?:their|his|her) own recognizance|(?:an? )?(?:\\$[\\d,.]+(?: million)? )?(?:unsecured |secured |cash |signature |personal |surety |a )?(?:bail|bond))\\b|\\breleased after posting\\b|\\bposted (?:\\$[\\d,.]+(?: million)? )?(?:bail|bond)\\b|\\b(?:remain|stay) free on (?:bail|bond)\\b|\\bbond (?:pending|while)\\b",
    'release',
    ['released', 'posted', 'free on', 'bond'],
  ),
  // plea
  rule(
    'plea',
    '\\b(?:plead(?:ed|s)?|pled) (?:not guilty|guilty|no contest|nolo contendere|innocent)\\b|\\bagreed to plead\\b',
  ),
  rule(
    'plea',
    '\\benter(?:ed|s)? (?:a |an |his |her |their )?["“\\x27‘]?(?:[\\w-]+ ){0,2}?(?:[\\w-]+["”\\x27’] )?pleas?\\b|\\bentered into (?:a |the )?plea\\b',
  ),
  rule(
    'plea',
    '\\b(?:signed|reached|accepted|agreed to|struck|offered|approved) (?:a |the |an )?plea (?:agreement|deal|bargain)s?\\b|\\bplea (?:agreement|deal|bargain)?\\s?(?:was|has been) (?:revealed|announced|disclosed|reached|signed|accepted)\\b|\\b(?:stood|stands|standing) silent\\b',
  ),
  // motion
  rule(
    'motion',
    '\\bfil(?:ed|es|ing|led) (?:a |an )?(?:\\w+ ){0,3}(?:motion|request|petition|brief)\\b|\\bmotions? (?:to|for)\\b|\\bletter to the (?:judge|court)\\b',
    'motion',
    ['motion', 'request', 'petition', 'brief', 'letter'],
  ),
  rule(
    'motion',
    '\\b(?:lawyers?|attorneys?|team|defen[cs]e|defenders?|counsel)\\b[^.;]{0,40}?\\b(?:argued|argues|arguing|accused prosecutors|contended|proposed|requested|asked the (?:judge|court)|is fighting)\\b|\\basked (?:the |a )?(?:judge|court) (?:for|to)\\b',
  ),
  rule(
    'motion',
    '\\b(?:seeking|seeks?|sought|asked for|requested|moved for) (?:a |an |the )?(?:new trial|dismissal|change of venue|acquittal)\\b',
  ),
  rule(
    'motion',
    '\\b(?:prosecutors|the government) (?:seek|seeks|sought|asked for|requested|recommended)\\b[^.;]{0,30}?\\bsentence\\b',
  ),
  // A remedy asked of a court by its verb: "sought to exclude the DNA evidence", "asked the appeals
  // court to let her remain free", "filed to have the decision overturned".
  rule(
    'motion',
    `\\b(?:sought|seeks?|seeking|moved|filed|asked (?:the |a )?(?:[\\w-]+ ){0,2}?(?:judge|court|justices?|panel))\\s+to\\s+(?:(?:let|allow)\\s+(?:him|her|them)\\s+(?:to\\s+)?)?(?:${REMEDY}|have (?:[\\w'’-]+ ){1,3}?(?:overturned|dismissed|thrown out|tossed|vacated|suppressed|excluded|removed|reduced|lifted|reinstated|severed))\\b`,
    'motion',
    ['sought', 'seek', 'moved', 'filed', 'asked'],
  ),
  // ruling
  rule(
    'ruling',
    `\\b(?:granted|denied|rejected|refused|declined|granting|denying|rejecting) (?:[\\w'’-]+ ){0,4}?(?:${REQUEST_NOUN}|new trial)\\b|\\b(?:${REQUEST_NOUN}|filings?)\\b[^.;]{0,80}?\\b(?:was|were|has been|have been|had been) (?:denied|rejected|refused|turned down)\\b|\\brefused to order (?:a )?new trial\\b|\\b(?:ordered|granted) (?:[\\w'’-]+ ){0,3}?(?:a |an )?(?:(?:new|fresh|second) (?:[\\w-]+ )?trial|retrial)\\b|\\b(?:(?:new|fresh|second) (?:[\\w-]+ )?trial|retrial)\\b[^.;]{0,40}?\\b(?:was|were|has been|have been|had been|is being) (?:ordered|granted)\\b`,
  ),
  rule(
    'ruling',
    `\\b(?:judge|court|justices?)\\b[^.;]{0,60}?\\b(?:ruled|upheld|overturned|struck down|sided)\\b|\\b(?:judge|court)\\b[^.;]{0,60}?\\b(?:barred|excluded|suppressed|threw out|admitted|allowed) (?:the |some |any |key )?(?:[\\w-]+ ){0,2}?(?:testimony|evidence|statements?|expert|witness(?:es)?|findings|recordings?)\\b|\\b(?:judge|court)\\b[^.;]{0,60}?\\b(?:declined|refused) to (?:${REMEDY})\\b`,
  ),
  // hearing
  rule('hearing', '\\barraign(?:ed|ments?)\\b'),
  rule(
    'hearing',
    '\\b(?:will|is (?:set|scheduled|due) to|are (?:set|scheduled|due) to) be sentenced\\b|\\b(?:will|(?:is|are) (?:set|scheduled|due|expected) to) (?:sentence (?:him|her|them|the \\w+)|pass sentence)\\b|\\bwhen (?:he|she|they) (?:is|are) sentenced\\b|\\bsentencing\\b[^.;]{0,40}?\\b(?:is |was |has been )?(?:set|scheduled|slated|expected|planned|postponed|delayed|rescheduled|pushed back)\\b|\\bdue (?:back )?in court\\b|\\b(?:set|scheduled|hold|holds|held|holding) (?:a |the )?(?:\\w+ )?(?:hearing|sentencing)\\b|\\b(?:set|sets|scheduled|schedules) (?!(?:of|aside|off|out|to|for|up)\\b)(?:[\\w.\\x27’-]+ ){1,4}?sentencing\\b',
    'hearing',
    ['sentenc', 'hearing', 'court'],
  ),
  rule(
    'hearing',
    '\\b(?:preliminary|first|sentencing|sentence|status|detention|plea|pretrial|pre-trial|evidentiary|competency|motions?) (?:hearings?|conferences?)\\b|\\bstatus conference\\b',
    'hearing',
    ['hearing', 'conference'],
  ),
  // A court adjourns a hearing or a case to its next date (British and U.S. usage alike).
  rule(
    'hearing',
    '\\b(?:hearings?|case|proceedings|matter)\\b(?:[^.;]{0,40}?\\b(?:is|was|has been|had been|are|were))? adjourned\\b|\\badjourn(?:ed|s|ing) (?:the |his |her |their )?(?:hearing|case|proceedings|matter)\\b',
    'hearing',
    ['adjourn'],
  ),
  rule(
    'hearing',
    '\\bhearings?\\b(?:[^.;]{0,40}?\\b(?:is|was|has been|are|were))?,? (?:set|scheduled|slated|held|planned|postponed|delayed|rescheduled|moved|pushed back)\\b|\\bhearings?\\b[^.;]{0,40}?\\b(?:take|takes|took|taken) place\\b',
    'hearing',
    ['hearing'],
  ),
  rule(
    'hearing',
    '\\b(?:will|(?:is|are|was|were) (?:due|set|scheduled|slated) to|due to)\\s+(?:make\\s+an?\\s+(?:\\w+\\s+)?|\\w+\\s+)?return to court\\b|\\b(?:is|was|be|are|were|due|been|expected|scheduled|set) back in court\\b|\\b(?:expected|scheduled|set|slated) (?:to be |to appear )?in court\\b|\\b(?:next|new|first) court date\\b|\\bcourt date (?:is |was |has been )?(?:set|scheduled)\\b|\\bcourt appearance\\b|\\b(?:made|makes|make|making) (?:his|her|their|a|an) (?:first|initial) (?:court )?appearance\\b|\\bappear(?:s|ed|ing)? (?:\\w+ ){0,2}(?:in|before|at) (?:[\\w\\x27’]+ ){0,3}?(?:court|courtroom|courthouse|judge|magistrates?|old bailey)\\b|\\b(?:ordered|due|scheduled|set|required|summoned|bailed|remanded) to (?:next )?appear\\b(?! (?:as|for|on behalf)\\b)|\\bnext appear(?:s|ance)?\\b',
  ),
  // trial
  rule(
    'trial',
    '\\b(?:re)?trial\\b[^.;]{0,40}?\\b(?:remains (?:set|scheduled)|began|begins|begin|started|starts|opened|opens|got underway|gets underway|is underway|resumes|resumed|is scheduled|(?:set|scheduled|expected|due|planned) to (?:begin|start|open|resume|get underway|take place)|slated|postponed|delayed|adjourned|pushed back|(?:set|scheduled|rescheduled|moved|fixed|listed) (?:for|to))\\b',
  ),
  rule(
    'trial',
    '\\bjury selection\\b[^.;]{0,50}?\\b(?:began|begins|starts|started|is scheduled|to begin|to start|to resume|ended|concluded|resumed|resumes|resume|continued|continues|(?:set|scheduled) (?:for|to)|remains (?:set|scheduled))\\b|\\b(?:set|scheduled|moved|rescheduled|fixed) (?:jury selection|(?:a |the )?(?:(?:new|provisional|tentative|firm|fresh|[\\w-]+[\\x27’]s) ){0,2}(?:re)?trial(?: date)?)\\b|\\b(?:set|scheduled) (?:a |the )?(?:[\\w\\x27’-]+ ){1,3}?(?:re)?trial (?:for|on)\\b|\\b(?:new )?trial date (?:of|in|for|on|(?:was|has been|is) (?:tentatively )?(?:set|scheduled|moved|fixed))\\b|\\bdate for (?:a |the |his |her |their )?(?:new |fresh )?(?:re)?trial\\b|\\b(?:jury|jurors) (?:will|(?:is|are) (?:set |scheduled |due |expected )?to) (?:return|reconvene)\\b',
  ),
  rule(
    'trial',
    '\\bfac(?:e|es|ing) (?:a |an |the |his |her |their )?(?:[\\w-]+ ){0,3}?(?:re)?trial\\b|\\b(?:go|goes|going|went|gone) on trial\\b|(?<!\\bto )\\bstands? trial\\b|\\b(?:is|are) (?:due |set |scheduled |expected )?to stand trial\\b|\\bmistrial\\b|\\bdeadlock(?:ed|ing|s)?\\b|\\bhung jury\\b|\\bopening (?:arguments|statements)\\b',
  ),
  rule(
    'trial',
    '\\bsent (?:the )?(?:jury|jurors) home\\b|\\b(?:jury|jurors)\\b[^.;]{0,60}?\\b(?:was|were) sent home\\b|\\b(?:jury|jurors?)\\b[^.;]{0,40}?\\b(?:was|were|been|is) (?:selected|seated|empanell?ed|impanell?ed|sworn in)\\b|\\b(?:unable to|could not|couldn[\\x27’]t|failed to) (?:reach|agree on|return) (?:a |any )?(?:unanimous )?verdicts?\\b|\\bverdicts?\\b[^.;]{0,60}?\\b(?:could not|couldn[\\x27’]t|was not|were not) (?:be )?reached\\b',
  ),
  // verdict
  rule(
    'verdict',
    `\\bacquitt(?:ed|al)\\b|\\bfound ${OBJECT_WORD}{0,12}?(?:not )?guilty\\b|\\bconvicted ${OBJECT_WORD}{0,10}?(?:of|on)\\b|\\b(?:was|were|been) convicted\\b|\\b(?:jury|jurors|judge|panel|court) (?:on \\w+ )?convicted\\b`,
  ),
  rule(
    'verdict',
    '\\b(?:returned|returning|reached|reaching|delivered|rendered|read) (?:a |its |the )?(?:\\w+ )?verdicts?\\b|\\bverdicts?\\b[^.;]{0,40}?\\b(?:was|were|had been|have been) (?:returned|read out|read|delivered|reached)\\b|\\bverdicts? (?:returned|read out|delivered|reached) (?:on|in|last|this)\\b|\\b(?:jury|jurors) (?:rejected|rejects|cleared)\\b',
  ),
  // sentence
  rule(
    'sentence',
    `\\bsentenced (?:\\w+ ){0,3}to\\b|\\b(?:was|were|been) sentenced\\b|\\b(?:after|upon|following) being sentenced\\b|(?<!\\b(?:be|to|the|a|an) )\\bsentenced ${OBJECT_WORD}{1,10}?(?:to|on|in|for|at|after|last|this|earlier)\\b|` +
      '\\b(?:judge|court) (?:who|that) sentenced\\b|\\bpronounced (?:the|his|her) sentence\\b|\\bimposed (?:a |the )?(?:\\w+ )?(?:sentence|prison term)\\b|\\b(?:got|received|(?:was|were) given) (?:(?:nearly|about|almost|roughly|more than|less than|just (?:over|under)) )?(?:a |an )?(?:\\d+|one|two|three|four|five|six|seven|eight|nine|ten|twelve|eighteen|twenty|life)\\b(?:(?:[ -](?:years?|months?))?(?:[- ]\\w+)? (?:in (?:state |federal )?prison|of (?:probation|house arrest|home confinement)|behind bars|in jail|sentence|prison (?:term|sentence)|terms?)\\b|[ -](?:years?|months?)\\b(?![ -]old))|\\bserving (?:a |an |his |her |their )?(?:[\\w-]+ ){0,3}?(?:sentence|prison term|life term|whole[- ]life order)\\b|\\b(?:handed|given|gave|received|imposed)\\b[^.;]{0,30}?\\b(?:whole[- ]life (?:orders?|sentences?|terms?|tariffs?)|life sentences?|life terms?)\\b|(?<!\\b(?:could|would|might|may|will|to|can|should|must) be |\\bbeing |\\bif )\\b(?:jailed|imprisoned) (?:for|indefinitely)\\b(?![^.;]{0,60}\\b(?:awaiting|pending|without bail|before (?:his |her |their |the )?trial|while|since)\\b)',
  ),
  // appeal (U.S. appellate courts and circuits; the English Court of Appeal and its permission to appeal)
  rule(
    'appeal',
    '\\b(?:filed|lodged|launched|withdrew|withdrawn|dropped|abandoned) (?:an |a |the |its |his |her |their )?(?:notice of )?appeal\\b|\\bappeal (?:was|has been|is|had been) (?:withdrawn|dismissed|denied|rejected|granted|filed|refused|lodged)\\b|\\bappealed\\b|\\b(?:overturned|reversed|vacated|upheld|affirmed|tossed|thrown out) on appeal\\b',
  ),
  rule(
    'appeal',
    `\\b${APPELLATE_COURT}\\b[^.;]{0,60}?\\b(?:ruled|upheld|upholds|overturned|overturns|rejected|rejects|affirmed|affirms|reversed|reverses|denied|declined|refused|vacated|tossed|threw out|dismissed|quashed|set aside|ordered (?:a |an )?(?:new |fresh |second )?(?:re)?trial)\\b|\\b(?:petition(?:ed)?|asked) (?:the |a |an )?(?:[\\w-]+ ){0,2}?(?:supreme court|appeals court|court of appeals?)\\b(?! justice)`,
    'appeal',
    ['appeal', 'court', 'circuit', 'panel', 'justices'],
  ),
  rule(
    'appeal',
    '\\b(?:permission|leave|application|bid|attempt|request) (?:for (?:permission |leave )?)?to appeal\\b|\\b(?:refused|denied|granted|rejected) (?:\\w+ ){0,3}?(?:permission|leave) to appeal\\b',
    'appeal',
    ['appeal'],
  ),
  rule('appeal', '\\bto appeal\\b(?=[^.;]{0,80}\\bbail\\b)', 'bailAppeal'),
  // lawsuit: a civil suit filed, decided (a default on liability, a jury's damages award) or settled
  rule(
    'lawsuit',
    '\\b(?:filed|settled|dismissed|won|brought) (?:a |the |an |its |their |his |her |two |three |several )?(?:[\\w-]+ ){0,3}(?:(?:law)?suits?|civil (?:case|action|complaint)s?)\\b|\\b(?:law)?suits? (?:was |were |has been |have been |is )?(?:filed|settled)\\b|\\bsued\\b|\\bsettle[sd]? (?:a |the |an |its |their |his |her )?(?:[\\w-]+ ){0,3}(?:lawsuit|suit|claims?)\\b',
  ),
  rule(
    'lawsuit',
    "\\b(?:entered|issued|granted) (?:a )?default(?: judgments?)?\\b|\\bdefaulted\\b|\\bdefault judgments?\\b|\\b(?:ordered (?:[\\w'’.-]+ ){1,8}?|(?:was|were|been) ordered )to pay\\b(?=(?:[^.;]|\\.\\d){0,80}?\\bdamages\\b)|\\bawarded\\b(?=(?:[^.;]|\\.\\d){0,80}?\\bdamages\\b)|\\bfiled for (?:chapter \\d+ )?bankruptcy\\b",
    'lawsuit',
    ['default', 'damages', 'bankruptcy'],
  ),
  // release
  rule(
    'release',
    '\\b(?:was|were|has been|had been|is being|got) released from (?:custody|jail|prison|detention)|\\breleased from (?:custody|jail|prison|detention)\\b|\\bordered (?:\\w+ ){1,3}released\\b|\\bfreed from (?:jail|prison|custody)\\b|\\bwalked (?:out of|free from) (?:the )?(?:[\\w\\x27’-]+ ){0,3}(?:jail|prison|detention (?:center|centre))\\b',
  ),
];
