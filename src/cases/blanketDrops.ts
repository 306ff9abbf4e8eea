import type { ChargeStatus } from '../facts.ts';
import type { ChargeView } from './charges.ts';
import { sameProceeding } from './proceedings.ts';
import type { VisibleDevelopment } from './stage.ts';
import type { DevelopmentReport } from './types.ts';

/**
 * A drop, dismissal or verdict that names no offence but covers the whole case ("prosecutors filed a
 * notice dismissing all charges against X", "the case against X was dismissed") ends every charge
 * of that defendant still pending when it was reported. A charge reported pending again by a
 * later article (a refiling) stays pending.
 */

/** The status a development's report gives every charge it covers, if it covers them all. */
function blanketStatus(v: VisibleDevelopment, r: DevelopmentReport): ChargeStatus | undefined {
  if (v.dev.status !== 'happened' || r.scope !== 'all') return undefined;
  if (v.dev.type === 'dismissal') return 'dismissed';
  if (v.dev.type === 'charge_dropped') return 'dropped';
  // "Found guilty on all counts", "acquitted of all charges", "pleaded guilty to all counts".
  if (v.dev.type === 'verdict' || (v.dev.type === 'plea' && r.plea === 'guilty')) return r.outcome;
  return undefined;
}

/**
 * The charges after applying blanket outcomes among the defendant's visible developments: a
 * drop, dismissal, verdict or plea covering all charges.
 */
export function applyBlanketDrops(charges: ChargeView[], mine: VisibleDevelopment[]): ChargeView[] {
  const drops: Array<{ status: ChargeStatus; url: string; published: string; proceeding?: string }> = [];
  for (const v of mine) {
    v.reports.forEach((r) => {
      const status = blanketStatus(v, r);
      if (status) drops.push({ status, url: r.url, published: r.published, proceeding: r.proceeding });
    });
  }
  if (drops.length === 0) return charges;
  drops.sort((a, b) => a.published.localeCompare(b.published));
  return charges.map((c) => {
    if (c.status !== 'pending') return c;
    // The first blanket drop after which no article reported the charge pending again.
    // "Acquitted of all charges" by a state jury leaves the federal counts as they were.
    const drop = drops.find(
      (d) =>
        sameProceeding(d.proceeding, c.proceeding) &&
        c.seen.every((o) => o.published < d.published || (o.published === d.published && o.url !== d.url)),
    );
    return drop ? { ...c, status: drop.status } : c;
  });
}
