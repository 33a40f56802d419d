import { createHmac } from 'node:crypto';
import { BENCH_TEAM } from './fake-slack-web-api.js';

// Slack's request signing and the two request shapes the bench sends (slash command, block_actions button
// click), with Slack's field names. Kept small: the test suite's builders cover every payload kind.

export const BENCH_SECRET = 'bench-signing-secret-0123456789';
const FORM = 'application/x-www-form-urlencoded';

let n = 0;
const triggerId = () => {
  n++;
  return `${1_800_000_000 + n}.${1_000_000_000 + n}.${n.toString(16).padStart(32, '0')}`;
};

/** Slack's v0 signature headers for a raw body. */
export function signedHeaders(secret: string, body: string, timestamp = Math.floor(Date.now() / 1000)) {
  const sig = createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex');
  return { 'x-slack-signature': `v0=${sig}`, 'x-slack-request-timestamp': String(timestamp) };
}

export function slashCommand(o: {
  text: string;
  user: string;
  channel: string;
  responseUrl: string;
}): string {
  return new URLSearchParams({
    token: 'bench-verification-token',
    team_id: BENCH_TEAM,
    team_domain: 'bench',
    channel_id: o.channel,
    channel_name: 'bench',
    user_id: o.user,
    user_name: o.user.toLowerCase(),
    command: '/ipcheck',
    text: o.text,
    api_app_id: 'A0BENCH',
    is_enterprise_install: 'false',
    response_url: o.responseUrl,
    trigger_id: triggerId(),
  }).toString();
}

export function buttonClick(o: {
  user: string;
  channel: string;
  messageTs: string;
  threadTs?: string;
  actionId: string;
  value: string;
  label: string;
  blocks: unknown[];
  responseUrl: string;
}): string {
  const payload = {
    type: 'block_actions',
    user: { id: o.user, username: o.user.toLowerCase(), name: o.user.toLowerCase(), team_id: BENCH_TEAM },
    api_app_id: 'A0BENCH',
    token: 'bench-verification-token',
    container: {
      type: 'message',
      message_ts: o.messageTs,
      channel_id: o.channel,
      is_ephemeral: false,
      ...(o.threadTs ? { thread_ts: o.threadTs } : {}),
    },
    trigger_id: triggerId(),
    team: { id: BENCH_TEAM, domain: 'bench' },
    enterprise: null,
    is_enterprise_install: false,
    channel: { id: o.channel, name: 'bench' },
    message: {
      type: 'message',
      subtype: 'bot_message',
      user: 'U0BOT',
      bot_id: 'B0BOT',
      text: '',
      ts: o.messageTs,
      ...(o.threadTs ? { thread_ts: o.threadTs } : {}),
      blocks: o.blocks,
    },
    state: { values: {} },
    response_url: o.responseUrl,
    actions: [
      {
        action_id: o.actionId,
        block_id: 'bench',
        text: { type: 'plain_text', text: o.label, emoji: true },
        value: o.value,
        type: 'button',
        action_ts: `${Math.floor(Date.now() / 1000)}.000001`,
      },
    ],
  };
  return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
}

/** POSTs a signed form body; resolves with the status and the milliseconds until the response ended. */
export async function postSigned(
  url: string,
  body: string,
  secret = BENCH_SECRET,
): Promise<{ status: number; ms: number }> {
  const t0 = performance.now();
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': FORM, ...signedHeaders(secret, body) },
    body,
    signal: AbortSignal.timeout(30_000),
  });
  await res.arrayBuffer();
  return { status: res.status, ms: performance.now() - t0 };
}
