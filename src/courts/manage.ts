import type { CaseDefinition } from '../cases/definition.ts';
import type { CaseStore } from '../store/cases.ts';
import { checkDocketLink, type DocketLink, withDocket, withoutDocket } from './dockets.ts';
import type { DocketOffer } from './offers.ts';

/**
 * `/case docket add|remove|list` and `casewatch case docket …`: one wording for both. Each answer
 * is `{ ok, text }`: the text says what changed, or plainly why nothing did.
 */
export interface DocketAnswer {
  ok: boolean;
  text: string;
}

const label = (d: DocketLink) => `${d.number} (${d.court})`;

/** Links (`add`) or unlinks (`remove`) a docket; the answer says what changed or why nothing did. */
export async function changeCaseDocket(
  action: 'add' | 'remove',
  cases: CaseStore,
  def: CaseDefinition,
  court: string,
  number: string,
): Promise<DocketAnswer> {
  const checked = checkDocketLink(court, number);
  if (!checked.ok) return { ok: false, text: checked.message };
  const docket = label(checked.link);
  if (action === 'remove') {
    const { def: next, removed } = withoutDocket(def, checked.link, checked.docket);
    if (!removed) return { ok: false, text: `${def.name} does not follow docket ${docket}.` };
    await cases.put(next);
    return { ok: true, text: `${def.name} no longer follows docket ${docket}.` };
  }
  if ((def.dockets ?? []).length >= 10) {
    return { ok: false, text: `${def.name} already follows 10 dockets; remove one first.` };
  }
  const { def: next, added } = withDocket(def, checked.link, checked.docket);
  if (!added) return { ok: true, text: `${def.name} already follows docket ${docket}.` };
  await cases.put(next);
  return {
    ok: true,
    text:
      `${def.name} now follows docket ${docket}: its new entries become developments ` +
      '(entries already on the docket are recorded, not alerted).',
  };
}

/** The dockets a case follows, and those the court feeds offered for it (an admin decides). */
export function listCaseDockets(def: CaseDefinition, offers: DocketOffer[] = []): DocketAnswer {
  const dockets = def.dockets ?? [];
  const lines = [
    dockets.length === 0
      ? `${def.name} follows no docket yet (add one with /case docket add).`
      : `${def.name} follows: ${dockets.map(label).join(', ')}`,
  ];
  const open = offers.filter((o) => !dockets.some((d) => d.court === o.court && d.number === o.number));
  if (open.length > 0) {
    lines.push(
      'Dockets whose case name carries a defendant of this case (not linked; add one if it is the case):',
    );
    for (const o of open) lines.push(`- ${label(o)} ${o.caseName} (seen ${o.seen})`);
  }
  return { ok: true, text: lines.join('\n') };
}
