// events/: developments (arrest, charge, plea, hearing, verdict…) — trigger words (rules, hints, hits),
// sentence context (context), who they concern (who), their date (dates) and one event per development (merge).

export { maskedSentence, relativeClauses } from './context.ts';
export { actorRole, extractEvents } from './events.ts';
export { eventWho, factDefendants, namedInSentence, sentenceDefendants, whoContext } from './who.ts';
