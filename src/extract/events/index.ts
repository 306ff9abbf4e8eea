// events/: developments (arrest, charge, plea, hearing, verdict…) — trigger words (rules, hints, hits),
// sentence context (context), who they concern (who), their date (dates), one event per development (merge)
// and what the sentence says beyond the type: plea kind, scope (acts), appeals and retrials (appeals),
// the kind of a hearing (hearings).

export {
  actDetails,
  coversAllCharges,
  custodyDetails,
  dateRepeated,
  dismissalDetails,
  lawsuitDetails,
  pleaKind,
  reportText,
  statedDismissal,
  trialDetails,
  verdictOutcome,
  withActDetails,
} from './acts.ts';
export { appealDetails } from './appeals.ts';
export { maskedSentence, relativeClauses } from './context.ts';
export { actorRole, extractEvents } from './events.ts';
export { hearingDetails } from './hearings.ts';
export { eventWho, factDefendants, namedInSentence, sentenceDefendants, whoContext } from './who.ts';
