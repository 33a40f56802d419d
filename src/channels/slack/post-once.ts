import { randomUUID } from 'node:crypto';
import { webApi } from '@slack/bolt';
import type { Log, WebClient } from './slack-deps.js';

// chat.postMessage is not idempotent. The shared WebClient retries any failed request (a timeout, a 5xx),
// and a request that timed out may well have been posted: a blind retry posted a second case message, a
// second legal parent, a first question or an "Acknowledged" twice. Every post a seller or a lawyer sees
// goes through here instead: rate limits (429: Slack did nothing) are waited out and retried, any other
// failure is never retried blindly: the message is looked for first (findOwnMessage), by the key in the
// metadata every such message carries, and posted again only when it is not there (postSafely). A lookup
// reads the thread, or the channel from a known message on (`oldest`), page by page to the end: never a
// fixed number of pages, so a busy channel cannot hide a message.

/** Marks ipcheck's own messages, so a retry can find one that was posted although the call failed. */
export const META_EVENT = 'ipcheck_message';

export interface OwnMessageKey {
  /** e.g. "legal_parent", "lawyer_note", "case_message". */
  kind: string;
  /** What the message is about: a case id, or the listing a case is being opened for. */
  ref: string;
  /** The part number of a message split in several. */
  part?: number;
}

const strict = new WeakMap<WebClient, WebClient>();

/** A client like `client` (same token and API address) that never retries on its own. */
function noRetryClient(client: WebClient, log: Log): WebClient {
  let c = strict.get(client);
  if (!c) {
    c = new webApi.WebClient(client.token, {
      slackApiUrl: client.slackApiUrl,
      retryConfig: { retries: 0 },
      rejectRateLimitedCalls: true,
      timeout: 15_000,
      logger: {
        debug: () => {},
        info: () => {},
        warn: (...m: unknown[]) => log.warn(m.map(String).join(' ')),
        error: (...m: unknown[]) => log.error(m.map(String).join(' ')),
        setLevel: () => {},
        getLevel: () => webApi.LogLevel.WARN,
        setName: () => {},
      },
    });
    strict.set(client, c);
  }
  return c;
}

type PostArgs = Parameters<WebClient['chat']['postMessage']>[0] & { channel: string };

const MAX_RATE_LIMIT_WAITS = 5;

/** True when Slack answered "no" (ok:false): the message was certainly not posted. */
export function definitelyNotPosted(err: unknown): boolean {
  return (err as { code?: string }).code === webApi.ErrorCode.PlatformError;
}

/**
 * Posts once, with the message's key in its metadata. A 429 is waited out (Retry-After) and retried;
 * any other failure is thrown without a retry, since the message may have been posted anyway.
 */
export async function postOnce(
  client: WebClient,
  log: Log,
  key: OwnMessageKey,
  args: PostArgs,
): Promise<string> {
  const c = noRetryClient(client, log);
  const metadata = { event_type: META_EVENT, event_payload: { ...key } };
  for (let attempt = 0; ; attempt++) {
    try {
      const r = await c.chat.postMessage({ ...args, metadata } as PostArgs);
      if (!r.ts) throw new Error('chat.postMessage answered without a message ts');
      return r.ts;
    } catch (err) {
      const e = err as { code?: string; retryAfter?: number };
      if (e.code !== webApi.ErrorCode.RateLimitedError || attempt >= MAX_RATE_LIMIT_WAITS) throw err;
      await new Promise((r) => setTimeout(r, Math.max(1, e.retryAfter ?? 1) * 1000));
    }
  }
}

interface Found {
  ts: string;
  metadata?: { event_type?: string; event_payload?: Record<string, unknown> };
}

const sameKey = (m: Found, key: OwnMessageKey) => {
  const p = m.metadata?.event_payload;
  return (
    m.metadata?.event_type === META_EVENT &&
    p?.kind === key.kind &&
    p?.ref === key.ref &&
    (key.part === undefined || p?.part === key.part)
  );
};

const PAGE = 200;

/**
 * The ts of ipcheck's message with `key`, top level in `channel` (or a reply in `thread`), if there is
 * one. Reads the thread, or the channel's messages after `oldest` (the newest message before the post
 * was tried; the whole history without it), every page of them. Reads history (channels:history /
 * groups:history / im:history); a failure is thrown, since "not found" would risk posting twice.
 */
export async function findOwnMessage(
  client: WebClient,
  channel: string,
  key: OwnMessageKey,
  thread?: string,
  opts: { oldest?: string } = {},
): Promise<string | undefined> {
  let cursor: string | undefined;
  for (;;) {
    const common = {
      channel,
      limit: PAGE,
      include_all_metadata: true,
      ...(opts.oldest ? { oldest: opts.oldest } : {}),
      ...(cursor ? { cursor } : {}),
    };
    const r = thread
      ? await client.conversations.replies({ ...common, ts: thread })
      : await client.conversations.history(common);
    const hit = (r.messages as Found[] | undefined)?.find((m) => sameKey(m, key));
    if (hit) return hit.ts;
    cursor = r.response_metadata?.next_cursor || undefined;
    if (!cursor) return undefined;
  }
}

/**
 * The ts of the newest message in a channel (top level), or "0" for an empty one: a post tried after it
 * is looked for among the messages after it. Undefined when history cannot be read (then the lookup
 * reads the whole history).
 */
export async function newestTs(client: WebClient, channel: string): Promise<string | undefined> {
  try {
    const r = await client.conversations.history({ channel, limit: 1 });
    return (r.messages as Found[] | undefined)?.[0]?.ts ?? '0';
  } catch {
    return undefined;
  }
}

// How often a post whose outcome is unknown is tried (each time after looking for it), and the pause first.
const POST_TRIES = 3;
const POST_PAUSE_MS = 400;

/**
 * Posts a message once, even when Slack stores it but its answer is lost: a failure that does not say
 * "not posted" is followed by a look for the message (by its key), and it is posted again only when it
 * is not there. `key` names a message a later try must find too (the legal parent); without one, a
 * fresh key serves this call's own retries. `after`: the newest message in the channel before this post,
 * when the caller read it already (a top-level post reads it itself).
 */
export async function postSafely(
  client: WebClient,
  log: Log,
  args: PostArgs,
  opts: { key?: OwnMessageKey; after?: string } = {},
): Promise<string> {
  const key = opts.key ?? { kind: 'post', ref: randomUUID() };
  const thread = (args as { thread_ts?: string }).thread_ts;
  const after = thread ? undefined : (opts.after ?? (await newestTs(client, args.channel)));
  const look = () => findOwnMessage(client, args.channel, key, thread, after ? { oldest: after } : {});
  let failure: unknown;
  for (let attempt = 0; attempt < POST_TRIES; attempt++) {
    if (attempt > 0) {
      await new Promise((r) => setTimeout(r, POST_PAUSE_MS * attempt));
      const found = await look();
      if (found) return found;
    }
    try {
      return await postOnce(client, log, key, args);
    } catch (err) {
      if (definitelyNotPosted(err)) throw err;
      failure = err;
      log.warn(
        `posting in ${args.channel} did not confirm (${(err as Error).message}); looking for it first`,
      );
    }
  }
  const found = await look();
  if (found) return found;
  throw failure;
}
