import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { visibleText } from '../../fakes/slack-api.js';
import {
  appMentionEvent,
  eventBody,
  messageEvent,
  nowSeconds,
  postToBolt,
  signSlackRequest,
  slashCommandBody,
} from '../../fakes/slack-signing.js';
import { CHANNEL, eventually, SECRET, SELLER, type SlackHarness, sleep } from './harness.js';
import { openByCommand, startClean, ui } from './harness-extra.js';

const TOKEN = 'xoxb-test-token';

let h: SlackHarness;
beforeEach(async () => {
  h = await startClean();
});
afterEach(async () => {
  await h.stop();
});

/** A slash command that would open a case if it got through. */
const commandBody = () =>
  slashCommandBody({
    text: 'B0C1234567 trademark complaint yesterday',
    user_id: SELLER,
    channel_id: CHANNEL,
    response_url: h.api.responseUrl(),
  });
const mentionBody = () =>
  eventBody({
    event: appMentionEvent({ text: '<@U0BOT> complaint on B0C1234567', user: SELLER, channel: CHANNEL }),
  });

/** Nothing happened: no Web API call, no response_url post, no case. Waits a moment for stray work. */
async function expectUntouched(): Promise<void> {
  await sleep(150);
  expect(h.api.calls.map((c) => c.method)).toEqual([]);
  expect(await h.stores.cases.listOpen()).toEqual([]);
}

function expectLogsClean(): void {
  const all = h.logs.join('\n');
  expect(all).not.toContain(TOKEN);
  expect(all).not.toContain(SECRET);
  expect(all).not.toMatch(/xox[abprs]-/);
}

describe('Slack: request signing', () => {
  it('refuses a forged signature with 401 and touches nothing', async () => {
    for (const body of [commandBody(), mentionBody()]) {
      const forged = signSlackRequest('not-the-secret-at-all-000', body);
      const r = await postToBolt(h.url, { secret: SECRET, body, signature: forged['x-slack-signature'] });
      expect(r.status).toBe(401);
      // A signature over a different body does not pass either.
      const other = signSlackRequest(SECRET, `${body}&x=1`);
      const r2 = await postToBolt(h.url, { secret: SECRET, body, signature: other['x-slack-signature'] });
      expect(r2.status).toBe(401);
    }
    await expectUntouched();
    expectLogsClean();
  });

  it('refuses a correctly signed request whose timestamp is more than 5 minutes old (a replay)', async () => {
    for (const body of [commandBody(), mentionBody()]) {
      const r = await postToBolt(h.url, { secret: SECRET, body, timestamp: nowSeconds() - 6 * 60 });
      expect(r.status).toBe(401);
    }
    await expectUntouched();
    expectLogsClean();
  });

  it('refuses a correctly signed request whose timestamp is more than 5 minutes ahead (a forged clock)', async () => {
    for (const ahead of [6 * 60, 3600, 365 * 24 * 3600]) {
      for (const body of [commandBody(), mentionBody()]) {
        const r = await postToBolt(h.url, { secret: SECRET, body, timestamp: nowSeconds() + ahead });
        expect(r.status, `${ahead} s ahead`).toBe(401);
      }
    }
    await expectUntouched();
    expectLogsClean();
    expect(h.logs.join('\n')).toMatch(/more than 5 minutes from this server's clock/);
  });

  it('takes a signed request whose clock is a little ahead (skew inside 5 minutes)', async () => {
    const r = await postToBolt(h.url, {
      secret: SECRET,
      body: slashCommandBody({ text: 'help', user_id: SELLER, response_url: h.api.responseUrl() }),
      timestamp: nowSeconds() + 4 * 60,
    });
    expect(r.status).toBe(200);
    await eventually(() => expect(h.api.responses).toHaveLength(1));
  });

  it('refuses a request with no signature headers (or only one of them)', async () => {
    const body = commandBody();
    const bare = await fetch(h.url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body,
    });
    expect(bare.status).toBe(401);
    const noSig = await fetch(h.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        'x-slack-request-timestamp': String(nowSeconds()),
      },
      body,
    });
    expect(noSig.status).toBe(401);
    const signed = signSlackRequest(SECRET, body);
    const noTs = await fetch(h.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        'x-slack-signature': signed['x-slack-signature'],
      },
      body,
    });
    expect(noTs.status).toBe(401);
    await expectUntouched();
    expectLogsClean();
  });

  it('accepts a correctly signed request (200) and opens the case', async () => {
    const r = await postToBolt(h.url, { secret: SECRET, body: commandBody(), contentType: 'form' });
    expect(r.status).toBe(200);
    await eventually(async () => expect(await h.stores.cases.listOpen()).toHaveLength(1));
    await eventually(() => expect(ui(h).caseMessages()).toHaveLength(1));
    // The fake saw the bot token on every Web API call (never in a body or the URL).
    for (const c of h.api.calls.filter((x) => x.method !== 'response_url'))
      expect(c.auth).toEqual({ present: true, prefix: 'xoxb-', source: 'header' });
  });
});

describe('Slack: failures are told to the user, and logs stay free of secrets', () => {
  it('a failed case-message post gets a clear private answer, no case, and scrubbed logs', async () => {
    h.api.failNext('chat.postMessage', { error: 'internal_error' });
    expect(await h.command('B0C1234567 trademark complaint yesterday')).toBe(200);
    await eventually(() => expect(h.api.responses).toHaveLength(1));
    const said = h.api.responses[0]?.body as { text?: string; response_type?: string };
    expect(said.response_type).toBe('ephemeral');
    expect(said.text).toMatch(/^Sorry: Something went wrong on my side, and nothing was changed/);
    expect(await h.stores.cases.listOpen()).toEqual([]);
    expect(h.api.messages).toEqual([]);
    expect(h.logs.join('\n')).toContain('internal_error');
    expectLogsClean();
  });

  it('a failure inside a thread is told in the thread, with scrubbed logs', async () => {
    const root = await openByCommand(h, 'B0C1234567');
    await eventually(() => expect(ui(h).threadText(root)).toContain('What did you receive?'));
    h.api.failNext('chat.postMessage', { error: 'internal_error' });
    await h.event(
      messageEvent({
        text: 'we got court papers, a TRO',
        user: SELLER,
        channel: CHANNEL,
        thread_ts: root,
      }),
    );
    // The answer was saved before the reply failed: the seller is told so, not "nothing was changed".
    await eventually(() => expect(ui(h).threadText(root)).toContain('Sorry: I saved that'));
    expect((await h.stores.cases.get('IPC-0001'))?.state.facts.notice).toBe('court_or_tro');
    expect(h.api.callsTo('chat.postMessage').some((c) => c.error === 'internal_error')).toBe(true);
    expectLogsClean();
  });

  it('a token or secret that reaches the logger is redacted', async () => {
    // Something logs the raw token (e.g. an error message quoting a request): the logger scrubs it.
    h.running.app.logger.error(`call failed with token ${TOKEN} and signature v0=${'a'.repeat(64)}`);
    h.running.app.logger.warn(new Error(`bad app token xapp-1-A0001-123-abc`));
    await eventually(() => expect(h.logs.join('\n')).toContain('[redacted]'));
    expectLogsClean();
    expect(h.logs.join('\n')).not.toContain('xapp-1');
    expect(h.logs.join('\n')).not.toContain('a'.repeat(64));
  });

  it('shows the seller nothing of the error internals', async () => {
    h.api.failNext('chat.postMessage', { error: 'internal_error' });
    await h.command('B0C1234567');
    await eventually(() => expect(h.api.responses).toHaveLength(1));
    const text = visibleText(h.api.responses[0]?.body as { text?: string });
    expect(text).not.toContain('internal_error');
    expect(text).not.toContain(TOKEN);
  });
});
