import type { CaseRecord } from '../../domain/model/case-record.js';
import { otherWorkspace } from './case-ops.js';
import { dmKey, threadKey } from './slack-deps.js';

// A button or a form names its case by id, and that id came over the network. Before anything changes,
// the case must belong where the click came from: the same workspace, and the case's own thread (or its
// legal thread for legal's buttons). A payload naming another workspace's case, or a case of another
// thread, changes nothing and gets one private sentence. Another workspace's case is answered exactly
// like a case that does not exist, so a forged id tells the sender nothing about it.

export const NOT_HERE =
  'That button does not belong to a case in this conversation, so nothing was changed. Say "status" in the case’s thread to see it.';
export const FORM_NOT_HERE = 'This form does not belong to a case in this workspace, so nothing was changed.';

export interface ClickPlace {
  team: string;
  channel: string;
  /** The thread the button's message is in (its own ts for a top-level message). */
  thread?: string;
}

/** Why a seller-thread button may not act on `rec` from `place`, or undefined when it may. */
export function sellerClickRefusal(rec: CaseRecord | undefined, place: ClickPlace): string | undefined {
  if (!rec || otherWorkspace(rec, place.team)) return NOT_HERE;
  const keys = [dmKey(place.team, place.channel)];
  if (place.thread) keys.push(threadKey(place.team, place.channel, place.thread));
  return keys.some((k) => rec.conversations.includes(k)) ? undefined : NOT_HERE;
}

/** Legal's buttons live on the case's parent message in the legal channel, and nowhere else. */
export function legalClickRefusal(rec: CaseRecord | undefined, place: ClickPlace): string | undefined {
  if (!rec || otherWorkspace(rec, place.team)) return NOT_HERE;
  const esc = rec.escalation;
  if (!esc) return `${rec.id} is not with legal, so there is nothing for legal to do on it yet.`;
  return esc.channel === place.channel && esc.ts === place.thread ? undefined : NOT_HERE;
}

/** A form (modal) names its case in its metadata: that case must be of the submitter's workspace. */
export function formRefusal(rec: CaseRecord | undefined, team: string): string | undefined {
  return !rec || otherWorkspace(rec, team) ? FORM_NOT_HERE : undefined;
}

/** What legal may still do on a case: nothing once it is resolved, and nothing before it is escalated. */
export function legalStateRefusal(rec: CaseRecord): string | undefined {
  const esc = rec.escalation;
  if (!esc) return `${rec.id} is not with legal, so nothing was changed.`;
  if (esc.status === 'resolved')
    return `${rec.id} was already resolved${esc.resolvedBy ? ` by <@${esc.resolvedBy}>` : ''}, so nothing was changed.`;
  return undefined;
}
