// Sign and send requests the way Slack does, and build request bodies shaped like Slack's documented payloads
// (slash commands, Events API envelopes, block_actions, view_submission). Field names are Slack's, unchanged.
//
// Defaults never point off the machine: the default response_url is a refused loopback port, so a handler that
// calls respond() without the test passing `api.responseUrl()` fails fast instead of reaching the internet.

import { createHmac } from 'node:crypto';
import { FAKE_APP_ID, FAKE_BOT_ID, FAKE_BOT_USER_ID, FAKE_TEAM_DOMAIN, FAKE_TEAM_ID } from './slack-api.js';

/** The deprecated verification token Slack still puts in payloads (Bolt ignores it). */
export const FAKE_VERIFICATION_TOKEN = 'vErIfIcAtIoNtOkEn0000000';
export const DEFAULT_USER_ID = 'U0USER1';
export const DEFAULT_CHANNEL_ID = 'C0CHAN1';
/** Loopback, port 1: connection refused at once. Pass `api.responseUrl()` to get a recording one. */
export const UNSET_RESPONSE_URL = 'http://127.0.0.1:1/response-url-not-set';

export interface SlackSignatureHeaders {
  'x-slack-signature': string;
  'x-slack-request-timestamp': string;
}

export function nowSeconds(): number {
  return Math.floor(Date.now() / 1000);
}

/** Slack's v0 signature: `v0=` + hex HMAC-SHA256(secret, `v0:${timestamp}:${rawBody}`). */
export function signSlackRequest(
  secret: string,
  body: string,
  timestamp: number = nowSeconds(),
): SlackSignatureHeaders {
  const hmac = createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex');
  return { 'x-slack-signature': `v0=${hmac}`, 'x-slack-request-timestamp': String(timestamp) };
}

export interface PostToBoltOptions {
  secret: string;
  /** The raw body, exactly as it will be signed and sent. */
  body: string;
  /** `'form'`, `'json'` or a full content type. Default: JSON if the body starts with `{`, else form. */
  contentType?: 'form' | 'json' | string;
  /** Seconds since epoch to sign with and send (default: now). */
  timestamp?: number;
  /** Adds `x-slack-retry-num`. */
  retryNum?: number;
  /** Adds `x-slack-retry-reason` (`http_timeout`, `http_error`, …). */
  retryReason?: string;
  /** Send this `x-slack-signature` instead of the correct one (to forge). */
  signature?: string;
  /** Extra headers. */
  headers?: Record<string, string>;
  /** Abort after this long (default 10 s). */
  timeoutMs?: number;
}

export interface BoltHttpResponse {
  status: number;
  headers: Headers;
  /** The raw response body. */
  text: string;
  /** The body parsed as JSON, or undefined when it is empty or not JSON. */
  json: unknown;
}

function contentTypeFor(body: string, ct: PostToBoltOptions['contentType']): string {
  if (ct === 'json') return 'application/json';
  if (ct === 'form') return 'application/x-www-form-urlencoded';
  if (ct) return ct;
  return body.trimStart().startsWith('{') ? 'application/json' : 'application/x-www-form-urlencoded';
}

/** POST a raw body to a Bolt HTTP endpoint with Slack's headers. */
export async function postToBolt(url: string, o: PostToBoltOptions): Promise<BoltHttpResponse> {
  const timestamp = o.timestamp ?? nowSeconds();
  const signed = signSlackRequest(o.secret, o.body, timestamp);
  const headers: Record<string, string> = {
    'content-type': contentTypeFor(o.body, o.contentType),
    'user-agent': 'Slackbot 1.0 (+https://api.slack.com/robots)',
    ...signed,
    ...(o.signature !== undefined ? { 'x-slack-signature': o.signature } : {}),
    ...(o.retryNum !== undefined ? { 'x-slack-retry-num': String(o.retryNum) } : {}),
    ...(o.retryReason !== undefined ? { 'x-slack-retry-reason': o.retryReason } : {}),
    ...(o.headers ?? {}),
  };
  const res = await fetch(url, {
    method: 'POST',
    headers,
    body: o.body,
    signal: AbortSignal.timeout(o.timeoutMs ?? 10_000),
  });
  const text = await res.text();
  let json: unknown;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  return { status: res.status, headers: res.headers, text, json };
}

// ---------------------------------------------------------------------------------------------------------------
// Deterministic ids (per test file: vitest gives each file its own module instance).

let counter = 0;
function next(): number {
  counter += 1;
  return counter;
}
const pad = (n: number, w: number) => String(n).padStart(w, '0');

/** A trigger_id in Slack's shape (`<digits>.<digits>.<hex>`), unique per call. */
export function fakeTriggerId(): string {
  const n = next();
  return `${1_732_770_000 + n}.${1_000_000_000 + n}.${n.toString(16).padStart(32, '0')}`;
}

/** An Events API event_id (`Ev…`), unique per call. */
export function fakeEventId(): string {
  return `Ev${pad(next(), 9)}`;
}

/** A message ts for user-sent messages (a different range from the fake API's bot messages). */
export function fakeUserTs(): string {
  const n = next();
  return `${1_732_770_000 + Math.floor(n / 10_000)}.${pad((n % 10_000) * 100, 6)}`;
}

// ---------------------------------------------------------------------------------------------------------------
// Slash commands

export interface SlashCommandOptions {
  command?: string;
  text?: string;
  user_id?: string;
  user_name?: string;
  channel_id?: string;
  channel_name?: string;
  team_id?: string;
  team_domain?: string;
  trigger_id?: string;
  response_url?: string;
  api_app_id?: string;
  enterprise_id?: string;
  enterprise_name?: string;
}

/** The slash command fields as Slack sends them (all strings). Socket Mode carries this object as the payload. */
export function slashCommandPayload(o: SlashCommandOptions = {}): Record<string, string> {
  const user_id = o.user_id ?? DEFAULT_USER_ID;
  const channel_id = o.channel_id ?? DEFAULT_CHANNEL_ID;
  const p: Record<string, string> = {
    token: FAKE_VERIFICATION_TOKEN,
    team_id: o.team_id ?? FAKE_TEAM_ID,
    team_domain: o.team_domain ?? FAKE_TEAM_DOMAIN,
  };
  if (o.enterprise_id) p.enterprise_id = o.enterprise_id;
  if (o.enterprise_name) p.enterprise_name = o.enterprise_name;
  Object.assign(p, {
    channel_id,
    channel_name:
      o.channel_name ?? (channel_id.startsWith('D') ? 'directmessage' : `chan-${channel_id.toLowerCase()}`),
    user_id,
    user_name: o.user_name ?? user_id.toLowerCase(),
    command: o.command ?? '/ipcheck',
    text: o.text ?? '',
    api_app_id: o.api_app_id ?? FAKE_APP_ID,
    is_enterprise_install: 'false',
    response_url: o.response_url ?? UNSET_RESPONSE_URL,
    trigger_id: o.trigger_id ?? fakeTriggerId(),
  });
  return p;
}

/** A slash command request body: `application/x-www-form-urlencoded`. */
export function slashCommandBody(o: SlashCommandOptions = {}): string {
  return new URLSearchParams(slashCommandPayload(o)).toString();
}

// ---------------------------------------------------------------------------------------------------------------
// Events API

export interface EventEnvelopeOptions {
  event: Record<string, unknown>;
  event_id?: string;
  team_id?: string;
  /** Seconds since epoch (default: now). */
  event_time?: number;
  api_app_id?: string;
}

/** The Events API `event_callback` envelope as an object (Socket Mode `events_api` payload). */
export function eventEnvelope(o: EventEnvelopeOptions): Record<string, unknown> {
  const team_id = o.team_id ?? FAKE_TEAM_ID;
  return {
    token: FAKE_VERIFICATION_TOKEN,
    team_id,
    context_team_id: team_id,
    context_enterprise_id: null,
    api_app_id: o.api_app_id ?? FAKE_APP_ID,
    event: o.event,
    type: 'event_callback',
    event_id: o.event_id ?? fakeEventId(),
    event_time: o.event_time ?? nowSeconds(),
    authorizations: [
      { enterprise_id: null, team_id, user_id: FAKE_BOT_USER_ID, is_bot: true, is_enterprise_install: false },
    ],
    is_ext_shared_channel: false,
    event_context: `4-eyJldCI6ImV2ZW50IiwidGlkIjoiJHt0ZWFtX2lkfSJ9-${team_id}`,
  };
}

/** The Events API request body: the `event_callback` envelope as a JSON string. */
export function eventBody(o: EventEnvelopeOptions): string {
  return JSON.stringify(eventEnvelope(o));
}

/** The `url_verification` handshake body Slack sends when the Request URL is saved. */
export function urlVerificationBody(challenge = 'fake-challenge'): string {
  return JSON.stringify({ token: FAKE_VERIFICATION_TOKEN, challenge, type: 'url_verification' });
}

/** Slack's rich_text block for a plain message text, with `<@U…>` mentions as user elements. */
function richTextFor(text: string): Record<string, unknown>[] {
  const elements: Record<string, unknown>[] = [];
  const re = /<@([A-Z0-9]+)(?:\|[^>]*)?>/g;
  let last = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    if (m.index > last) elements.push({ type: 'text', text: text.slice(last, m.index) });
    elements.push({ type: 'user', user_id: m[1] });
    last = m.index + m[0].length;
  }
  if (last < text.length) elements.push({ type: 'text', text: text.slice(last) });
  return [{ type: 'rich_text', block_id: 'fAkE1', elements: [{ type: 'rich_text_section', elements }] }];
}

export interface MessageLikeOptions {
  text: string;
  user?: string;
  channel?: string;
  ts?: string;
  thread_ts?: string;
  /** For thread replies: who started the thread (Slack sends it on replies). */
  parent_user_id?: string;
  team?: string;
}

/** An `app_mention` event (the inner `event` object). */
export function appMentionEvent(o: MessageLikeOptions): Record<string, unknown> {
  const ts = o.ts ?? fakeUserTs();
  const e: Record<string, unknown> = {
    type: 'app_mention',
    user: o.user ?? DEFAULT_USER_ID,
    text: o.text,
    ts,
    client_msg_id: `00000000-0000-4000-8000-${pad(next(), 12)}`,
    team: o.team ?? FAKE_TEAM_ID,
    blocks: richTextFor(o.text),
    channel: o.channel ?? DEFAULT_CHANNEL_ID,
    event_ts: ts,
  };
  if (o.thread_ts) e.thread_ts = o.thread_ts;
  if (o.parent_user_id) e.parent_user_id = o.parent_user_id;
  return e;
}

export interface MessageEventOptions extends MessageLikeOptions {
  /** `channel` | `group` | `im` | `mpim` (default from the channel id: D… → im, G… → group, else channel). */
  channel_type?: 'channel' | 'group' | 'im' | 'mpim';
  subtype?: string;
  /** Set for messages posted by a bot (Bolt's ignoreSelf drops the app's own). */
  bot_id?: string;
}

/** A `message` event (the inner `event` object). */
export function messageEvent(o: MessageEventOptions): Record<string, unknown> {
  const ts = o.ts ?? fakeUserTs();
  const channel = o.channel ?? DEFAULT_CHANNEL_ID;
  const channel_type =
    o.channel_type ?? (channel.startsWith('D') ? 'im' : channel.startsWith('G') ? 'group' : 'channel');
  const e: Record<string, unknown> = { type: 'message' };
  if (o.subtype) e.subtype = o.subtype;
  Object.assign(e, {
    user: o.user ?? DEFAULT_USER_ID,
    text: o.text,
    ts,
    client_msg_id: `00000000-0000-4000-8000-${pad(next(), 12)}`,
    team: o.team ?? FAKE_TEAM_ID,
    blocks: richTextFor(o.text),
    channel,
    event_ts: ts,
    channel_type,
  });
  if (o.bot_id) e.bot_id = o.bot_id;
  if (o.thread_ts) e.thread_ts = o.thread_ts;
  if (o.parent_user_id) e.parent_user_id = o.parent_user_id;
  return e;
}

/** An `app_home_opened` event (the inner `event` object). */
export function appHomeOpenedEvent(
  o: { user?: string; channel?: string; tab?: 'home' | 'messages' } = {},
): Record<string, unknown> {
  const ts = fakeUserTs();
  return {
    type: 'app_home_opened',
    user: o.user ?? DEFAULT_USER_ID,
    channel: o.channel ?? 'D0HOME1',
    tab: o.tab ?? 'home',
    event_ts: ts,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Interactivity

/** A user as it appears in interaction payloads. */
function payloadUser(user: string | { id: string; name?: string } | undefined, team_id = FAKE_TEAM_ID) {
  const id = typeof user === 'string' ? user : (user?.id ?? DEFAULT_USER_ID);
  const name = (typeof user === 'object' ? user.name : undefined) ?? id.toLowerCase();
  return { id, username: name, name, team_id };
}

export interface BlockActionInput {
  action_id: string;
  value?: string;
  block_id?: string;
  /** Element type (default `button`). */
  type?: string;
  /** The button's label (default: the action_id). */
  text?: string;
  /** For select menus: the chosen option. */
  selected_option?: Record<string, unknown>;
}

export interface BlockActionsOptions {
  user?: string | { id: string; name?: string };
  /** The workspace the click comes from (default the fake's team). */
  team_id?: string;
  channel?: string;
  /** The message holding the button. */
  message_ts?: string;
  thread_ts?: string;
  actions: BlockActionInput[];
  trigger_id?: string;
  response_url?: string;
  /** Override the container (default: the message container built from channel/message_ts/thread_ts). */
  container?: Record<string, unknown>;
  /** Override the `message` object (default: a bot message with that ts). */
  message?: Record<string, unknown>;
  /** For actions inside a modal: the view; the container becomes `{type:'view', view_id}` and channel/message go. */
  view?: Record<string, unknown>;
  state?: { values: Record<string, Record<string, unknown>> };
}

/** A `block_actions` interaction payload as an object. */
export function blockActionsPayload(o: BlockActionsOptions): Record<string, unknown> {
  const channel = o.channel ?? DEFAULT_CHANNEL_ID;
  const message_ts = o.message_ts ?? fakeUserTs();
  const action_ts = `${nowSeconds()}.${pad(next(), 6)}`;
  const actions = o.actions.map((a) => {
    const out: Record<string, unknown> = {
      action_id: a.action_id,
      block_id: a.block_id ?? 'fAkEb',
      text: { type: 'plain_text', text: a.text ?? a.action_id, emoji: true },
    };
    if (a.value !== undefined) out.value = a.value;
    if (a.selected_option) out.selected_option = a.selected_option;
    out.type = a.type ?? 'button';
    out.action_ts = action_ts;
    return out;
  });
  const team_id = o.team_id ?? FAKE_TEAM_ID;
  const p: Record<string, unknown> = {
    type: 'block_actions',
    user: payloadUser(o.user, team_id),
    api_app_id: FAKE_APP_ID,
    token: FAKE_VERIFICATION_TOKEN,
  };
  if (o.view) {
    const viewId = typeof o.view.id === 'string' ? o.view.id : 'V0000000000';
    p.container = o.container ?? { type: 'view', view_id: viewId };
    p.trigger_id = o.trigger_id ?? fakeTriggerId();
    p.team = { id: team_id, domain: FAKE_TEAM_DOMAIN };
    p.enterprise = null;
    p.is_enterprise_install = false;
    p.view = o.view;
  } else {
    const container: Record<string, unknown> = {
      type: 'message',
      message_ts,
      channel_id: channel,
      is_ephemeral: false,
    };
    if (o.thread_ts) container.thread_ts = o.thread_ts;
    p.container = o.container ?? container;
    p.trigger_id = o.trigger_id ?? fakeTriggerId();
    p.team = { id: team_id, domain: FAKE_TEAM_DOMAIN };
    p.enterprise = null;
    p.is_enterprise_install = false;
    p.channel = { id: channel, name: `chan-${channel.toLowerCase()}` };
    p.message = o.message ?? {
      type: 'message',
      subtype: 'bot_message',
      user: FAKE_BOT_USER_ID,
      bot_id: FAKE_BOT_ID,
      app_id: FAKE_APP_ID,
      text: '',
      ts: message_ts,
      ...(o.thread_ts ? { thread_ts: o.thread_ts } : {}),
      blocks: [],
    };
  }
  p.state = o.state ?? { values: {} };
  p.response_url = o.response_url ?? UNSET_RESPONSE_URL;
  p.actions = actions;
  return p;
}

/** A `block_actions` request body: form-encoded `payload=<json>`. */
export function blockActionsBody(o: BlockActionsOptions): string {
  return new URLSearchParams({ payload: JSON.stringify(blockActionsPayload(o)) }).toString();
}

/** A state value for a plain_text_input, as it appears in `view.state.values[block_id][action_id]`. */
export function plainTextValue(value: string | null): Record<string, unknown> {
  return { type: 'plain_text_input', value };
}

export interface ViewSubmissionOptions {
  user?: string | { id: string; name?: string };
  /** The workspace the submission comes from (default the fake's team). */
  team_id?: string;
  view: {
    callback_id: string;
    private_metadata?: string;
    state?: { values: Record<string, Record<string, unknown>> };
    id?: string;
    external_id?: string;
    blocks?: unknown[];
    title?: string;
    root_view_id?: string;
    previous_view_id?: string | null;
  };
  trigger_id?: string;
  /** Only when the modal has `response_url_enabled` inputs. */
  response_urls?: { block_id: string; action_id: string; channel_id: string; response_url: string }[];
}

/** A `view_submission` interaction payload as an object. */
export function viewSubmissionPayload(o: ViewSubmissionOptions): Record<string, unknown> {
  const id = o.view.id ?? `V${pad(next(), 10)}`;
  const team_id = o.team_id ?? FAKE_TEAM_ID;
  return {
    type: 'view_submission',
    team: { id: team_id, domain: FAKE_TEAM_DOMAIN },
    user: payloadUser(o.user, team_id),
    api_app_id: FAKE_APP_ID,
    token: FAKE_VERIFICATION_TOKEN,
    trigger_id: o.trigger_id ?? fakeTriggerId(),
    view: {
      id,
      team_id,
      type: 'modal',
      blocks: o.view.blocks ?? [],
      private_metadata: o.view.private_metadata ?? '',
      callback_id: o.view.callback_id,
      state: o.view.state ?? { values: {} },
      hash: `${nowSeconds()}.fAkEhAsH`,
      title: { type: 'plain_text', text: o.view.title ?? 'ipcheck', emoji: true },
      clear_on_close: false,
      notify_on_close: false,
      close: { type: 'plain_text', text: 'Cancel', emoji: true },
      submit: { type: 'plain_text', text: 'Submit', emoji: true },
      previous_view_id: o.view.previous_view_id ?? null,
      root_view_id: o.view.root_view_id ?? id,
      app_id: FAKE_APP_ID,
      external_id: o.view.external_id ?? '',
      app_installed_team_id: FAKE_TEAM_ID,
      bot_id: FAKE_BOT_ID,
    },
    response_urls: o.response_urls ?? [],
    is_enterprise_install: false,
    enterprise: null,
  };
}

/** A `view_submission` request body: form-encoded `payload=<json>`. */
export function viewSubmissionBody(o: ViewSubmissionOptions): string {
  return new URLSearchParams({ payload: JSON.stringify(viewSubmissionPayload(o)) }).toString();
}
