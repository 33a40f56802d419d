import { type AppDeps, type AppDepsSource, appDeps } from './app-deps.js';
import type { ReminderRun } from './run-reminders.js';

/** What sending reminders needs, from a channel's deps: its AppDeps. */
export const reminderDeps = (d: AppDepsSource): AppDeps => appDeps(d);

/** Where a round's warnings go (a channel's log). */
export interface WarnLog {
  warn(line: string): void;
}

// What each log has already been told: a reminder that cannot be sent is tried again every round (every
// minute by default), and one line per reminder and reason is enough.
const told = new WeakMap<WarnLog, Set<string>>();

/** Logs each reminder a round could not send (it stays due and is tried again), once per reminder and reason. */
export function logUnsent(log: WarnLog, what: string, run: ReminderRun): void {
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
