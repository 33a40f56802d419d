import type { App } from '@slack/bolt';
import { appDeps } from '../../../app/app-deps.js';
import { applySellerMessage, deliverOnce } from '../../../app/deliveries.js';
import { userText } from '../../../domain/model/errors.js';
import { turnAndPost } from '../case-ops.js';
import { fromSlackText } from '../incoming-text.js';
import { legalPort } from '../legal.js';
import { postText, type Where } from '../post.js';
import { CHANNEL, dmKey, type SlackDeps, threadKey, type WebClient } from '../slack-deps.js';

interface Incoming {
  team: string;
  channel: string;
  user: string;
  text: string;
  /** The conversation key and where replies go. */
  key: string;
  where: Where;
  thread?: string;
}

/**
 * Applies one delivery's text to its case at most once (the rule: src/app/deliveries.ts); a retry of a
 * delivery whose text was saved re-shows where the case stands instead.
 */
async function handle(
  deps: SlackDeps,
  client: WebClient,
  m: Incoming,
  startIfNew: boolean,
  eventId: string,
  saved: () => void,
): Promise<void> {
  await applySellerMessage(
    appDeps(deps),
    { channel: CHANNEL, conversation: m.key, who: m.user, text: m.text, deliveryId: eventId, startIfNew },
    {
      legal: legalPort(deps, client, (text) => postText(client, deps.log, m.where, text)),
      turn: async (event, onSaved) => {
        await turnAndPost(
          deps,
          client,
          {
            conversation: m.key,
            who: m.user,
            channel: CHANNEL,
            event,
            sellerThread: { team: m.team, channel: m.channel, ...(m.thread ? { ts: m.thread } : {}) },
          },
          m.where,
          m.user,
          onSaved,
        );
      },
      saved,
    },
  );
}

/** Runs a delivery once; a failure gives the delivery back (a Slack retry can do it) and tells the user. */
async function deliver(
  deps: SlackDeps,
  client: WebClient,
  m: Incoming,
  startIfNew: boolean,
  eventId: string,
): Promise<void> {
  let saved = false;
  try {
    await deliverOnce(appDeps(deps), `slack:event:${eventId}`, () =>
      handle(deps, client, m, startIfNew, eventId, () => {
        saved = true;
      }),
    );
  } catch (err) {
    deps.log.error(`message in ${m.key} failed: ${(err as Error).message}`);
    // userText() says "nothing was changed", which is wrong once the text was saved.
    const text = saved
      ? 'Sorry: I saved that, but could not post my whole reply. Say "status" here to see where the case stands.'
      : `Sorry: ${userText(err)}`;
    await postText(client, deps.log, m.where, text).catch(() => {});
  }
}

/** What was said to the bot: Slack's markup decoded (incoming-text.ts), the mentions left out. */
const mentionOf = (text: string) =>
  fromSlackText(text.replace(/<@[A-Z0-9]+(\|[^>]*)?>/g, ' '))
    .replace(/\s+/g, ' ')
    .trim();

export function registerMessages(app: App, deps: SlackDeps): void {
  // @ipcheck anywhere: a case from free text, in the thread of the mention (or the thread it is in).
  app.event('app_mention', async ({ event, body, client }) => {
    const thread = event.thread_ts ?? event.ts;
    const team = body.team_id;
    if (!event.user) return;
    const m: Incoming = {
      team,
      channel: event.channel,
      user: event.user,
      text: mentionOf(event.text),
      key: threadKey(team, event.channel, thread),
      where: { channel: event.channel, thread_ts: thread },
      thread,
    };
    await deliver(deps, client, m, true, body.event_id);
  });

  // Replies in a case thread continue the case without a mention; DMs are one conversation each.
  app.event('message', async ({ event, body, client, context }) => {
    if (
      event.subtype !== undefined ||
      !('user' in event) ||
      !event.user ||
      ('bot_id' in event && event.bot_id)
    )
      return;
    const text = 'text' in event && typeof event.text === 'string' ? event.text : '';
    const team = body.team_id;
    const dm = event.channel_type === 'im';
    // A mention in a channel arrives as app_mention too; handle it once, there.
    if (!dm && context.botUserId && text.includes(`<@${context.botUserId}>`)) return;
    const thread = 'thread_ts' in event ? event.thread_ts : undefined;
    if (!dm && !thread) return;
    const m: Incoming = dm
      ? {
          team,
          channel: event.channel,
          user: event.user,
          text: mentionOf(text),
          key: dmKey(team, event.channel),
          where: { channel: event.channel, after: event.ts },
        }
      : {
          team,
          channel: event.channel,
          user: event.user,
          text: fromSlackText(text),
          key: threadKey(team, event.channel, thread as string),
          where: { channel: event.channel, thread_ts: thread as string },
          thread: thread as string,
        };
    await deliver(deps, client, m, dm, body.event_id);
  });
}
