import type { CourtKind } from './courts.ts';

/**
 * A federal docket number and its parts, as CM/ECF writes it: `1:24-cr-00542-AS-2` is office 1,
 * year 24, criminal (`cr`), case 00542, assigned judge AS, defendant 2; `16-10992-smb` is a
 * bankruptcy case with judge initials; `22-3054` an appeal. The patterns are juriscraper's, so a
 * docket number reads the same here as on CourtListener.
 */
export interface DocketNumber {
  /** The number without judges or defendant: what two mentions of one docket share. */
  number: string;
  office: string | null;
  year: string;
  /** cr, cv, mj, bk, ap, … (null for appeals and plain bankruptcy numbers). */
  type: string | null;
  /** The case's serial number within its year, as written (leading zeros kept). */
  serial: string;
  judgeAssigned: string | null;
  judgeReferred: string | null;
  defendant: string | null;
}

const DISTRICT = /(?<!\d)((\d{1,2}:)?\d\d-[a-zA-Z]{1,5}-\d{1,10})/;
const BANKRUPTCY = /(?:#:\s+)?((\d-)?\d\d-\d*)/;
const APPELLATE = /(\d\d-\d+)/;

const DISTRICT_PARTS =
  /(?<office>\d):\d{2}-(?<type>[a-zA-Z0-9]{1,5}|~gr)-\d{5}(?:-(?<assigned>N\/A|P1|[a-zA-Z_]{1,5}))?(?:-(?<referred>[a-zA-Z_]{1,5}))?(?:-(?<defendant>\d{1,3}))?/;
const BANKRUPTCY_PARTS =
  /\d{2}-\d{5}-(?<altOffice>\d)-(?<altAssigned>[a-zA-Z]{2,4})|(?:(?<office>\d):\d{2}-(?<type>[a-zA-Z0-9]{1,5}|~gr)-\d{5}|\d{2}-\d{5})(?:-(?<assigned>N\/A|P1|[a-zA-Z_]{1,5}))?/;

/** The first docket number in a text (an RSS title, what an admin typed), or undefined. */
export function parseDocketNumber(text: string, kind: CourtKind): DocketNumber | undefined {
  const patterns =
    kind === 'bankruptcy' ? [DISTRICT, BANKRUPTCY] : kind === 'appellate' ? [APPELLATE] : [DISTRICT];
  for (const pattern of patterns) {
    const m = pattern.exec(text);
    const number = m?.[1];
    if (!number || !/\d\d-\d|\d\d-[a-z]/i.test(number)) continue;
    return { number, ...components(number, text, kind) };
  }
  return undefined;
}

function components(number: string, text: string, kind: CourtKind): Omit<DocketNumber, 'number'> {
  const shape = /^(?:(\d{1,2}):)?(\d\d)-(?:([a-zA-Z~]{1,5})-)?(\d*)/.exec(
    number.replace(/^\d-(?=\d\d-)/, ''),
  );
  const base = {
    office: null as string | null,
    year: shape?.[2] ?? '',
    type: null as string | null,
    serial: shape?.[4] ?? '',
    judgeAssigned: null as string | null,
    judgeReferred: null as string | null,
    defendant: null as string | null,
  };
  if (kind === 'appellate') return base;
  const m = (kind === 'bankruptcy' ? BANKRUPTCY_PARTS : DISTRICT_PARTS).exec(text);
  const g = m?.groups ?? {};
  return {
    ...base,
    office: g.altOffice ?? g.office ?? null,
    type: g.type ?? null,
    judgeAssigned: g.altAssigned ?? g.assigned ?? null,
    judgeReferred: g.referred ?? null,
    defendant: g.defendant ?? null,
  };
}

/**
 * Whether two docket numbers name one docket: same year and serial (as numbers), and the same
 * office and case type wherever both give them. `1:24-cr-542`, `24-cr-00542` and
 * `1:24-cr-00542-AS-1` are one docket; judges and defendant numbers do not change a docket.
 */
export function sameDocket(a: DocketNumber, b: DocketNumber): boolean {
  if (a.year !== b.year || Number(a.serial) !== Number(b.serial) || a.serial === '') return false;
  if (a.office && b.office && a.office !== b.office) return false;
  if (a.type && b.type && a.type.toLowerCase() !== b.type.toLowerCase()) return false;
  return true;
}

/** What an admin typed, for any kind of court: the district pattern first, then the others. */
export function parseTypedDocketNumber(text: string, kind: CourtKind): DocketNumber | undefined {
  const trimmed = text.trim();
  // People drop the zero padding ("1:24-cr-542"); CM/ECF always writes five digits.
  const padded = trimmed.replace(
    /^((?:\d{1,2}:)?\d\d-[a-zA-Z]{1,5}-)(\d{1,4})(?=$|-)/,
    (_, head: string, n: string) => `${head}${n.padStart(5, '0')}`,
  );
  return parseDocketNumber(padded, kind) ?? parseDocketNumber(padded, 'bankruptcy');
}
