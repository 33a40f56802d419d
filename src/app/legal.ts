import {
  acknowledged,
  infoAnswered,
  infoRequested,
  openInfoRequest,
  resolved,
} from '../domain/conversation/case-actions.js';
import type { Reply } from '../domain/conversation/replies.js';
import type { CaseRecord } from '../domain/model/case-record.js';
import type { AppDeps } from './app-deps.js';
import { caseInTeam } from './case-scope.js';
import type { ChannelPort } from './channel-port.js';
import { type LegalNotice, spreadLegalNews } from './legal-news.js';
import { type LegalTraits, LEGAL_WORDS as W } from './legal-words.js';
import { updateIfChanged } from './update-if-changed.js';

// Legal's work on an escalated case, for every channel: Acknowledge, Request info, Resolve, and the
// seller's answer relayed to legal. Each records the change under the case's lock first (a double click,
// two lawyers, a replayed form: one change, the others told why not), then spreads the news through the
// channel's LegalPort, each notice on its own (legal-news.ts), then tells the person who acted what is true.

/** What a channel does for legal's use cases besides answering the person who acted. */
export interface LegalPort extends ChannelPort {
  /** Posts in the case's legal thread. */
  postInLegalThread(rec: CaseRecord, reply: Reply): Promise<void>;
  /** Tells the seller in the case's conversation; false when ipcheck has no way to reach it. */
  tellSeller(rec: CaseRecord, reply: Reply): Promise<boolean>;
  /** Re-renders the case's post in the legal channel (its status line and the buttons left). */
  refreshParent(rec: CaseRecord): Promise<void>;
}

export interface LegalAct {
  caseId: string;
  /** Who acted, as the channel names people (a Slack user id, a Teams display name). */
  who: string;
}

/** A form's text for the case (the question, the outcome); `team`: the case must be of that team. */
export interface LegalWriting extends LegalAct {
  text: string;
  team?: string;
}

/**
 * A form's result, known before the news goes out: a channel that must answer the form first (Slack's
 * modals) answers it, then runs `spread`.
 */
export type LegalFormResult =
  | { ok: false; refusal: Reply /** The case as it stands, when it was read. */; rec?: CaseRecord }
  | { ok: true; rec: CaseRecord; spread: () => Promise<void> };

/** What legal may still do on a case: nothing before it is escalated, and nothing once it is resolved. */
export function legalStateRefusal(rec: CaseRecord): Reply | undefined {
  const esc = rec.escalation;
  if (!esc) return W.notWithLegal(rec.id);
  if (esc.status === 'resolved') return W.alreadyResolved(rec.id, esc.resolvedBy);
  return undefined;
}

/** Whether legal may open a form on the case (Request info, Resolve): the refusal, or undefined. */
export async function legalFormRefusal(app: AppDeps, caseId: string): Promise<Reply | undefined> {
  const rec = await app.cases.get(caseId);
  return rec ? legalStateRefusal(rec) : undefined;
}

const actor = (app: AppDeps, who: string) => ({ who, at: app.clock.now().toISOString() });

/** The notices go out, then the parent is refreshed; the person who acted reads what could not be done. */
async function spread(
  app: AppDeps,
  port: LegalPort,
  rec: CaseRecord,
  done: string,
  toLegal: Reply,
  toSeller: Reply,
  refresh: boolean,
): Promise<void> {
  const notices: LegalNotice[] = [
    { who: 'the legal thread', post: () => port.postInLegalThread(rec, toLegal) },
    {
      who: 'the seller',
      post: async () => {
        if (!(await port.tellSeller(rec, toSeller)))
          throw new Error('no way to reach the seller’s conversation');
      },
    },
  ];
  const trouble = await spreadLegalNews(
    { caseId: rec.id, done, notices, ...(refresh ? { refreshParent: () => port.refreshParent(rec) } : {}) },
    app.warn,
  );
  if (trouble)
    await port.tell(W.trouble(trouble)).catch((err: unknown) => {
      app.warn(`${rec.id}: telling the person who acted failed: ${(err as Error).message}`);
    });
}

/** Legal takes the case. Of two presses one acknowledges and posts; the other is told who did. */
export async function acknowledge(app: AppDeps, port: LegalPort, act: LegalAct): Promise<void> {
  const a = actor(app, act.who);
  const { rec, changed } = await updateIfChanged(app.cases, act.caseId, (cur) => acknowledged(cur, a));
  const esc = rec.escalation;
  if (!changed || !esc) {
    const refusal = legalStateRefusal(rec);
    if (refusal) return port.tell(refusal);
    return port.tell(W.alreadyAcknowledged(rec.id, esc?.ackBy, esc?.ackBy === act.who));
  }
  await spread(
    app,
    port,
    rec,
    'acknowledged',
    W.acknowledgedLegal(act.who),
    W.acknowledgedSeller(rec.id, act.who),
    true,
  );
}

/** Checks and records a form's change; the news is spread by the result's `spread`. */
async function legalForm(
  app: AppDeps,
  w: LegalWriting,
  empty: Reply,
  change: (cur: CaseRecord, a: { who: string; at: string }, text: string) => CaseRecord,
  news: (rec: CaseRecord) => Promise<void>,
): Promise<LegalFormResult> {
  const text = w.text.trim();
  if (!text) return { ok: false, refusal: empty };
  const before = await app.cases.get(w.caseId);
  if (!before || (w.team !== undefined && !caseInTeam(before, w.team)))
    return { ok: false, refusal: W.formNotHere };
  // The form may have been opened before the case changed (resolved by someone else meanwhile).
  const stale = legalStateRefusal(before);
  if (stale) return { ok: false, refusal: stale, rec: before };
  const a = actor(app, w.who);
  const r = await updateIfChanged(app.cases, w.caseId, (cur) => change(cur, a, text));
  if (!r.changed)
    return { ok: false, refusal: legalStateRefusal(r.rec) ?? W.notWithLegal(r.rec.id), rec: r.rec };
  return { ok: true, rec: r.rec, spread: () => news(r.rec) };
}

/** Legal asks the seller something; the seller's next message in the case's conversation is the answer. */
export function requestInfo(
  app: AppDeps,
  port: LegalPort,
  traits: LegalTraits,
  w: LegalWriting,
): Promise<LegalFormResult> {
  const q = w.text.trim();
  return legalForm(
    app,
    w,
    W.emptyQuestion,
    (cur, a, text) => infoRequested(cur, a, text),
    (rec) =>
      spread(
        app,
        port,
        rec,
        'waiting for the seller’s answer to your question',
        W.askedLegal(w.who, q),
        W.askedSeller(traits, rec.id, w.who, q),
        false,
      ),
  );
}

/** Legal closes the matter with an outcome the seller reads; once (a second resolve changes nothing). */
export function resolve(app: AppDeps, port: LegalPort, w: LegalWriting): Promise<LegalFormResult> {
  const o = w.text.trim();
  return legalForm(
    app,
    w,
    W.emptyOutcome,
    (cur, a, text) => resolved(cur, a, text),
    (rec) =>
      spread(app, port, rec, 'resolved', W.resolvedLegal(w.who, o), W.resolvedSeller(rec.id, w.who, o), true),
  );
}

/**
 * When legal asked the seller something, the seller's next message in the case's conversation is the
 * answer: recorded, passed to the legal thread, and the seller thanked. False when it is not an answer
 * (no open question, or ipcheck itself waits for an answer in the conversation).
 */
export async function relayAnswer(
  app: AppDeps,
  port: Pick<LegalPort, 'postInLegalThread' | 'send'>,
  rec: CaseRecord,
  who: string,
  text: string,
  /** Called once the answer is recorded (the delivery is then never applied twice). */
  saved: () => Promise<void>,
): Promise<boolean> {
  if (!rec.escalation || openInfoRequest(rec) < 0) return false;
  // While the bot itself waits for an answer in the thread, the reply is for the bot, not for legal.
  if (rec.state.pending) return false;
  const answer = text.slice(0, 4000);
  const updated = await app.cases.update(rec.id, (cur) => infoAnswered(cur, actor(app, who), answer));
  await saved();
  await port.postInLegalThread(updated, W.answeredLegal(who, answer));
  await port.send([W.answerPassed]);
  return true;
}
