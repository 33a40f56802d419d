import type { App, BlockAction, ButtonAction, types } from '@slack/bolt';
import { type AppDeps, appDeps } from '../../../app/app-deps.js';
import { buttonEvent } from '../../../app/button-event.js';
import { buttonRefusal } from '../../../app/button-guard.js';
import { slackTeam } from '../../../app/case-scope.js';
import {
  type DraftEditorPort,
  type DraftPort,
  type DraftPress,
  editDraft,
  markDraftSent,
  regenerateDraft,
  showDraft,
} from '../../../app/drafts.js';
import { escalate } from '../../../app/escalate.js';
import { acknowledge, legalFormRefusal } from '../../../app/legal.js';
import { LEGAL_WORDS } from '../../../app/legal-words.js';
import type { CoreEvent } from '../../../domain/conversation/step.js';
import { userText } from '../../../domain/model/errors.js';
import { ACTION, type ButtonValue, decodeValue } from '../action-ids.js';
import { turnAndPost } from '../case-ops.js';
import { editModal } from '../drafts.js';
import { escalatePort, legalPort, questionModal, resolveModal, SLACK_LEGAL, slackText } from '../legal.js';
import type { LegalMembers } from '../legal-members.js';
import { postMessages, postText, type Where } from '../post.js';
import { draftMessages } from '../render-block-kit.js';
import { dmKey, type SlackDeps, threadKey, type WebClient } from '../slack-deps.js';

interface Click {
  deps: SlackDeps;
  client: WebClient;
  body: BlockAction;
  action: ButtonAction;
  value: ButtonValue;
  user: string;
  where: Where;
  team: string;
  members: LegalMembers;
}

type Handler = (c: Click) => Promise<void>;

function whereOf(body: BlockAction): Where {
  const channel = body.channel?.id ?? body.container?.channel_id ?? '';
  const msg = body.message as { ts?: string; thread_ts?: string } | undefined;
  const thread = msg?.thread_ts ?? msg?.ts;
  return { channel, ...(thread ? { thread_ts: thread } : {}) };
}

const tell = (c: Click, text: string) =>
  c.client.chat.postEphemeral({
    channel: c.where.channel,
    user: c.user,
    text,
    ...(c.where.thread_ts ? { thread_ts: c.where.thread_ts } : {}),
  });

/** A case-conversation button: the same turn a typed answer would run, on the case the button belongs to. */
function caseEvent(toEvent: (v: ButtonValue) => CoreEvent): Handler {
  return async (c) => {
    const r = await turnAndPost(
      c.deps,
      c.client,
      {
        conversation: threadKey(c.team, c.where.channel, c.where.thread_ts ?? ''),
        who: c.user,
        channel: 'slack',
        event: toEvent(c.value),
        caseId: c.value.c,
      },
      c.where,
      c.user,
    );
    // Answered questions lose their buttons and show the choice, so the thread reads as a record.
    if (
      c.action.action_id === ACTION.answer &&
      !r.effects.some((e) => e.type === 'stale') &&
      c.body.message
    ) {
      const blocks = ((c.body.message.blocks ?? []) as types.KnownBlock[]).filter(
        (b) => b.type !== 'actions',
      );
      const label = c.action.text?.text ?? '';
      blocks.push({
        type: 'context',
        elements: [{ type: 'mrkdwn', text: `:white_check_mark: ${label} — <@${c.user}>` }],
      });
      await c.client.chat.update({
        channel: c.where.channel,
        ts: c.body.message.ts,
        text: c.body.message.text ?? label,
        blocks,
      });
    }
  };
}

/** The draft buttons' posts in Slack: drafts in the case thread, refusals told only to the presser. */
function draftPort(c: Click): DraftPort & DraftEditorPort {
  return {
    send: async (replies) => {
      for (const r of replies) await postText(c.client, c.deps.log, c.where, slackText(r));
    },
    tell: async (r) => void (await tell(c, slackText(r))),
    showDraft: async (d) =>
      void (await postMessages(
        c.client,
        c.deps.log,
        c.where,
        draftMessages(d.draft, { caseId: d.caseId, edited: d.edited }),
      )),
    // The message pressed on: a sent draft keeps no buttons.
    replaceDraft: async (d) => {
      if (!c.body.message) return;
      const [first] = draftMessages(d.draft, {
        caseId: d.caseId,
        ...(d.sent ? { sentBy: d.sent.by ?? '', sentAt: d.sent.at, buttons: false } : { edited: d.edited }),
      });
      if (first)
        await c.client.chat.update({
          channel: c.where.channel,
          ts: c.body.message.ts,
          text: first.text,
          blocks: first.blocks,
        });
    },
    openEditor: async (d) =>
      void (await c.client.views.open({
        trigger_id: c.body.trigger_id,
        view: editModal(d.caseId, d.draft, d.rev),
      })),
  };
}

/** A draft button: the app's use case (src/app/drafts.ts) over Slack's posts. */
const draftButton =
  (run: (app: AppDeps, port: DraftPort & DraftEditorPort, press: DraftPress) => Promise<void>): Handler =>
  (c) =>
    run(appDeps(c.deps), draftPort(c), { caseId: c.value.c, kind: c.value.d, who: c.user });

/** Escalate to legal: the app's use case (src/app/escalate.ts) over Slack's posts. */
async function escalateClick(c: Click): Promise<void> {
  await escalate(
    appDeps(c.deps),
    escalatePort(c.deps, c.client, c.user, (text) => tell(c, text)),
    SLACK_LEGAL,
    { caseId: c.value.c, who: c.user, legalChannel: c.deps.legalChannel },
  );
}

/** Legal's buttons work only for members of the legal channel. */
function legalOnly(h: Handler): Handler {
  return async (c) => {
    if (!(await c.members.isMember(c.client, c.user)))
      return void (await tell(c, slackText(LEGAL_WORDS.onlyLegal)));
    await h(c);
  };
}

const legalAck: Handler = (c) =>
  acknowledge(
    appDeps(c.deps),
    legalPort(c.deps, c.client, (text) => tell(c, text)),
    { caseId: c.value.c, who: c.user },
  );

/** Request info and Resolve open a form, and only on a case that is with legal and not resolved. */
const legalModal =
  (make: (id: string) => types.View): Handler =>
  async (c) => {
    const refusal = await legalFormRefusal(appDeps(c.deps), c.value.c);
    if (refusal) return void (await tell(c, slackText(refusal)));
    await c.client.views.open({ trigger_id: c.body.trigger_id, view: make(c.value.c) });
  };

const LEGAL_ACTIONS = new Set<string>([ACTION.legalAck, ACTION.legalInfo, ACTION.legalResolve]);

/** Every button, by action id: one lookup, no if/else chain. */
export const ACTION_HANDLERS: Record<string, Handler> = {
  [ACTION.answer]: caseEvent((v) => buttonEvent('answer', v)),
  [ACTION.change]: caseEvent((v) => buttonEvent('change', v)),
  [ACTION.restart]: caseEvent((v) => buttonEvent('restart', v)),
  [ACTION.draftDispute]: draftButton(showDraft),
  [ACTION.draftEdit]: draftButton(editDraft),
  [ACTION.draftRegenerate]: draftButton(regenerateDraft),
  [ACTION.draftSent]: draftButton(markDraftSent),
  [ACTION.escalate]: escalateClick,
  [ACTION.legalAck]: legalOnly(legalAck),
  [ACTION.legalInfo]: legalOnly(legalModal(questionModal)),
  [ACTION.legalResolve]: legalOnly(legalModal(resolveModal)),
};

export function registerActions(app: App, deps: SlackDeps, members: LegalMembers): void {
  app.action<BlockAction<ButtonAction>>(/^ipc_/, async ({ ack, body, action, client }) => {
    await ack();
    if (action.action_id.startsWith(ACTION.link)) return; // link buttons open a URL; nothing to do
    const where = whereOf(body);
    const handler = ACTION_HANDLERS[action.action_id];
    const value = decodeValue(action.value);
    const c = {
      deps,
      client,
      body,
      action,
      user: body.user.id,
      where,
      team: body.team?.id ?? body.user.team_id ?? '',
      members,
    };
    if (!handler || !value) {
      await client.chat.postEphemeral({
        channel: where.channel,
        user: body.user.id,
        text: 'That button is no longer valid. Say "status" in the case thread to see where it stands.',
      });
      return;
    }
    try {
      // The button names its case: it must be this workspace's case, pressed in that case's thread
      // (legal's: on its legal parent message). Anything else changes nothing (app/button-guard.ts).
      const refusal = await buttonRefusal(
        appDeps(deps),
        SLACK_LEGAL,
        value.c,
        LEGAL_ACTIONS.has(action.action_id),
        {
          team: slackTeam(c.team),
          conversations: [
            dmKey(c.team, where.channel),
            ...(where.thread_ts ? [threadKey(c.team, where.channel, where.thread_ts)] : []),
          ],
          legal: { channel: where.channel, ...(where.thread_ts ? { thread: where.thread_ts } : {}) },
        },
      );
      if (refusal) return void (await tell({ ...c, value }, slackText(refusal)));
      await handler({ ...c, value });
    } catch (err) {
      deps.log.error(`${action.action_id} on ${value.c} failed: ${(err as Error).message}`);
      await tell({ ...c, value }, `Sorry: ${userText(err)}`).catch(() => {});
    }
  });
}
