import { logUnsent, reminderDeps } from '../../app/rounds.js';
import { runDueReminders } from '../../app/run-reminders.js';
import type { InFlight } from '../shared/in-flight.js';
import { startRounds } from '../shared/rounds.js';
import { postText } from './post.js';
import { CHANNEL, type SlackDeps, type WebClient } from './slack-deps.js';

/**
 * Posts due deadline reminders of Slack cases: in the legal thread once the case is escalated, else in the
 * seller's thread. Stored reminders survive restarts; each is claimed before posting, so several instances
 * send it once. Cases opened elsewhere (the terminal, Teams) are reminded by their own channel, and a case
 * with no thread to post in (a record from before threads were kept) is not marked sent.
 */
export async function postDueReminders(deps: SlackDeps, client: WebClient): Promise<string[]> {
  const run = await runDueReminders(reminderDeps(deps), CHANNEL, async (r, rec) => {
    const esc = rec.escalation;
    const t = rec.sellerThread;
    const text = `:alarm_clock: ${r.text}`;
    // Once each, even when Slack stores it but its answer is lost (post-once.ts).
    if (esc) await postText(client, deps.log, { channel: esc.channel, thread_ts: esc.ts }, text);
    else if (t)
      await postText(client, deps.log, { channel: t.channel, ...(t.ts ? { thread_ts: t.ts } : {}) }, text);
    else throw new Error(`no Slack thread to remind for ${rec.id}`);
  });
  logUnsent(deps.log, 'reminders', run);
  return run.sent;
}

export function startReminderLoop(
  deps: SlackDeps,
  client: WebClient,
  everyMs: number,
  inFlight: InFlight,
): () => void {
  return startRounds(
    () => postDueReminders(deps, client),
    everyMs,
    inFlight,
    (err) => deps.log.warn(`reminders: ${err.message}`),
  );
}
