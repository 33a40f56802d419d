import { logUnsent, reminderDeps } from '../../app/rounds.js';
import { runDueReminders } from '../../app/run-reminders.js';
import type { InFlight } from '../shared/in-flight.js';
import { startRounds } from '../shared/rounds.js';
import { tellLegal, tellSeller } from './legal.js';
import { wordsMessage } from './render-cards.js';
import { CHANNEL, type TeamsDeps } from './teams-deps.js';

/**
 * Posts due deadline reminders of Teams cases: in the legal thread once the case is escalated, else in
 * the seller's conversation. Each is claimed before posting, so several instances send it once; cases
 * opened elsewhere (Slack, the terminal) are left to their own channel.
 */
export async function postDueReminders(deps: TeamsDeps): Promise<string[]> {
  const run = await runDueReminders(reminderDeps(deps), CHANNEL, async (r, rec) => {
    const text = `⏰ ${r.text}`;
    if (rec.escalation) await tellLegal(deps, rec, [wordsMessage(text)]);
    else if (!(await tellSeller(deps, rec, text))) throw new Error(`no conversation to remind for ${rec.id}`);
  });
  logUnsent(deps.log, 'teams reminders', run);
  return run.sent;
}

export function startReminderLoop(deps: TeamsDeps, everyMs: number, inFlight: InFlight): () => void {
  return startRounds(
    () => postDueReminders(deps),
    everyMs,
    inFlight,
    (err) => deps.log.warn(`teams reminders: ${err.message}`),
  );
}
