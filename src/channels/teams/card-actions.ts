import { currentDraft } from '../../app/case-drafts.js';
import { once } from '../../app/once.js';
import {
  DraftChangedError,
  draftEdited,
  draftRegenerated,
  draftSent,
  escalationPending,
} from '../../domain/conversation/case-actions.js';
import type { CoreEvent } from '../../domain/conversation/step.js';
import { draftTitle } from '../../domain/drafting/draft-names.js';
import type { BotTurn } from './bot-adapter.js';
import { type CardAction, LEGAL_ACTIONS, type Submit } from './card-data.js';
import { otherTenant, sendAll, tenantOfKey, turnAndSend } from './case-turn.js';
import { type EscalateResult, escalate, legalAction, legalPlaceRefusal } from './legal.js';
import { draftCards, wordsMessage } from './render-cards.js';
import { convKey, type TeamsDeps, whoOf } from './teams-deps.js';

// A card button (Action.Submit) names its case; that came over the network. Before anything changes, the
// case must belong where the press came from: the conversation it lives in (legal's buttons: the case's
// own legal thread). Anything else changes nothing and gets one sentence.

export const NOT_HERE =
  'That button does not belong to a case in this conversation, so nothing was changed. Say "status" here to see where the case stands.';

type Handler = (deps: TeamsDeps, turn: BotTurn, s: Submit) => Promise<void>;

const say = (turn: BotTurn, text: string) => turn.send({ type: 'message', text });
/** A message with a person's name or words in it: TextRuns, never read as markdown. */
const sayWords = (turn: BotTurn, text: string) => turn.send(wordsMessage(text));
const actor = (deps: TeamsDeps, turn: BotTurn) => ({
  who: whoOf(turn.activity),
  at: deps.clock.now().toISOString(),
});

const caseEvent =
  (toEvent: (s: Submit) => CoreEvent): Handler =>
  async (deps, turn, s) => {
    await turnAndSend(deps, turn, {
      conversation: convKey(turn.activity),
      who: whoOf(turn.activity),
      event: toEvent(s),
      caseId: s.b.c,
    });
  };

const kindOf = (s: Submit) => s.b.d ?? 'dispute_reply';

async function showDraft(deps: TeamsDeps, turn: BotTurn, s: Submit): Promise<void> {
  const rec = await deps.stores.cases.get(s.b.c);
  const d = rec ? currentDraft(rec, kindOf(s), deps) : undefined;
  if (!rec || !d)
    return void (await say(turn, 'There is no such draft for this case (its answers may have changed).'));
  await sendAll(
    turn,
    draftCards(d.draft, {
      caseId: rec.id,
      rev: d.saved?.rev ?? 0,
      edited: Boolean(d.saved?.editedAt),
      ...(d.saved?.sentAt ? { sentAt: d.saved.sentAt, sentBy: d.saved.sentBy ?? '' } : {}),
    }),
  );
}

async function saveDraft(deps: TeamsDeps, turn: BotTurn, s: Submit): Promise<void> {
  const kind = kindOf(s);
  const subject = s.subject?.trim() ?? '';
  const body = s.body?.trim() ?? '';
  if (!subject || !body)
    return void (await say(turn, 'The subject and the text both need something; nothing was saved.'));
  try {
    const rec = await deps.stores.cases.update(s.b.c, (cur) =>
      draftEdited(cur, actor(deps, turn), kind, { subject, body }, s.r ?? 0),
    );
    const d = currentDraft(rec, kind, deps);
    // The card now starts from the saved revision, so the next save from it is not refused as stale.
    if (d && turn.activity.replyToId)
      await turn.update(
        turn.activity.replyToId,
        draftCards(d.draft, { caseId: rec.id, rev: d.saved?.rev ?? 0, edited: true })[0] ?? {
          type: 'message',
        },
      );
    await say(turn, `Saved the ${draftTitle(kind, { lower: true })} on ${rec.id}.`);
  } catch (err) {
    if (!(err instanceof DraftChangedError)) throw err;
    await sayWords(
      turn,
      `Not saved: someone saved a newer version of this draft meanwhile. Press "Draft the dispute reply" to see it. Your text was:\n\n${subject}\n\n${body}`,
    );
  }
}

async function markSent(deps: TeamsDeps, turn: BotTurn, s: Submit): Promise<void> {
  const kind = kindOf(s);
  const before = await deps.stores.cases.get(s.b.c);
  const d = before ? currentDraft(before, kind, deps) : undefined;
  if (!before || !d) return void (await say(turn, 'There is no such draft for this case any more.'));
  const a = actor(deps, turn);
  let recorded = false;
  // Decided under the case's lock: a double click records "sent" once.
  const rec = await deps.stores.cases.update(s.b.c, (cur) => {
    const next = draftSent(cur, a, kind, d.draft);
    recorded = next !== cur;
    return next;
  });
  if (!recorded)
    return void (await sayWords(
      turn,
      `Already marked as sent by ${rec.drafts.find((x) => x.kind === kind)?.sentBy ?? 'someone'}.`,
    ));
  if (turn.activity.replyToId) {
    const [first] = draftCards(d.draft, { caseId: rec.id, rev: 0, sentBy: a.who, sentAt: a.at });
    if (first) await turn.update(turn.activity.replyToId, first);
  }
  await sayWords(
    turn,
    `${a.who} marked the ${draftTitle(kind, { lower: true })} as sent. It is recorded on ${rec.id}.`,
  );
}

async function regenerate(deps: TeamsDeps, turn: BotTurn, s: Submit): Promise<void> {
  const kind = kindOf(s);
  const rec = await deps.stores.cases.update(s.b.c, (cur) => draftRegenerated(cur, actor(deps, turn), kind));
  const d = currentDraft(rec, kind, deps);
  if (d) await sendAll(turn, draftCards(d.draft, { caseId: rec.id, rev: 0 }));
}

// An escalation posts a few messages: a try still holding its claim after this long has died.
const ESCALATE_LEASE_MS = 2 * 60_000;

class NothingDone extends Error {
  constructor(readonly res: EscalateResult) {
    super('nothing done');
  }
}

async function escalateClick(deps: TeamsDeps, turn: BotTurn, s: Submit): Promise<void> {
  const id = s.b.c;
  let res: EscalateResult | undefined;
  let r: 'done' | 'duplicate';
  try {
    r = await once(
      deps.stores.claims,
      `teams:escalate:${id}`,
      async () => {
        res = await escalate(deps, id, whoOf(turn.activity));
        // Nothing was done: the claim is given back, so a press after the admin's fix works.
        if (res.kind === 'no_channel' || res.kind === 'not_added') throw new NothingDone(res);
      },
      ESCALATE_LEASE_MS,
    );
  } catch (err) {
    if (err instanceof NothingDone)
      return void (await say(
        turn,
        err.res.kind === 'no_channel'
          ? 'No legal channel is set. An admin sets IPCHECK_TEAMS_LEGAL_CHANNEL to the legal channel id and adds ipcheck to that channel’s team.'
          : 'I have not been added to the legal channel yet, so nothing was escalated. An admin adds the ipcheck app to the legal channel’s team (or @mentions ipcheck once in that channel); then press Escalate to legal again.',
      ));
    deps.log.error(`escalating ${id} failed: ${(err as Error).message}`);
    const esc = (await deps.stores.cases.get(id).catch(() => undefined))?.escalation;
    return void (await say(
      turn,
      esc
        ? `${id} is with legal now, but I could not finish escalating it. Press Escalate to legal again to finish; nothing finished is posted twice.`
        : `Escalating ${id} did not go through (Teams or the case store did not answer). Press Escalate to legal again.`,
    ));
  }
  const link = (p?: string) => (p ? `: ${p}` : '.');
  if (r === 'duplicate') {
    const esc = (await deps.stores.cases.get(id))?.escalation;
    if (esc && escalationPending(esc).length === 0)
      return void (await say(turn, `${id} is already with legal${link(esc.permalink)}`));
    return void (await say(turn, `${id} is being escalated right now.`));
  }
  if (res?.kind === 'already') await say(turn, `${id} is already with legal${link(res.permalink)}`);
  else if (res?.kind === 'finished')
    await say(
      turn,
      `The earlier escalation of ${id} had stopped midway; it is finished now${link(res.permalink)}`,
    );
}

/** Every card action, by name: one lookup, no if/else chain. */
const HANDLERS: Record<CardAction, Handler> = {
  answer: caseEvent((s) =>
    s.b.v === '__skip'
      ? { type: 'skip' }
      : {
          type: 'answer',
          questionId: s.b.q ?? '',
          value: s.b.v ?? '',
          ...(s.b.s !== undefined ? { seq: s.b.s } : {}),
        },
  ),
  change: caseEvent(() => ({ type: 'change' })),
  restart: caseEvent(() => ({ type: 'restart' })),
  draft: showDraft,
  draft_save: saveDraft,
  draft_sent: markSent,
  draft_regenerate: regenerate,
  escalate: escalateClick,
  legal_ack: legalAction,
  legal_info: legalAction,
  legal_resolve: legalAction,
};

export async function onSubmit(deps: TeamsDeps, turn: BotTurn, s: Submit): Promise<void> {
  const a = turn.activity;
  const rec = await deps.stores.cases.get(s.b.c);
  const tenant = tenantOfKey(convKey(a)) ?? '';
  const foreign = !rec || otherTenant(rec, tenant);
  const refusal = LEGAL_ACTIONS.has(s.ipc)
    ? foreign
      ? NOT_HERE
      : legalPlaceRefusal(rec, a.conversation.id)
    : foreign || !rec.conversations.includes(convKey(a))
      ? NOT_HERE
      : undefined;
  if (refusal) return void (await say(turn, refusal));
  await HANDLERS[s.ipc](deps, turn, s);
}
