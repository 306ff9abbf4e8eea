import type { CaseDefinition } from '../cases/definition.ts';
import type { Store } from '../store/types.ts';
import type { DocketLink } from './dockets.ts';
import type { DocketEntry } from './rss.ts';

/** A docket the court feeds showed whose case name carries a defendant of a case not following it. */
export interface DocketOffer extends DocketLink {
  caseName: string;
  seen: string;
}

const MAX_OFFERS = 5;

/**
 * Offers, per case, of dockets an admin may link (`/case docket list` shows them, `/case docket
 * add` links one): nothing is ever linked automatically, a surname is not proof.
 */
export function createDocketOffers(store: Store) {
  const kv = store.kv('docket-offers');
  return {
    async note(cases: CaseDefinition[], entry: DocketEntry): Promise<void> {
      for (const def of cases) {
        await kv.update<DocketOffer[]>(def.slug, (current) => {
          const list = current ?? [];
          if (list.some((o) => o.court === entry.court && o.number === entry.docket.number)) return list;
          const offer = {
            court: entry.court,
            number: entry.docket.number,
            caseName: entry.caseName ?? '',
            seen: entry.date,
          };
          return [...list, offer].slice(-MAX_OFFERS);
        });
      }
    },
    list: async (slug: string) => (await kv.get<DocketOffer[]>(slug)) ?? [],
  };
}
