import { runDueReminders } from '../../core/run-reminders.js';
import type { InFlight } from '../shared/in-flight.js';
import type { SlackDeps, WebClient } from './slack-deps.js';

/**
 * Posts due deadline reminders: in the legal thread once the case is escalated, else in the seller's
 * thread. Stored reminders survive restarts; each is claimed before posting, so several instances send
 * it once.
 */
export async function postDueReminders(deps: SlackDeps, client: WebClient): Promise<string[]> {
  const { sent } = await runDueReminders(
    {
      ctx: deps.ctx,
      cases: deps.stores.cases,
      reminders: deps.stores.reminders,
      claims: deps.stores.claims,
      clock: deps.clock,
    },
    async (r) => {
      const rec = await deps.stores.cases.get(r.caseId);
      const esc = rec?.escalation;
      const t = rec?.sellerThread;
      if (esc)
        await client.chat.postMessage({
          channel: esc.channel,
          thread_ts: esc.ts,
          text: `:alarm_clock: ${r.text}`,
        });
      else if (t)
        await client.chat.postMessage({
          channel: t.channel,
          ...(t.ts ? { thread_ts: t.ts } : {}),
          text: `:alarm_clock: ${r.text}`,
        });
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
  let running = false;
  const round = async () => {
    if (running) return;
    running = true;
    try {
      await postDueReminders(deps, client);
    } catch (err) {
      deps.log.warn(`reminders: ${(err as Error).message}`);
    } finally {
      running = false;
    }
  };
  // Counted as running work, so a shutdown waits for a round of reminders before closing the store.
  const tick = () => inFlight.run(round);
  const timer = setInterval(tick, everyMs);
  timer.unref();
  void tick();
  return () => clearInterval(timer);
}
