import { appDeps } from '../../app/app-deps.js';
import { teamsTeam } from '../../app/case-scope.js';
import type { DraftPort, ShownDraft } from '../../app/drafts.js';
import { type ActionPort, handleAction } from '../../app/handle-action.js';
import type { ActionIntent } from '../../app/intent.js';
import type { BotTurn } from './bot-adapter.js';
import type { Submit } from './card-data.js';
import { sendAll, tenantOfKey, turnAndSend } from './case-turn.js';
import { escalatePort, legalPort, TEAMS_LEGAL, turnTelling } from './legal.js';
import { draftCards } from './render-cards.js';
import { convKey, type TeamsDeps, whoOf } from './teams-deps.js';

// A card button (Action.Submit): decoded into an ActionIntent and run by the app
// (src/app/handle-action.ts), which checks the press against where it came from and picks the use case.
// What stays here is Teams': answers in the turn's conversation, and the card pressed updated.

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

/**
 * What Teams can do for a press. Drafts are edited on their card (no editor: its Save submits draft_save),
 * and legal's forms are on the legal post's card; legal's buttons act only in the case's own legal thread.
 */
function teamsPort(deps: TeamsDeps, turn: BotTurn, intent: ActionIntent): ActionPort {
  const a = turn.activity;
  return {
    place: {
      team: teamsTeam(tenantOfKey(intent.where) ?? ''),
      conversations: [intent.where],
      legal: { thread: a.conversation.id },
    },
    traits: TEAMS_LEGAL,
    tell: turnTelling(turn).tell,
    turn: async (event, caseId) =>
      void (await turnAndSend(deps, turn, {
        conversation: intent.where,
        who: intent.actor.id,
        event,
        caseId,
      })),
    drafts: draftPort(turn),
    escalate: { port: escalatePort(deps, turn, intent.actor.id), legalChannel: deps.legalChannel },
    legal: { port: legalPort(deps, turn) },
  };
}

/** The card's inputs that came with the submit (an edited draft, legal's question or outcome). */
function inputsOf(s: Submit): Record<string, string> {
  const inputs: Record<string, string> = {};
  for (const k of ['subject', 'body', 'question', 'outcome'] as const) {
    const v = s[k];
    if (v !== undefined) inputs[k] = v;
  }
  return inputs;
}

export async function onSubmit(deps: TeamsDeps, turn: BotTurn, s: Submit): Promise<void> {
  const a = turn.activity;
  const intent: ActionIntent = {
    kind: 'action',
    actor: { id: whoOf(a) },
    where: convKey(a),
    ...(a.id ? { deliveryId: a.id } : {}),
    action: s.ipc,
    value: s.b,
    inputs: inputsOf(s),
    ...(s.r !== undefined ? { rev: s.r } : {}),
  };
  await handleAction(appDeps(deps), intent, teamsPort(deps, turn, intent));
}
