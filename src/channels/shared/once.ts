import type { Claims } from '../../core/ports.js';

// A Slack delivery is handled at most once: retried events (same event_id), a slash command re-sent
// with the same trigger_id, a second instance behind the load balancer. The claim is a lease while the
// work runs, kept for a day once it is done, and given back if the work fails so a retry can do it.
const LEASE_MS = 5 * 60_000;
const KEEP_MS = 24 * 3600_000;

export async function once(
  claims: Claims,
  id: string,
  work: () => Promise<void>,
  /** How long a try may run before another may take over (a process that died leaves its lease). */
  leaseMs = LEASE_MS,
): Promise<'done' | 'duplicate'> {
  if (!(await claims.claim(id, leaseMs))) return 'duplicate';
  try {
    await work();
  } catch (err) {
    await claims.release(id).catch(() => {});
    throw err;
  }
  await claims.complete(id, KEEP_MS);
  return 'done';
}
