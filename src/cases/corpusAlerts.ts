import type { AlertDecision } from '../alerts/types.ts';
import type { CaseEvent, Facts } from '../facts.ts';
import { isDay, overlaps, rangeOf } from './dates.ts';
import type { CaseDefinition } from './definition.ts';
import { nameAgreement } from './names.ts';

/**
 * Alert scoring for the corpus evaluation: the gold events marked new, de-duplicated across
 * outlets by a deliberately simple rule of their own (same type, status and person; dates within
 * 3 days or a month containing the day; an undated event at its article's date; never two events
 * of one article), matched one to one with the 'new' alerts.
 */

export interface AlertScore {
  alerts: number;
  goldNew: number;
  matched: number;
  misses: string[];
}

interface GoldCluster {
  type: string;
  status: string;
  who: string | null;
  dates: string[];
  urls: Set<string>;
  /** Every label behind it is marked borderline: neither rewarded nor penalised (schema's scoring note). */
  borderline: boolean;
}

/** The person key an event is about: the defendant it names, else the name itself. */
function whoKey(def: CaseDefinition, who: string | null): string | null {
  if (!who) return null;
  const d = def.defendants.find((x) => nameAgreement(x, who) > 0);
  return (d ?? who).toLowerCase();
}

function datesAgree(a: string, b: string): boolean {
  const ra = rangeOf(a);
  const rb = rangeOf(b);
  if (!ra || !rb) return false;
  return overlaps(ra, rb, isDay(a) && isDay(b) ? 3 : 0);
}

export function scoreAlerts(
  def: CaseDefinition,
  articles: Array<{ url: string; published: string; gold: Facts }>,
  alerts: AlertDecision[],
  score: AlertScore,
): void {
  const clusters: GoldCluster[] = [];
  for (const a of articles) {
    for (const e of a.gold.events as Array<CaseEvent & { note?: string }>) {
      if (!e.new) continue;
      const borderline = /^borderline/i.test(e.note ?? '');
      const who = whoKey(def, e.who);
      const date = e.date ?? a.published;
      const c = clusters.find(
        (c) =>
          c.type === e.type &&
          c.status === e.status &&
          c.who === who &&
          !c.urls.has(a.url) &&
          c.dates.some((d) => datesAgree(d, date)),
      );
      if (c) {
        c.dates.push(date);
        c.urls.add(a.url);
        c.borderline &&= borderline;
      } else
        clusters.push({
          type: e.type,
          status: e.status,
          who,
          dates: [date],
          urls: new Set([a.url]),
          borderline,
        });
    }
  }
  const news = alerts.filter((x) => x.kind === 'new');
  const used = new Set<GoldCluster>();
  let matched = 0;
  let scored = 0;
  for (const alert of news) {
    const d = alert.development;
    const who = whoKey(def, d.who);
    const date = d.date ?? d.sources[0]?.published ?? '';
    const c = clusters.find(
      (c) =>
        !used.has(c) &&
        c.type === d.type &&
        c.status === d.status &&
        c.who === who &&
        c.dates.some((x) => datesAgree(x, date)),
    );
    if (c?.borderline)
      used.add(c); // matched a borderline label: not counted either way
    else if (c) {
      used.add(c);
      matched++;
      scored++;
    } else {
      scored++;
      score.misses.push(`alert without a gold development: ${d.type} ${d.who} ${d.date} ${d.summary}`);
    }
  }
  for (const c of clusters)
    if (!used.has(c) && !c.borderline)
      score.misses.push(`gold development not alerted: ${c.type} ${c.who} ${c.dates[0]}`);
  score.alerts = scored;
  score.goldNew = clusters.filter((c) => !c.borderline).length;
  score.matched = matched;
}
