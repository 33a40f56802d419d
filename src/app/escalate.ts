import { escalationPending } from '../domain/conversation/case-actions.js';
import type { Reply } from '../domain/conversation/replies.js';
import type { CaseRecord, Escalation } from '../domain/model/case-record.js';
import type { AppDeps } from './app-deps.js';
import type { ChannelPort } from './channel-port.js';
import { type EscalateResult, type EscalationPosts, runEscalation } from './escalation.js';
import { type LegalTraits, LEGAL_WORDS as W } from './legal-words.js';
import { once } from './once.js';

// The "Escalate to legal" press, for every channel: one escalation per case at a time (a claim, however
// many presses or instances), the steps in their order (escalation.ts), and every sentence the presser
// reads. The channel posts: the parent in the legal channel, the note in its thread, the seller told.

/** The channel's posts of an escalation, and the presser's own answers. */
export interface EscalatePort extends ChannelPort, Omit<EscalationPosts, 'tellSeller'> {
  /** Posts `message` where the seller talks to ipcheck; its id, or 'none' when there is nowhere to tell. */
  tellSeller(rec: CaseRecord, esc: Escalation, retry: boolean, message: Reply): Promise<string>;
}

export interface EscalateRequest {
  caseId: string;
  who: string;
  /** The legal channel's id, when an admin set one. */
  legalChannel?: string | undefined;
}

// An escalation posts a handful of messages: a try still holding its claim after this long has died,
// and the next press may finish it.
export const ESCALATE_LEASE_MS = 2 * 60_000;

/** Nothing was done (no legal channel, or the bot is not in it): the claim is given back. */
class NothingDone extends Error {
  constructor(readonly res: EscalateResult) {
    super('nothing done');
  }
}

export async function escalate(
  app: AppDeps,
  port: EscalatePort,
  traits: LegalTraits,
  req: EscalateRequest,
): Promise<void> {
  const id = req.caseId;
  const posts: EscalationPosts = {
    parent: (rec, channel) => port.parent(rec, channel),
    ...(port.parentRecorded
      ? { parentRecorded: (caseId: string) => port.parentRecorded?.(caseId) ?? Promise.resolve() }
      : {}),
    note: (rec, esc, retry) => port.note(rec, esc, retry),
    permalink: (rec, esc) => port.permalink(rec, esc),
    tellSeller: (rec, esc, retry) =>
      port.tellSeller(rec, esc, retry, W.escalatedSeller(traits, rec.id, esc.permalink ?? '')),
  };
  let res: EscalateResult | undefined;
  let r: 'done' | 'duplicate';
  try {
    r = await once(
      app.claims,
      `${traits.key}:escalate:${id}`,
      async () => {
        res = await runEscalation(
          { cases: app.cases, clock: app.clock, legalChannel: req.legalChannel },
          id,
          req.who,
          posts,
        );
        if (res.kind === 'no_channel' || res.kind === 'not_added') throw new NothingDone(res);
      },
      ESCALATE_LEASE_MS,
    );
  } catch (err) {
    if (err instanceof NothingDone)
      return port.tell(err.res.kind === 'no_channel' ? W.noLegalChannel(traits) : W.notAdded(traits));
    app.warn(`escalating ${id} failed: ${(err as Error).message}`);
    // Not "nothing was changed": the legal thread may exist already. The next press finishes it.
    const esc = (await app.cases.get(id).catch(() => undefined))?.escalation;
    return port.tell(
      esc ? W.escalationUnfinished(traits, id, esc.permalink) : W.escalationFailed(traits, id),
    );
  }
  if (r === 'duplicate') {
    const esc = (await app.cases.get(id))?.escalation;
    if (esc && escalationPending(esc).length === 0) return port.tell(W.alreadyWithLegal(id, esc.permalink));
    return port.tell(W.beingEscalated(traits, id));
  }
  const done = res as EscalateResult | undefined;
  if (done?.kind === 'already') await port.tell(W.alreadyWithLegal(id, done.permalink));
  else if (done?.kind === 'finished') await port.tell(W.escalationFinished(id, done.permalink));
}
