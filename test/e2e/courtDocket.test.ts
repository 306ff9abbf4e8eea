import { afterAll, assert, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/index.ts';
import type { Store } from '../../src/store/types.ts';
import { courtFeedXml, type FeedEntry, filler } from '../courts/courtFeed.ts';
import { startServer } from '../feeds/server.ts';
import { startTestApp, type TestApp } from '../support/bot.ts';
import { type Emulator, startEmulator } from '../support/emulator.ts';
import { checkMentionsAfterEach } from '../support/mentions.ts';
import { closeAll } from '../support/suite.ts';

/**
 * The court record end to end, through the real discord.js client and the emulator: a case linked
 * to a federal docket, the court's feed (a local server) gains an entry and the scheduled court
 * poller alerts it within its interval; a news article about the same filing comes later and the
 * alert is edited with the news source, not posted again; /status shows the filing as court record.
 */
const OKAFOR = { docket: '1:24-cr-00542-AS', caseName: 'USA v. Okafor', caseId: 612345 };
const entry = (type: string, seq: number, date: string, doc: number): FeedEntry => ({
  ...OKAFOR,
  type,
  seq,
  date,
  doc,
});

function newsXml(items: Array<{ title: string; link: string; date: string; text: string }>) {
  const body = items
    .map(
      (i) =>
        `<item><title>${i.title}</title><link>${i.link}</link><guid>${i.link}</guid><pubDate>${i.date}</pubDate><description>${i.text}</description></item>`,
    )
    .join('\n');
  return `<?xml version="1.0"?><rss version="2.0"><channel><title>Example News</title><link>https://news.example/</link><description>News</description>${body}</channel></rss>`;
}

describe('court docket → alert → news edit → /status, through the real client', () => {
  let emu: Emulator;
  checkMentionsAfterEach(() => emu);
  let store: Store;
  let t: TestApp;
  let server: Awaited<ReturnType<typeof startServer>>;
  let court: FeedEntry[] = [];
  let news = [
    {
      title: 'City council approves budget',
      link: 'https://news.example/budget',
      date: 'Fri, 07 Jun 2024 10:00:00 GMT',
      text: 'The council approved the budget on Friday.',
    },
  ];
  const alerts = () => emu.messages.filter((m) => m.channelId === emu.channelIds.alerts);

  beforeAll(async () => {
    emu = await startEmulator();
    server = await startServer();
    server.route('/nysd.xml', (_q, res) => res.writeHead(200).end(courtFeedXml(court)));
    server.route('/news.xml', (_q, res) => res.writeHead(200).end(newsXml(news)));
    store = await openStore('memory://');
    t = await startTestApp(emu.apiUrl, {
      store,
      now: () => new Date('2024-06-12T12:00:00Z'),
      env: { COURT_FEED_URLS: `nysd=${server.url('/nysd.xml')}`, COURT_POLL_SECONDS: '1' },
    });
    await emu.waitForReady();
  });
  afterAll(() => closeAll(t, server, emu, store));

  it('links a case to a docket with /case docket add', async () => {
    await emu.command('case', {
      subcommand: 'track',
      options: { name: 'Okafor fraud case', defendants: 'Daniel Okafor', slug: 'okafor' },
    });
    await emu.command('alerts', { subcommand: 'set', options: { channel: 'alerts' } });
    const bad = await emu.command('case', {
      subcommandGroup: 'docket',
      subcommand: 'add',
      options: { court: 'nysd', number: 'Okafor' },
    });
    expect(bad.content).toContain('"Okafor" is not a docket number');
    const linked = await emu.command('case', {
      subcommandGroup: 'docket',
      subcommand: 'add',
      options: { court: 'S.D.N.Y.', number: '1:24-cr-542' },
    });
    expect(linked.content).toContain('Okafor fraud case now follows docket 1:24-cr-00542 (nysd)');
    const list = await emu.command('case', { subcommandGroup: 'docket', subcommand: 'list', options: {} });
    expect(list.content).toBe('Okafor fraud case follows: 1:24-cr-00542 (nysd)');
  });

  it('alerts a new docket entry within the court poll interval, and only once', async () => {
    // What the docket shows when it is linked is its history: recorded, not alerted.
    court = [
      entry('Notice of Appearance', 4, 'Tue, 04 Jun 2024 15:00:00 GMT', 3),
      ...filler(220, 'Tue, 04 Jun 2024 16:00:00 GMT'),
    ];
    await t.app.courts.pollAll();
    const news0 = await emu.command('feed', { subcommand: 'add', options: { url: server.url('/news.xml') } });
    expect(news0.content).toMatch(/1 item/);
    await t.app.poller.pollAll();
    expect(alerts()).toHaveLength(0);

    t.app.courts.start();
    court = [entry('MOTION to Dismiss the Indictment', 9, 'Mon, 10 Jun 2024 18:00:00 GMT', 7), ...court];
    const started = Date.now();
    await emu.waitFor(() => alerts().length === 1, { timeout: 5_000, message: 'no alert for the filing' });
    expect(Date.now() - started).toBeLessThan(3_000); // within the 1 s interval (plus one poll)
    const [alert] = alerts();
    expect(alert?.embeds[0]?.title).toBe('Motion — Daniel Okafor · ⚖️ court record');
    expect(alert?.embeds[0]?.description).toBe('MOTION to Dismiss the Indictment · 1:24-cr-00542 · doc. 7');

    // The feed keeps the entry (and repeats it) for several more polls: still one alert.
    const repeated = court[0];
    assert.exists(repeated);
    court = [repeated, ...court];
    const hits = server.hits.get('/nysd.xml') ?? 0;
    await emu.waitFor(() => (server.hits.get('/nysd.xml') ?? 0) >= hits + 2, { timeout: 5_000 });
    expect(alerts()).toHaveLength(1);
  });

  it('edits the alert when the news reports the same filing later, instead of posting again', async () => {
    news = [
      {
        title: 'Okafor seeks dismissal of fraud indictment',
        link: 'https://news.example/okafor-motion',
        date: 'Wed, 12 Jun 2024 09:00:00 GMT',
        text: 'Lawyers for Daniel Okafor filed a motion to dismiss the indictment on Monday, June 10, 2024, arguing that prosecutors waited too long. &quot;The government sat on this case for years,&quot; defense attorney Maria Lopez said.',
      },
      ...news,
    ];
    await t.app.poller.pollAll();
    await emu.waitFor(() => (alerts()[0]?.edits ?? 0) > 0, {
      timeout: 5_000,
      message: 'the alert was not edited',
    });
    expect(alerts()).toHaveLength(1);
    const embed = alerts()[0]?.embeds[0];
    assert.exists(embed);
    expect(embed.description).toBe('MOTION to Dismiss the Indictment · 1:24-cr-00542 · doc. 7');
    expect(JSON.stringify(embed.fields)).toContain('Sources (2)');
    expect(JSON.stringify(embed.fields)).toContain('news.example/okafor-motion');
    for (const m of emu.allMessages()) expect(m.allowedMentions?.parse ?? []).toEqual([]);
  });

  it('shows the filing on /status and /timeline as court record', async () => {
    const status = await emu.command('status', {});
    expect(status.text).toContain('Motion · Daniel Okafor · ⚖️ court record');
    expect(status.text).toContain('MOTION to Dismiss the Indictment');
    const timeline = await emu.command('timeline', { options: { case: 'okafor' } });
    expect(timeline.text).toContain('Court filing · Daniel Okafor · ⚖️ court record');
    expect(timeline.text).toContain('Notice of Appearance');
  });
});
