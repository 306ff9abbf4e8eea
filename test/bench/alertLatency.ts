import type { Emulator } from '../../emulator/index.ts';
import { createAlertSettingsStore } from '../../src/alerts/settings.ts';
import { createDiscordAlertSink } from '../../src/discord/alertSink.ts';
import type { Bot } from '../../src/discord/bot.ts';
import type { Article } from '../../src/facts.ts';
import { silentLogger } from '../../src/log.ts';
import { createArticleHandler } from '../../src/pipeline.ts';
import { createCaseStore } from '../../src/store/cases.ts';
import type { Store } from '../../src/store/types.ts';
import { type SynthCase, synthCases } from './synth.ts';

/** Neutral background, so the article page is long enough for readability to keep it. */
const BACKGROUND =
  'The courtroom was full for most of the afternoon, and several people waited in the hallway for a seat. Reporters from a number of outlets followed the proceedings, which lasted longer than scheduled.';

/**
 * A new tracked case (the `index`th) and alert settings for the benchmark guild: alerts go to
 * #alerts. One case a measurement, so each article is a first development that alerts.
 */
export async function trackForAlerts(
  store: Store,
  emu: Emulator,
  prefix: string,
  index: number,
  seed = 5,
): Promise<SynthCase> {
  const c = synthCases(prefix, index + 1, seed)[index] as SynthCase;
  const cases = createCaseStore(store);
  await cases.put({ ...c.definition, owner: emu.guildId }); // the server's own: its feeds reach it
  await cases.track(emu.guildId, c.definition.slug);
  await createAlertSettingsStore(store).set(emu.guildId, { channelId: emu.channelIds.alerts });
  return c;
}

/** A fresh development in the case, published today, that the real extractor turns into an alert. */
export function breakingArticle(c: SynthCase, n: number, now = new Date()): Article {
  const defendant = c.definition.defendants[0] ?? 'Ada Abbott';
  const judge = c.cast.find((p) => p.role === 'judge')?.name ?? 'Dmitri Drummond';
  const offences = ['fraud', 'embezzlement', 'obstruction of justice', 'perjury', 'bribery', 'arson'];
  const offence = offences[n % offences.length] ?? 'fraud';
  return {
    url: `https://news.example/${c.definition.slug}/breaking-${n}-${now.getTime()}`,
    title: `${defendant} charged with ${offence}`,
    published: now.toISOString().slice(0, 10),
    text: [
      `${defendant} was charged with ${offence} today in the ${c.definition.name}, prosecutors said. Judge ${judge} set bail at $${10 + n},000 at the arraignment.`,
      ...Array.from({ length: 4 }, () => BACKGROUND),
    ].join('\n\n'),
    outlet: `outlet${n}.example`,
  };
}

/**
 * The part of alert latency after the poller has an article: match, extract, merge, and the
 * alert message posted through the bot's REST client until the emulator has it.
 */
export async function articleToMessage(bot: Bot, store: Store, emu: Emulator, c: SynthCase, n: number) {
  const handle = createArticleHandler({
    store,
    logger: silentLogger,
    sink: createDiscordAlertSink(bot.client.rest),
  });
  const before = emu.messages.length;
  const started = performance.now();
  const result = await handle(breakingArticle(c, n), { history: false });
  await emu.waitFor(() => emu.messages.length > before, { timeout: 5000, message: 'the alert message' });
  return { ms: performance.now() - started, alerts: result.alerts.length };
}
