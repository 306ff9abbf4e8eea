import type { CaseDefinition } from '../cases/definition.ts';
import { courtKind, normaliseCourtId } from './courts.ts';
import { type DocketNumber, parseTypedDocketNumber, sameDocket } from './docketNumber.ts';
import type { DocketEntry } from './rss.ts';

/** A docket a case follows, as stored in its definition (`dockets`). */
export interface DocketLink {
  court: string;
  number: string;
}

export type LinkCheck = { ok: true; link: DocketLink; docket: DocketNumber } | { ok: false; message: string };

/** What an admin typed → a link, or the reason it is not one (said plainly). */
export function checkDocketLink(courtInput: string, numberInput: string): LinkCheck {
  const court = normaliseCourtId(courtInput);
  if (!/^[a-z]{2,4}[a-z0-9]{0,3}$/.test(court)) {
    return {
      ok: false,
      message: `"${courtInput}" is not a federal court id (e.g. nysd, S.D.N.Y., nysb, ca2).`,
    };
  }
  const docket = parseTypedDocketNumber(numberInput, courtKind(court));
  if (!docket) {
    return {
      ok: false,
      message: `"${numberInput}" is not a docket number (e.g. 1:24-cr-00542 in a district court, 22-3054 in an appeals court).`,
    };
  }
  return { ok: true, link: { court, number: docket.number }, docket };
}

const parsed = (link: DocketLink) => parseTypedDocketNumber(link.number, courtKind(link.court));

/** Whether a link names this docket of this court. */
export function linkMatches(link: DocketLink, court: string, docket: DocketNumber): boolean {
  const mine = parsed(link);
  return link.court === court && mine !== undefined && sameDocket(mine, docket);
}

/** The definition with the docket linked (unchanged, with `added: false`, when it already was). */
export function withDocket(def: CaseDefinition, link: DocketLink, docket: DocketNumber) {
  const dockets = def.dockets ?? [];
  if (dockets.some((d) => linkMatches(d, link.court, docket))) return { def, added: false };
  return { def: { ...def, dockets: [...dockets, link] }, added: true };
}

export function withoutDocket(def: CaseDefinition, link: DocketLink, docket: DocketNumber) {
  const dockets = def.dockets ?? [];
  const kept = dockets.filter((d) => !linkMatches(d, link.court, docket));
  return { def: { ...def, dockets: kept }, removed: kept.length < dockets.length };
}

/** The cases that follow the docket of an entry. */
export function casesFollowing(cases: CaseDefinition[], entry: DocketEntry): CaseDefinition[] {
  return cases.filter((c) => (c.dockets ?? []).some((d) => linkMatches(d, entry.court, entry.docket)));
}

/** Every court some case follows a docket in. */
export function linkedCourts(cases: CaseDefinition[]): string[] {
  return [...new Set(cases.flatMap((c) => (c.dockets ?? []).map((d) => d.court)))].sort();
}

/**
 * The defendant of a case a docket entry is about: the one whose surname the case name carries
 * ("United States v. Okafor"), else the case's only defendant, else nobody.
 */
export function defendantOf(def: CaseDefinition, caseName: string | null): string | null {
  const named = def.defendants.filter((d) => surnameIn(caseName, d, 2));
  if (named.length === 1) return named[0] ?? null;
  return def.defendants.length === 1 ? (def.defendants[0] ?? null) : null;
}

/** Whether a case name ("United States v. Okafor et al") carries a person's surname as a word. */
function surnameIn(caseName: string | null, person: string, minLength: number): boolean {
  const words = ` ${(caseName ?? '').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ')} `;
  const surname = person.toLowerCase().split(/\s+/).pop() ?? '';
  return surname.length >= minLength && words.includes(` ${surname} `);
}

/**
 * Unlinked cases a docket may belong to: a defendant's surname is in the docket's case name. Only
 * an offer: an admin links it with `/case docket add` (nothing is linked automatically).
 */
export function offerDockets(cases: CaseDefinition[], entry: DocketEntry): CaseDefinition[] {
  return cases.filter(
    (c) =>
      !(c.dockets ?? []).some((d) => linkMatches(d, entry.court, entry.docket)) &&
      c.defendants.some((d) => surnameIn(entry.caseName, d, 3)),
  );
}
