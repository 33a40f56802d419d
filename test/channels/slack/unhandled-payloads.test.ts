import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FAKE_TEAM_ID } from '../../fakes/slack-api.js';
import {
  blockActionsPayload,
  eventBody,
  fakeTriggerId,
  postToBolt,
  slashCommandBody,
  viewSubmissionPayload,
} from '../../fakes/slack-signing.js';
import { CHANNEL, eventually, SECRET, SELLER, type SlackHarness, sleep } from './harness.js';
import { startClean } from './harness-extra.js';

// Correctly signed requests of kinds ipcheck has no listener for (a shortcut someone added in the app's
// settings, a button of another app version, a closed modal), or whose routing fields Bolt cannot read.
// Bolt answered none of them: Slack got 404 after 3 s (or a 500), and the person who clicked saw nothing.
// Every one must be answered inside Slack's 3 s, and a person who is waiting must be told something.

let h: SlackHarness;
beforeEach(async () => {
  h = await startClean();
});
afterEach(async () => {
  await h.stop();
});

const form = (payload: unknown) => new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
const user = { id: SELLER, username: 'seller', name: 'seller', team_id: FAKE_TEAM_ID };
const team = { id: FAKE_TEAM_ID, domain: 'fake' };

/** Sends a signed body; its status and how long Slack waited for it. */
async function send(body: string, contentType?: string) {
  const started = Date.now();
  const r = await postToBolt(h.url, {
    secret: SECRET,
    body,
    ...(contentType ? { contentType } : {}),
    timeoutMs: 8000,
  });
  return { ...r, ms: Date.now() - started };
}

/** Answered in time with a status Slack reads as handled (2xx) or refused (4xx), never a 5xx or a timeout. */
function answeredInTime(r: { status: number; ms: number }, name: string) {
  expect(r.status, name).toBeGreaterThanOrEqual(200);
  expect(r.status, name).toBeLessThan(500);
  expect(r.status, name).not.toBe(404);
  expect(r.ms, name).toBeLessThan(2500);
}

describe('Slack: signed requests ipcheck has no listener for', () => {
  it('a global shortcut is acked at once and the person gets a modal saying what ipcheck does', async () => {
    const trigger = fakeTriggerId();
    const r = await send(
      form({ type: 'shortcut', token: 't', callback_id: 'some_shortcut', trigger_id: trigger, user, team }),
    );
    answeredInTime(r, 'shortcut');
    expect(r.status).toBe(200);
    const open = await h.api.waitFor('views.open');
    expect(open.args.trigger_id).toBe(trigger);
    expect(JSON.stringify(open.args.view)).toContain('/ipcheck');
    expect(h.logs.join('\n')).toMatch(/shortcut "some_shortcut".*not one of ipcheck/);
  });

  it('a message shortcut is acked at once and the person gets the same modal', async () => {
    const r = await send(
      form({
        type: 'message_action',
        token: 't',
        callback_id: 'some_message_action',
        trigger_id: fakeTriggerId(),
        user,
        team,
        channel: { id: CHANNEL, name: 'sellers' },
        message: { type: 'message', ts: '1732790000.000100', text: 'hello' },
        message_ts: '1732790000.000100',
        response_url: h.api.responseUrl(),
      }),
    );
    answeredInTime(r, 'message_action');
    await h.api.waitFor('views.open');
  });

  it('a closed modal (view_closed) is acked at once; nobody is waiting, so only the log says so', async () => {
    const r = await send(
      form({
        type: 'view_closed',
        team,
        user,
        view: { id: 'V0CLOSED', callback_id: 'ipc_view_draft_edit', type: 'modal' },
        is_cleared: false,
      }),
    );
    answeredInTime(r, 'view_closed');
    expect(r.status).toBe(200);
    await sleep(100);
    expect(h.api.calls).toEqual([]);
  });

  it('a submitted form ipcheck does not know is answered with a view that says nothing was saved', async () => {
    const r = await send(form(viewSubmissionPayload({ user: SELLER, view: { callback_id: 'old_form' } })));
    answeredInTime(r, 'view_submission');
    expect(r.status).toBe(200);
    const answer = r.json as { response_action?: string; view?: unknown };
    expect(answer.response_action).toBe('update');
    expect(JSON.stringify(answer.view)).toContain('nothing was saved');
  });

  it('ipcheck’s own form whose listener fails before answering stays open with the error, text kept', async () => {
    // A field value of the wrong type makes the form's listener throw before it can answer.
    const r = await send(
      form(
        viewSubmissionPayload({
          user: SELLER,
          view: {
            callback_id: 'ipc_view_legal_info',
            private_metadata: JSON.stringify({ c: 'IPC-0001' }),
            blocks: [{ type: 'input', block_id: 'question', element: { type: 'plain_text_input' } }],
            state: { values: { question: { value: { type: 'plain_text_input', value: 42 } } } },
          },
        }),
      ),
    );
    answeredInTime(r, 'own form');
    expect(r.status).toBe(200);
    expect(r.json).toMatchObject({
      response_action: 'errors',
      errors: { question: expect.stringMatching(/^Not saved: /) },
    });
    expect(h.logs.join('\n')).toMatch(/view_submission "ipc_view_legal_info" failed before it was answered/);
  });

  it('a button of another app (an action id ipcheck never sent) is acked and the clicker told privately', async () => {
    const r = await send(
      form(
        blockActionsPayload({
          user: SELLER,
          channel: CHANNEL,
          thread_ts: '1732790000.000100',
          actions: [{ action_id: 'someone_elses_button', value: 'x' }],
        }),
      ),
    );
    answeredInTime(r, 'block_actions');
    expect(r.status).toBe(200);
    const told = await h.api.waitFor('chat.postEphemeral');
    expect(told.args).toMatchObject({ channel: CHANNEL, user: SELLER, thread_ts: '1732790000.000100' });
    expect(String(told.args.text)).toContain('nothing was changed');
  });

  it('an options request (block_suggestion) is answered with no options', async () => {
    const r = await send(
      form({ type: 'block_suggestion', user, team, action_id: 'pick', block_id: 'b', value: 'ni' }),
    );
    answeredInTime(r, 'block_suggestion');
    expect(r.json).toEqual({ options: [] });
  });

  it('a payload of a type Slack may add later, or of no type, is acked and logged', async () => {
    for (const [name, body] of [
      ['unknown type', form({ type: 'something_new', user, team })],
      ['no type', form({ user, team })],
    ] as const) {
      const r = await send(body);
      answeredInTime(r, name);
      expect(r.status, name).toBe(200);
    }
    expect(h.logs.join('\n')).toMatch(/"something_new"/);
  });
});

describe('Slack: signed requests whose routing fields Bolt cannot read get 400', () => {
  const BAD: { name: string; payload: () => Record<string, unknown>; says: RegExp }[] = [
    {
      name: 'a view_submission without state',
      payload: () => {
        const p = viewSubmissionPayload({ user: SELLER, view: { callback_id: 'ipc_view_draft_edit' } });
        delete (p.view as Record<string, unknown>).state;
        return p;
      },
      says: /"view\.state\.values"/,
    },
    {
      name: 'a view_submission whose state has no values',
      payload: () => {
        const p = viewSubmissionPayload({ user: SELLER, view: { callback_id: 'ipc_view_legal_info' } });
        (p.view as Record<string, unknown>).state = { values: null };
        return p;
      },
      says: /"view\.state\.values"/,
    },
    {
      name: 'a view_submission with a numeric callback_id',
      payload: () => {
        const p = viewSubmissionPayload({ user: SELLER, view: { callback_id: 'x' } });
        (p.view as Record<string, unknown>).callback_id = 7;
        return p;
      },
      says: /"view\.callback_id" must be a string/,
    },
    {
      name: 'block_actions with a numeric action_id',
      payload: () => {
        const p = blockActionsPayload({ user: SELLER, actions: [{ action_id: 'ipc_answer' }] });
        (p.actions as Record<string, unknown>[])[0] = { ...(p.actions as object[])[0], action_id: 42 };
        return p;
      },
      says: /"action_id" must be a string/,
    },
    {
      name: 'block_actions with an object block_id',
      payload: () => {
        const p = blockActionsPayload({ user: SELLER, actions: [{ action_id: 'ipc_answer' }] });
        (p.actions as Record<string, unknown>[])[0] = { ...(p.actions as object[])[0], block_id: {} };
        return p;
      },
      says: /"block_id" must be a string/,
    },
    {
      name: 'a shortcut with a numeric callback_id',
      payload: () => ({ type: 'shortcut', callback_id: 3, trigger_id: fakeTriggerId(), user, team }),
      says: /"callback_id" must be a string/,
    },
  ];

  for (const bad of BAD) {
    it(`${bad.name}: 400 in time, nothing touched, and the bot keeps serving`, async () => {
      const r = await send(form(bad.payload()));
      answeredInTime(r, bad.name);
      expect(r.status).toBe(400);
      expect(r.text).toMatch(bad.says);
      await sleep(50);
      expect(h.api.calls).toEqual([]);
      const ok = await send(
        slashCommandBody({
          text: 'help',
          user_id: SELLER,
          channel_id: CHANNEL,
          response_url: h.api.responseUrl(),
        }),
      );
      expect(ok.status).toBe(200);
      await eventually(() => expect(h.api.responses).toHaveLength(1));
    });
  }

  it('an event of a kind ipcheck does not subscribe to is still acked at once', async () => {
    const r = await send(eventBody({ event: { type: 'reaction_added', user: SELLER, reaction: 'eyes' } }));
    answeredInTime(r, 'reaction_added');
    expect(r.status).toBe(200);
  });
});
