import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { assert, describe, expect, it } from 'vitest';
import { normaliseCourtId } from '../../src/courts/courts.ts';
import { type DocketEntry, docketEntriesFromFeed } from '../../src/courts/rss.ts';
import { parseFeedBody } from '../../src/feeds/parse.ts';

/**
 * The 13 real CM/ECF feeds of ../shared/courts/pacer-rss against juriscraper's expected parse,
 * field by field, on every field both parsers claim to know.
 */
const DIR = join(import.meta.dirname, '../../../shared/courts/pacer-rss');
const present = existsSync(DIR);
if (!present) console.log(`skipped: ${DIR} is absent (the team's shared court feeds)`);

interface Expected {
  court_id: string;
  docket_number: string | null;
  case_name: string;
  pacer_case_id: string | null;
  federal_dn_office_code?: string | null;
  federal_dn_case_type?: string | null;
  federal_dn_judge_initials_assigned?: string | null;
  federal_dn_judge_initials_referred?: string | null;
  federal_defendant_number?: string | null;
  type: string;
  office: string;
  chapter: string;
  trustee_str: string;
  docket_entries: Array<{
    date_filed: string;
    document_number: string | null;
    pacer_doc_id: string;
    pacer_seq_no: string | null;
    short_description: string;
  }>;
}

type Pair = [ours: unknown, theirs: unknown];
/** Per field, both sides' values, or undefined where one of the parsers does not claim to know. */
function fields(o: DocketEntry, t: Expected): Record<string, Pair | undefined> {
  const te = t.docket_entries[0];
  assert.exists(te);
  const nul = (v: string | null | undefined) => (v === '' || v === undefined ? null : v);
  return {
    court: [o.court, normaliseCourtId(t.court_id)],
    docket_number: [o.docket.number, t.docket_number],
    case_name:
      t.case_name === 'Unknown Case Title' || o.caseName === null ? undefined : [o.caseName, t.case_name],
    pacer_case_id: [o.pacerCaseId, t.pacer_case_id],
    office_code: [o.docket.office, nul(t.federal_dn_office_code)],
    case_type: [o.docket.type, nul(t.federal_dn_case_type)],
    judge_assigned: [o.docket.judgeAssigned, nul(t.federal_dn_judge_initials_assigned)],
    judge_referred: [o.docket.judgeReferred, nul(t.federal_dn_judge_initials_referred)],
    defendant_number: [o.docket.defendant, nul(t.federal_defendant_number)],
    bk_type: o.bankruptcy ? [o.bankruptcy.type, t.type] : undefined,
    bk_office: o.bankruptcy ? [o.bankruptcy.office, t.office] : undefined,
    bk_chapter: o.bankruptcy ? [o.bankruptcy.chapter, t.chapter] : undefined,
    bk_trustee: o.bankruptcy ? [o.bankruptcy.trustee, t.trustee_str] : undefined,
    date_filed: [Date.parse(o.filedAt), Date.parse(te.date_filed)],
    document_number: [o.documentNumber, nul(te.document_number)],
    pacer_doc_id: [o.pacerDocId, nul(te.pacer_doc_id)],
    pacer_seq_no: [o.pacerSeqNo, nul(te.pacer_seq_no)],
    // juriscraper keeps the blanks the court left around an entry type; we trim them.
    short_description: [o.shortDescription, te.short_description.trim()],
  };
}

describe.skipIf(!present)('CM/ECF RSS feeds against juriscraper', () => {
  const names = present
    ? readdirSync(DIR)
        .filter((f) => f.endsWith('.xml'))
        .sort()
    : [];

  it('reads all 13 feeds and agrees with juriscraper on every field both know', async () => {
    expect(names).toHaveLength(13);
    const rows: string[] = [];
    const totals = new Map<string, { agree: number; compared: number }>();
    const disagreements: string[] = [];
    for (const name of names) {
      const base = name.replace(/\.xml$/, '');
      const expected = JSON.parse(readFileSync(join(DIR, `${base}.json`), 'utf8')) as Expected[];
      const feed = await parseFeedBody(readFileSync(join(DIR, name)), undefined, {
        maxItems: Number.MAX_SAFE_INTEGER,
        keepDescriptionHtml: true,
      });
      const ours = docketEntriesFromFeed(feed);
      let agree = 0;
      let compared = 0;
      expected.forEach((t, i) => {
        const o = ours[i];
        if (!o) return;
        for (const [field, pair] of Object.entries(fields(o, t))) {
          if (!pair) continue;
          const ok = pair[0] === pair[1];
          const tot = totals.get(field) ?? { agree: 0, compared: 0 };
          tot.compared++;
          compared++;
          if (ok) {
            tot.agree++;
            agree++;
          } else
            disagreements.push(
              `${base} #${i} ${field}: ours ${JSON.stringify(pair[0])}, juriscraper ${JSON.stringify(pair[1])}`,
            );
          totals.set(field, tot);
        }
      });
      rows.push(
        `${base.padEnd(8)} items ${String(feed.items.length).padStart(4)}  entries ours ${String(ours.length).padStart(4)} / juriscraper ${String(expected.length).padStart(4)}  fields agree ${agree}/${compared}`,
      );
      expect(ours.length, `${base}: number of docket entries`).toBe(expected.length);
    }
    rows.push('', 'per field:');
    for (const [field, t] of totals) rows.push(`  ${field.padEnd(18)} ${t.agree}/${t.compared}`);
    console.log(['CM/ECF feeds vs juriscraper', ...rows, ...disagreements.slice(0, 30)].join('\n'));
    expect(disagreements).toEqual([]);
  });
});
