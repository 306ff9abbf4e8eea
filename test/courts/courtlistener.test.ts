import { afterEach, describe, expect, it } from 'vitest';
import type { AlertSink } from '../../src/alerts/deliver.ts';
import { createAlertSettingsStore } from '../../src/alerts/settings.ts';
import { createKnowledgeStore } from '../../src/cases/knowledgeStore.ts';
import { timeline } from '../../src/cases/views.ts';
import {
  courtListenerRoute,
  createCourtListener,
  createCourtListenerClient,
  hourlyBudget,
} from '../../src/courts/courtlistener/index.ts';
import { docketHandOff } from '../../src/courts/index.ts';
import { startHealthServer } from '../../src/health.ts';
import { silentLogger } from '../../src/log.ts';
import { createMetrics } from '../../src/metrics.ts';
import { createArticleHandler } from '../../src/pipeline.ts';
import { createCaseStore } from '../../src/store/cases.ts';
import { openStore } from '../../src/store/index.ts';
import { startServer } from '../feeds/server.ts';

/**
 * CourtListener against a local fake that answers in the documented shapes (REST v4 search,
 * docket-alerts, docket-entries; the docket-alert webhook event with its Idempotency-Key header).
 */
const TOKEN = 'cl0123456789abcdef0123456789abcdef';
const SECRET = 'hook-secret-0123456789';
const GUILD = '100000000000000001';

const clEntry = (id: number, n: number, date: string, description: string) => ({
  id,
  docket: 42,
  date_filed: date,
  entry_number: n,
  description,
  pacer_sequence_number: n * 3,
  recap_documents: [],
});

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

async function setup(perHour = 100, now: () => number = Date.now) {
  const store = await openStore('memory://');
  const fake = await startServer();
  cleanups.push(
    () => fake.close(),
    () => store.close(),
  );
  const subscribed: unknown[] = [];
  let entries = [clEntry(1, 12, '2024-06-03', 'INDICTMENT as to Daniel Okafor (1) count(s) 1-3.')];
  const json = (res: import('node:http').ServerResponse, body: unknown, status = 200) =>
    res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
  const authed = (req: import('node:http').IncomingMessage) => req.headers.authorization === `Token ${TOKEN}`;
  fake.route('/api/rest/v4/search/', (req, res) => {
    if (!authed(req)) return json(res, { detail: 'Invalid token.' }, 401);
    const q = new URL(req.url ?? '', 'http://x').searchParams;
    const hit = q.get('court') === 'nysd' && q.get('docket_number') === '1:24-cr-00542';
    json(res, {
      count: hit ? 1 : 0,
      results: hit
        ? [
            {
              docket_id: 42,
              caseName: 'United States v. Okafor',
              docketNumber: '1:24-cr-00542',
              court_id: 'nysd',
            },
          ]
        : [],
    });
  });
  fake.route('/api/rest/v4/docket-alerts/', (req, res) => {
    let body = '';
    req.on('data', (c) => {
      body += c;
    });
    req.on('end', () => {
      subscribed.push(JSON.parse(body));
      json(res, { id: 7, docket: 42, alert_type: 1 }, 201);
    });
  });
  fake.route('/api/rest/v4/docket-entries/', (req, res) =>
    authed(req) ? json(res, { next: null, previous: null, results: entries }) : json(res, {}, 401),
  );

  const cases = createCaseStore(store);
  await cases.put({
    slug: 'okafor',
    name: 'Okafor fraud case',
    aliases: [],
    defendants: ['Daniel Okafor'],
    dockets: [{ court: 'nysd', number: '1:24-cr-00542' }],
  });
  await cases.track(GUILD, 'okafor');
  await createAlertSettingsStore(store).set(GUILD, { channelId: '200000000000000001' });
  const posts: unknown[] = [];
  const sink: AlertSink = {
    post: async (_c, p) => {
      posts.push(p);
      return { messageId: `m${posts.length}` };
    },
    edit: async () => undefined,
  };
  const handleArticle = createArticleHandler({ store, logger: silentLogger, sink });
  const baseUrl = fake.url('');
  const client = createCourtListenerClient({
    baseUrl,
    token: TOKEN,
    budget: hourlyBudget(perHour, now),
    timeoutMs: 5_000,
    userAgent: 'casewatch-test',
  });
  const cl = createCourtListener({
    store,
    client,
    baseUrl,
    webhookSecret: SECRET,
    logger: silentLogger,
    onEntry: docketHandOff(handleArticle),
  });
  const health = await startHealthServer(0, {}, createMetrics(), '127.0.0.1', {
    '/webhooks/courtlistener': courtListenerRoute(cl),
  });
  cleanups.push(() => health.close());
  const knowledge = createKnowledgeStore(store);
  return {
    cl,
    fake,
    subscribed,
    posts,
    setEntries: (e: typeof entries) => {
      entries = e;
    },
    webhookUrl: (path = `/${SECRET}`) => `http://127.0.0.1:${health.port}/webhooks/courtlistener${path}`,
    timeline: async () => timeline(await knowledge.get('okafor')),
  };
}

const event = (results: unknown[]) =>
  JSON.stringify({
    payload: { results },
    webhook: { version: 2, event_type: 1, date_created: '2024-01-01T00:00:00Z', deprecation_date: null },
  });

describe('CourtListener', () => {
  it('finds a linked docket and subscribes to its alerts once', async () => {
    const t = await setup();
    expect(await t.cl.follow()).toBe(1);
    expect(await t.cl.follow()).toBe(1);
    expect(t.subscribed).toEqual([{ docket: 42 }]);
    expect(t.fake.hits.get('/api/rest/v4/search/')).toBe(1);
  });

  it('turns a webhook delivered twice with one Idempotency-Key into one development and one alert', async () => {
    const t = await setup();
    await t.cl.follow();
    const body = event([
      clEntry(2, 19, '2024-06-10', 'MOTION to Dismiss the Indictment by Daniel Okafor. (Lopez, Maria)'),
    ]);
    const post = () =>
      fetch(t.webhookUrl(), {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'idempotency-key': '3f1c2a8e-0d5b-4b7e-9a51-6c2d9e8f1a70',
        },
        body,
      });
    const first = await post();
    expect(first.status).toBe(200);
    expect(await first.json()).toEqual({ ok: true, entries: 1 });
    const again = await post();
    expect(await again.json()).toEqual({ ok: true, duplicate: true });
    const devs = await t.timeline();
    expect(devs.map((d) => [d.type, d.date, d.summary, d.court])).toEqual([
      [
        'motion',
        '2024-06-10',
        'MOTION to Dismiss the Indictment by Daniel Okafor · 1:24-cr-00542 · doc. 19',
        true,
      ],
    ]);
    expect(t.posts).toHaveLength(1);
  });

  it('refuses a forged webhook without the secret (401) and stores nothing', async () => {
    const t = await setup();
    await t.cl.follow();
    const body = event([clEntry(3, 20, '2024-06-11', 'ORDER denying Motion to Dismiss')]);
    for (const [path, headers] of [
      ['', {}],
      ['/wrong-secret-000000000', {}],
      ['', { 'x-webhook-token': 'nearly-the-secret-0000' }],
    ] as const) {
      const res = await fetch(t.webhookUrl(path), { method: 'POST', headers, body });
      expect(res.status, path).toBe(401);
    }
    // The shared token in a header is accepted (for a proxy in front of the bot).
    expect(await t.timeline()).toEqual([]);
    const ok = await fetch(t.webhookUrl(''), {
      method: 'POST',
      headers: { 'x-webhook-token': SECRET },
      body,
    });
    expect(ok.status).toBe(200);
    expect((await t.timeline()).map((d) => d.type)).toEqual(['ruling']);
  });

  it('polls within the hourly request budget, and reads again when the hour has passed', async () => {
    let clock = Date.parse('2024-06-10T00:00:00Z');
    const t = await setup(4, () => clock);
    await t.cl.follow(); // search + subscribe: 2 of 4
    expect(await t.cl.poll()).toBe(1); // 3 of 4: the docket's history (the indictment), not alerted
    t.setEntries([
      clEntry(2, 19, '2024-06-10', 'MOTION to Dismiss the Indictment'),
      clEntry(1, 12, '2024-06-03', 'INDICTMENT'),
    ]);
    expect(await t.cl.poll()).toBe(1); // 4 of 4: the motion
    expect(t.posts).toHaveLength(1);
    const requests = () => t.fake.requests.length;
    const before = requests();
    expect(await t.cl.poll()).toBe(0); // budget spent: nothing is asked
    expect(requests()).toBe(before);
    clock += 3_600_001;
    expect(await t.cl.poll()).toBe(1);
    expect(requests()).toBe(before + 1);
    expect((await t.timeline()).map((d) => d.type)).toEqual(['charge', 'motion']);
  });
});
