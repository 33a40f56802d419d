import type { Reminder, ReminderStore } from '../../app/ports.js';
import type { Kv } from './kv.js';

// Reminders persist in the store (reminder:<id>) with a pending index sorted by time, so they survive
// restarts. Sending exactly once across instances is the runner's job, with a claim per reminder.

const PENDING = 'reminders:pending';
const key = (id: string) => `reminder:${id}`;

interface PendingEntry {
  id: string;
  at: string;
}

/**
 * A reminder's time as an instant. Compared as numbers, not strings: '…T09:00:00Z' and '…T09:00:00.000Z'
 * are the same moment, and '…T10:00:00+02:00' is earlier than '…T09:00:00Z', which string order gets wrong
 * (a reminder fired hours early or late). An unreadable time counts as due at once, so it surfaces
 * instead of waiting forever.
 */
function instant(at: string): number {
  const t = Date.parse(at);
  return Number.isNaN(t) ? Number.NEGATIVE_INFINITY : t;
}

export class KvReminderStore implements ReminderStore {
  constructor(private readonly kv: Kv) {}

  schedule(r: Reminder): Promise<boolean> {
    return this.kv.withLock(PENDING, async () => {
      if ((await this.kv.get<Reminder>(key(r.id))) !== undefined) return false;
      await this.kv.set(key(r.id), r);
      const pending = (await this.kv.get<PendingEntry[]>(PENDING)) ?? [];
      pending.push({ id: r.id, at: r.at });
      pending.sort((a, b) => {
        const [x, y] = [instant(a.at), instant(b.at)];
        return x < y ? -1 : x > y ? 1 : 0;
      });
      await this.kv.set(PENDING, pending);
      return true;
    });
  }

  async due(now: Date): Promise<Reminder[]> {
    const t = now.getTime();
    const pending = (await this.kv.get<PendingEntry[]>(PENDING)) ?? [];
    const dueIds = pending.filter((p) => instant(p.at) <= t).map((p) => p.id);
    const items = await this.kv.getMany<Reminder>(dueIds.map(key));
    return items.filter((r): r is Reminder => r !== undefined);
  }

  remove(id: string): Promise<void> {
    return this.kv.withLock(PENDING, async () => {
      await this.kv.delete(key(id));
      const pending = (await this.kv.get<PendingEntry[]>(PENDING)) ?? [];
      await this.kv.set(
        PENDING,
        pending.filter((p) => p.id !== id),
      );
    });
  }
}
