import { afterEach, describe, expect, it } from 'vitest';
import { createDeliveryBlocks, PostRefused } from '../../src/alerts/blocked.ts';
import { type AlertSink, deliverAlerts } from '../../src/alerts/deliver.ts';
import { createAlertSettingsStore } from '../../src/alerts/settings.ts';
import type { AlertDecision } from '../../src/alerts/types.ts';
import type { MessagePayload } from '../../src/format/payload.ts';
import { createLogger, memoryDestination } from '../../src/log.ts';
import { createCaseStore } from '../../src/store/cases.ts';
import { openStore } from '../../src/store/index.ts';
import type { Store } from '../../src/store/types.ts';

const GUILD = '111111111111111111';
const OTHER = '222222222222222222';
const CHANNEL = '333333333333333333';
const ROLE = '444444444444444444';

function decision(
  kind: 'new' | 'update',
  urls: string[],
  type: AlertDecision['development']['type'] = 'charge',
): AlertDecision {
  return {
    kind,
    case: 'harbor',
    caseName: 'Harbor Bridge collapse',
    development: {
      id: 'd1',
      type,
      status: 'happened',
      date: '2024-03-04',
      who: 'Marcus Dale',
      summary: 'Dale charged with manslaughter @everyone [click](http://evil.example)',
      sources: urls.map((url) => ({ outlet: new URL(url).hostname, url, published: '2024-03-05' })),
    },
  };
}

function fakeSink(failFirst = 0) {
  const posts: Array<{ channelId: string; payload: MessagePayload }> = [];
  const edits: Array<{ channelId: string; messageId: string; payload: MessagePayload }> = [];
  let failures = failFirst;
  const byNonce = new Map<string, string>();
  const sink: AlertSink = {
    // Like Discord with enforce_nonce: the same nonce again returns the first message.
    async post(channelId, payload, nonce) {
      if (failures-- > 0) throw new Error('Discord is down');
      const seen = nonce ? byNonce.get(nonce) : undefined;
      if (seen) return { messageId: seen };
      posts.push({ channelId, payload });
      const messageId = `m${posts.length}`;
      if (nonce) byNonce.set(nonce, messageId);
      return { messageId };
    },
    async edit(channelId, messageId, payload) {
      edits.push({ channelId, messageId, payload });
    },
  };
  return { sink, posts, edits };
}

let store: Store | undefined;
afterEach(async () => {
  await store?.close();
  store = undefined;
});

async function setup(settings: Parameters<ReturnType<typeof createAlertSettingsStore>['set']>[1]) {
  store = await openStore('memory://');
  const caseStore = createCaseStore(store);
  await caseStore.put({
    slug: 'harbor',
    name: 'Harbor Bridge collapse',
    aliases: [],
    defendants: ['Marcus Dale'],
  });
  await caseStore.track(GUILD, 'harbor');
  await caseStore.track(OTHER, 'harbor');
  const alertSettings = createAlertSettingsStore(store);
  await alertSettings.set(GUILD, settings);
  return { store, settings: alertSettings, caseStore };
}

describe('deliverAlerts', () => {
  it("posts an alert below the server's threshold only where the threshold allows it (default high)", async () => {
    const medium: AlertDecision = {
      ...decision('new', ['https://a.example/1']),
      confidence: { level: 'medium', reasons: ['no date in the news window'] },
    };
    const deps = await setup({ channelId: CHANNEL });
    const strict = fakeSink();
    expect(await deliverAlerts([medium], { ...deps, sink: strict.sink })).toMatchObject({ posted: 0 });
    expect(strict.posts).toHaveLength(0);
    await deps.settings.set(GUILD, { channelId: CHANNEL, threshold: 'medium' });
    const lenient = fakeSink();
    expect(await deliverAlerts([medium], { ...deps, sink: lenient.sink })).toMatchObject({ posted: 1 });
  });

  it('posts once to the configured channel, mentioning only the configured role', async () => {
    const deps = await setup({ channelId: CHANNEL, roleId: ROLE });
    const { sink, posts } = fakeSink();
    const report = await deliverAlerts([decision('new', ['https://a.example/1'])], { ...deps, sink });
    // OTHER tracks the case but set no alert channel: nothing for it.
    expect(report).toMatchObject({ posted: 1, failed: 0 });
    expect(posts).toHaveLength(1);
    const p = posts[0]?.payload;
    expect(posts[0]?.channelId).toBe(CHANNEL);
    expect(p?.content).toBe(`<@&${ROLE}>`);
    expect(p?.allowedMentions).toEqual({ parse: [], roles: [ROLE] });
    expect(p?.embeds[0]?.description).not.toContain('[click](http');
  });

  it('never posts twice: a retry, a restart or a concurrent deliverer', async () => {
    const deps = await setup({ channelId: CHANNEL });
    const { sink, posts } = fakeSink();
    const d = decision('new', ['https://a.example/1']);
    await Promise.all([deliverAlerts([d], { ...deps, sink }), deliverAlerts([d], { ...deps, sink })]);
    await deliverAlerts([d], { ...deps, sink });
    expect(posts).toHaveLength(1);
    expect(posts[0]?.payload.allowedMentions).toEqual({ parse: [] });
  });

  it('finishes a post a crashed deliverer left half-done, without doubling it', async () => {
    const deps = await setup({ channelId: CHANNEL });
    const { sink, posts } = fakeSink();
    const d = decision('new', ['https://a.example/1']);
    // The crashed process claimed the alert and posted it, but died before recording the message.
    const key = `${GUILD}|harbor|${d.development.id}`;
    await deps.store
      .kv('alerts')
      .set(key, { state: 'posting', nonce: 'n-crashed', channelId: CHANNEL, sources: [] });
    await sink.post(CHANNEL, { embeds: [], allowedMentions: { parse: [] } }, 'n-crashed');
    const report = await deliverAlerts([d], { ...deps, sink });
    expect(report.recovered).toBe(1);
    expect(posts).toHaveLength(1);
    expect(await deps.store.kv('alerts').get(key)).toMatchObject({ state: 'posted', messageId: 'm1' });
    // And when it died before posting, the retry posts it once.
    const d2 = { ...d, development: { ...d.development, id: 'dev-2' } };
    await deps.store
      .kv('alerts')
      .set(`${GUILD}|harbor|dev-2`, { state: 'posting', nonce: 'n-lost', channelId: CHANNEL, sources: [] });
    await deliverAlerts([d2], { ...deps, sink });
    await deliverAlerts([d2], { ...deps, sink });
    expect(posts).toHaveLength(2);
  });

  it('edits the alert when another outlet reports the development, without a ping', async () => {
    const deps = await setup({ channelId: CHANNEL, roleId: ROLE });
    const { sink, posts, edits } = fakeSink();
    await deliverAlerts([decision('new', ['https://a.example/1'])], { ...deps, sink });
    await deliverAlerts([decision('update', ['https://a.example/1', 'https://b.example/2'])], {
      ...deps,
      sink,
    });
    await deliverAlerts([decision('update', ['https://a.example/1', 'https://b.example/2'])], {
      ...deps,
      sink,
    });
    expect(posts).toHaveLength(1);
    expect(edits).toHaveLength(1);
    expect(edits[0]?.messageId).toBe('m1');
    expect(edits[0]?.payload.allowedMentions).toEqual({ parse: [] });
    expect(JSON.stringify(edits[0]?.payload.embeds)).toContain('b.example');
  });

  it('respects the case and event-type filters', async () => {
    const deps = await setup({ channelId: CHANNEL, types: ['verdict', 'sentence'] });
    const { sink, posts } = fakeSink();
    await deliverAlerts([decision('new', ['https://a.example/1'], 'charge')], { ...deps, sink });
    expect(posts).toHaveLength(0);
    await deliverAlerts(
      [
        {
          ...decision('new', ['https://a.example/1'], 'verdict'),
          development: { ...decision('new', [], 'verdict').development, id: 'd2', sources: [] },
        },
      ],
      { ...deps, sink },
    );
    expect(posts).toHaveLength(1);
    await deps.settings.set(GUILD, { channelId: CHANNEL, cases: ['other-case'] });
    await deliverAlerts(
      [
        {
          ...decision('new', ['https://a.example/1']),
          development: { ...decision('new', [], 'charge').development, id: 'd3' },
        },
      ],
      { ...deps, sink },
    );
    expect(posts).toHaveLength(1);
  });

  it('a failed post is retried later and then posted exactly once', async () => {
    const deps = await setup({ channelId: CHANNEL });
    const { sink, posts } = fakeSink(1);
    const d = decision('new', ['https://a.example/1']);
    expect((await deliverAlerts([d], { ...deps, sink })).failed).toBe(1);
    expect((await deliverAlerts([d], { ...deps, sink })).posted).toBe(1);
    await deliverAlerts([d], { ...deps, sink });
    expect(posts).toHaveLength(1);
  });

  it('refuses settings that are not Discord ids or event types', async () => {
    const deps = await setup({ channelId: CHANNEL });
    await expect(deps.settings.set(GUILD, { channelId: 'general' })).rejects.toThrow(/Discord id/);
    await expect(
      deps.settings.set(GUILD, { channelId: CHANNEL, types: ['gossip' as never] }),
    ).rejects.toThrow();
  });

  it('a payload Discord refuses (400) is logged as a bug with route and fields, and not retried', async () => {
    const deps = await setup({ channelId: CHANNEL });
    const log = memoryDestination();
    const logger = createLogger({ level: 'info', destination: log });
    const sink: AlertSink = {
      async post() {
        throw new PostRefused(400, 50035, 'Invalid Form Body', `POST /channels/${CHANNEL}/messages`, [
          'embeds.0.description: BASE_TYPE_MAX_LENGTH',
        ]);
      },
      async edit() {},
    };
    const report = await deliverAlerts([decision('new', ['https://a.example/1'])], { ...deps, sink, logger });
    expect(report).toMatchObject({ posted: 0, failed: 0 });
    const line = JSON.parse(log.lines.find((l) => l.includes('Discord refused an alert')) ?? '{}');
    expect(line).toMatchObject({
      route: `POST /channels/${CHANNEL}/messages`,
      fields: ['embeds.0.description: BASE_TYPE_MAX_LENGTH'],
      status: 400,
    });
    // Not a channel problem: the server's alerts go on.
    expect(await createDeliveryBlocks(deps.store).list(GUILD)).toEqual([]);
  });
});
