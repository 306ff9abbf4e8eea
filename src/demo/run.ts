import { rmSync } from 'node:fs';
import type { Writable } from 'node:stream';
import { startEmulator } from '../../emulator/index.ts';
import { startApp } from '../app.ts';
import { parseConfig } from '../config.ts';
import { createLogger } from '../log.ts';
import { DEFAULT_DATA_DIR } from '../paths.ts';
import { openStore } from '../store/index.ts';
import articles from './articles.json' with { type: 'json' };
import demoCase from './case.json' with { type: 'json' };
import { startDemoFeedServer } from './feedServer.ts';
import { renderMessage } from './render.ts';

const DEMO_TOKEN = 'demo.offline-token.not-a-real-discord-token';
/** Its own store, beside the default one: the demo never touches the bot's data. */
const STORE_FILE = `${DEFAULT_DATA_DIR}/demo.sqlite`;

/**
 * `npm start` without a Discord token: the real pipeline, offline. A local news site publishes
 * sample articles (written for this demo) one by one; the real poller, extractor, store and bot
 * (the real discord.js client, logged in to the project's local Discord emulator) turn them into
 * alerts; then it asks /status as a user would.
 */
export async function runDemo(out: Writable, logLevel = 'warn'): Promise<void> {
  const say = (line = '') => out.write(`${line}\n`);
  rmSync(STORE_FILE, { force: true });
  const emu = await startEmulator({
    guilds: [{ name: 'Courtwatchers', channels: [{ name: 'general' }, { name: 'alerts' }] }],
  });
  const site = await startDemoFeedServer(articles);
  const store = await openStore(`sqlite://${STORE_FILE}`);
  const config = parseConfig({
    DISCORD_TOKEN: DEMO_TOKEN,
    DISCORD_API_URL: emu.apiUrl,
    ALLOW_PRIVATE_URLS: '1', // the demo's news site is on 127.0.0.1
    FULLTEXT_MIN_CHARS: '0', // its feed carries the full text
    LOG_LEVEL: logLevel,
  });
  const logger = createLogger({ level: config.LOG_LEVEL, secrets: [DEMO_TOKEN] });
  // "Today" in the demo is the day after its last article, so /status reads as it would then.
  const last = articles.at(-1)?.published ?? '2025-01-01';
  const today = new Date(Date.parse(`${last}T12:00:00Z`) + 86_400_000);
  const app = await startApp(config, logger, { store, schedule: false, now: () => today });
  try {
    await emu.waitForReady();
    say('casewatch demo — offline: a local news site, the local Discord emulator, the real bot.');
    say(`Store: ${store.description}. The server "Courtwatchers" has #general and #alerts.\n`);

    const user = async (label: string, command: string, options: Parameters<typeof emu.command>[1]) => {
      say(`> ${label}`);
      const reply = await emu.command(command, options);
      say(indent(renderMessage({ content: reply.content, embeds: reply.embeds })));
      say();
      return reply;
    };
    await user(
      `/case track name:"${demoCase.name}" aliases:"${demoCase.aliases.join(', ')}" defendants:"${demoCase.defendants.join(', ')}" slug:${demoCase.slug}`,
      'case',
      {
        subcommand: 'track',
        options: {
          name: demoCase.name,
          aliases: demoCase.aliases.join(', '),
          defendants: demoCase.defendants.join(', '),
          slug: demoCase.slug,
        },
      },
    );
    await user('/alerts set channel:#alerts', 'alerts', {
      subcommand: 'set',
      options: { channel: 'alerts' },
    });
    site.releaseNext(); // the site already has its first story when the feed is added
    await user(`/feed add url:${site.feedUrl}`, 'feed', {
      subcommand: 'add',
      options: { url: site.feedUrl },
    });

    const first = await app.poller.pollAll();
    say(
      `[poller] first poll of the new feed: ${first[0]?.newItems ?? 0} article(s) recorded as history — no alert flood.\n`,
    );

    let seen = 0;
    const edits = new Map<string, number>();
    while (site.releaseNext()) {
      const a = articles[site.released - 1];
      say(`[news site] ${a?.outlet} publishes "${a?.title}" (${a?.published})`);
      await app.poller.pollAll();
      const posted = emu.messages.filter((m) => m.channelId === emu.channelIds.alerts);
      for (const m of posted.slice(seen)) say(indent(`#alerts — new alert\n${renderMessage(m)}`));
      for (const m of posted.slice(0, seen)) {
        if ((edits.get(m.id) ?? 0) < m.edits) {
          say(indent(`#alerts — alert edited: another outlet reported it\n${renderMessage(m)}`));
          edits.set(m.id, m.edits);
        }
      }
      if (posted.length === seen && ![...posted].some((m) => m.edits > (edits.get(m.id) ?? 0)))
        say('  (nothing new for #alerts)');
      seen = posted.length;
      say();
    }
    await user(`/status case:${demoCase.slug}`, 'status', { options: { case: demoCase.slug } });
    await user('/quotes person:Elena Ruiz', 'quotes', { options: { person: 'Elena Ruiz' } });
    const pings = emu.pings().length;
    say(`Every message was sent with mentions disabled (${pings} pinged anyone).\n`);
  } finally {
    await app.stop();
    await store.close();
    await site.close();
    await emu.close();
  }
}

function indent(text: string): string {
  return text
    .split('\n')
    .map((l) => `  ${l}`)
    .join('\n');
}
