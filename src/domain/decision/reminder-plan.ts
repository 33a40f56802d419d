import { addDays, formatDay } from '../model/dates.js';
import type { Reminder } from '../model/reminder.js';
import type { Deadline } from './deadlines.js';

// Reminders before each computed deadline: 3 days and 1 day before, at 09:00 UTC (morning in Europe,
// afternoon in China, night before on the US East Coast). Ids are deterministic, so planning twice
// schedules nothing new, and a changed date gets its own reminders.

export const REMINDER_OFFSETS_DAYS = [3, 1] as const;
const HOUR = 'T09:00:00.000Z';

export function planReminders(caseId: string, deadlines: readonly Deadline[], now: Date): Reminder[] {
  const out: Reminder[] = [];
  for (const d of deadlines) {
    for (const days of REMINDER_OFFSETS_DAYS) {
      const at = `${addDays(d.date, -days)}${HOUR}`;
      if (at <= now.toISOString()) continue;
      out.push({
        id: `${caseId}:${d.id}:${d.date}:-${days}d`,
        caseId,
        at,
        text: `Reminder for ${caseId}: ${d.label} is due ${formatDay(d.date)}, in ${days} day${days === 1 ? '' : 's'}.`,
      });
    }
  }
  return out;
}

/** The deadline date a reminder was planned for (to drop it when the case's dates have changed). */
export function reminderDeadline(r: Reminder): { deadlineId: string; date: string } | undefined {
  const m = /^[^:]+:(\w+):(\d{4}-\d{2}-\d{2}):-\d+d$/.exec(r.id);
  return m?.[1] && m[2] ? { deadlineId: m[1], date: m[2] } : undefined;
}
