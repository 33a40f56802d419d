import type { ReceiverEvent } from '@slack/bolt';
import { appDeps } from '../../app/app-deps.js';
import { caseOfConversation } from '../../app/case-lookup.js';
import { BUSY_TEXT } from '../shared/work-gate.js';
import { ACTION } from './action-ids.js';
import { type SlackDeps, threadKey, type WebClient } from './slack-deps.js';

// A request that finds the work line full (shared/work-gate.ts) is acked and not worked on; the person
// who sent it is told, privately, to try again in a minute. Only what a person is waiting on is turned
// away: a slash command (told in the ack itself), a message to the bot (a DM, a mention, a reply in a
// case thread) and a button. A form being submitted, or a button that opens one, always takes its turn:
// turning it away would lose what was typed, and its trigger lasts 3 seconds.

const MODAL_ACTIONS = new Set<string>([ACTION.draftEdit, ACTION.legalInfo, ACTION.legalResolve]);

type Body = Record<string, unknown>;
const obj = (v: unknown): Body | undefined =>
  typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Body) : undefined;
const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);

/** A button whose handler opens a modal (with a trigger_id that expires 3 s after the click). */
export function opensModal(body: unknown): boolean {
  const b = obj(body);
  const actions = Array.isArray(b?.actions) ? b.actions : [];
  return b?.type === 'block_actions' && actions.some((a) => MODAL_ACTIONS.has(String(obj(a)?.action_id)));
}

/** Whether a request may be turned away when the line is full (see above). */
export function mayTurnAway(body: Body): boolean {
  if (str(body.command)) return true;
  if (body.type === 'event_callback') return true;
  return body.type === 'block_actions' && !opensModal(body);
}

/** Where to tell the person, privately: their channel and thread, if the request has them. */
async function whereToTell(
  body: Body,
  deps: SlackDeps,
): Promise<{ channel: string; user: string; thread_ts?: string } | undefined> {
  if (body.type === 'event_callback') {
    const ev = obj(body.event);
    const channel = str(ev?.channel);
    const user = str(ev?.user);
    if (!ev || !channel || !user || ev.subtype !== undefined || ev.bot_id) return undefined;
    const thread = str(ev.thread_ts);
    if (ev.type === 'app_mention') return { channel, user, thread_ts: thread ?? (str(ev.ts) as string) };
    if (ev.type !== 'message') return undefined;
    if (ev.channel_type === 'im') return { channel, user };
    // A reply in a thread of a channel is for ipcheck only in a case's thread (one read to know).
    const team = str(body.team_id);
    if (!thread || !team) return undefined;
    const rec = await caseOfConversation(appDeps(deps), threadKey(team, channel, thread)).catch(
      () => undefined,
    );
    return rec ? { channel, user, thread_ts: thread } : undefined;
  }
  const channel = str(obj(body.channel)?.id);
  const user = str(obj(body.user)?.id);
  const message = obj(body.message);
  const thread = str(message?.thread_ts) ?? str(obj(body.container)?.thread_ts);
  return channel && user ? { channel, user, ...(thread ? { thread_ts: thread } : {}) } : undefined;
}

/** Acks a request that is turned away and tells its person. Returns what it was, for the log. */
export async function turnAway(event: ReceiverEvent, deps: SlackDeps, client: WebClient): Promise<string> {
  const body = event.body as Body;
  if (str(body.command)) {
    // A slash command's ack can carry the answer itself: nothing more to call.
    await event.ack({ response_type: 'ephemeral', text: BUSY_TEXT });
    return `the command ${String(body.command)}`;
  }
  await event.ack();
  const what = body.type === 'event_callback' ? `a ${String(obj(body.event)?.type)} event` : 'a button';
  const where = await whereToTell(body, deps);
  if (where) await client.chat.postEphemeral({ ...where, text: BUSY_TEXT }).catch(() => {});
  return what;
}
