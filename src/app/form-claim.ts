import type { Reply } from '../domain/conversation/replies.js';
import type { Claims } from './ports.js';

// A replayed form submission (the same form sent again: a double submit, a platform's retry, a second
// instance) must not apply twice. The form is claimed while its work runs; once it is applied the claim is
// kept for a day, so a replay is refused; when it is refused or fails, the claim is given back so the
// person can send it again.

const FORM_LEASE_MS = 60_000;
const FORM_KEEP_MS = 24 * 3600_000;

export const ALREADY_SUBMITTED: Reply = {
  kind: 'text',
  tone: 'info',
  text: 'This form was already submitted, so nothing was changed.',
};

/**
 * Runs a form's `work` at most once per `formId` (the channel's own id of that form, e.g. `slack:view:V1`).
 * `already` answers a replay; the work's verdict says whether the form was applied (`ok`).
 */
export async function formOnce<V extends { ok: boolean }>(
  claims: Claims,
  formId: string,
  already: () => V,
  work: () => Promise<V>,
): Promise<V> {
  if (!(await claims.claim(formId, FORM_LEASE_MS))) return already();
  let v: V;
  try {
    v = await work();
  } catch (err) {
    await claims.release(formId).catch(() => {});
    throw err;
  }
  if (v.ok) await claims.complete(formId, FORM_KEEP_MS);
  else await claims.release(formId).catch(() => {});
  return v;
}
