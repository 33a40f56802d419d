import type { Reply } from '../domain/conversation/replies.js';
import type { AppDeps } from './app-deps.js';
import { caseInTeam } from './case-scope.js';
import { type LegalTraits, LEGAL_WORDS as W } from './legal-words.js';

// A button names its case by id, and that id came over the network. Before anything changes, the case
// must belong where the press came from: the same team, and the case's own conversation (legal's
// buttons: the case's legal thread). A press naming another team's case is answered exactly like a case
// that does not exist, so a forged id tells the sender nothing about it. handleAction runs it before any action.

export interface ButtonPlace {
  /** The team of the conversation pressed in (`slack:T…`, `teams:<tenant>`). */
  team: string;
  /** The conversation keys the press may come from: a seller's button acts only in its case's conversation. */
  conversations: string[];
  /** Where a legal button was pressed: the legal thread's channel (when the platform has one) and thread. */
  legal: { channel?: string; thread?: string };
}

/** Why the button may not act on its case from `place`, or undefined when it may. */
export async function buttonRefusal(
  app: AppDeps,
  traits: LegalTraits,
  caseId: string,
  legalButton: boolean,
  place: ButtonPlace,
): Promise<Reply | undefined> {
  const rec = await app.cases.get(caseId);
  if (!rec || !caseInTeam(rec, place.team)) return W.notHere(traits);
  if (!legalButton)
    return place.conversations.some((k) => rec.conversations.includes(k)) ? undefined : W.notHere(traits);
  // Legal's buttons live on the case's post in the legal channel (and its thread), and nowhere else.
  const esc = rec.escalation;
  if (!esc) return W.notWithLegalYet(rec.id);
  const here =
    (place.legal.channel === undefined || esc.channel === place.legal.channel) &&
    esc.ts === place.legal.thread;
  if (here) return undefined;
  return traits.wrongLegalThread === 'not_here' ? W.notHere(traits) : W.notThisThread;
}
