// eval/: scoring, not extraction — the team's matching rules (match, score), extraction scores per
// corpus and per case (extraction, byCase), and the status/alert replay of a corpus (statusReplay, alertScore).
export { type AlertScore, finishAlertScore, goldDevelopments, scoreAlertBatch } from './alertScore.ts';
export { type ByCaseReport, evaluateByCase, formatByCase } from './byCase.ts';
export { type EvalReport, evaluate, formatReport, listArticleFiles, listCases } from './extraction.ts';
export { sameCharge } from './match.ts';
export { type ArticleScore, type GoldFacts, scoreArticle } from './score.ts';
export { evalCorpus, type FactSource } from './statusReplay.ts';
