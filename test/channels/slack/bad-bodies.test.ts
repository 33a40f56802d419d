import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { postToBolt, slashCommandBody } from '../../fakes/slack-signing.js';
import { CHANNEL, eventually, SECRET, SELLER, type SlackHarness, sleep } from './harness.js';
import { startClean } from './harness-extra.js';

// Correctly signed requests whose body is not what Slack sends. Bolt read `body.ssl_check` on a `null`
// body outside any try: an unhandled rejection that killed the process (and hung the request).

let h: SlackHarness;
beforeEach(async () => {
  h = await startClean();
});
afterEach(async () => {
  await h.stop();
});

const FORM = 'application/x-www-form-urlencoded';
const JSON_CT = 'application/json';
const form = (payload: string) => new URLSearchParams({ payload }).toString();

const BAD: { name: string; body: string; contentType: string; says: RegExp }[] = [
  { name: 'JSON null', body: 'null', contentType: JSON_CT, says: /must be a JSON object, not null/ },
  { name: 'JSON number', body: '42', contentType: JSON_CT, says: /not a number/ },
  { name: 'JSON string', body: '"hello"', contentType: JSON_CT, says: /not a string/ },
  { name: 'JSON array', body: '[{"type":"event_callback"}]', contentType: JSON_CT, says: /not an array/ },
  { name: 'form payload null', body: form('null'), contentType: FORM, says: /not null/ },
  { name: 'form payload number', body: form('7'), contentType: FORM, says: /not a number/ },
  { name: 'form payload array', body: form('[1,2]'), contentType: FORM, says: /not an array/ },
  { name: 'form payload not JSON', body: form('{oops'), contentType: FORM, says: /"payload" is not JSON/ },
  {
    name: 'event that is null',
    body: JSON.stringify({ type: 'event_callback', event: null, event_id: 'Ev1' }),
    contentType: JSON_CT,
    says: /"event" must be an object/,
  },
  {
    name: 'actions that are not objects',
    body: form(JSON.stringify({ type: 'block_actions', actions: [null], user: { id: SELLER } })),
    contentType: FORM,
    says: /"actions" must be a list of objects/,
  },
  {
    name: 'view that is a string',
    body: form(JSON.stringify({ type: 'view_submission', view: 'x', user: { id: SELLER } })),
    contentType: FORM,
    says: /"view" must be an object/,
  },
];

describe('Slack: signed requests with a body Bolt cannot take', () => {
  for (const bad of BAD) {
    it(`answers 400 to ${bad.name}, touches nothing, and keeps serving`, async () => {
      const r = await postToBolt(h.url, {
        secret: SECRET,
        body: bad.body,
        contentType: bad.contentType,
        timeoutMs: 3000,
      });
      expect(r.status).toBe(400);
      expect(r.text).toMatch(bad.says);
      await sleep(50);
      expect(h.api.calls).toEqual([]);
      expect(h.logs.join('\n')).toMatch(/refused a signed Slack request/);
      // Still serving: a good command right after works.
      const ok = await postToBolt(h.url, {
        secret: SECRET,
        body: slashCommandBody({
          text: 'help',
          user_id: SELLER,
          channel_id: CHANNEL,
          response_url: h.api.responseUrl(),
        }),
        contentType: FORM,
      });
      expect(ok.status).toBe(200);
      await eventually(() => expect(h.api.responses).toHaveLength(1));
    });
  }

  it('still answers 401, not 400, when the same bad body is not signed correctly', async () => {
    const r = await postToBolt(h.url, {
      secret: 'not-the-secret-000000000',
      body: 'null',
      contentType: JSON_CT,
      timeoutMs: 3000,
    });
    expect(r.status).toBe(401);
  });
});
