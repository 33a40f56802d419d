import type { Reply } from '../../domain/conversation/replies.js';
import { newestTs, postSafely } from './post-once.js';
import { type OutcomeView, renderSlack, type SlackMessage } from './render-block-kit.js';
import type { Log, WebClient } from './slack-deps.js';

export interface Where {
  channel: string;
  /** Absent in a DM without threads: the reply goes to the conversation itself. */
  thread_ts?: string;
  /**
   * Outside a thread, a message the posts come after (the seller's own): a post whose answer is lost is
   * looked for from there on, without reading the channel first (post-once.ts).
   */
  after?: string;
}

/**
 * Posts messages in order (Slack keeps thread order by arrival), each once even when Slack's answer is
 * lost (post-once.ts); returns their timestamps.
 */
export async function postMessages(
  client: WebClient,
  log: Log,
  where: Where,
  messages: readonly SlackMessage[],
): Promise<string[]> {
  const ts: string[] = [];
  // Outside a thread, each is looked for among the messages after the newest one before the first.
  const after =
    where.thread_ts || messages.length === 0
      ? undefined
      : (where.after ?? (await newestTs(client, where.channel)));
  for (const m of messages) {
    ts.push(
      await postSafely(
        client,
        log,
        {
          channel: where.channel,
          ...(where.thread_ts ? { thread_ts: where.thread_ts } : {}),
          text: m.text,
          blocks: m.blocks,
          unfurl_links: false,
        },
        after ? { after } : {},
      ),
    );
  }
  return ts;
}

/** One plain message where `where` says, once (post-once.ts). */
export function postText(client: WebClient, log: Log, where: Where, text: string): Promise<string> {
  return postSafely(
    client,
    log,
    {
      channel: where.channel,
      ...(where.thread_ts ? { thread_ts: where.thread_ts } : {}),
      text,
      unfurl_links: false,
    },
    where.after ? { after: where.after } : {},
  );
}

export function postReplies(
  client: WebClient,
  log: Log,
  where: Where,
  replies: readonly Reply[],
  view: OutcomeView,
): Promise<string[]> {
  return postMessages(client, log, where, renderSlack(replies, view));
}

/** The Slack error code of a failed Web API call ("not_in_channel"…), if it is one. */
export function slackError(err: unknown): string | undefined {
  const data = (err as { data?: { error?: string } }).data;
  return typeof data?.error === 'string' ? data.error : undefined;
}
