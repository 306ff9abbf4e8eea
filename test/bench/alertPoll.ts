import type { Emulator } from '../../emulator/index.ts';
import { createAlertSettingsStore } from '../../src/alerts/settings.ts';
import { parseConfig } from '../../src/config.ts';
import { createDiscordAlertSink } from '../../src/discord/alertSink.ts';
import type { Bot } from '../../src/discord/bot.ts';
import { createFeedPoller } from '../../src/feeds/poller.ts';
import { silentLogger } from '../../src/log.ts';
import { createArticleHandler } from '../../src/pipeline.ts';
import { createFeedStore } from '../../src/store/feeds.ts';
import type { Store } from '../../src/store/types.ts';
import { breakingArticle, trackForAlerts } from './alertLatency.ts';
import { RUN_ID } from './backends.ts';
import { startFeedServer } from './feedServer.ts';

export const POLL_INTERVAL_MINUTES = 1;

/**
 * A feed changes → the alert reaches the emulator, through the real poller on its real tick:
 * the clock the poller reads is moved past the feed's next poll time (one interval later) and
 * `tick()` runs, which is what the cron job does every minute. Measured from the tick to the
 * message; the wait for the tick itself is at most the interval (plus the poller's jitter).
 */
export async function pollToMessage(bot: Bot, store: Store, emu: Emulator, samples: number) {
  const server = await startFeedServer(1, { prefix: `${RUN_ID}-alert-feed` });
  let offset = 0;
  const config = parseConfig({ ALLOW_PRIVATE_URLS: '1', LOG_LEVEL: 'silent', POLL_INTERVAL_MINUTES: '1' });
  const handle = createArticleHandler({
    store,
    logger: silentLogger,
    sink: createDiscordAlertSink(bot.client.rest),
  });
  const poller = createFeedPoller({
    store,
    config,
    logger: silentLogger,
    now: () => Date.now() + offset,
    onArticle: async (article, meta) => {
      await handle(article, { history: meta.history, feedUrl: meta.feedUrl });
    },
  });
  const feeds = createFeedStore(store);
  await feeds.add(
    server.url(0),
    { guildId: emu.guildId, addedAt: new Date().toISOString() },
    POLL_INTERVAL_MINUTES,
  );
  await createAlertSettingsStore(store).set(emu.guildId, { channelId: emu.channelIds.alerts });
  const times: number[] = [];
  let failures = 0;
  let ticksBetweenPolls = 0;
  try {
    await poller.tick(); // the first poll is history: it never alerts
    for (let n = 0; n < samples; n++) {
      const c = await trackForAlerts(store, emu, `${RUN_ID}-poll-alert`, n, 9);
      const article = breakingArticle(c, n);
      server.change(0, { title: article.title, text: article.text });
      offset += POLL_INTERVAL_MINUTES * 60_000 + 6_000; // past the interval and its jitter
      const before = emu.messages.length;
      const started = performance.now();
      await poller.tick();
      try {
        await emu.waitFor(() => emu.messages.length > before, { timeout: 5000, message: 'the alert' });
        times.push(performance.now() - started);
      } catch {
        failures++;
      }
    }
    // How many one-minute ticks pass between two polls of the feed, as cron runs them.
    for (let k = 1; k <= 5 && ticksBetweenPolls === 0; k++) {
      offset += 60_000;
      const before = server.requests.feeds;
      await poller.tick();
      if (server.requests.feeds > before) ticksBetweenPolls = k;
    }
  } finally {
    await poller.stop();
    await server.close();
    await feeds.remove(server.url(0));
  }
  return { times: times.sort((a, b) => a - b), failures, ticksBetweenPolls };
}
