import type { FeedItem, ParsedFeed } from '../feeds/parse.ts';
import { decodeEntities, safeLink } from '../feeds/sanitize.ts';
import { harmonizeCaseName } from './caseName.ts';
import { courtFromUrl, courtKind, courtNameFromTitle } from './courts.ts';
import { type DocketNumber, parseDocketNumber } from './docketNumber.ts';

/** One docket entry read from a court's CM/ECF "Recent Entries" RSS feed. */
export interface DocketEntry {
  court: string;
  /** "Southern District of New York" (from the feed's title), else the court id in capitals. */
  courtName: string;
  docket: DocketNumber;
  /** As CourtListener shows it ("United States v. Smith"); null when the feed gives none. */
  caseName: string | null;
  /** PACER's internal case id (district and bankruptcy courts). */
  pacerCaseId: string | null;
  /** The instant the entry was published (ISO 8601, UTC). */
  filedAt: string;
  /** YYYY-MM-DD in U.S. Eastern time: the docket's day for a court on U.S. time. */
  date: string;
  /** "[Entry type]" as the court wrote it; several events of one filing joined by " AND ". */
  shortDescription: string;
  documentNumber: string | null;
  pacerDocId: string | null;
  pacerSeqNo: string | null;
  docketUrl?: string;
  documentUrl?: string;
  /** Bankruptcy feeds say more before the entry type. */
  bankruptcy?: { type: string; office: string; chapter: string; trustee: string };
}

const DOCUMENT_NUMBER = /["|'] ?>(\d+)<\/a>/;
const DOC1_URL = /href=["|'](.*\/doc1\/.*)["|']/;
const DOCS1_URL = /href=["|'](.*\/docs1\/.*)["|']/;
const SHORT_DESCRIPTION = /\[(.*?)\]/;
const BANKRUPTCY_PARTS =
  /^Type:(?<type>.*?)Office:(?<office>.*?)Chapter:(?<chapter>.*?)(?:Trustee:(?<trustee>.*?))?\[/;

/**
 * A parsed court feed → its docket entries, in feed order (newest first). Items without a docket
 * number or a date are not docket entries and are left out, as juriscraper does; the several items
 * CM/ECF writes for one multi-event filing (same docket, time and document) become one entry.
 * `court` defaults to the court named by the feed's links (ecf.<court>.uscourts.gov).
 */
export function docketEntriesFromFeed(
  feed: Pick<ParsedFeed, 'title' | 'items'>,
  court?: string,
): DocketEntry[] {
  const entries: DocketEntry[] = [];
  const parts = new Map<DocketEntry, string[]>();
  for (const item of feed.items) {
    const id = court ?? courtFromUrl(item.link) ?? courtFromUrl(item.guid);
    if (!id) continue;
    const entry = toEntry(item, id, courtNameFromTitle(feed.title, id));
    if (!entry) continue;
    const same = entries.find(
      (e) =>
        e.docket.number === entry.docket.number &&
        e.pacerCaseId === entry.pacerCaseId &&
        e.filedAt === entry.filedAt &&
        (e.pacerDocId ?? '') === (entry.pacerDocId ?? ''),
    );
    if (same) {
      const list = parts.get(same) ?? [same.shortDescription];
      list.push(entry.shortDescription);
      parts.set(same, list);
      same.shortDescription = [...list].sort().join(' AND ');
    } else entries.push(entry);
  }
  return entries;
}

function toEntry(item: FeedItem, court: string, courtName: string): DocketEntry | undefined {
  const kind = courtKind(court);
  const docket = parseDocketNumber(item.title, kind);
  if (!docket || !item.published) return undefined;
  const html = item.descriptionHtml ?? item.text;
  const doc1 = DOC1_URL.exec(html)?.[1];
  const docs1 = doc1 ? undefined : DOCS1_URL.exec(html)?.[1];
  const docUrl = doc1 ?? docs1;
  const pacerDocId = docUrl ? docIdOf(docUrl, Boolean(doc1)) : null;
  let documentNumber = DOCUMENT_NUMBER.exec(html)?.[1] ?? null;
  // Appellate courts do not number documents in the feed: their document id stands in.
  if (kind === 'appellate' && !documentNumber) documentNumber = pacerDocId;
  const name = item.title.split(' ').slice(1).join(' ');
  const entry: DocketEntry = {
    court,
    courtName,
    docket,
    caseName: name.trim() ? harmonizeCaseName(name) : null,
    pacerCaseId: kind === 'appellate' ? null : pacerCaseIdOf(item.link),
    filedAt: item.published,
    date: easternDay(item.published),
    shortDescription: decodeEntities(SHORT_DESCRIPTION.exec(html)?.[1] ?? '').trim(),
    documentNumber,
    pacerDocId,
    pacerSeqNo: doc1 ? (/de_seq_num=(\d+)/.exec(doc1)?.[1] ?? null) : null,
    docketUrl: item.link,
    documentUrl: docUrl ? safeLink(decodeEntities(docUrl)) : undefined,
  };
  if (kind === 'bankruptcy') {
    const g = BANKRUPTCY_PARTS.exec(html)?.groups;
    if (g)
      entry.bankruptcy = {
        type: tidy(g.type),
        office: tidy(g.office),
        chapter: tidy(g.chapter),
        trustee: tidy(g.trustee),
      };
  }
  return entry;
}

const tidy = (s: string | undefined) => (s ?? '').trim().split(/\s+/).filter(Boolean).join(' ');

/** The document id of a doc1 link with its fourth digit zeroed (PACER's attachment-page form). */
function docIdOf(url: string, doc1: boolean): string {
  const id = url.slice(url.lastIndexOf('/') + 1).split('?')[0] ?? '';
  return doc1 && id.length > 3 ? `${id.slice(0, 3)}0${id.slice(4)}` : id;
}

/** `DktRpt.pl?56120` → 56120; `iquery.pl?625371913403797-L_9999_1-0-663150` → 663150. */
function pacerCaseIdOf(link: string | undefined): string | null {
  const param = link?.split('?')[1];
  if (!param) return null;
  return param.includes('L') ? (param.slice(param.lastIndexOf('-') + 1) ?? null) : param;
}

const EASTERN = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'America/New_York',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

function easternDay(iso: string): string {
  return EASTERN.format(new Date(iso));
}
