import { type AppDeps, appDeps } from '../../app/app-deps.js';
import { buttonEvent } from '../../app/button-event.js';
import { buttonRefusal } from '../../app/button-guard.js';
import { teamsTeam } from '../../app/case-scope.js';
import {
  type DraftPort,
  type DraftPress,
  markDraftSent,
  regenerateDraft,
  type ShownDraft,
  saveDraftFromCard,
  showDraft,
} from '../../app/drafts.js';
import { escalate } from '../../app/escalate.js';
import type { CoreEvent } from '../../domain/conversation/step.js';
import type { BotTurn } from './bot-adapter.js';
import { type CardAction, LEGAL_ACTIONS, type Submit } from './card-data.js';
import { sendAll, tenantOfKey, turnAndSend } from './case-turn.js';
import { escalatePort, legalAction, TEAMS_LEGAL, teamsMessage, turnTelling } from './legal.js';
import { draftCards } from './render-cards.js';
import { convKey, type TeamsDeps, whoOf } from './teams-deps.js';

// A card button (Action.Submit) names its case; that came over the network. Before anything changes, the
// case must belong where the press came from: the conversation it lives in (legal's buttons: the case's
// own legal thread). Anything else changes nothing and gets one sentence.

type Handler = (deps: TeamsDeps, turn: BotTurn, s: Submit) => Promise<void>;

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

/** The draft buttons' messages in Teams: drafts as cards in the conversation, the card pressed updated. */
function draftPort(turn: BotTurn): DraftPort {
  const card = (d: ShownDraft) =>
    draftCards(d.draft, {
      caseId: d.caseId,
      rev: d.rev,
      edited: d.edited,
      ...(d.sent ? { sentAt: d.sent.at, sentBy: d.sent.by ?? '' } : {}),
    });
  return {
    ...turnTelling(turn),
    showDraft: (d) => sendAll(turn, card(d)),
    // The card pressed on now starts from the saved revision, so its next save is not refused as stale.
    replaceDraft: async (d) => {
      const id = turn.activity.replyToId;
      if (id) await turn.update(id, card(d)[0] ?? { type: 'message' });
    },
  };
}

const press = (turn: BotTurn, s: Submit) => ({ caseId: s.b.c, kind: s.b.d, who: whoOf(turn.activity) });

/** A draft button: the app's use case (src/app/drafts.ts) over Teams' cards. */
const draftButton =
  (run: (app: AppDeps, port: DraftPort, p: DraftPress) => Promise<void>): Handler =>
  (deps, turn, s) =>
    run(appDeps(deps), draftPort(turn), press(turn, s));

/** Save on the draft's card: its inputs carry the edited text and the revision it started from. */
const saveDraft: Handler = (deps, turn, s) =>
  saveDraftFromCard(appDeps(deps), draftPort(turn), {
    ...press(turn, s),
    subject: s.subject ?? '',
    body: s.body ?? '',
    fromRev: s.r ?? 0,
  });

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
  answer: caseEvent((s) => buttonEvent('answer', s.b)),
  change: caseEvent((s) => buttonEvent('change', s.b)),
  restart: caseEvent((s) => buttonEvent('restart', s.b)),
  draft: draftButton(showDraft),
  draft_save: saveDraft,
  draft_sent: draftButton(markDraftSent),
  draft_regenerate: draftButton(regenerateDraft),
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
