import type { Reply } from '../../core/replies.js';
import { type OutcomeView, renderSlack, type SlackMessage } from './render-block-kit.js';
import type { WebClient } from './slack-deps.js';

export interface Where {
  channel: string;
  /** Absent in a DM without threads: the reply goes to the conversation itself. */
  thread_ts?: string;
}

/** Posts messages in order (Slack keeps thread order by arrival); returns their timestamps. */
export async function postMessages(
  client: WebClient,
  where: Where,
  messages: readonly SlackMessage[],
): Promise<string[]> {
  const ts: string[] = [];
  for (const m of messages) {
    const r = await client.chat.postMessage({
      channel: where.channel,
      ...(where.thread_ts ? { thread_ts: where.thread_ts } : {}),
      text: m.text,
      blocks: m.blocks,
      unfurl_links: false,
    });
    if (r.ts) ts.push(r.ts);
  }
  return ts;
}

export function postReplies(
  client: WebClient,
  where: Where,
  replies: readonly Reply[],
  view: OutcomeView,
): Promise<string[]> {
  return postMessages(client, where, renderSlack(replies, view));
}

/** The Slack error code of a failed Web API call ("not_in_channel"…), if it is one. */
export function slackError(err: unknown): string | undefined {
  const data = (err as { data?: { error?: string } }).data;
  return typeof data?.error === 'string' ? data.error : undefined;
}
