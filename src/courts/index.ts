/** Court records: federal CM/ECF docket feeds read into docket entries, and the dockets cases follow. */
export { harmonizeCaseName } from './caseName.ts';
export { type CourtKind, courtKind, defaultCourtFeedUrl, normaliseCourtId } from './courts.ts';
export { type DocketNumber, parseDocketNumber, parseTypedDocketNumber, sameDocket } from './docketNumber.ts';
export { classifyEntry, type EntryKind } from './entryTypes.ts';
export { type DocketEntry, docketEntriesFromFeed } from './rss.ts';
