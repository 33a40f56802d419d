import { appDeps } from '../../app/app-deps.js';
import { buttonRefusal } from '../../app/button-guard.js';
import { currentDraft } from '../../app/case-drafts.js';
import { teamsTeam } from '../../app/case-scope.js';
import { escalate } from '../../app/escalate.js';
import {
  DraftChangedError,
  draftEdited,
  draftRegenerated,
  draftSent,
} from '../../domain/conversation/case-actions.js';
import type { CoreEvent } from '../../domain/conversation/step.js';
import { draftTitle } from '../../domain/drafting/draft-names.js';
import type { BotTurn } from './bot-adapter.js';
import { type CardAction, LEGAL_ACTIONS, type Submit } from './card-data.js';
import { sendAll, tenantOfKey, turnAndSend } from './case-turn.js';
import { escalatePort, legalAction, TEAMS_LEGAL, teamsMessage } from './legal.js';
import { draftCards, wordsMessage } from './render-cards.js';
import { convKey, type TeamsDeps, whoOf } from './teams-deps.js';

// A card button (Action.Submit) names its case; that came over the network. Before anything changes, the
// case must belong where the press came from: the conversation it lives in (legal's buttons: the case's
// own legal thread). Anything else changes nothing and gets one sentence.

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

/** Escalate to legal: the app's use case (src/app/escalate.ts) over Teams' posts. */
async function escalateClick(deps: TeamsDeps, turn: BotTurn, s: Submit): Promise<void> {
  const who = whoOf(turn.activity);
  await escalate(appDeps(deps), escalatePort(deps, turn, who), TEAMS_LEGAL, {
    caseId: s.b.c,
    who,
    legalChannel: deps.legalChannel,
  });
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
  // Legal's buttons act only in the case's own legal thread (src/app/button-guard.ts).
  const refusal = await buttonRefusal(appDeps(deps), TEAMS_LEGAL, s.b.c, LEGAL_ACTIONS.has(s.ipc), {
    team: teamsTeam(tenantOfKey(convKey(a)) ?? ''),
    conversations: [convKey(a)],
    legal: { thread: a.conversation.id },
  });
  if (refusal) return void (await turn.send(teamsMessage(refusal)));
  await HANDLERS[s.ipc](deps, turn, s);
}
