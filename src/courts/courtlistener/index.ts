import type { Config } from '../../config.ts';
import { userAgent } from '../../feeds/fetch.ts';
import type { RouteHandler } from '../../health.ts';
import type { Logger } from '../../log.ts';
import type { Store } from '../../store/types.ts';
import type { EntryHandOff } from '../gate.ts';
import { createCourtListenerClient, hourlyBudget } from './client.ts';
import { type CourtListener, courtListenerRoute, createCourtListener } from './service.ts';

export { createCourtListenerClient, hourlyBudget, RateLimited } from './client.ts';
export { type CourtListener, courtListenerRoute, createCourtListener } from './service.ts';

type ClConfig = Pick<
  Config,
  | 'COURTLISTENER_TOKEN'
  | 'COURTLISTENER_URL'
  | 'COURTLISTENER_WEBHOOK_SECRET'
  | 'COURTLISTENER_REQUESTS_PER_HOUR'
  | 'COURT_POLL_SECONDS'
  | 'FEED_TIMEOUT_MS'
  | 'FEED_CLAIM_LEASE_SECONDS'
  | 'CONTACT'
>;

/**
 * CourtListener in the running bot, when COURTLISTENER_TOKEN is set: every COURT_POLL_SECONDS it
 * subscribes to newly linked dockets, and polls them when no webhook secret is configured (the
 * webhook route is then not served). Undefined without a token.
 */
export function startCourtListener(
  config: ClConfig,
  store: Store,
  logger: Logger,
  onEntry: EntryHandOff,
  schedule: boolean,
) {
  const token = config.COURTLISTENER_TOKEN;
  if (!token) return undefined;
  const client = createCourtListenerClient({
    baseUrl: config.COURTLISTENER_URL,
    token,
    budget: hourlyBudget(config.COURTLISTENER_REQUESTS_PER_HOUR),
    timeoutMs: config.FEED_TIMEOUT_MS,
    userAgent: userAgent(config.CONTACT),
  });
  const service: CourtListener = createCourtListener({
    store,
    client,
    baseUrl: config.COURTLISTENER_URL,
    webhookSecret: config.COURTLISTENER_WEBHOOK_SECRET,
    logger,
    leaseSeconds: config.FEED_CLAIM_LEASE_SECONDS,
    onEntry,
  });
  let running: Promise<unknown> | undefined;
  const tick = () => {
    running ??= (async () => {
      await service.follow();
      if (!config.COURTLISTENER_WEBHOOK_SECRET) await service.poll();
    })()
      .catch((err) => logger.warn({ err }, 'CourtListener tick failed'))
      .finally(() => {
        running = undefined;
      });
  };
  const timer = schedule ? setInterval(tick, config.COURT_POLL_SECONDS * 1000) : undefined;
  timer?.unref();
  if (schedule) tick();
  return {
    service,
    routes: routes(config.COURTLISTENER_WEBHOOK_SECRET, service),
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}

/** The webhook route exists only with a secret: without one, nothing can post entries. */
function routes(secret: string | undefined, service: CourtListener): Record<string, RouteHandler> {
  return secret ? { '/webhooks/courtlistener': courtListenerRoute(service) } : {};
}
