/** CM/ECF-shaped "Recent Entries" RSS written by the tests (the project's own fixtures). */
export interface FeedEntry {
  docket: string;
  caseName: string;
  type: string;
  /** RFC 822 date, e.g. "Mon, 10 Jun 2024 18:00:00 GMT". */
  date: string;
  caseId: number;
  seq: number;
  doc?: number;
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export function courtFeedXml(entries: FeedEntry[], host = 'ecf.nysd.uscourts.gov'): string {
  const items = entries.map((e) => {
    const link = `https://${host}/cgi-bin/DktRpt.pl?${e.caseId}`;
    const doc =
      e.doc === undefined
        ? ''
        : ` (<a href="https://${host}/doc1/12712${String(e.seq).padStart(7, '0')}?caseid=${e.caseId}&de_seq_num=${e.seq}" >${e.doc}</a>)`;
    return `<item>
<title>${esc(`${e.docket} ${e.caseName}`)}</title>
<link>${link}</link>
<description>${esc(`[${e.type}]${doc}`)}</description>
<guid isPermaLink="true">${esc(`${link}&${e.seq}`)}</guid>
<pubDate>${e.date}</pubDate>
</item>`;
  });
  return `<?xml version="1.0" encoding="ISO-8859-1"?>
<rss version="2.0"><channel><title>Southern District of New York - Recent Entries</title>
<link>https://${host}</link><description>Docket entries</description>
${items.join('\n')}
</channel></rss>`;
}

/** n entries of other dockets, to fill a feed past any item cap. */
export function filler(n: number, date: string): FeedEntry[] {
  return Array.from({ length: n }, (_, i) => ({
    docket: `1:23-cv-${String(10_000 + i).padStart(5, '0')}`,
    caseName: `Plaintiff ${i} v. Company ${i} et al`,
    type: i % 2 ? 'Letter' : 'ORDER',
    date,
    caseId: 500_000 + i,
    seq: 3,
    doc: 2,
  }));
}
