import type { ChargeStatus } from '../facts.ts';
import type { ChargeView } from './charges.ts';
import { verdictOutcome } from './outcomes.ts';
import type { VisibleDevelopment } from './stage.ts';

/**
 * A drop, dismissal or verdict that names no offence but covers the whole case ("prosecutors filed a
 * notice dismissing all charges against X", "the case against X was dismissed") ends every charge
 * of that defendant still pending when it was reported. A charge reported pending again by a
 * later article (a refiling) stays pending.
 */

const ALL_CHARGES =
  /\ball\s+(?:(?:the|of|remaining|pending|criminal|felony|state|federal|two|three|four|five|six|seven|eight|nine|ten|\d+)\s+){0,3}(?:charges|counts)\b/i;
const WHOLE_CASE =
  /\b(?:dismiss\w*|dropp?\w*|withdr[ae]w\w*|tossed)\s+(?:the\s+)?(?:entire\s+|whole\s+)?case\b|\bcase\s+against\s+\S+\s+(?:was\s+|has\s+been\s+)?(?:dismissed|dropped|tossed)\b/i;
/** "Charges against X dropped", "dropped the charges against X": plural charges, no offence. */
const CHARGES_AGAINST =
  /(?:^|[.;:]\s*)(?:the\s+)?charges\s+against\s+(?:\S+\s+){1,3}?(?:were\s+|have\s+been\s+|had\s+been\s+)?(?:dropped|dismissed|withdrawn|tossed)\b|\b(?:dismiss\w*|dropp?\w*|withdr[ae]w\w*)\s+(?:the\s+)?charges\s+against\b/i;

function reportText(v: VisibleDevelopment): string[] {
  return v.reports.map((r) => `${r.summary}\n${r.sentence ?? ''}`);
}

export function coversAllCharges(text: string): boolean {
  return ALL_CHARGES.test(text) || WHOLE_CASE.test(text) || CHARGES_AGAINST.test(text);
}

/** The status a development gives every charge it covers, if it covers them all. */
function blanketStatus(v: VisibleDevelopment, text: string): ChargeStatus | undefined {
  if (v.dev.status !== 'happened' || !coversAllCharges(text)) return undefined;
  if (v.dev.type === 'dismissal') return 'dismissed';
  if (v.dev.type === 'charge_dropped') return 'dropped';
  // "Found guilty on all counts", "acquitted of all charges", "pleaded guilty to all counts".
  if (
    v.dev.type === 'verdict' ||
    (v.dev.type === 'plea' && /\bguilty\b/i.test(text) && !/\bnot\s+guilty\b/i.test(text))
  )
    return verdictOutcome(text);
  return undefined;
}

/**
 * The charges after applying blanket outcomes among the defendant's visible developments: a
 * drop, dismissal, verdict or plea covering all charges.
 */
export function applyBlanketDrops(charges: ChargeView[], mine: VisibleDevelopment[]): ChargeView[] {
  const drops: Array<{ status: ChargeStatus; url: string; published: string }> = [];
  for (const v of mine) {
    v.reports.forEach((r, i) => {
      const status = blanketStatus(v, reportText(v)[i] ?? '');
      if (status) drops.push({ status, url: r.url, published: r.published });
    });
  }
  if (drops.length === 0) return charges;
  drops.sort((a, b) => a.published.localeCompare(b.published));
  return charges.map((c) => {
    if (c.status !== 'pending') return c;
    // The first blanket drop after which no article reported the charge pending again.
    const drop = drops.find((d) =>
      c.seen.every((o) => o.published < d.published || (o.published === d.published && o.url !== d.url)),
    );
    return drop ? { ...c, status: drop.status } : c;
  });
}
