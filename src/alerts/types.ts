import type { Confidence } from '../cases/confidence.ts';
import type { DevelopmentView } from '../cases/types.ts';
import type { MessagePayload } from '../format/payload.ts';

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
  /**
   * The feed that brought the article, when one did: a server's subscription to it may name the
   * channel its alerts go to (src/alerts/route.ts).
   */
  feedUrl?: string;
}

/** Posts and edits messages, and opens threads (src/discord/alertSink.ts implements it over Discord's REST API). */
export interface AlertSink {
  /**
   * `nonce`: the same nonce posted again within a few minutes returns the first message instead of
   * a second one (Discord's `enforce_nonce`), which is what makes a retried post safe.
   */
  post(channelId: string, payload: MessagePayload, nonce?: string): Promise<{ messageId: string }>;
  edit(channelId: string, messageId: string, payload: MessagePayload): Promise<void>;
  /** Opens a public thread in a channel (no starter message); without it, threads are not used. */
  openThread?(channelId: string, name: string): Promise<{ threadId: string }>;
}
