// A fake Slack Web API for tests: a real node:http server on 127.0.0.1 that the real @slack/web-api WebClient
// (inside Bolt) talks to through `clientOptions.slackApiUrl`. It records every call, keeps what a user would see
// (messages per channel/thread, ephemerals, modals, Home tabs, response_url posts, uploads) and can be told to fail.
//
// Only loopback: the server binds 127.0.0.1 and every URL it hands out (response_url, upload_url) points back
// at itself.

import { EventEmitter } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export const FAKE_TEAM_ID = 'T0001';
export const FAKE_TEAM_NAME = 'Acme';
export const FAKE_TEAM_DOMAIN = 'acme';
export const FAKE_APP_ID = 'A0001';
export const FAKE_BOT_USER_ID = 'U0BOT';
export const FAKE_BOT_ID = 'B0BOT';
export const FAKE_BOT_NAME = 'ipcheck';

/** The seconds part of the first ts the fake hands out; ts values then grow by 0.000100 per message. */
export const FAKE_TS_EPOCH = 1_732_780_000;

/** How a call authenticated. Never the token itself: only whether one came and its prefix (`xoxb-`, `xapp-`…). */
export interface CallAuth {
  present: boolean;
  /** `'xoxb-'`, `'xoxp-'`, `'xapp-'`, …; `'other'` for a token that does not look like a Slack token. */
  prefix: string | null;
  /** Where the token came from: the `Authorization: Bearer` header, or a `token` body field. */
  source: 'header' | 'body' | null;
}

export interface RecordedCall {
  /** Web API method (`chat.postMessage`), or the pseudo-methods `response_url` and `upload_url`. */
  method: string;
  /** Decoded arguments, with JSON fields (`blocks`, `view`, …) turned back into objects and `token` removed. */
  args: Record<string, unknown>;
  /** Request headers, lower-cased, without `authorization` and `cookie`. */
  headers: Record<string, string>;
  auth: CallAuth;
  /** Date.now() when the request arrived. */
  at: number;
  /** 1, 2, 3… in arrival order (not reset by reset()). */
  seq: number;
  /** HTTP status the fake answered with. */
  status: number;
  /** `ok` of the answer (false for 429 and other non-200 answers too). */
  ok: boolean;
  error?: string;
  /** The JSON body the fake answered with. */
  response: unknown;
}

export interface StoredMessage {
  channel: string;
  ts: string;
  thread_ts?: string;
  text?: string;
  blocks?: unknown[];
  attachments?: unknown[];
  metadata?: unknown;
  /** Who posted it: the bot user for chat.postMessage. */
  user: string;
  bot_id: string;
  reply_broadcast?: boolean;
  /** Set by chat.update. */
  edited?: { ts: string; count: number };
  /** Set by chat.delete; deleted messages stay here but are left out of messagesIn()/thread(). */
  deleted?: boolean;
}

export interface StoredEphemeral {
  channel: string;
  /** The only user who sees it. */
  user: string;
  message_ts: string;
  thread_ts?: string;
  text?: string;
  blocks?: unknown[];
}

export interface StoredScheduled {
  scheduled_message_id: string;
  channel: string;
  post_at: number;
  thread_ts?: string;
  text?: string;
  blocks?: unknown[];
}

export interface StoredView {
  id: string;
  /** `modal` for views.open/push, `home` for views.publish. */
  kind: 'modal' | 'home';
  /** The full view as the fake returned it (the app's view plus Slack's fields). */
  view: Record<string, unknown>;
  /** For views.publish: whose Home tab. */
  user_id?: string;
  /** How it got here last: views.open, views.push, views.update or views.publish. */
  via: string;
  /** Every version, oldest first. */
  history: Record<string, unknown>[];
}

export interface StoredResponse {
  /** The id in the response_url (`responseUrl(id)`). */
  id: string;
  body: Record<string, unknown>;
  at: number;
}

export interface StoredUpload {
  file_id: string;
  filename: string;
  length: number;
  /** The uploaded bytes as UTF-8 text. */
  content: string;
  /** Filled by files.completeUploadExternal. */
  title?: string;
  channel_id?: string;
  thread_ts?: string;
  initial_comment?: string;
  completed: boolean;
}

/** A file the fake hosts, as shared in a message (`hostFile`): what a `file_share` event's `files` lists. */
export interface HostedFile {
  id: string;
  name: string;
  title: string;
  mimetype: string;
  filetype: string;
  size: number;
  /** Served by the fake only with a valid bot token; without one, a sign-in page (HTML), like Slack. */
  url_private: string;
  url_private_download: string;
}

export interface FailureSpec {
  /** HTTP status. 429 answers with a `Retry-After` header (`retryAfter`, default 1 s). */
  status?: number;
  /** Seconds for `Retry-After`; given alone it implies status 429. */
  retryAfter?: number;
  /** A Slack error code, answered as HTTP 200 `{ok:false, error}` (e.g. `not_in_channel`, `expired_trigger_id`). */
  error?: string;
  /** Wait this long before answering. Alone (no status/error) the call then succeeds normally. */
  delayMs?: number;
  /** How many consecutive calls this applies to (default 1). */
  times?: number;
  /**
   * The call takes effect (the message is posted), but its answer is the failure: a response lost to a
   * timeout or a proxy's 5xx. Only with a non-429 `status`.
   */
  applied?: boolean;
  /** Only a call whose arguments this accepts takes the failure (others pass, the failure stays queued). */
  match?: (args: Record<string, unknown>) => boolean;
}

/** Returns a JSON answer for a call, or undefined to fall back to the fake's own answer. */
export type MethodHandler = (
  args: Record<string, unknown>,
  call: { method: string; auth: CallAuth },
) => Record<string, unknown> | undefined;

export interface FakeSlackApiOptions {
  /** `conversations.members` answers: channel id → member user ids (default: none). */
  channelMembers?: Record<string, string[]>;
  /** Where `apps.connections.open` points the Socket Mode client; can be set later with `api.socketUrl = …`. */
  socketUrl?: string;
  /** `users.info` overrides per user id, merged over the generated user. */
  users?: Record<string, Record<string, unknown>>;
  /** Channel names for `conversations.info` (default: `chan-<id>`). */
  channelNames?: Record<string, string>;
  /** When given, only these tokens are accepted (others get `invalid_auth`); compared, never stored. */
  validTokens?: string[];
  /** Reject calls with no token with `not_authed` (default true). */
  requireAuth?: boolean;
}

type Predicate = string | ((call: RecordedCall) => boolean);

export interface FakeSlackApi {
  /** Base URL for `clientOptions.slackApiUrl`: `http://127.0.0.1:PORT/api/`. */
  readonly url: string;
  /** `http://127.0.0.1:PORT` */
  readonly origin: string;
  readonly port: number;
  /** What apps.connections.open returns as `url`. */
  socketUrl: string | undefined;
  /** Every Web API call waits this long before it is answered (Slack's own latency); 0 by default. */
  latencyMs: number;
  readonly calls: RecordedCall[];
  readonly messages: StoredMessage[];
  readonly ephemerals: StoredEphemeral[];
  readonly scheduled: StoredScheduled[];
  readonly views: StoredView[];
  readonly responses: StoredResponse[];
  readonly uploads: StoredUpload[];
  /** Host a file a user shared; its url_private_download is a loopback URL that checks the bot token. */
  hostFile(f: {
    name: string;
    content: string | Uint8Array;
    mimetype?: string;
    filetype?: string;
  }): HostedFile;
  callsTo(method: string): RecordedCall[];
  /** Messages in a channel, not deleted, in ts order. Without thread_ts: all of them; with it: that thread. */
  messagesIn(channel: string, opts?: { thread_ts?: string; topLevelOnly?: boolean }): StoredMessage[];
  /** The thread's root (if the bot posted it) and its replies, in ts order. */
  thread(channel: string, thread_ts: string): StoredMessage[];
  /** A loopback URL to use as `response_url` in payloads; posts to it are recorded as `response_url` calls. */
  responseUrl(id?: string): string;
  /** Queue a failure for the next call(s) to `method` (`'*'` = any method). Failures queue up in order. */
  failNext(method: string, failure?: FailureSpec): void;
  /** Answer every call to `method` with `handler` (until reset()). */
  respondWith(method: string, handler: MethodHandler): void;
  /** Resolves with the first recorded call (past or future) matching a method name or predicate. */
  waitFor(predicate: Predicate, timeoutMs?: number): Promise<RecordedCall>;
  /** Forget calls, stored messages/views/…, queued failures and handlers. The ts clock keeps running. */
  reset(): void;
  close(): Promise<void>;
}

// Fields the WebClient sends as JSON strings inside a form body (it JSON-encodes every non-primitive argument).
const JSON_FIELDS = new Set([
  'blocks',
  'attachments',
  'view',
  'metadata',
  'files',
  'unfurls',
  'user_auth_blocks',
  'options',
  'option_groups',
  'dialog',
  'profile',
  'chunks',
  'channels',
  'users',
  'feedback',
  'elements',
]);
// Free-text fields: never decoded, even if the user typed something that parses as JSON.
const TEXT_FIELDS = new Set([
  'text',
  'markdown_text',
  'initial_comment',
  'title',
  'name',
  'query',
  'content',
]);

/** Decode a form field value the way the WebClient encoded it. */
function decodeFormValue(key: string, value: string): unknown {
  if (TEXT_FIELDS.has(key)) return value;
  const t = value.trimStart();
  const looksJson = t.startsWith('{') || t.startsWith('[');
  if (!looksJson) return value;
  try {
    const parsed: unknown = JSON.parse(value);
    if (JSON_FIELDS.has(key) || (parsed !== null && typeof parsed === 'object')) return parsed;
  } catch {
    // not JSON after all: keep the string
  }
  return value;
}

function tokenPrefix(token: string): string {
  const m = /^(x[a-z]{3})-/.exec(token);
  return m?.[1] ? `${m[1]}-` : 'other';
}

function readBody(req: IncomingMessage, limit = 10 * 1024 * 1024): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > limit) {
        reject(new Error('request body too large'));
        req.destroy();
        return;
      }
      chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

async function parseArgs(
  req: IncomingMessage,
  raw: Buffer,
): Promise<{ args: Record<string, unknown>; files: Map<string, Buffer> }> {
  const ct = String(req.headers['content-type'] ?? '').toLowerCase();
  const args: Record<string, unknown> = {};
  const files = new Map<string, Buffer>();
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  for (const [k, v] of url.searchParams) args[k] = decodeFormValue(k, v);
  if (raw.length === 0) return { args, files };
  if (ct.includes('application/json')) {
    const parsed: unknown = JSON.parse(raw.toString('utf8'));
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) Object.assign(args, parsed);
    else args.body = parsed;
  } else if (ct.includes('multipart/form-data')) {
    const form = await new Request('http://127.0.0.1/', {
      method: 'POST',
      headers: { 'content-type': String(req.headers['content-type']) },
      body: raw,
    }).formData();
    for (const [k, v] of form) {
      if (typeof v === 'string') args[k] = decodeFormValue(k, v);
      else {
        const buf = Buffer.from(await v.arrayBuffer());
        files.set(k, buf);
        args[k] = { filename: v.name, length: buf.length };
      }
    }
  } else {
    for (const [k, v] of new URLSearchParams(raw.toString('utf8'))) args[k] = decodeFormValue(k, v);
  }
  return { args, files };
}

function str(v: unknown): string | undefined {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return undefined;
}

function arr(v: unknown): unknown[] | undefined {
  return Array.isArray(v) ? v : undefined;
}

function obj(v: unknown): Record<string, unknown> | undefined {
  return v !== null && typeof v === 'object' && !Array.isArray(v)
    ? (v as Record<string, unknown>)
    : undefined;
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

export async function startFakeSlackApi(opts: FakeSlackApiOptions = {}): Promise<FakeSlackApi> {
  const events = new EventEmitter();
  events.setMaxListeners(0);
  const calls: RecordedCall[] = [];
  const messages: StoredMessage[] = [];
  const ephemerals: StoredEphemeral[] = [];
  const scheduled: StoredScheduled[] = [];
  const views: StoredView[] = [];
  const responses: StoredResponse[] = [];
  const uploads: StoredUpload[] = [];
  const hosted = new Map<string, { file: HostedFile; content: Buffer }>();
  const failures = new Map<string, FailureSpec[]>();
  const handlers = new Map<string, MethodHandler>();
  const requireAuth = opts.requireAuth ?? true;
  let seq = 0;
  let tsCounter = 0;
  let idCounter = 0;

  const nextTs = (): string => {
    tsCounter += 1;
    const micros = tsCounter * 100;
    return `${FAKE_TS_EPOCH + Math.floor(micros / 1_000_000)}.${pad(micros % 1_000_000, 6)}`;
  };
  const nextId = (prefix: string): string => {
    idCounter += 1;
    return `${prefix}${pad(idCounter, 10)}`;
  };

  const takeFailure = (method: string, args: Record<string, unknown>): FailureSpec | undefined => {
    for (const key of [method, '*']) {
      const q = failures.get(key);
      const f = q?.[0];
      if (q && f && (!f.match || f.match(args))) {
        const left = (f.times ?? 1) - 1;
        if (left > 0) q[0] = { ...f, times: left };
        else q.shift();
        return f;
      }
    }
    return undefined;
  };

  const record = (call: Omit<RecordedCall, 'seq'>): RecordedCall => {
    seq += 1;
    const full: RecordedCall = { ...call, seq };
    calls.push(full);
    events.emit('call', full);
    return full;
  };

  const findMessage = (channel: string | undefined, ts: string | undefined) =>
    messages.find((m) => m.channel === channel && m.ts === ts && !m.deleted);

  const buildView = (view: Record<string, unknown>, id: string, extra: Record<string, unknown> = {}) => ({
    ...view,
    id,
    team_id: FAKE_TEAM_ID,
    type: view.type ?? 'modal',
    blocks: view.blocks ?? [],
    private_metadata: view.private_metadata ?? '',
    callback_id: view.callback_id ?? '',
    external_id: view.external_id ?? '',
    state: { values: {} },
    hash: `${FAKE_TS_EPOCH}.${pad(idCounter, 8)}`,
    clear_on_close: view.clear_on_close ?? false,
    notify_on_close: view.notify_on_close ?? false,
    close: view.close ?? null,
    submit: view.submit ?? null,
    previous_view_id: null,
    root_view_id: id,
    app_id: FAKE_APP_ID,
    app_installed_team_id: FAKE_TEAM_ID,
    bot_id: FAKE_BOT_ID,
    ...extra,
  });

  const findView = (args: Record<string, unknown>): StoredView | undefined => {
    const viewId = str(args.view_id);
    const externalId = str(args.external_id);
    return views.find(
      (v) => (viewId && v.id === viewId) || (externalId && str(v.view.external_id) === externalId),
    );
  };

  const userInfo = (id: string): Record<string, unknown> => {
    const name = id.toLowerCase();
    const base: Record<string, unknown> = {
      id,
      team_id: FAKE_TEAM_ID,
      name,
      real_name: `User ${id}`,
      deleted: false,
      is_bot: id === FAKE_BOT_USER_ID,
      is_admin: false,
      tz: 'America/Los_Angeles',
      tz_label: 'Pacific Standard Time',
      tz_offset: -28800,
      profile: { real_name: `User ${id}`, display_name: name, email: `${name}@acme.example` },
    };
    return { ...base, ...(opts.users?.[id] ?? {}) };
  };

  // A page of messages as Slack's history methods give them: only those after `oldest` (and up to
  // `latest`), at most `limit` (Slack's default 100, at most 1000), the rest behind `next_cursor`.
  const page = (all: StoredMessage[], args: Record<string, unknown>): Record<string, unknown> => {
    const oldest = Number(str(args.oldest) ?? '0');
    const latest = Number(str(args.latest) ?? 'Infinity');
    const within = all.filter((m) => Number(m.ts) > oldest && Number(m.ts) <= latest);
    const limit = Math.min(1000, Math.max(1, Number(str(args.limit) ?? '100') || 100));
    const from = Number(str(args.cursor)?.replace(/^page:/, '') ?? '0') || 0;
    const slice = within.slice(from, from + limit);
    const more = from + limit < within.length;
    return {
      ok: true,
      messages: slice.map((m) => ({ type: 'message', ...m })),
      has_more: more,
      response_metadata: { next_cursor: more ? `page:${from + limit}` : '' },
    };
  };

  // The fake's own answer for a Web API method.
  const answer = (method: string, args: Record<string, unknown>, auth: CallAuth): Record<string, unknown> => {
    const channel = str(args.channel);
    switch (method) {
      case 'api.test':
        return { ok: true, args };
      case 'auth.test':
        return {
          ok: true,
          url: `https://${FAKE_TEAM_DOMAIN}.slack.com/`,
          team: FAKE_TEAM_NAME,
          team_id: FAKE_TEAM_ID,
          user: FAKE_BOT_NAME,
          user_id: FAKE_BOT_USER_ID,
          bot_id: FAKE_BOT_ID,
          is_enterprise_install: false,
        };
      case 'apps.connections.open':
        if (auth.prefix !== 'xapp-') return { ok: false, error: 'not_allowed_token_type' };
        if (!api.socketUrl) return { ok: false, error: 'fake_socket_url_not_set' };
        return { ok: true, url: api.socketUrl };
      case 'chat.postMessage': {
        if (!channel) return { ok: false, error: 'channel_not_found' };
        const text = str(args.text);
        const blocks = arr(args.blocks);
        const attachments = arr(args.attachments);
        if (!text && !blocks?.length && !attachments?.length) return { ok: false, error: 'no_text' };
        const ts = nextTs();
        const thread_ts = str(args.thread_ts);
        const m: StoredMessage = { channel, ts, user: FAKE_BOT_USER_ID, bot_id: FAKE_BOT_ID };
        if (thread_ts) m.thread_ts = thread_ts;
        if (text !== undefined) m.text = text;
        if (blocks) m.blocks = blocks;
        if (attachments) m.attachments = attachments;
        if (args.metadata !== undefined) m.metadata = args.metadata;
        if (str(args.reply_broadcast) === 'true') m.reply_broadcast = true;
        messages.push(m);
        return {
          ok: true,
          channel,
          ts,
          message: {
            type: 'message',
            subtype: 'bot_message',
            user: FAKE_BOT_USER_ID,
            bot_id: FAKE_BOT_ID,
            app_id: FAKE_APP_ID,
            team: FAKE_TEAM_ID,
            text: text ?? '',
            blocks: blocks ?? [],
            ts,
            ...(thread_ts ? { thread_ts } : {}),
          },
        };
      }
      case 'chat.update': {
        const ts = str(args.ts);
        const m = findMessage(channel, ts);
        if (!m) return { ok: false, error: 'message_not_found' };
        const text = str(args.text);
        const blocks = arr(args.blocks);
        if (text !== undefined) m.text = text;
        if (blocks) m.blocks = blocks;
        const attachments = arr(args.attachments);
        if (attachments) m.attachments = attachments;
        m.edited = { ts: nextTs(), count: (m.edited?.count ?? 0) + 1 };
        return {
          ok: true,
          channel,
          ts,
          text: m.text ?? '',
          message: {
            type: 'message',
            user: FAKE_BOT_USER_ID,
            bot_id: FAKE_BOT_ID,
            text: m.text ?? '',
            blocks: m.blocks ?? [],
          },
        };
      }
      case 'chat.delete': {
        const ts = str(args.ts);
        const m = findMessage(channel, ts);
        if (!m) return { ok: false, error: 'message_not_found' };
        m.deleted = true;
        return { ok: true, channel, ts };
      }
      case 'chat.postEphemeral': {
        const user = str(args.user);
        if (!channel) return { ok: false, error: 'channel_not_found' };
        if (!user) return { ok: false, error: 'user_not_in_channel' };
        const message_ts = nextTs();
        const e: StoredEphemeral = { channel, user, message_ts };
        const thread_ts = str(args.thread_ts);
        if (thread_ts) e.thread_ts = thread_ts;
        const text = str(args.text);
        if (text !== undefined) e.text = text;
        const blocks = arr(args.blocks);
        if (blocks) e.blocks = blocks;
        ephemerals.push(e);
        return { ok: true, message_ts };
      }
      case 'chat.getPermalink': {
        const ts = str(args.message_ts);
        if (!channel || !ts) return { ok: false, error: 'message_not_found' };
        return {
          ok: true,
          channel,
          permalink: `https://${FAKE_TEAM_DOMAIN}.slack.com/archives/${channel}/p${ts.replace('.', '')}`,
        };
      }
      case 'chat.scheduleMessage': {
        if (!channel) return { ok: false, error: 'channel_not_found' };
        const post_at = Number(args.post_at);
        if (!Number.isFinite(post_at)) return { ok: false, error: 'invalid_time' };
        const scheduled_message_id = nextId('Q');
        const s: StoredScheduled = { scheduled_message_id, channel, post_at };
        const thread_ts = str(args.thread_ts);
        if (thread_ts) s.thread_ts = thread_ts;
        const text = str(args.text);
        if (text !== undefined) s.text = text;
        const blocks = arr(args.blocks);
        if (blocks) s.blocks = blocks;
        scheduled.push(s);
        return {
          ok: true,
          channel,
          scheduled_message_id,
          post_at,
          message: { type: 'delayed_message', text: text ?? '', bot_id: FAKE_BOT_ID, user: FAKE_BOT_USER_ID },
        };
      }
      case 'chat.deleteScheduledMessage': {
        const id = str(args.scheduled_message_id);
        const i = scheduled.findIndex((s) => s.scheduled_message_id === id);
        if (i < 0) return { ok: false, error: 'invalid_scheduled_message_id' };
        scheduled.splice(i, 1);
        return { ok: true };
      }
      case 'conversations.members':
        return {
          ok: true,
          members: [...(opts.channelMembers?.[channel ?? ''] ?? [])],
          response_metadata: { next_cursor: '' },
        };
      case 'conversations.info':
        if (!channel) return { ok: false, error: 'channel_not_found' };
        return {
          ok: true,
          channel: {
            id: channel,
            name: opts.channelNames?.[channel] ?? `chan-${channel.toLowerCase()}`,
            is_channel: channel.startsWith('C'),
            is_im: channel.startsWith('D'),
            is_private: channel.startsWith('G'),
            is_member: true,
            is_archived: false,
          },
        };
      case 'conversations.replies': {
        const ts = str(args.ts);
        if (!channel || !ts) return { ok: false, error: 'thread_not_found' };
        // Oldest first, like Slack; the root always leads the first page.
        return page(api.thread(channel, ts), args);
      }
      case 'conversations.history':
        if (!channel) return { ok: false, error: 'channel_not_found' };
        // Newest first, like Slack.
        return page(api.messagesIn(channel, { topLevelOnly: true }).reverse(), args);
      case 'users.info': {
        const user = str(args.user);
        if (!user) return { ok: false, error: 'user_not_found' };
        return { ok: true, user: userInfo(user) };
      }
      case 'views.open':
      case 'views.push': {
        if (!str(args.trigger_id) && !str(args.interactivity_pointer)) {
          return { ok: false, error: 'invalid_arguments' };
        }
        const view = obj(args.view);
        if (!view) return { ok: false, error: 'invalid_arguments' };
        const id = nextId('V');
        const parent = method === 'views.push' ? views.filter((v) => v.kind === 'modal').at(-1) : undefined;
        const full = buildView(
          view,
          id,
          parent ? { previous_view_id: parent.id, root_view_id: parent.view.root_view_id } : {},
        );
        views.push({ id, kind: 'modal', view: full, via: method, history: [full] });
        return { ok: true, view: full };
      }
      case 'views.update': {
        const v = findView(args);
        const view = obj(args.view);
        if (!v) return { ok: false, error: 'not_found' };
        if (!view) return { ok: false, error: 'invalid_arguments' };
        const full = buildView(view, v.id, {
          root_view_id: v.view.root_view_id,
          previous_view_id: v.view.previous_view_id,
        });
        v.view = full;
        v.via = method;
        v.history.push(full);
        return { ok: true, view: full };
      }
      case 'views.publish': {
        const user_id = str(args.user_id);
        const view = obj(args.view);
        if (!user_id) return { ok: false, error: 'invalid_arguments' };
        if (!view) return { ok: false, error: 'invalid_arguments' };
        const existing = views.find((v) => v.kind === 'home' && v.user_id === user_id);
        const id = existing?.id ?? nextId('V');
        const full = buildView(view, id, { type: 'home' });
        if (existing) {
          existing.view = full;
          existing.via = method;
          existing.history.push(full);
        } else {
          views.push({ id, kind: 'home', user_id, view: full, via: method, history: [full] });
        }
        return { ok: true, view: full };
      }
      case 'files.info': {
        const h = hosted.get(str(args.file) ?? '');
        return h ? { ok: true, file: h.file } : { ok: false, error: 'file_not_found' };
      }
      case 'files.getUploadURLExternal': {
        const filename = str(args.filename) ?? 'file';
        const length = Number(args.length ?? 0);
        const file_id = nextId('F');
        uploads.push({ file_id, filename, length, content: '', completed: false });
        return { ok: true, upload_url: `${origin}/upload/${file_id}`, file_id };
      }
      case 'files.completeUploadExternal': {
        const files = arr(args.files) ?? [];
        const out: Record<string, unknown>[] = [];
        for (const f of files) {
          const fo = obj(f) ?? {};
          const id = str(fo.id);
          const u = uploads.find((x) => x.file_id === id);
          if (!u) return { ok: false, error: 'file_not_found' };
          u.completed = true;
          const title = str(fo.title);
          if (title !== undefined) u.title = title;
          if (channel) u.channel_id = channel;
          const cid = str(args.channel_id);
          if (cid) u.channel_id = cid;
          const thread_ts = str(args.thread_ts);
          if (thread_ts) u.thread_ts = thread_ts;
          const comment = str(args.initial_comment);
          if (comment !== undefined) u.initial_comment = comment;
          out.push({ id: u.file_id, name: u.filename, title: u.title ?? u.filename, size: u.content.length });
        }
        return { ok: true, files: out };
      }
      default:
        return { ok: true };
    }
  };

  const sendJson = (
    res: ServerResponse,
    status: number,
    body: unknown,
    headers: Record<string, string> = {},
  ) => {
    const text = JSON.stringify(body);
    res.writeHead(status, {
      'content-type': 'application/json; charset=utf-8',
      'content-length': String(Buffer.byteLength(text)),
      ...headers,
    });
    res.end(text);
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const at = Date.now();
    const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    const raw = await readBody(req);
    let kind: 'api' | 'response' | 'upload' | 'file';
    let method: string;
    let routeId = '';
    if (path.startsWith('/api/')) {
      kind = 'api';
      method = decodeURIComponent(path.slice('/api/'.length));
    } else if (path.startsWith('/response/')) {
      kind = 'response';
      method = 'response_url';
      routeId = decodeURIComponent(path.slice('/response/'.length));
    } else if (path.startsWith('/files-pri/')) {
      kind = 'file';
      method = 'url_private_download';
      routeId = decodeURIComponent(path.slice('/files-pri/'.length).split('/')[0] ?? '');
    } else if (path.startsWith('/upload/')) {
      kind = 'upload';
      method = 'upload_url';
      routeId = decodeURIComponent(path.slice('/upload/'.length));
    } else {
      sendJson(res, 404, { ok: false, error: 'not_found' });
      return;
    }

    let args: Record<string, unknown>;
    let files: Map<string, Buffer>;
    try {
      ({ args, files } = await parseArgs(req, raw));
    } catch {
      args = { raw: raw.toString('utf8') };
      files = new Map();
    }

    // Authentication: header first, then a `token` body field. Only presence and prefix are kept.
    let token: string | undefined;
    let source: CallAuth['source'] = null;
    const authz = req.headers.authorization;
    if (typeof authz === 'string' && /^Bearer\s+\S/i.test(authz)) {
      token = authz.replace(/^Bearer\s+/i, '').trim();
      source = 'header';
    } else if (typeof args.token === 'string' && args.token) {
      token = args.token;
      source = 'body';
    }
    delete args.token;
    const auth: CallAuth = {
      present: token !== undefined,
      prefix: token ? tokenPrefix(token) : null,
      source,
    };

    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(req.headers)) {
      if (k === 'authorization' || k === 'cookie' || v === undefined) continue;
      headers[k] = Array.isArray(v) ? v.join(', ') : v;
    }

    const finish = (
      status: number,
      body: Record<string, unknown>,
      extraHeaders: Record<string, string> = {},
    ) => {
      const ok = status === 200 && body.ok === true;
      const call: Omit<RecordedCall, 'seq'> = { method, args, headers, auth, at, status, ok, response: body };
      const err = str(body.error);
      if (err) call.error = err;
      sendJson(res, status, body, extraHeaders);
      record(call);
    };

    if (api.latencyMs > 0 && kind === 'api') await sleep(api.latencyMs);
    const failure = takeFailure(method, args);
    if (failure?.delayMs) await sleep(failure.delayMs);
    if (failure && (failure.status !== undefined || failure.retryAfter !== undefined)) {
      const status = failure.status ?? 429;
      if (status === 429) {
        finish(
          429,
          { ok: false, error: failure.error ?? 'ratelimited' },
          { 'retry-after': String(failure.retryAfter ?? 1) },
        );
        return;
      }
      if (status !== 200) {
        if (failure.applied) answer(method, args, auth);
        finish(status, { ok: false, error: failure.error ?? 'http_error' });
        return;
      }
    }
    if (failure?.error) {
      finish(200, { ok: false, error: failure.error });
      return;
    }

    if (kind === 'response') {
      responses.push({ id: routeId, body: args, at });
      finish(200, { ok: true });
      return;
    }
    if (kind === 'file') {
      // Like files.slack.com: the bytes only for a valid token in the Authorization header; otherwise
      // Slack's sign-in page with status 200, which a client that does not check would read as the file.
      const h = hosted.get(routeId);
      const valid =
        source === 'header' &&
        token !== undefined &&
        auth.prefix === 'xoxb-' &&
        (!opts.validTokens || opts.validTokens.includes(token));
      const call = { method, args, headers, auth, at, ok: Boolean(h && valid), response: {} };
      if (!h) {
        sendJson(res, 404, { ok: false, error: 'file_not_found' });
        record({ ...call, status: 404, error: 'file_not_found' });
        return;
      }
      if (!valid) {
        const page =
          '<!DOCTYPE html><html><head><title>Slack</title></head><body>Sign in to Slack</body></html>';
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        res.end(page);
        record({ ...call, status: 200, error: 'not_authed' });
        return;
      }
      res.writeHead(200, {
        'content-type': h.file.mimetype,
        'content-length': String(h.content.length),
      });
      res.end(h.content);
      record({ ...call, status: 200 });
      return;
    }
    if (kind === 'upload') {
      const u = uploads.find((x) => x.file_id === routeId);
      const data = [...files.values()][0] ?? (typeof args.body === 'string' ? Buffer.from(args.body) : raw);
      if (!u) {
        finish(404, { ok: false, error: 'file_not_found' });
        return;
      }
      u.content = data.toString('utf8');
      u.length = data.length;
      finish(200, { ok: true });
      return;
    }

    if (requireAuth && !auth.present) {
      finish(200, { ok: false, error: 'not_authed' });
      return;
    }
    if (
      token !== undefined &&
      (auth.prefix === 'other' || (opts.validTokens && !opts.validTokens.includes(token)))
    ) {
      finish(200, { ok: false, error: 'invalid_auth' });
      return;
    }
    const custom = handlers.get(method)?.(args, { method, auth });
    finish(200, custom ?? answer(method, args, auth));
  };

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      if (!res.headersSent)
        sendJson(res, 500, { ok: false, error: 'fake_internal_error', detail: String(err) });
      else res.destroy();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  const origin = `http://127.0.0.1:${port}`;
  let responseCounter = 0;

  const matches = (p: Predicate, c: RecordedCall) => (typeof p === 'string' ? c.method === p : p(c));

  const api: FakeSlackApi = {
    url: `${origin}/api/`,
    origin,
    port,
    socketUrl: opts.socketUrl,
    latencyMs: 0,
    calls,
    messages,
    ephemerals,
    scheduled,
    views,
    responses,
    uploads,
    hostFile(f) {
      const id = nextId('F');
      const content = typeof f.content === 'string' ? Buffer.from(f.content, 'utf8') : Buffer.from(f.content);
      const url = `${origin}/files-pri/${id}/${encodeURIComponent(f.name)}`;
      const file: HostedFile = {
        id,
        name: f.name,
        title: f.name,
        mimetype: f.mimetype ?? 'text/csv',
        filetype: f.filetype ?? 'csv',
        size: content.length,
        url_private: url,
        url_private_download: `${url}?download=1`,
      };
      hosted.set(id, { file, content });
      return file;
    },
    callsTo: (method) => calls.filter((c) => c.method === method),
    messagesIn(channel, o = {}) {
      return messages
        .filter((m) => m.channel === channel && !m.deleted)
        .filter((m) => (o.thread_ts ? m.thread_ts === o.thread_ts || m.ts === o.thread_ts : true))
        .filter((m) => (o.topLevelOnly ? !m.thread_ts || m.thread_ts === m.ts || m.reply_broadcast : true))
        .sort((a, b) => Number(a.ts) - Number(b.ts));
    },
    thread(channel, thread_ts) {
      return api.messagesIn(channel, { thread_ts });
    },
    responseUrl(id) {
      responseCounter += 1;
      return `${origin}/response/${encodeURIComponent(id ?? `R${pad(responseCounter, 6)}`)}`;
    },
    failNext(method, failure = { error: 'internal_error' }) {
      const q = failures.get(method) ?? [];
      q.push({ ...failure });
      failures.set(method, q);
    },
    respondWith(method, handler) {
      handlers.set(method, handler);
    },
    waitFor(predicate, timeoutMs = 2000) {
      const found = calls.find((c) => matches(predicate, c));
      if (found) return Promise.resolve(found);
      return new Promise<RecordedCall>((resolve, reject) => {
        const onCall = (c: RecordedCall) => {
          if (!matches(predicate, c)) return;
          clearTimeout(timer);
          events.off('call', onCall);
          resolve(c);
        };
        const timer = setTimeout(() => {
          events.off('call', onCall);
          const seen = calls.map((c) => `${c.method}(${c.status}${c.error ? ` ${c.error}` : ''})`).join(', ');
          const what = typeof predicate === 'string' ? predicate : 'predicate';
          reject(
            new Error(`fake Slack API: no call matched ${what} within ${timeoutMs} ms; calls: [${seen}]`),
          );
        }, timeoutMs);
        events.on('call', onCall);
      });
    },
    reset() {
      calls.length = 0;
      messages.length = 0;
      ephemerals.length = 0;
      scheduled.length = 0;
      views.length = 0;
      responses.length = 0;
      uploads.length = 0;
      hosted.clear();
      failures.clear();
      handlers.clear();
    },
    close() {
      return new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
  return api;
}

/** Plain text a user would read from Block Kit blocks (section/header/context/rich_text/markdown), one line per piece. */
export function blocksToText(blocks: unknown[] | undefined): string {
  const out: string[] = [];
  const textOf = (t: unknown): string | undefined => {
    if (typeof t === 'string') return t;
    const o = obj(t);
    return o ? str(o.text) : undefined;
  };
  const walkRich = (els: unknown[] | undefined, acc: string[]) => {
    for (const e of els ?? []) {
      const o = obj(e);
      if (!o) continue;
      if (typeof o.text === 'string') acc.push(o.text);
      else if (o.type === 'user') acc.push(`<@${str(o.user_id) ?? ''}>`);
      else if (o.type === 'link') acc.push(str(o.text) ?? str(o.url) ?? '');
      walkRich(arr(o.elements), acc);
    }
  };
  for (const b of blocks ?? []) {
    const o = obj(b);
    if (!o) continue;
    const t = textOf(o.text);
    if (t) out.push(t);
    for (const f of arr(o.fields) ?? []) {
      const ft = textOf(f);
      if (ft) out.push(ft);
    }
    if (o.type === 'context') {
      for (const e of arr(o.elements) ?? []) {
        const et = textOf(e);
        if (et) out.push(et);
      }
    }
    if (o.type === 'rich_text') {
      const acc: string[] = [];
      walkRich(arr(o.elements), acc);
      if (acc.length) out.push(acc.join(''));
    }
    if (o.type === 'actions') {
      for (const e of arr(o.elements) ?? []) {
        const et = textOf(obj(e)?.text);
        if (et) out.push(`[${et}]`);
      }
    }
    if (o.type === 'input') {
      const label = textOf(o.label);
      if (label) out.push(label);
    }
  }
  return out.join('\n');
}

/** What a user sees of a stored message: its blocks as text, or its `text` when it has no blocks. */
export function visibleText(m: { text?: string; blocks?: unknown[] }): string {
  return m.blocks?.length ? blocksToText(m.blocks) : (m.text ?? '');
}
