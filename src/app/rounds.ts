import type { Stores } from '../adapters/storage/open-store.js';
import type { InFlight } from '../channels/shared/in-flight.js';
import type { Log } from '../channels/shared/logger.js';
import type { CoreContext } from '../domain/conversation/outcome.js';
import type { Clock } from './ports.js';
import type { ReminderDeps, ReminderRun } from './run-reminders.js';

/** What sending reminders needs, from a channel's deps. */
export const reminderDeps = (d: { ctx: CoreContext; stores: Stores; clock: Clock }): ReminderDeps => ({
  ctx: d.ctx,
  cases: d.stores.cases,
  reminders: d.stores.reminders,
  claims: d.stores.claims,
  clock: d.clock,
});

/**
 * Runs `work` now and every `everyMs` (reminders), never two rounds at once; a failing round is logged
 * and the next one runs as usual. Each round counts as running work, so a shutdown waits for it before
 * closing the store. Returns the function that stops the rounds.
 */
export function startRounds(
  work: () => Promise<unknown>,
  everyMs: number,
  inFlight: InFlight,
  onError: (err: Error) => void,
): () => void {
  let running = false;
  const round = async () => {
    if (running) return;
    running = true;
    try {
      await work();
    } catch (err) {
      onError(err as Error);
    } finally {
      running = false;
    }
  };
  const tick = () => inFlight.run(round);
  const timer = setInterval(tick, everyMs);
  timer.unref();
  void tick();
  return () => clearInterval(timer);
}

// What each log has already been told: a reminder that cannot be sent is tried again every round (every
// minute by default), and one line per reminder and reason is enough.
const told = new WeakMap<Log, Set<string>>();

/** Logs each reminder a round could not send (it stays due and is tried again), once per reminder and reason. */
export function logUnsent(log: Log, what: string, run: ReminderRun): void {
  const said = told.get(log) ?? new Set<string>();
  told.set(log, said);
  for (const f of run.failed) {
    const key = `${f.id} ${f.error}`;
    if (said.has(key)) continue;
    if (said.size >= 10_000) said.clear();
    said.add(key);
    log.warn(`${what}: ${f.id} not sent: ${f.error}`);
  }
}
