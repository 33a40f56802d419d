import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { visibleText } from '../../fakes/slack-api.js';
import {
  blockActionsPayload,
  eventBody,
  eventEnvelope,
  messageEvent,
  nowSeconds,
  postToBolt,
  signSlackRequest,
  slashCommandBody,
  slashCommandPayload,
} from '../../fakes/slack-signing.js';
import { CHANNEL, eventually, SECRET, SELLER, type SlackHarness, sleep } from './harness.js';
import { openByCommand, startClean, ui } from './harness-extra.js';

// Hostile and broken input through the real receiver, correctly signed (the worst case: it gets past the
// signature check). Each gets a 4xx or a clear reply, never a 5xx or a crash, and the bot keeps serving.
// bad-bodies.test.ts has the bodies Bolt cannot parse; security.test.ts forged and stale signatures.

let h: SlackHarness;
beforeEach(async () => {
  h = await startClean();
});
afterEach(async () => {
  await h.stop();
});

const FORM = 'application/x-www-form-urlencoded';
const JSON_CT = 'application/json';
const form = (payload: unknown) => new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
const send = (body: string, contentType: string) =>
  postToBolt(h.url, { secret: SECRET, body, contentType, timeoutMs: 8000 });

/** The bot still answers: `/ipcheck help` gets its private help. */
async function stillServing(): Promise<void> {
  const before = h.api.responses.length;
  expect(await h.command('help')).toBe(200);
  await eventually(() => expect(h.api.responses.length).toBeGreaterThan(before));
  expect(visibleText(h.api.responses.at(-1)?.body as { text?: string })).toContain('/ipcheck <listing>');
}

const UNICODE = [
  '\uD800 lone high surrogate \uDFFF and lone low',
  '\u202Eevil\u202C right-to-left override, مرحبا بالعالم',
  'zero\u200Bwidth\u200C\u200Djoiners\uFEFF',
  'NUL \u0000 in the middle',
  '𝕋𝕣𝕒𝕕𝕖𝕞𝕒𝕣𝕜 👨‍👩‍👧‍👦 e\u0301',
];

describe('Slack: oversized and strange text', () => {
  it('a 40 KB slash command with a listing opens the case and keeps the notice (clipped), no 5xx', async () => {
    const notice = 'Notice of infringement: the listing uses our registered trademark. '.repeat(620);
    expect(notice.length).toBeGreaterThan(40_000);
    const root = await openByCommand(h, `B0C1234567 ${notice}`);
    await eventually(() => expect(ui(h).threadText(root)).toMatch(/\?/));
    const rec = await h.stores.cases.get('IPC-0001');
    expect(rec?.state.facts.listingId).toBe('B0C1234567');
    expect(rec?.state.details.noticeText?.length ?? 0).toBeLessThanOrEqual(20_000);
    await stillServing();
  });

  it('a 40 KB slash command without a listing gets a short private message quoting at most 80 characters', async () => {
    expect(await h.command('x'.repeat(40_000))).toBe(200);
    await eventually(() => expect(h.api.responses).toHaveLength(1));
    const said = h.api.responses[0]?.body as { text?: string; response_type?: string };
    expect(said.response_type).toBe('ephemeral');
    expect(said.text).toMatch(/does not look like a listing reference/);
    expect(said.text?.length ?? 0).toBeLessThan(600);
    expect(h.api.messages).toEqual([]);
  });

  it('a 40 KB message in a case thread is read and answered in the thread', async () => {
    const root = await openByCommand(h, 'B0C1234567');
    const seen = ui(h).threadOf(root).length;
    const big = `we got court papers, a TRO. ${'Plaintiff alleges infringement of its marks. '.repeat(900)}`;
    expect(big.length).toBeGreaterThan(40_000);
    expect(await h.event(messageEvent({ text: big, user: SELLER, channel: CHANNEL, thread_ts: root }))).toBe(
      200,
    );
    await eventually(() => expect(ui(h).threadOf(root).length).toBeGreaterThan(seen));
    expect((await h.stores.cases.get('IPC-0001'))?.state.facts.notice).toBe('court_or_tro');
  });

  for (const text of UNICODE) {
    it(`a slash command and a thread message with ${JSON.stringify(text.slice(0, 24))}… get a clear answer`, async () => {
      expect(await h.command(text)).toBe(200);
      await eventually(() => expect(h.api.responses).toHaveLength(1));
      expect(visibleText(h.api.responses[0]?.body as { text?: string })).toMatch(
        /does not look like a listing reference|Send an AliExpress item link/,
      );
      const root = await openByCommand(h, `B0C1234567 ${text}`);
      const seen = ui(h).threadOf(root).length;
      expect(await h.event(messageEvent({ text, user: SELLER, channel: CHANNEL, thread_ts: root }))).toBe(
        200,
      );
      await eventually(() => expect(ui(h).threadOf(root).length).toBeGreaterThan(seen));
      expect(h.logs.join('\n')).not.toMatch(/TypeError|RangeError/);
    });
  }
});

describe('Slack: deep JSON and wrong types (signed)', () => {
  it('deeply nested JSON in an event or a form payload is refused (4xx) or ignored, and the bot keeps serving', async () => {
    const deep = (n: number) => `${'['.repeat(n)}${']'.repeat(n)}`;
    for (const n of [1_000, 100_000]) {
      const ev = JSON.stringify(
        eventEnvelope({ event: messageEvent({ text: 'hi', channel: CHANNEL }) }),
      ).replace('"blocks":', `"deep":${deep(n)},"blocks":`);
      const r1 = await send(ev, JSON_CT);
      expect(r1.status).toBeLessThan(500);
      const act = form(blockActionsPayload({ actions: [{ action_id: 'ipc_answer', value: '{}' }] })).replace(
        'payload=',
        `payload=${encodeURIComponent(`{"deep":${deep(n)},`)}`,
      );
      const fixed = act.replace(/%7B%22deep%22(.*?)%2C%7B/, (m) => m.replace(/%2C%7B$/, '%2C'));
      const r2 = await send(fixed, FORM);
      expect(r2.status).toBeLessThan(500);
    }
    await stillServing();
  });

  const WRONG: { name: string; body: () => string; contentType: string }[] = [
    {
      name: 'a message whose text is a number and user an object',
      body: () => eventBody({ event: { type: 'message', text: 42, user: {}, channel: CHANNEL, ts: '1.1' } }),
      contentType: JSON_CT,
    },
    {
      name: 'a message with no channel, ts or text',
      body: () => eventBody({ event: { type: 'message', user: SELLER } }),
      contentType: JSON_CT,
    },
    {
      name: 'an app_mention whose thread_ts is a list',
      body: () =>
        eventBody({
          event: {
            type: 'app_mention',
            text: '<@U0BOT> B0C1234567',
            user: SELLER,
            channel: CHANNEL,
            ts: '1.2',
            thread_ts: [],
          },
        }),
      contentType: JSON_CT,
    },
    {
      name: 'a slash command with no text, team or channel',
      body: () => {
        const p = slashCommandPayload({ response_url: h.api.responseUrl() });
        const { text: _t, team_id: _team, channel_id: _c, ...rest } = p;
        return new URLSearchParams(rest).toString();
      },
      contentType: FORM,
    },
    {
      name: 'a button whose value is an object',
      body: () =>
        form({
          ...blockActionsPayload({ actions: [{ action_id: 'ipc_answer' }] }),
          actions: [{ action_id: 'ipc_answer', value: { c: 'IPC-0001' }, type: 'button' }],
        }),
      contentType: FORM,
    },
    {
      name: 'a button whose value is not JSON, with no message or container',
      body: () => {
        const {
          message: _m,
          container: _c,
          channel: _ch,
          ...p
        } = blockActionsPayload({
          actions: [{ action_id: 'ipc_answer', value: 'not json' }],
        });
        return form(p);
      },
      contentType: FORM,
    },
    {
      name: 'a button for a case id that does not exist',
      body: () =>
        form(
          blockActionsPayload({
            user: SELLER,
            channel: CHANNEL,
            actions: [
              {
                action_id: 'ipc_answer',
                value: JSON.stringify({ c: 'IPC-9999', q: 'notice', v: 'court_or_tro', s: 1 }),
              },
            ],
          }),
        ),
      contentType: FORM,
    },
    {
      name: 'a view submission with no state and an unknown callback',
      body: () =>
        form({
          type: 'view_submission',
          user: { id: SELLER },
          team: { id: 'T0001' },
          view: { id: 'V1', callback_id: 'ipc_view_draft_edit' },
        }),
      contentType: FORM,
    },
  ];
  for (const w of WRONG) {
    it(`${w.name}: no 5xx, nothing changed, still serving`, async () => {
      const r = await send(w.body(), w.contentType);
      expect(r.status).toBeLessThan(500);
      await sleep(100);
      expect(await h.stores.cases.listOpen()).toEqual([]);
      await stillServing();
    });
  }

  it('an event whose channel or user is null (Bolt threw on it: a 500) gets a 400 that names the field', async () => {
    for (const [event, says] of [
      [
        { type: 'message', channel: null, user: SELLER },
        /the event "channel" must be a string or an object, not null/,
      ],
      [{ type: 'app_home_opened', user: null }, /the event "user" must be a string or an object, not null/],
      [{ type: 'message', channel: CHANNEL, ts: 5 }, /the event "ts" must be a string, not a number/],
    ] as const) {
      const r = await send(JSON.stringify({ ...eventEnvelope({ event: {} }), event }), JSON_CT);
      expect(r.status).toBe(400);
      expect(r.text).toMatch(says);
    }
    await stillServing();
  });

  it('random JSON in every field of events and button payloads: never a 5xx, and the bot keeps serving', async () => {
    const json = fc.jsonValue({ maxDepth: 4 });
    const event = fc.record(
      {
        type: fc.constantFrom('message', 'app_mention', 'app_home_opened'),
        text: json,
        user: json,
        channel: json,
        ts: json,
        thread_ts: json,
        blocks: json,
      },
      { requiredKeys: ['type'] },
    );
    const action = fc.record(
      {
        action_id: fc.constantFrom(
          'ipc_answer',
          'ipc_change',
          'ipc_restart',
          'ipc_escalate',
          'ipc_draft_sent',
          'ipc_legal_ack',
          'ipc_link',
        ),
        value: json,
        text: json,
        type: json,
      },
      { requiredKeys: ['action_id'] },
    );
    const base = blockActionsPayload({
      user: SELLER,
      channel: CHANNEL,
      actions: [{ action_id: 'ipc_answer' }],
    });
    await fc.assert(
      fc.asyncProperty(event, action, json, json, async (ev, act, message, container) => {
        const r1 = await send(JSON.stringify({ ...eventEnvelope({ event: {} }), event: ev }), JSON_CT);
        expect(r1.status).toBeLessThan(500);
        const r2 = await send(form({ ...base, actions: [act], message, container }), FORM);
        expect(r2.status).toBeLessThan(500);
      }),
      { numRuns: 150 },
    );
    await stillServing();
  }, 120_000);
});

describe('Slack: replayed requests', () => {
  it('the exact same signed slash command sent twice within 5 minutes opens one case and answers once', async () => {
    const body = slashCommandBody({
      text: 'B0C1234567 trademark complaint',
      user_id: SELLER,
      channel_id: CHANNEL,
      response_url: h.api.responseUrl(),
    });
    const headers = signSlackRequest(SECRET, body);
    const replay = () =>
      fetch(h.url, { method: 'POST', headers: { 'content-type': FORM, ...headers }, body }).then(
        (r) => r.status,
      );
    expect(await replay()).toBe(200);
    await eventually(() => expect(h.api.callsTo('chat.update')).toHaveLength(1));
    expect(await replay()).toBe(200);
    await sleep(300);
    expect(ui(h).caseMessages()).toHaveLength(1);
    expect(await h.stores.cases.listOpen()).toHaveLength(1);
    expect(h.api.callsTo('chat.update')).toHaveLength(1);
  });

  it('the exact same signed thread answer replayed (no retry header) is applied once', async () => {
    const root = await openByCommand(h, 'B0C1234567');
    const body = eventBody({
      event: messageEvent({
        text: 'we got court papers, a TRO',
        user: SELLER,
        channel: CHANNEL,
        thread_ts: root,
      }),
    });
    const headers = signSlackRequest(SECRET, body);
    const replay = () =>
      fetch(h.url, { method: 'POST', headers: { 'content-type': JSON_CT, ...headers }, body }).then(
        (r) => r.status,
      );
    const seen = ui(h).threadOf(root).length;
    expect(await replay()).toBe(200);
    await eventually(async () =>
      expect((await h.stores.cases.get('IPC-0001'))?.state.facts.notice).toBe('court_or_tro'),
    );
    // Its replies are posted after the save: wait for them (and for the work to end) before counting.
    await eventually(() => expect(ui(h).threadOf(root).length).toBeGreaterThan(seen));
    await eventually(() => expect(h.running.inFlight.size).toBe(0));
    const posted = h.api.callsTo('chat.postMessage').length;
    const audit = (await h.stores.cases.get('IPC-0001'))?.audit.length;
    expect(await replay()).toBe(200);
    await sleep(300);
    expect(h.api.callsTo('chat.postMessage')).toHaveLength(posted);
    expect((await h.stores.cases.get('IPC-0001'))?.audit.length).toBe(audit);
  });

  it('a replay signed 6 minutes ago is refused even though the signature itself is right', async () => {
    const body = slashCommandBody({
      text: 'B0C1234567',
      user_id: SELLER,
      channel_id: CHANNEL,
      response_url: h.api.responseUrl(),
    });
    const ts = nowSeconds() - 6 * 60;
    const r = await fetch(h.url, {
      method: 'POST',
      headers: { 'content-type': FORM, ...signSlackRequest(SECRET, body, ts) },
      body,
    });
    expect(r.status).toBe(401);
    await sleep(100);
    expect(h.api.calls).toEqual([]);
  });
});
