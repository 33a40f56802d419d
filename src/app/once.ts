import type { Claims } from './ports.js';

// A Slack delivery is handled at most once: retried events (same event_id), a slash command re-sent
// with the same trigger_id, a second instance behind the load balancer. The claim is a lease while the
// work runs, kept for an hour once it is done, and given back if the work fails so a retry can do it.
const LEASE_MS = 5 * 60_000;
/**
 * How long a delivery is remembered once done. Retries come within minutes (Slack's last one 5 minutes
 * after the first try, Teams' within seconds); an hour covers them with room to spare. Kept for a day,
 * every delivery of a busy day stayed in the store (9,803 rows after 12,000 requests). Expired claims are
 * then deleted, a few hundred at a time (local-kv.ts; Redis expires them itself).
 */
export const DELIVERY_KEEP_MS = 3600_000;

/**
 * Claims `id` now and returns how to run the work under that claim later (kept once the work is done,
 * given back if it fails); undefined when the id was claimed already. Split from `once` for work that
 * runs after the request has been answered (Teams): the claim must be taken before answering.
 */
export async function claimOnce(
  claims: Claims,
  id: string,
  leaseMs = LEASE_MS,
): Promise<((work: () => Promise<void>) => Promise<void>) | undefined> {
  if (!(await claims.claim(id, leaseMs))) return undefined;
  return async (work) => {
    try {
      await work();
    } catch (err) {
      await claims.release(id).catch(() => {});
      throw err;
    }
    await claims.complete(id, DELIVERY_KEEP_MS);
  };
}

export async function once(
  claims: Claims,
  id: string,
  work: () => Promise<void>,
  /** How long a try may run before another may take over (a process that died leaves its lease). */
  leaseMs = LEASE_MS,
): Promise<'done' | 'duplicate'> {
  const run = await claimOnce(claims, id, leaseMs);
  if (!run) return 'duplicate';
  await run(work);
  return 'done';
}
