import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LocalKv } from '../../../src/adapters/storage/local-kv.js';
import { type Stores, storesOn } from '../../../src/adapters/storage/open-store.js';
import { fixedClock } from '../../../src/boot/clock.js';
import type { SlackConfig } from '../../../src/boot/config.js';
import { makeLogger } from '../../../src/channels/shared/logger.js';
import { type RunningSlack, startSlack } from '../../../src/channels/slack/app.js';
import type { SlackDeps } from '../../../src/channels/slack/slack-deps.js';
import { type FakeSlackApi, startFakeSlackApi, visibleText } from '../../fakes/slack-api.js';
import {
  appMentionEvent,
  blockActionsPayload,
  eventEnvelope,
  fakeEventId,
  slashCommandPayload,
} from '../../fakes/slack-signing.js';
import {
  eventsApiEnvelope,
  type FakeSocketMode,
  fakeEnvelopeId,
  interactiveEnvelope,
  slashCommandEnvelope,
  startFakeSocketMode,
} from '../../fakes/socket-mode-server.js';
import { testContext } from '../../helpers/context.js';
import { CHANNEL, eventually, LAWYER, LEGAL, SELLER, sleep } from './harness.js';
import { type Clicker, ui } from './harness-extra.js';

let api: FakeSlackApi;
let sm: FakeSocketMode;
let running: RunningSlack;
let stores: Stores;
let logs: string[];

beforeEach(async () => {
  api = await startFakeSlackApi({ channelMembers: { [LEGAL]: [LAWYER, 'U0BOT'] } });
  sm = await startFakeSocketMode();
  // Set before starting: apps.connections.open hands this URL to the Socket Mode client.
  api.socketUrl = sm.url;
  const clock = fixedClock('2026-11-28T10:00:00Z');
  stores = storesOn(LocalKv.memory(), clock);
  logs = [];
  const deps: SlackDeps = {
    ctx: await testContext(),
    stores,
    clock,
    exportDir: '/tmp/ipcheck-test-exports',
    legalChannel: LEGAL,
    log: { info: (m) => logs.push(m), warn: (m) => logs.push(m), error: (m) => logs.push(m) },
  };
  const cfg: SlackConfig = {
    mode: 'socket',
    botToken: 'xoxb-test-token',
    appToken: 'xapp-test',
    apiUrl: api.url,
    port: 0,
    host: '127.0.0.1',
  };
  running = await startSlack(cfg, deps, {
    reminderIntervalMs: 3_600_000,
    logger: makeLogger((l) => logs.push(l)),
  });
  await sm.waitForConnection();
});

afterEach(async () => {
  // Order matters: stop the app (it closes its WebSocket), wait for the server to see that, then close.
  await running.stop();
  await sm.waitForNoConnections();
  await sm.close();
  await api.close();
});

/** Presses a button by sending the block_actions payload as an `interactive` envelope. */
const socketClicker = (): Clicker => ({
  api,
  click: async (o) => {
    const ack = await sm.send(interactiveEnvelope(blockActionsPayload(o)));
    expect(ack.payload ?? {}).toEqual({});
    return 200;
  },
});

describe('Slack in Socket Mode (against a local WebSocket server)', () => {
  it('starts in socket mode, connecting with the app token and listening on no port', () => {
    expect(running.mode).toBe('socket');
    expect(running.port).toBeUndefined();
    const [open] = api.callsTo('apps.connections.open');
    expect(open?.auth).toEqual({ present: true, prefix: 'xapp-', source: 'header' });
    expect(sm.openConnections).toBe(1);
  });

  it('acks a slash command envelope, posts the case message and asks in its thread; a button answers', async () => {
    const u = ui(socketClicker());
    const env = slashCommandEnvelope(
      slashCommandPayload({
        text: 'B0C1234567 trademark complaint yesterday',
        user_id: SELLER,
        channel_id: CHANNEL,
        response_url: api.responseUrl(),
      }),
    );
    const ack = await sm.send(env);
    expect(ack.envelope_id).toBe(env.envelope_id);
    expect(ack.latencyMs).toBeLessThan(3000);
    await eventually(() => expect(api.callsTo('chat.update')).toHaveLength(1));
    const root = u.caseMessages()[0]?.ts as string;
    expect(visibleText(u.caseMessages()[0] ?? {})).toContain('IPC-0001');
    expect(visibleText(u.caseMessages()[0] ?? {})).toContain('Amazon B0C1234567');
    await eventually(() => expect(u.threadText(root)).toContain('Is the reported listing really yours?'));
    // Every Web API call went through the fake with the bot token.
    for (const c of api.calls.filter((x) => x.method === 'chat.postMessage'))
      expect(c.auth.prefix).toBe('xoxb-');

    expect(await u.press('Yes, it is our listing', root)).toBe(200);
    await eventually(() =>
      expect(u.threadText(root)).toContain('Does the product or listing actually use their right?'),
    );
    const rec = await stores.cases.get('IPC-0001');
    expect(rec?.state.facts.listingIsOurs).toBe('yes');
    expect(
      rec?.audit.filter((e) => e.action === 'answer' && e.detail?.startsWith('listingIsOurs=')),
    ).toHaveLength(1);
    // The pressed question is updated after the next one is posted: wait for it.
    await eventually(() =>
      expect(u.threadText(root)).toContain(`:white_check_mark: Yes, it is our listing — <@${SELLER}>`),
    );
    // Two envelopes, two acks.
    expect(sm.acks.map((a) => a.envelope_id)).toContain(env.envelope_id);
    expect(sm.acks).toHaveLength(2);
  });

  it('does an events_api delivery once even when Slack resends it (retry_attempt 1)', async () => {
    const ts = '1732790000.000500';
    const body = eventEnvelope({
      event: appMentionEvent({
        text: '<@U0BOT> complaint on B0C1234567',
        user: SELLER,
        channel: CHANNEL,
        ts,
      }),
      event_id: fakeEventId(),
    });
    await sm.send(eventsApiEnvelope(body));
    await eventually(() =>
      expect(ui(socketClicker()).threadText(ts)).toContain('Is the reported listing really yours?'),
    );
    const posts = api.callsTo('chat.postMessage').length;
    await sm.send(eventsApiEnvelope(body, { retry_attempt: 1, retry_reason: 'timeout' }));
    await sleep(200);
    expect(api.callsTo('chat.postMessage')).toHaveLength(posts);
    expect(await stores.cases.listOpen()).toHaveLength(1);
  });

  it('acks and drops an interaction or command whose payload is not an object, and keeps serving', async () => {
    for (const type of ['interactive', 'slash_commands'] as const) {
      const ack = await sm.send(
        { type, envelope_id: fakeEnvelopeId(), payload: null, accepts_response_payload: false } as never,
        { timeoutMs: 2000 },
      );
      expect(ack.payload ?? {}).toEqual({});
    }
    const actions = await sm.send(
      interactiveEnvelope({ type: 'block_actions', actions: [null], user: { id: SELLER } }),
      { timeoutMs: 2000 },
    );
    expect(actions.payload ?? {}).toEqual({});
    expect(logs.filter((l) => l.startsWith('dropped a Slack payload'))).toHaveLength(3);
    expect(api.calls.filter((c) => c.method.startsWith('chat.'))).toEqual([]);
    // Still serving.
    await sm.send(
      slashCommandEnvelope(
        slashCommandPayload({ text: 'help', user_id: SELLER, response_url: api.responseUrl() }),
      ),
    );
    await eventually(() => expect(api.responses).toHaveLength(1));
  });

  it('acks at once what no listener takes (a shortcut, an unknown form), and answers the person', async () => {
    const shortcut = await sm.send(
      interactiveEnvelope({
        type: 'shortcut',
        callback_id: 'some_shortcut',
        trigger_id: '1.2.abc',
        user: { id: SELLER, team_id: 'T0001' },
        team: { id: 'T0001' },
      }),
      { timeoutMs: 2000 },
    );
    expect(shortcut.payload ?? {}).toEqual({});
    expect((await api.waitFor('views.open')).args.trigger_id).toBe('1.2.abc');
    const form = await sm.send(
      interactiveEnvelope({
        type: 'view_submission',
        user: { id: SELLER, team_id: 'T0001' },
        team: { id: 'T0001' },
        view: { id: 'V1', callback_id: 'old_form', state: { values: {} }, private_metadata: '' },
      }),
      { timeoutMs: 2000 },
    );
    expect(form.payload).toMatchObject({ response_action: 'update' });
  });
});
