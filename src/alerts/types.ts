import type { Confidence } from '../cases/confidence.ts';
import type { DevelopmentView } from '../cases/types.ts';

/** What ingestion decided to tell the servers following a case. */
export interface AlertDecision {
  /** 'new': a development not alerted before; 'update': another outlet reported an alerted one. */
  kind: 'new' | 'update';
  /** Case slug. */
  case: string;
  caseName: string;
  development: DevelopmentView;
  /** How sure the merge was that it is news, and why (servers choose a threshold; default high). */
  confidence?: Confidence;
}
