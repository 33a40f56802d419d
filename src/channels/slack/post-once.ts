import { webApi } from '@slack/bolt';
import type { Log, WebClient } from './slack-deps.js';

// chat.postMessage is not idempotent. The shared WebClient retries any failed request (a timeout, a 5xx),
// and a request that timed out may well have been posted: a blind retry posted a second case message or
// a second legal parent. Messages that must exist once (the case message, the legal parent, the lawyer
// note) go through here instead: rate limits (429: Slack did nothing) are waited out and retried, any
// other failure is thrown at once, and the caller looks for the message before posting it again
// (findOwnMessage), by the metadata every such message carries.

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

// How far back a retry looks: it comes minutes after the failed attempt, so the message is recent.
const HISTORY_PAGES = 5;
const PAGE = 200;

/**
 * The ts of ipcheck's message with `key`, top level in `channel` (or a reply in `thread`), if there is
 * one. Reads history (channels:history / groups:history / im:history); a failure is thrown, since
 * "not found" would risk posting twice.
 */
export async function findOwnMessage(
  client: WebClient,
  channel: string,
  key: OwnMessageKey,
  thread?: string,
): Promise<string | undefined> {
  let cursor: string | undefined;
  for (let page = 0; page < HISTORY_PAGES; page++) {
    const common = { channel, limit: PAGE, include_all_metadata: true, ...(cursor ? { cursor } : {}) };
    const r = thread
      ? await client.conversations.replies({ ...common, ts: thread })
      : await client.conversations.history(common);
    const hit = (r.messages as Found[] | undefined)?.find((m) => sameKey(m, key));
    if (hit) return hit.ts;
    cursor = r.response_metadata?.next_cursor || undefined;
    if (!cursor) return undefined;
  }
  return undefined;
}
