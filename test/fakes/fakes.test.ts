// Tests of the Slack fakes themselves, and one end-to-end wiring check each for a real Bolt App in HTTP mode and
// in Socket Mode. Everything runs on 127.0.0.1.

import { channel as diagnosticsChannel } from 'node:diagnostics_channel';
import type { AddressInfo } from 'node:net';
import { App, isValidSlackRequest, type Logger, LogLevel, webApi } from '@slack/bolt';
import { ping, WebSocket } from 'undici';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { blocksToText, type FakeSlackApi, startFakeSlackApi, visibleText } from './slack-api.js';
import {
  appHomeOpenedEvent,
  appMentionEvent,
  blockActionsBody,
  eventBody,
  messageEvent,
  nowSeconds,
  plainTextValue,
  postToBolt,
  signSlackRequest,
  slashCommandBody,
  viewSubmissionBody,
} from './slack-signing.js';
import {
  eventsApiEnvelope,
  type FakeSocketMode,
  interactiveEnvelope,
  slashCommandEnvelope,
  startFakeSocketMode,
} from './socket-mode-server.js';

const BOT_TOKEN = 'xoxb-test-not-a-real-token';
const APP_TOKEN = 'xapp-test-not-a-real-token';
const SECRET = 's3cret';
const FAST_RETRIES = { retries: 2, factor: 1, minTimeout: 100, maxTimeout: 1500 };

/** A logger that keeps Bolt quiet but remembers what it said. */
function quietLogger(): Logger & { lines: string[] } {
  const lines: string[] = [];
  let level = LogLevel.DEBUG;
  const keep =
    (lvl: string) =>
    (...msg: unknown[]) => {
      lines.push(`${lvl} ${msg.map(String).join(' ')}`);
    };
  return {
    lines,
    debug: () => {},
    info: keep('info'),
    warn: keep('warn'),
    error: keep('error'),
    setLevel: (l: LogLevel) => {
      level = l;
    },
    getLevel: () => level,
    setName: () => {},
  };
}

// ---------------------------------------------------------------------------------------------------------------

describe('fake Slack Web API', () => {
  let api: FakeSlackApi;
  let client: InstanceType<typeof webApi.WebClient>;

  beforeAll(async () => {
    api = await startFakeSlackApi({ channelMembers: { C0LEGAL: ['U0LAWYER', 'U0BOT'] } });
    client = new webApi.WebClient(BOT_TOKEN, {
      slackApiUrl: api.url,
      retryConfig: { retries: 0 },
      logger: quietLogger(),
    });
  });
  afterEach(() => api.reset());
  afterAll(() => api.close());

  it('listens on loopback and exposes an /api/ base URL', () => {
    expect(api.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api\/$/);
  });

  it('answers auth.test and records the call without the token', async () => {
    const res = await client.auth.test();
    expect(res).toMatchObject({
      ok: true,
      team: 'Acme',
      team_id: 'T0001',
      user_id: 'U0BOT',
      bot_id: 'B0BOT',
    });
    const [call] = api.callsTo('auth.test');
    expect(call?.auth).toEqual({ present: true, prefix: 'xoxb-', source: 'header' });
    expect(call?.headers.authorization).toBeUndefined();
    expect(JSON.stringify(api.calls)).not.toContain('not-a-real-token');
  });

  it('strips a token sent in the body too', async () => {
    await client.auth.test({ token: BOT_TOKEN });
    expect(api.calls[0]?.args.token).toBeUndefined();
    expect(JSON.stringify(api.calls)).not.toContain('not-a-real-token');
  });

  it('decodes JSON fields, keeps messages per channel and thread, and hands out increasing ts', async () => {
    const blocks = [{ type: 'section', text: { type: 'mrkdwn', text: '*Case IPC-0001*' } }];
    const root = await client.chat.postMessage({ channel: 'C0CHAN1', text: 'root', blocks });
    const reply = await client.chat.postMessage({ channel: 'C0CHAN1', text: 'reply', thread_ts: root.ts });
    await client.chat.postMessage({ channel: 'C0OTHER', text: 'elsewhere' });

    expect(root.ts).toMatch(/^\d{10}\.\d{6}$/);
    expect(Number(reply.ts)).toBeGreaterThan(Number(root.ts));
    expect(root.message).toMatchObject({ text: 'root', blocks, ts: root.ts });
    expect(api.callsTo('chat.postMessage')[0]?.args.blocks).toEqual(blocks);

    const thread = api.thread('C0CHAN1', root.ts as string);
    expect(thread.map((m) => m.text)).toEqual(['root', 'reply']);
    expect(api.messagesIn('C0CHAN1', { topLevelOnly: true }).map((m) => m.text)).toEqual(['root']);
    expect(visibleText(thread[0] ?? {})).toBe('*Case IPC-0001*');

    await client.chat.update({ channel: 'C0CHAN1', ts: reply.ts as string, text: 'reply (edited)' });
    expect(api.thread('C0CHAN1', root.ts as string)[1]).toMatchObject({
      text: 'reply (edited)',
      edited: { count: 1 },
    });

    const link = await client.chat.getPermalink({ channel: 'C0CHAN1', message_ts: root.ts as string });
    expect(link.permalink).toBe(
      `https://acme.slack.com/archives/C0CHAN1/p${(root.ts as string).replace('.', '')}`,
    );

    const replies = await client.conversations.replies({ channel: 'C0CHAN1', ts: root.ts as string });
    expect(replies.messages?.map((m) => m.text)).toEqual(['root', 'reply (edited)']);
  });

  it('answers the other canned methods realistically', async () => {
    const eph = await client.chat.postEphemeral({ channel: 'C0CHAN1', user: 'U0USER1', text: 'only you' });
    expect(eph.message_ts).toBeTruthy();
    expect(api.ephemerals).toEqual([
      expect.objectContaining({ channel: 'C0CHAN1', user: 'U0USER1', text: 'only you' }),
    ]);

    const sched = await client.chat.scheduleMessage({
      channel: 'C0CHAN1',
      text: 'later',
      post_at: nowSeconds() + 60,
    });
    expect(sched.scheduled_message_id).toMatch(/^Q/);

    expect((await client.conversations.members({ channel: 'C0LEGAL' })).members).toEqual([
      'U0LAWYER',
      'U0BOT',
    ]);
    expect((await client.conversations.members({ channel: 'C0NOBODY' })).members).toEqual([]);
    expect((await client.users.info({ user: 'U0USER1' })).user).toMatchObject({
      id: 'U0USER1',
      tz: expect.any(String),
    });

    const view = {
      type: 'modal' as const,
      callback_id: 'cb',
      title: { type: 'plain_text' as const, text: 'T' },
      blocks: [],
    };
    const opened = await client.views.open({ trigger_id: '1.2.abc', view });
    expect(opened.view?.id).toMatch(/^V/);
    expect(api.callsTo('views.open')[0]?.args.view).toEqual(view);
    await client.views.update({ view_id: opened.view?.id as string, view: { ...view, callback_id: 'cb2' } });
    expect(api.views[0]?.view.callback_id).toBe('cb2');
    await client.views.publish({ user_id: 'U0USER1', view: { type: 'home', blocks: [] } });
    expect(api.views.find((v) => v.kind === 'home')?.user_id).toBe('U0USER1');

    await expect(client.views.open({ trigger_id: '', view })).rejects.toMatchObject({
      data: { error: 'invalid_arguments' },
    });
    await expect(client.chat.postMessage({ channel: 'C0CHAN1', text: '' })).rejects.toMatchObject({
      data: { error: 'no_text' },
    });
    expect(
      await client.apiCall('reactions.add', { channel: 'C0CHAN1', name: 'eyes', timestamp: '1.2' }),
    ).toMatchObject({
      ok: true,
    });
  });

  it('uploads files through the loopback upload_url', async () => {
    await client.filesUploadV2({
      channel_id: 'C0CHAN1',
      thread_ts: '1732780000.000100',
      filename: 'draft.txt',
      content: 'Dear rights owner,',
      initial_comment: 'Draft attached',
    });
    expect(api.callsTo('upload_url')).toHaveLength(1);
    expect(api.uploads[0]).toMatchObject({
      filename: 'draft.txt',
      content: 'Dear rights owner,',
      completed: true,
      channel_id: 'C0CHAN1',
      thread_ts: '1732780000.000100',
      initial_comment: 'Draft attached',
    });
  });

  it('queues programmable failures in order', async () => {
    api.failNext('chat.postMessage', { error: 'not_in_channel' });
    api.failNext('chat.postMessage', { error: 'channel_not_found' });
    await expect(client.chat.postMessage({ channel: 'C0X', text: 'a' })).rejects.toMatchObject({
      code: 'slack_webapi_platform_error',
      data: { ok: false, error: 'not_in_channel' },
    });
    await expect(client.chat.postMessage({ channel: 'C0X', text: 'b' })).rejects.toMatchObject({
      data: { error: 'channel_not_found' },
    });
    await expect(client.chat.postMessage({ channel: 'C0X', text: 'c' })).resolves.toMatchObject({ ok: true });
    expect(api.callsTo('chat.postMessage').map((c) => c.error ?? 'ok')).toEqual([
      'not_in_channel',
      'channel_not_found',
      'ok',
    ]);
    expect(api.messagesIn('C0X').map((m) => m.text)).toEqual(['c']);
  });

  it('answers 429 with Retry-After', async () => {
    api.failNext('chat.postMessage', { status: 429, retryAfter: 7 });
    const res = await fetch(`${api.url}chat.postMessage`, {
      method: 'POST',
      headers: { authorization: `Bearer ${BOT_TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify({ channel: 'C0CHAN1', text: 'hi' }),
    });
    expect(res.status).toBe(429);
    expect(res.headers.get('retry-after')).toBe('7');
    expect(await res.json()).toEqual({ ok: false, error: 'ratelimited' });
    expect(api.callsTo('chat.postMessage')[0]).toMatchObject({ status: 429, ok: false });

    // A client that refuses to wait surfaces the Retry-After value.
    const impatient = new webApi.WebClient(BOT_TOKEN, {
      slackApiUrl: api.url,
      rejectRateLimitedCalls: true,
      logger: quietLogger(),
    });
    api.failNext('chat.postMessage', { retryAfter: 3 });
    await expect(impatient.chat.postMessage({ channel: 'C0CHAN1', text: 'hi' })).rejects.toMatchObject({
      code: 'slack_webapi_rate_limited_error',
      retryAfter: 3,
    });
  });

  it('shows how the WebClient gives up after repeated 429s (a request error, not a rate-limit error)', async () => {
    const patient = new webApi.WebClient(BOT_TOKEN, {
      slackApiUrl: api.url,
      retryConfig: { retries: 1, factor: 1, minTimeout: 10, maxTimeout: 10 },
      logger: quietLogger(),
    });
    api.failNext('chat.postMessage', { retryAfter: 0, times: 2 });
    await expect(patient.chat.postMessage({ channel: 'C0CHAN1', text: 'hi' })).rejects.toMatchObject({
      code: 'slack_webapi_request_error',
      message: expect.stringContaining('A rate limit was exceeded'),
    });
    expect(api.callsTo('chat.postMessage').map((c) => c.status)).toEqual([429, 429]);
    await expect(patient.chat.postMessage({ channel: 'C0CHAN1', text: 'hi' })).resolves.toMatchObject({
      ok: true,
    });
  });

  it('accepts JSON bodies and refuses calls without a token', async () => {
    const res = await fetch(`${api.url}chat.postMessage`, {
      method: 'POST',
      headers: { 'content-type': 'application/json; charset=utf-8' },
      body: JSON.stringify({ channel: 'C0CHAN1', text: 'hi' }),
    });
    expect(await res.json()).toEqual({ ok: false, error: 'not_authed' });
    expect(api.calls[0]?.auth).toEqual({ present: false, prefix: null, source: null });
    expect(api.calls[0]?.args).toEqual({ channel: 'C0CHAN1', text: 'hi' });
  });

  it('refuses apps.connections.open with a bot token', async () => {
    await expect(client.apps.connections.open()).rejects.toMatchObject({
      data: { error: 'not_allowed_token_type' },
    });
  });

  it('waitFor resolves on a later call and times out with the calls it saw', async () => {
    const waiting = api.waitFor((c) => c.method === 'chat.postMessage' && c.args.text === 'later', 1000);
    await client.chat.postMessage({ channel: 'C0CHAN1', text: 'sooner' });
    setTimeout(() => void client.chat.postMessage({ channel: 'C0CHAN1', text: 'later' }), 20);
    await expect(waiting).resolves.toMatchObject({ args: { text: 'later' } });
    await expect(api.waitFor('chat.delete', 50)).rejects.toThrow(
      /no call matched chat\.delete.*chat\.postMessage/,
    );
  });

  it('records response_url posts', async () => {
    const url = api.responseUrl('cmd-1');
    expect(url.startsWith(`${api.origin}/response/`)).toBe(true);
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ text: 'done', response_type: 'ephemeral' }),
    });
    expect(res.status).toBe(200);
    expect(api.responses).toEqual([
      expect.objectContaining({ id: 'cmd-1', body: { text: 'done', response_type: 'ephemeral' } }),
    ]);
  });

  it('renders blocks as the text a user would read', () => {
    expect(
      blocksToText([
        { type: 'header', text: { type: 'plain_text', text: 'Complaint' } },
        {
          type: 'section',
          text: { type: 'mrkdwn', text: 'Step 1' },
          fields: [{ type: 'mrkdwn', text: 'A' }],
        },
        { type: 'actions', elements: [{ type: 'button', text: { type: 'plain_text', text: 'Escalate' } }] },
        { type: 'context', elements: [{ type: 'mrkdwn', text: 'IPC-0001' }] },
      ]),
    ).toBe('Complaint\nStep 1\nA\n[Escalate]\nIPC-0001');
  });
});

// ---------------------------------------------------------------------------------------------------------------

describe('slack-signing helpers', () => {
  it('signs the way Bolt verifies', () => {
    const body = slashCommandBody({ text: 'ASIN B0TEST' });
    const ts = nowSeconds();
    const h = signSlackRequest(SECRET, body, ts);
    expect(h['x-slack-signature']).toMatch(/^v0=[0-9a-f]{64}$/);
    const verify = (secret: string, sig: string, t: number) =>
      isValidSlackRequest({
        signingSecret: secret,
        body,
        headers: { 'x-slack-signature': sig, 'x-slack-request-timestamp': t },
      });
    expect(verify(SECRET, h['x-slack-signature'], ts)).toBe(true);
    expect(verify('other', h['x-slack-signature'], ts)).toBe(false);
    const stale = ts - 6 * 60;
    expect(verify(SECRET, signSlackRequest(SECRET, body, stale)['x-slack-signature'], stale)).toBe(false);
  });

  it('builds slash command, event and interaction bodies with Slack field names', () => {
    const cmd = Object.fromEntries(
      new URLSearchParams(slashCommandBody({ text: 'hello world', channel_id: 'C0X' })),
    );
    expect(cmd).toMatchObject({
      command: '/ipcheck',
      text: 'hello world',
      channel_id: 'C0X',
      team_id: 'T0001',
    });
    expect(Object.keys(cmd)).toEqual(
      expect.arrayContaining(['token', 'user_id', 'user_name', 'api_app_id', 'response_url', 'trigger_id']),
    );

    const ev = JSON.parse(
      eventBody({
        event: appMentionEvent({ text: '<@U0BOT> help', channel: 'C0X', ts: '1.000100' }),
        event_id: 'Ev1',
      }),
    );
    expect(ev).toMatchObject({
      type: 'event_callback',
      event_id: 'Ev1',
      team_id: 'T0001',
      api_app_id: 'A0001',
      event: {
        type: 'app_mention',
        text: '<@U0BOT> help',
        channel: 'C0X',
        ts: '1.000100',
        event_ts: '1.000100',
      },
      authorizations: [{ user_id: 'U0BOT', is_bot: true }],
    });
    expect(ev.event.blocks[0].elements[0].elements).toEqual([
      { type: 'user', user_id: 'U0BOT' },
      { type: 'text', text: ' help' },
    ]);
    expect(messageEvent({ text: 'hi', channel: 'D0DM' })).toMatchObject({
      type: 'message',
      channel_type: 'im',
    });
    expect(appHomeOpenedEvent({ user: 'U0A' })).toMatchObject({
      type: 'app_home_opened',
      user: 'U0A',
      tab: 'home',
    });

    const ba = JSON.parse(
      new URLSearchParams(
        blockActionsBody({
          channel: 'C0X',
          message_ts: '5.000100',
          thread_ts: '4.000100',
          actions: [{ action_id: 'ipc_answer', value: '{"c":"IPC-0001"}', block_id: 'b1' }],
        }),
      ).get('payload') ?? '',
    );
    expect(ba).toMatchObject({
      type: 'block_actions',
      container: { type: 'message', message_ts: '5.000100', channel_id: 'C0X', thread_ts: '4.000100' },
      channel: { id: 'C0X' },
      message: { ts: '5.000100', thread_ts: '4.000100' },
      actions: [{ action_id: 'ipc_answer', value: '{"c":"IPC-0001"}', block_id: 'b1', type: 'button' }],
    });
    expect(ba.trigger_id).toMatch(/^\d+\.\d+\.[0-9a-f]+$/);

    const vs = JSON.parse(
      new URLSearchParams(
        viewSubmissionBody({
          view: {
            callback_id: 'cb',
            private_metadata: 'IPC-0001',
            state: { values: { b: { a: plainTextValue('x') } } },
          },
        }),
      ).get('payload') ?? '',
    );
    expect(vs).toMatchObject({
      type: 'view_submission',
      view: {
        callback_id: 'cb',
        private_metadata: 'IPC-0001',
        state: { values: { b: { a: { value: 'x' } } } },
      },
    });
  });
});

// ---------------------------------------------------------------------------------------------------------------

describe('fake Socket Mode server (raw WebSocket client)', () => {
  let sm: FakeSocketMode;
  beforeAll(async () => {
    sm = await startFakeSocketMode();
  });
  afterAll(() => sm.close());

  it('says hello, delivers envelopes, matches acks, answers pings and closes cleanly', async () => {
    expect(sm.url).toMatch(/^ws:\/\/127\.0\.0\.1:\d+\/link\//);
    const ws = new WebSocket(sm.url);
    const inbox: Record<string, unknown>[] = [];
    const next = () =>
      new Promise<Record<string, unknown>>((resolve) => {
        const m = inbox.shift();
        if (m) resolve(m);
        else ws.addEventListener('message', () => resolve(inbox.shift() ?? {}), { once: true });
      });
    ws.addEventListener('message', (ev) => {
      inbox.push(JSON.parse(String(ev.data)));
    });
    expect(await next()).toMatchObject({ type: 'hello', connection_info: { app_id: 'A0001' } });
    await sm.waitForConnection();

    const env = slashCommandEnvelope(slashCommandBody({ text: 'x'.repeat(70_000) }));
    const acked = sm.send(env);
    const got = await next();
    expect(got).toMatchObject({
      type: 'slash_commands',
      envelope_id: env.envelope_id,
      accepts_response_payload: true,
    });
    expect((got.payload as Record<string, string>).text).toHaveLength(70_000);
    ws.send(JSON.stringify({ envelope_id: env.envelope_id, payload: { text: 'ok' } }));
    expect(await acked).toMatchObject({ envelope_id: env.envelope_id, payload: { text: 'ok' } });
    expect(sm.acks).toHaveLength(1);

    const pong = new Promise<string>((resolve) => {
      const ch = diagnosticsChannel('undici:websocket:pong');
      const onPong = (msg: unknown) => {
        ch.unsubscribe(onPong);
        resolve(String((msg as { payload: Buffer }).payload));
      };
      ch.subscribe(onPong);
    });
    ping(ws, Buffer.from('are you there'));
    expect(await pong).toBe('are you there');

    sm.sendDisconnect('warning');
    expect(await next()).toMatchObject({ type: 'disconnect', reason: 'warning' });

    const closed = new Promise<number>((resolve) => ws.addEventListener('close', (e) => resolve(e.code)));
    ws.close(1000);
    expect(await closed).toBe(1000);
    await sm.waitForNoConnections();
    expect(() => sm.sendRaw({})).toThrow(/no open client connection/);
  });

  it('wraps each payload kind in the documented envelope', () => {
    const ev = eventsApiEnvelope(eventBody({ event: messageEvent({ text: 'hi' }) }), {
      retry_attempt: 1,
      retry_reason: 'timeout',
    });
    expect(ev).toMatchObject({
      type: 'events_api',
      accepts_response_payload: false,
      retry_attempt: 1,
      retry_reason: 'timeout',
      payload: { type: 'event_callback', event: { type: 'message', text: 'hi' } },
    });
    expect(interactiveEnvelope(blockActionsBody({ actions: [{ action_id: 'a' }] }))).toMatchObject({
      type: 'interactive',
      accepts_response_payload: false,
      payload: { type: 'block_actions' },
    });
    expect(interactiveEnvelope(viewSubmissionBody({ view: { callback_id: 'cb' } }))).toMatchObject({
      accepts_response_payload: true,
      payload: { type: 'view_submission' },
    });
    expect(slashCommandEnvelope(slashCommandBody({ text: 'a b' })).payload).toMatchObject({ text: 'a b' });
  });
});

// ---------------------------------------------------------------------------------------------------------------

describe('Bolt App in HTTP mode against the fakes', () => {
  let api: FakeSlackApi;
  let app: App;
  let url: string;
  const logger = quietLogger();

  beforeAll(async () => {
    api = await startFakeSlackApi();
    app = new App({
      token: BOT_TOKEN,
      signingSecret: SECRET,
      logger,
      clientOptions: { slackApiUrl: api.url, retryConfig: FAST_RETRIES },
    });
    app.command('/ipcheck', async ({ ack, command, client }) => {
      await ack();
      await client.chat.postMessage({ channel: command.channel_id, text: `Checking: ${command.text}` });
    });
    app.event('app_mention', async ({ event, client }) => {
      await client.chat.postMessage({
        channel: event.channel,
        thread_ts: event.thread_ts ?? event.ts,
        text: 'On it',
      });
    });
    app.action('ipc_answer', async ({ ack, respond, body }) => {
      await ack();
      await respond({ text: `You chose ${(body as { actions: { value: string }[] }).actions[0]?.value}` });
    });
    app.view('ipc_view', async ({ ack, view }) => {
      await ack({ response_action: 'errors', errors: { b: `bad ${view.private_metadata}` } });
    });
    // Never on all interfaces: listen on loopback, port chosen by the OS.
    const server = await app.start({ port: 0, host: '127.0.0.1' });
    const addr = server.address() as AddressInfo;
    expect(addr.address).toBe('127.0.0.1');
    url = `http://127.0.0.1:${addr.port}/slack/events`;
    await api.waitFor('auth.test'); // Bolt verifies the token at construction
  });
  afterEach(() => api.reset());
  afterAll(async () => {
    await app.stop();
    await api.close();
  });

  it('acks a signed slash command with 200 and the handler posts through the fake', async () => {
    const body = slashCommandBody({ text: 'ASIN B0TEST', channel_id: 'C0SELLERS' });
    const res = await postToBolt(url, { secret: SECRET, body });
    expect(res.status).toBe(200);
    const call = await api.waitFor('chat.postMessage');
    expect(call.args).toMatchObject({
      channel: 'C0SELLERS',
      text: 'Checking: ASIN B0TEST',
      team_id: 'T0001',
    });
    expect(call.auth.prefix).toBe('xoxb-');
    expect(api.messagesIn('C0SELLERS').map((m) => m.text)).toEqual(['Checking: ASIN B0TEST']);
  });

  it('rejects a forged signature and a stale timestamp with 401, and nothing reaches the API', async () => {
    const body = slashCommandBody({ text: 'forged' });
    const forged = await postToBolt(url, { secret: SECRET, body, signature: `v0=${'0'.repeat(64)}` });
    expect(forged.status).toBe(401);
    const wrongSecret = await postToBolt(url, { secret: 'not-the-secret', body });
    expect(wrongSecret.status).toBe(401);
    const stale = await postToBolt(url, { secret: SECRET, body, timestamp: nowSeconds() - 5 * 60 - 10 });
    expect(stale.status).toBe(401);
    await new Promise((r) => setTimeout(r, 50));
    expect(api.calls).toEqual([]);
  });

  it('retries chat.postMessage after a 429 with Retry-After: 1 and then succeeds', async () => {
    api.failNext('chat.postMessage', { status: 429, retryAfter: 1 });
    const res = await postToBolt(url, {
      secret: SECRET,
      body: slashCommandBody({ text: 'busy', channel_id: 'C0RL' }),
    });
    expect(res.status).toBe(200);
    const ok = await api.waitFor((c) => c.method === 'chat.postMessage' && c.ok, 5000);
    const attempts = api.callsTo('chat.postMessage');
    expect(attempts.map((c) => c.status)).toEqual([429, 200]);
    expect(ok.at - (attempts[0]?.at ?? 0)).toBeGreaterThanOrEqual(1000);
    expect(api.messagesIn('C0RL')).toHaveLength(1);
  });

  it('passes Events API retries and replies in the mention thread', async () => {
    const body = eventBody({
      event: appMentionEvent({ text: '<@U0BOT> help', channel: 'C0X', ts: '1732770000.000100' }),
    });
    const res = await postToBolt(url, { secret: SECRET, body, retryNum: 1, retryReason: 'http_timeout' });
    expect(res.status).toBe(200);
    await api.waitFor('chat.postMessage');
    expect(api.thread('C0X', '1732770000.000100').map((m) => m.text)).toEqual(['On it']);
  });

  it('routes block_actions with respond() to the loopback response_url', async () => {
    const body = blockActionsBody({
      actions: [{ action_id: 'ipc_answer', value: 'yes' }],
      response_url: api.responseUrl('act-1'),
    });
    expect((await postToBolt(url, { secret: SECRET, body })).status).toBe(200);
    await api.waitFor('response_url');
    expect(api.responses[0]).toMatchObject({ id: 'act-1', body: { text: 'You chose yes' } });
  });

  it('returns a view_submission ack body to Slack', async () => {
    const body = viewSubmissionBody({ view: { callback_id: 'ipc_view', private_metadata: 'IPC-0001' } });
    const res = await postToBolt(url, { secret: SECRET, body });
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ response_action: 'errors', errors: { b: 'bad IPC-0001' } });
  });
});

// ---------------------------------------------------------------------------------------------------------------

describe('Bolt App in Socket Mode against the fakes', () => {
  let api: FakeSlackApi;
  let sm: FakeSocketMode;
  let app: App;

  beforeAll(async () => {
    api = await startFakeSlackApi();
    sm = await startFakeSocketMode();
    api.socketUrl = sm.url;
    app = new App({
      token: BOT_TOKEN,
      appToken: APP_TOKEN,
      socketMode: true,
      logger: quietLogger(),
      clientOptions: { slackApiUrl: api.url, retryConfig: FAST_RETRIES },
      // The SocketModeClient's own WebClient (for apps.connections.open) takes installerOptions.clientOptions.
      installerOptions: { clientOptions: { slackApiUrl: api.url, retryConfig: { retries: 0 } } },
    });
    app.command('/ipcheck', async ({ ack, command, client }) => {
      await ack();
      await client.chat.postMessage({ channel: command.channel_id, text: `Checking: ${command.text}` });
    });
    app.event('app_mention', async ({ event, client }) => {
      await client.chat.postMessage({ channel: event.channel, thread_ts: event.ts, text: 'On it' });
    });
    await app.start();
  });
  afterAll(async () => {
    await app.stop();
    await sm.waitForNoConnections();
    await sm.close();
    await api.close();
  });

  it('connects through apps.connections.open with the app token', () => {
    const [open] = api.callsTo('apps.connections.open');
    expect(open?.auth).toEqual({ present: true, prefix: 'xapp-', source: 'header' });
    expect(sm.openConnections).toBe(1);
  });

  it('acks a slash command envelope and the handler posts through the fake API', async () => {
    const env = slashCommandEnvelope(slashCommandBody({ text: 'ASIN B0SOCK', channel_id: 'C0SM' }));
    const ack = await sm.send(env);
    expect(ack).toMatchObject({ envelope_id: env.envelope_id, payload: {} });
    const call = await api.waitFor('chat.postMessage');
    expect(call.args).toMatchObject({ channel: 'C0SM', text: 'Checking: ASIN B0SOCK' });
    expect(call.auth.prefix).toBe('xoxb-');
  });

  it('acks an events_api envelope (Bolt acks events before running the listener)', async () => {
    const env = eventsApiEnvelope(
      eventBody({ event: appMentionEvent({ text: '<@U0BOT> hi', channel: 'C0SM2' }) }),
    );
    await sm.send(env);
    await api.waitFor((c) => c.method === 'chat.postMessage' && c.args.channel === 'C0SM2');
    expect(api.messagesIn('C0SM2').map((m) => m.text)).toEqual(['On it']);
  });

  it('never acks a command no listener handles (Socket Mode has no unhandled-request timeout)', async () => {
    const env = slashCommandEnvelope(slashCommandBody({ command: '/unknown' }));
    await expect(sm.send(env, { timeoutMs: 300 })).rejects.toThrow(/no ack/);
  });
});

describe('SocketModeClient and shared clientOptions (a Bolt quirk worth knowing)', () => {
  it('writes retryConfig {retries: 100} into the App clientOptions when installerOptions.clientOptions is not given', async () => {
    const api = await startFakeSlackApi();
    try {
      const app = new App({
        token: BOT_TOKEN,
        appToken: APP_TOKEN,
        socketMode: true,
        logger: quietLogger(),
        clientOptions: { slackApiUrl: api.url },
      });
      await api.waitFor('auth.test');
      // The same object reaches the SocketModeClient, which fills in its own retry policy; Bolt then copies
      // these options into the WebClient each listener gets as `client`.
      expect(app.webClientOptions.retryConfig).toEqual({ retries: 100, factor: 1.3 });
    } finally {
      await api.close();
    }
  });
});
