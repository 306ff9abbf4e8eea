import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, assert, describe, expect, it } from 'vitest';
import type { AlertSink } from '../../src/alerts/deliver.ts';
import { createAlertSettingsStore } from '../../src/alerts/settings.ts';
import { createKnowledgeStore } from '../../src/cases/knowledgeStore.ts';
import { timeline } from '../../src/cases/views.ts';
import { command as caseCommand } from '../../src/cli/case.ts';
import { command as timelineCommand } from '../../src/cli/timeline.ts';
import { parseConfig } from '../../src/config.ts';
import { checkDocketLink, createCourtPoller, docketHandOff } from '../../src/courts/index.ts';
import { docketEntriesFromFeed } from '../../src/courts/rss.ts';
import { parseFeedBody } from '../../src/feeds/parse.ts';
import type { MessagePayload } from '../../src/format/payload.ts';
import { silentLogger } from '../../src/log.ts';
import { createArticleHandler } from '../../src/pipeline.ts';
import { createCaseStore } from '../../src/store/cases.ts';
import { openStore } from '../../src/store/index.ts';
import type { Store } from '../../src/store/types.ts';
import { startServer } from '../feeds/server.ts';
import { runCli } from '../support/cli.ts';
import { courtFeedXml, type FeedEntry, filler } from './courtFeed.ts';

const SDNY = join(import.meta.dirname, '../../../shared/courts/pacer-rss/sdny_1.xml');
const sdnyPresent = existsSync(SDNY);
if (!sdnyPresent) console.log(`skipped (the 358-item S.D.N.Y. feed test): ${SDNY} is absent`);

const GUILD = '100000000000000001';
const CHANNEL = '200000000000000001';
const OKAFOR = { docket: '1:24-cr-00542-AS', caseName: 'USA v. Okafor', caseId: 612345 };

function recordingSink() {
  const posts: MessagePayload[] = [];
  const edits: Array<{ messageId: string; payload: MessagePayload }> = [];
  const sink: AlertSink = {
    async post(_channel, payload) {
      posts.push(payload);
      return { messageId: `m${posts.length}` };
    },
    async edit(_channel, messageId, payload) {
      edits.push({ messageId, payload });
    },
  };
  return { sink, posts, edits };
}

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

async function setup(dockets = [{ court: 'S.D.N.Y.', number: '1:24-cr-542' }]) {
  const store: Store = await openStore('memory://');
  const server = await startServer();
  cleanups.push(
    () => server.close(),
    () => store.close(),
  );
  let xml = courtFeedXml([]);
  server.route('/nysd.xml', (_req, res) =>
    res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(xml),
  );
  const cases = createCaseStore(store);
  await cases.put({
    slug: 'okafor',
    name: 'United States v. Okafor',
    aliases: ['Okafor fraud case'],
    defendants: ['Daniel Okafor'],
    dockets: dockets.map((d) => {
      const checked = checkDocketLink(d.court, d.number);
      if (!checked.ok) throw new Error(checked.message);
      return checked.link;
    }),
  });
  await cases.track(GUILD, 'okafor');
  await createAlertSettingsStore(store).set(GUILD, { channelId: CHANNEL });
  const { sink, posts, edits } = recordingSink();
  const handleArticle = createArticleHandler({ store, logger: silentLogger, sink });
  const config = parseConfig({
    ALLOW_PRIVATE_URLS: '1',
    COURT_FEED_URLS: `nysd=${server.url('/nysd.xml')}`,
    FEED_MAX_ITEMS: '200',
  });
  const poller = createCourtPoller({ store, config, onEntry: docketHandOff(handleArticle) });
  const knowledge = createKnowledgeStore(store);
  return {
    store,
    poller,
    posts,
    edits,
    handleArticle,
    setFeed: (entries: FeedEntry[]) => {
      xml = courtFeedXml(entries);
    },
    timeline: async () => timeline(await knowledge.get('okafor')),
  };
}

const entry = (type: string, seq: number, date: string, doc?: number): FeedEntry => ({
  ...OKAFOR,
  type,
  seq,
  date,
  doc,
});

describe('court docket feeds into a case', () => {
  it('turns a linked docket entry past the item cap into an alert once, however the feed repeats it', async () => {
    const t = await setup();
    const old = entry('Notice of Appearance', 4, 'Tue, 04 Jun 2024 15:00:00 GMT', 3);
    // 230 entries of other dockets first: FEED_MAX_ITEMS (200) must not cut the linked one off.
    t.setFeed([...filler(230, 'Tue, 04 Jun 2024 16:00:00 GMT'), old]);
    const first = await t.poller.pollAll();
    expect(first[0]).toMatchObject({ court: 'nysd', status: 'ok', entries: 231, handed: 1 });
    expect(t.posts).toHaveLength(0); // the first read of a docket is its history
    expect((await t.timeline()).map((d) => d.summary)).toEqual([
      'Notice of Appearance · 1:24-cr-00542 · doc. 3',
    ]);

    const motion = entry('MOTION to Dismiss the Indictment', 9, 'Mon, 10 Jun 2024 18:00:00 GMT', 7);
    t.setFeed([motion, ...filler(230, 'Tue, 04 Jun 2024 16:00:00 GMT'), old]);
    await t.poller.pollAll();
    expect(t.posts).toHaveLength(1);
    const embed = t.posts[0]?.embeds[0];
    assert.exists(embed);
    expect(embed.title).toBe('Motion — Daniel Okafor · ⚖️ court record');
    expect(embed.description).toBe('MOTION to Dismiss the Indictment · 1:24-cr-00542 · doc. 7');
    expect(JSON.stringify(embed.fields)).toContain('Southern District of New York docket');

    // Reordered, repeated, fetched again: nothing new.
    t.setFeed([old, motion, motion, ...filler(10, 'Tue, 04 Jun 2024 16:00:00 GMT')]);
    await t.poller.pollAll();
    await t.poller.pollAll();
    expect(t.posts).toHaveLength(1);
    expect(t.edits).toHaveLength(0);
  });

  it('keeps routine filings in the timeline without alerting them', async () => {
    const t = await setup();
    await t.poller.pollAll();
    t.setFeed([
      entry('Notice of Appearance', 11, 'Tue, 11 Jun 2024 14:00:00 GMT', 8),
      entry('MOTION for Leave to Appear Pro Hac Vice', 12, 'Tue, 11 Jun 2024 14:05:00 GMT', 9),
    ]);
    await t.poller.pollAll();
    expect(t.posts).toHaveLength(0);
    const devs = await t.timeline();
    expect(devs.map((d) => [d.type, d.court])).toEqual([
      ['filing', true],
      ['filing', true],
    ]);
    const { out } = await runCli(timelineCommand, ['okafor'], t.store);
    expect(out).toContain(
      'Court filing (Daniel Okafor) [court record]: Notice of Appearance · 1:24-cr-00542 · doc. 8',
    );
  });

  it('merges the news report of a filed motion into the docket development and edits the alert', async () => {
    const t = await setup();
    await t.poller.pollAll();
    t.setFeed([entry('MOTION to Dismiss the Indictment', 9, 'Mon, 10 Jun 2024 18:00:00 GMT', 7)]);
    await t.poller.pollAll();
    expect(t.posts).toHaveLength(1);
    await t.handleArticle(
      {
        url: 'https://news.example/okafor-motion',
        title: 'Okafor seeks dismissal of fraud indictment',
        published: '2024-06-12',
        outlet: 'Example News',
        text: 'Lawyers for Daniel Okafor filed a motion to dismiss the indictment on Monday, June 10, 2024, arguing that prosecutors waited too long. "The government sat on this case for years," defense attorney Maria Lopez said.',
      },
      { history: false },
    );
    expect(t.posts).toHaveLength(1);
    expect(t.edits).toHaveLength(1);
    expect(t.edits[0]?.messageId).toBe('m1');
    const sources = JSON.stringify(t.edits[0]?.payload.embeds[0]?.fields);
    expect(sources).toContain('Example News');
    expect(sources).toContain('Southern District of New York docket');
    const [dev] = await t.timeline();
    // The docket's date and wording win; the news adds its source.
    expect(dev).toMatchObject({
      type: 'motion',
      date: '2024-06-10',
      court: true,
      summary: 'MOTION to Dismiss the Indictment · 1:24-cr-00542 · doc. 7',
    });
    expect(dev?.sources.map((s) => s.outlet)).toEqual([
      'Southern District of New York docket',
      'Example News',
    ]);
  });

  it('offers an unlinked case a docket whose case name carries its defendant, linking nothing', async () => {
    const t = await setup();
    await createCaseStore(t.store).put({
      slug: 'raman',
      name: 'Raman bribery case',
      aliases: [],
      defendants: ['Priya Raman'],
    });
    t.setFeed([
      {
        docket: '1:24-cr-00777-JMF',
        caseName: 'USA v. Raman et al',
        type: 'INDICTMENT',
        date: 'Tue, 11 Jun 2024 14:00:00 GMT',
        caseId: 700001,
        seq: 1,
        doc: 1,
      },
    ]);
    await t.poller.pollAll();
    await t.poller.pollAll();
    const { out } = await runCli(caseCommand, ['docket', 'list', 'raman'], t.store);
    expect(out).toBe(
      'Raman bribery case follows no docket yet (add one with /case docket add).\n' +
        'Dockets whose case name carries a defendant of this case (not linked; add one if it is the case):\n' +
        '- 1:24-cr-00777 (nysd) United States v. Raman (seen 2024-06-11)\n',
    );
    expect((await createCaseStore(t.store).get('raman'))?.dockets).toBeUndefined();
    expect(t.posts).toHaveLength(0);
  });

  it.skipIf(!sdnyPresent)(
    'reads every entry of a linked docket in the real 358-item S.D.N.Y. feed',
    async () => {
      const body = readFileSync(SDNY);
      const all = docketEntriesFromFeed(
        await parseFeedBody(body, undefined, { maxItems: 1e6, keepDescriptionHtml: true }),
      );
      const last = all.at(-1);
      assert.exists(last);
      const wanted = all.filter((e) => e.docket.number === last.docket.number);
      const t = await setup([{ court: 'nysd', number: last.docket.number }]);
      t.setFeed([]);
      const server = await startServer();
      cleanups.push(() => server.close());
      server.route('/sdny.xml', (_req, res) => res.writeHead(200).end(body));
      const config = parseConfig({
        ALLOW_PRIVATE_URLS: '1',
        COURT_FEED_URLS: `nysd=${server.url('/sdny.xml')}`,
      });
      const handed: string[] = [];
      const poller = createCourtPoller({
        store: t.store,
        config,
        onEntry: async (e) => void handed.push(e.shortDescription),
      });
      const [result] = await poller.pollAll();
      expect(result).toMatchObject({ entries: 341, handed: wanted.length });
      expect(handed.sort()).toEqual(wanted.map((e) => e.shortDescription).sort());
    },
  );
});
