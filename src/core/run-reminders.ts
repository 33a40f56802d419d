import { buildOutcome, type CoreContext, todayFor } from './outcome.js';
import type { CaseRepository, Claims, Clock, Reminder, ReminderStore } from './ports.js';
import { reminderDeadline } from './reminder-plan.js';

export interface ReminderDeps {
  ctx: CoreContext;
  cases: CaseRepository;
  reminders: ReminderStore;
  claims: Claims;
  clock: Clock;
}

// A claimed reminder is held for this long; if the instance dies mid-send, another one sends it after.
const LEASE_MS = 60_000;
const KEEP_MS = 30 * 24 * 3600_000;

/** A reminder still fits when its case is open and the deadline it was planned for is unchanged. */
async function stillWanted(deps: ReminderDeps, r: Reminder, now: Date): Promise<boolean> {
  const rec = await deps.cases.get(r.caseId);
  if (rec?.status !== 'open') return false;
  const planned = reminderDeadline(r);
  if (!planned) return true;
  const { deadlines } = buildOutcome(
    { facts: rec.state.facts, details: rec.state.details, today: todayFor(deps.ctx, now) },
    deps.ctx,
  );
  return deadlines.some((d) => d.id === planned.deadlineId && d.date === planned.date);
}

/**
 * Sends every due reminder exactly once, however many instances run this at the same time: each one
 * is claimed before sending, completed after, and released if sending failed so a later run retries it.
 */
export async function runDueReminders(
  deps: ReminderDeps,
  deliver: (r: Reminder) => Promise<void>,
): Promise<{ sent: string[]; dropped: string[] }> {
  const now = deps.clock.now();
  const sent: string[] = [];
  const dropped: string[] = [];
  for (const r of await deps.reminders.due(now)) {
    if (!(await deps.claims.claim(`reminder:${r.id}`, LEASE_MS))) continue;
    try {
      if (await stillWanted(deps, r, now)) {
        await deliver(r);
        sent.push(r.id);
        const at = now.toISOString();
        await deps.cases.update(r.caseId, (cur) => ({
          ...cur,
          audit: [...cur.audit, { at, who: 'system', action: 'reminder_sent', detail: r.text }],
        }));
      } else {
        dropped.push(r.id);
      }
      await deps.claims.complete(`reminder:${r.id}`, KEEP_MS);
      await deps.reminders.remove(r.id);
    } catch (err) {
      await deps.claims.release(`reminder:${r.id}`);
      throw err;
    }
  }
  return { sent, dropped };
}
