import { runDueReminders } from '../../core/run-reminders.js';
import type { InFlight } from '../shared/in-flight.js';
import { reminderDeps, startRounds } from '../shared/rounds.js';
import { postText } from './post.js';
import type { SlackDeps, WebClient } from './slack-deps.js';

/**
 * Posts due deadline reminders: in the legal thread once the case is escalated, else in the seller's
 * thread. Stored reminders survive restarts; each is claimed before posting, so several instances send
 * it once.
 */
export async function postDueReminders(deps: SlackDeps, client: WebClient): Promise<string[]> {
  const { sent } = await runDueReminders(
    reminderDeps(deps),
    async (r) => {
      const rec = await deps.stores.cases.get(r.caseId);
      const esc = rec?.escalation;
      const t = rec?.sellerThread;
      // Once each, even when Slack stores it but its answer is lost (post-once.ts).
      if (esc)
        await postText(
          client,
          deps.log,
          { channel: esc.channel, thread_ts: esc.ts },
          `:alarm_clock: ${r.text}`,
        );
      else if (t)
        await postText(
          client,
          deps.log,
          { channel: t.channel, ...(t.ts ? { thread_ts: t.ts } : {}) },
          `:alarm_clock: ${r.text}`,
        );
    },
    // Teams cases are reminded by the Teams loop (teams/reminders.ts), in Teams.
    (rec) => rec.channel !== 'teams',
  );
  return sent;
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
