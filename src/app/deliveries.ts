import type { CaseRecord } from '../domain/model/case-record.js';
import type { AppDeps } from './app-deps.js';
import { type LegalPort, relayAnswer } from './legal.js';
import { claimOnce, DELIVERY_KEEP_MS, once } from './once.js';
import type { TurnInput } from './turn.js';

// What a chat platform delivers is handled at most once, whichever instance gets it and however often the
// platform sends it again (Slack's retries, Teams' resend after 15 s, a slash command sent twice). The
// channel names a delivery by its platform's ids; the claims behind it are the app's (once.ts).

/** Runs the work of one delivery once; 'duplicate' when it was done (or is being done) already. */
export function deliverOnce(
  app: AppDeps,
  id: string,
  work: () => Promise<void>,
): Promise<'done' | 'duplicate'> {
  return once(app.claims, id, work);
}

/**
 * Claims a delivery now, for work that runs after the platform's request was answered (Teams): how to run
 * the work under that claim later, or undefined when the delivery was claimed already.
 */
export function claimDelivery(
  app: AppDeps,
  id: string,
): Promise<((work: () => Promise<void>) => Promise<void>) | undefined> {
  return claimOnce(app.claims, id);
}

// How long "this delivery's text was applied to the case" is remembered (as long as a delivery claim),
// and how long one try may hold it before another may take over.
const APPLIED_KEEP_MS = DELIVERY_KEEP_MS;
const APPLIED_LEASE_MS = 5 * 60_000;

/** One message a seller sent in a chat, as the channel decoded it. */
export interface SellerMessage {
  /** The channel's name (`slack`, `teams`): the claims of its deliveries are its own. */
  channel: string;
  /** The conversation key the message continues. */
  conversation: string;
  who: string;
  text: string;
  /**
   * The platform's id for this delivery (the same on every resend), so its text is applied once; without
   * one there is nothing to recognise a resend by, and the text is applied every time.
   */
  deliveryId?: string;
  /** Whether a message in a conversation without a case opens one (a mention, a DM); else it is ignored. */
  startIfNew: boolean;
}

/** What the channel does for a seller's message: run the turn and show it, and relay to legal. */
export interface SellerMessagePort {
  /** Legal's thread and the seller's conversation, for an answer to legal's question. */
  legal: Pick<LegalPort, 'postInLegalThread' | 'send'>;
  /**
   * Runs the turn for `event` in the conversation and shows what it says; `saved` is called once the
   * turn is saved, before anything is shown.
   */
  turn(event: TurnInput['event'], saved: () => Promise<void>): Promise<void>;
  /** Told once the message is saved to its case (a failure after it must not say "nothing was changed"). */
  saved?(): void;
}

/**
 * Applies a seller's message to its case at most once. A delivery whose text was saved but whose reply
 * failed to show is given back by the channel (its delivery claim), so the platform's retry runs it again:
 * that retry must not apply the text again ("yes" to one question would become "yes" to the next), so it
 * shows where the case stands instead. The rule, the same in every channel: the "applied" claim is kept
 * once the text is saved, and given back only when nothing was saved, so a retry applies the text then.
 *
 * Returns 'ignored' for a message in a conversation without a case that does not open one.
 */
export async function applySellerMessage(
  app: AppDeps,
  m: SellerMessage,
  port: SellerMessagePort,
): Promise<'applied' | 'shown' | 'ignored'> {
  const rec = await app.cases.byConversation(m.conversation);
  if (!rec && !m.startIfNew) return 'ignored';
  const applied = m.deliveryId === undefined ? undefined : `${m.channel}:applied:${m.deliveryId}`;
  const first = applied === undefined || (await app.claims.claim(applied, APPLIED_LEASE_MS));
  let saved = false;
  const markSaved = async () => {
    saved = true;
    port.saved?.();
    if (first && applied) await app.claims.complete(applied, APPLIED_KEEP_MS);
  };
  try {
    if (first && rec && (await relay(app, port, rec, m, markSaved))) return 'applied';
    // Without a case the first try only ran a read-only command ("status", "cases"): safe to run again.
    const apply = first || !rec;
    await port.turn(apply ? { type: 'text', text: m.text } : { type: 'show' }, markSaved);
    return apply ? 'applied' : 'shown';
  } catch (err) {
    if (first && applied && !saved) await app.claims.release(applied).catch(() => {});
    throw err;
  }
}

/** When legal asked the seller something, the seller's next message in the case's conversation is the answer. */
function relay(
  app: AppDeps,
  port: SellerMessagePort,
  rec: CaseRecord,
  m: SellerMessage,
  saved: () => Promise<void>,
): Promise<boolean> {
  return relayAnswer(app, port.legal, rec, m.who, m.text, saved);
}
