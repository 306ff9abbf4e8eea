/** Court records: federal CM/ECF docket feeds read into docket entries, and the dockets cases follow. */
export { harmonizeCaseName } from './caseName.ts';
export { type CourtKind, courtKind, defaultCourtFeedUrl, normaliseCourtId } from './courts.ts';
export { type DocketNumber, parseDocketNumber, parseTypedDocketNumber, sameDocket } from './docketNumber.ts';
export {
  casesFollowing,
  checkDocketLink,
  type DocketLink,
  offerDockets,
  withDocket,
  withoutDocket,
} from './dockets.ts';
export { classifyEntry, type EntryKind } from './entryTypes.ts';
export { docketHandOff } from './handOff.ts';
export { changeCaseDocket, type DocketAnswer, listCaseDockets } from './manage.ts';
export { type CourtPoller, createCourtPoller } from './poller.ts';
export { type DocketEntry, docketEntriesFromFeed } from './rss.ts';
export { entryAsArticle, entryKey } from './toDevelopment.ts';
