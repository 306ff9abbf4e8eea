import type { ChargeStatus } from '../facts.ts';
import type { ChargeView } from './charges.ts';
import type { VisibleDevelopment } from './stage.ts';

/**
 * A drop or dismissal that names no offence but covers the whole case ("prosecutors filed a
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

/** The charges after applying blanket drops among the defendant's visible developments. */
export function applyBlanketDrops(charges: ChargeView[], mine: VisibleDevelopment[]): ChargeView[] {
  const drops: Array<{ status: ChargeStatus; url: string; published: string }> = [];
  for (const v of mine) {
    if (v.dev.status !== 'happened') continue;
    if (v.dev.type !== 'charge_dropped' && v.dev.type !== 'dismissal') continue;
    const status: ChargeStatus = v.dev.type === 'dismissal' ? 'dismissed' : 'dropped';
    v.reports.forEach((r, i) => {
      if (coversAllCharges(reportText(v)[i] ?? ''))
        drops.push({ status, url: r.url, published: r.published });
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
