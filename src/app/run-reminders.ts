import { type CoreContext, deadlinesOf } from '../domain/conversation/outcome.js';
import { reminderDeadline } from '../domain/decision/reminder-plan.js';
import type { CaseRecord } from '../domain/model/case-record.js';
import type { CaseRepository, Claims, Clock, Reminder, ReminderStore } from './ports.js';

export interface ReminderDeps {
  ctx: CoreContext;
  cases: CaseRepository;
  reminders: ReminderStore;
  claims: Claims;
  clock: Clock;
}

export interface ReminderRun {
  sent: string[];
  dropped: string[];
  failed: { id: string; error: string }[];
}

// A claimed reminder is held for this long; if the instance dies mid-send, another one sends it after.
// Longer than the slowest send (the Slack client's retries take up to ~80 s).
const LEASE_MS = 10 * 60_000;
const KEEP_MS = 30 * 24 * 3600_000;

/** A reminder still fits when its case is open and the deadline it was planned for is unchanged. */
function stillWanted(deps: ReminderDeps, rec: CaseRecord | undefined, r: Reminder, now: Date): boolean {
  if (rec?.status !== 'open') return false;
  const planned = reminderDeadline(r);
  if (!planned) return true;
  const deadlines = deadlinesOf(rec.state, deps.ctx, now);
  return deadlines.some((d) => d.id === planned.deadlineId && d.date === planned.date);
}

/**
 * Sends every due reminder of `channel`'s cases exactly once, however many instances run this at the same
 * time: each is claimed before sending and completed right after, so a later failure (the audit entry)
 * cannot send it again; a send that fails releases the claim so a later run retries it. One failing
 * reminder does not hold up the others.
 *
 * A case knows the channel it was opened in (`CaseRecord.channel`), and only that channel can show its
 * reminders (Slack has no terminal to print to; the terminal cannot post in a Slack thread), so every
 * other channel leaves them alone: taking one would mark it sent with nothing delivered. A reminder whose
 * case is gone is dropped by whichever channel finds it; one whose case cannot be read right now (the
 * store failed, a record from a newer ipcheck) is left for a later run, not dropped.
 */
export async function runDueReminders(
  deps: ReminderDeps,
  channel: string,
  deliver: (r: Reminder, rec: CaseRecord) => Promise<void>,
): Promise<ReminderRun> {
  const now = deps.clock.now();
  const run: ReminderRun = { sent: [], dropped: [], failed: [] };
  for (const r of await deps.reminders.due(now)) {
    let rec: CaseRecord | undefined;
    try {
      rec = await deps.cases.get(r.caseId);
    } catch (err) {
      run.failed.push({ id: r.id, error: `its case cannot be read: ${(err as Error).message}` });
      continue;
    }
    if (rec && rec.channel !== channel) continue;
    const claim = `reminder:${r.id}`;
    if (!(await deps.claims.claim(claim, LEASE_MS))) continue;
    const wanted = stillWanted(deps, rec, r, now);
    if (wanted && rec) {
      try {
        await deliver(r, rec);
      } catch (err) {
        await deps.claims.release(claim).catch(() => {});
        run.failed.push({ id: r.id, error: (err as Error).message });
        continue;
      }
    }
    await deps.claims.complete(claim, KEEP_MS);
    (wanted ? run.sent : run.dropped).push(r.id);
    try {
      if (wanted) {
        const at = now.toISOString();
        await deps.cases.update(r.caseId, (cur) => ({
          ...cur,
          audit: [...cur.audit, { at, who: 'system', action: 'reminder_sent', detail: r.text }],
        }));
      }
      await deps.reminders.remove(r.id);
    } catch (err) {
      // Sent and claimed for good; only the bookkeeping failed, and the claim keeps it from going twice.
      run.failed.push({ id: r.id, error: `sent, but not recorded: ${(err as Error).message}` });
    }
  }
  return run;
}
