import {
  escalated,
  escalationNotePosted,
  escalationPending,
  escalationSellerTold,
  withPermalink,
} from '../domain/conversation/case-actions.js';
import type { CaseRecord, Escalation } from '../domain/model/case-record.js';
import type { CaseRepository, Clock } from './ports.js';

// The order of an escalation, for every channel: the parent post in the legal channel (recorded on the
// case the moment it exists), then the lawyer note in its thread, the link to it, and the seller told.
// Each step is recorded when done, so a try that stopped midway (a failed call, a dead process) is
// finished by the next one and a finished step is never redone. The channel does the posting.

export type EscalateResult =
  | { kind: 'escalated' | 'finished' | 'already'; permalink?: string }
  | { kind: 'no_channel' }
  /** Teams: the bot has not been added to the legal channel, so it cannot post there yet. */
  | { kind: 'not_added' };

export interface EscalationPosts {
  /** Posts (or finds) the parent in the legal channel; its id, or undefined when it cannot post there. */
  parent(rec: CaseRecord, channel: string): Promise<string | undefined>;
  /** Called once the case has recorded its parent (e.g. to drop a "look for it first" mark). */
  parentRecorded?(caseId: string): Promise<void>;
  /** Posts the lawyer note in the legal thread; the id of its first message. `retry`: an earlier try ran. */
  note(rec: CaseRecord, esc: Escalation, retry: boolean): Promise<string>;
  /** A link to the legal thread, for the seller. */
  permalink(rec: CaseRecord, esc: Escalation): Promise<string>;
  /** Tells the seller where the legal thread is; the message id, or 'none' when there is nowhere to tell. */
  tellSeller(rec: CaseRecord, esc: Escalation, retry: boolean): Promise<string>;
}

/** The caller holds a claim on the case's escalation, so two clicks or two instances do not run at once. */
export async function runEscalation(
  deps: { cases: CaseRepository; clock: Clock; legalChannel?: string | undefined },
  caseId: string,
  who: string,
  posts: EscalationPosts,
): Promise<EscalateResult> {
  const { cases } = deps;
  let rec = await cases.get(caseId);
  if (!rec) throw new Error(`case ${caseId} not found`);
  const started = rec.escalation;
  if (started && escalationPending(started).length === 0)
    return { kind: 'already', ...(started.permalink ? { permalink: started.permalink } : {}) };
  if (!started) {
    const channel = deps.legalChannel;
    if (!channel) return { kind: 'no_channel' };
    const ts = await posts.parent(rec, channel);
    if (ts === undefined) return { kind: 'not_added' };
    const at = deps.clock.now().toISOString();
    rec = await cases.update(caseId, (cur) => escalated(cur, { who, at }, { channel, ts }));
    await posts.parentRecorded?.(caseId);
  }
  const retry = Boolean(started);
  for (const step of escalationPending(rec.escalation as Escalation)) {
    const esc = rec.escalation as Escalation;
    if (step === 'note') {
      const ts = await posts.note(rec, esc, retry);
      rec = await cases.update(caseId, (cur) => escalationNotePosted(cur, ts));
    } else if (step === 'permalink') {
      const link = await posts.permalink(rec, esc);
      rec = await cases.update(caseId, (cur) => withPermalink(cur, link));
    } else {
      const ts = await posts.tellSeller(rec, esc, retry);
      rec = await cases.update(caseId, (cur) => escalationSellerTold(cur, ts));
    }
  }
  const permalink = rec.escalation?.permalink;
  return { kind: started ? 'finished' : 'escalated', ...(permalink ? { permalink } : {}) };
}
