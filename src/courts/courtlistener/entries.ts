import type { DocketNumber } from '../docketNumber.ts';
import type { DocketEntry } from '../rss.ts';
import type { ClDocketEntry } from './client.ts';

/** What casewatch remembers of a CourtListener docket it follows (kv `courtlistener-dockets`). */
export interface ClFollowed {
  docketId: number;
  court: string;
  /** The linked docket number (as the case's link writes it). */
  number: string;
  caseName: string;
}

/**
 * A CourtListener docket entry (webhook `payload.results[]` or `/docket-entries/`) as a docket
 * entry: the same shape the court feeds give, so both sources share one identity (court, docket,
 * document number) and an entry seen from both is handed off once.
 */
export function fromCourtListener(
  raw: ClDocketEntry,
  followed: ClFollowed,
  docket: DocketNumber,
  baseUrl: string,
): DocketEntry | undefined {
  if (!raw.date_filed || !/^\d{4}-\d\d-\d\d/.test(raw.date_filed)) return undefined;
  const date = raw.date_filed.slice(0, 10);
  const description = String(raw.description ?? '')
    .replace(/\s+/g, ' ')
    .trim();
  const short = raw.recap_documents?.find((d) => d.description)?.description?.trim();
  return {
    court: followed.court,
    courtName: `${followed.court.toUpperCase()} via CourtListener`,
    docket,
    caseName: followed.caseName || null,
    pacerCaseId: null,
    filedAt: `${date}T12:00:00.000Z`,
    date,
    // The docket text up to its first sentence or parenthesis is the entry type, as in a feed.
    shortDescription: short || firstPhrase(description),
    documentNumber: raw.entry_number == null ? null : String(raw.entry_number),
    pacerDocId: null,
    pacerSeqNo: raw.pacer_sequence_number == null ? null : String(raw.pacer_sequence_number),
    docketUrl: `${baseUrl.replace(/\/+$/, '')}/docket/${followed.docketId}/`,
  };
}

function firstPhrase(text: string): string {
  const cut = text.search(/\s\(|\.\s|;\s/);
  return (cut > 0 ? text.slice(0, cut) : text).slice(0, 200);
}
