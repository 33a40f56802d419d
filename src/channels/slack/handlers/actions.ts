import type { App, BlockAction, ButtonAction, types } from '@slack/bolt';
import { appDeps } from '../../../app/app-deps.js';
import { slackTeam } from '../../../app/case-scope.js';
import type { DraftEditorPort, DraftPort } from '../../../app/drafts.js';
import { type ActionPort, handleAction } from '../../../app/handle-action.js';
import type { ActionIntent } from '../../../app/intent.js';
import { userText } from '../../../domain/model/errors.js';
import { ACTION, actionNameOf, decodeValue } from '../action-ids.js';
import { turnAndPost } from '../case-ops.js';
import { editModal } from '../drafts.js';
import { escalatePort, legalPort, questionModal, resolveModal, SLACK_LEGAL, slackText } from '../legal.js';
import type { LegalMembers } from '../legal-members.js';
import { postMessages, postText, type Where } from '../post.js';
import { draftMessages } from '../render-block-kit.js';
import { dmKey, type SlackDeps, threadKey, type WebClient } from '../slack-deps.js';

// A Slack button: decoded into an ActionIntent and run by the app (src/app/handle-action.ts), which checks
// the press against where it came from and picks the use case. What stays here is Slack's: the ephemeral
// answers, Block Kit updates of the message pressed, and the modals.

/** A press, as Slack sent it. */
interface Press {
  deps: SlackDeps;
  client: WebClient;
  body: BlockAction;
  action: ButtonAction;
  user: string;
  where: Where;
  team: string;
}

function whereOf(body: BlockAction): Where {
  const channel = body.channel?.id ?? body.container?.channel_id ?? '';
  const msg = body.message as { ts?: string; thread_ts?: string } | undefined;
  const thread = msg?.thread_ts ?? msg?.ts;
  return { channel, ...(thread ? { thread_ts: thread } : {}) };
}

const tell = (p: Press, text: string) =>
  p.client.chat.postEphemeral({
    channel: p.where.channel,
    user: p.user,
    text,
    ...(p.where.thread_ts ? { thread_ts: p.where.thread_ts } : {}),
  });

/** Answered questions lose their buttons and show the choice, so the thread reads as a record. */
async function markAnswered(p: Press): Promise<void> {
  const message = p.body.message;
  if (!message) return;
  const blocks = ((message.blocks ?? []) as types.KnownBlock[]).filter((b) => b.type !== 'actions');
  const label = p.action.text?.text ?? '';
  blocks.push({
    type: 'context',
    elements: [{ type: 'mrkdwn', text: `:white_check_mark: ${label} — <@${p.user}>` }],
  });
  await p.client.chat.update({
    channel: p.where.channel,
    ts: message.ts,
    text: message.text ?? label,
    blocks,
  });
}

/** The draft buttons' posts in Slack: drafts in the case thread, refusals told only to the presser. */
function draftPort(p: Press): DraftPort & DraftEditorPort {
  return {
    send: async (replies) => {
      for (const r of replies) await postText(p.client, p.deps.log, p.where, slackText(r));
    },
    tell: async (r) => void (await tell(p, slackText(r))),
    showDraft: async (d) =>
      void (await postMessages(
        p.client,
        p.deps.log,
        p.where,
        draftMessages(d.draft, { caseId: d.caseId, edited: d.edited }),
      )),
    // The message pressed on: a sent draft keeps no buttons.
    replaceDraft: async (d) => {
      if (!p.body.message) return;
      const [first] = draftMessages(d.draft, {
        caseId: d.caseId,
        ...(d.sent ? { sentBy: d.sent.by ?? '', sentAt: d.sent.at, buttons: false } : { edited: d.edited }),
      });
      if (first)
        await p.client.chat.update({
          channel: p.where.channel,
          ts: p.body.message.ts,
          text: first.text,
          blocks: first.blocks,
        });
    },
    openEditor: async (d) =>
      void (await p.client.views.open({
        trigger_id: p.body.trigger_id,
        view: editModal(d.caseId, d.draft, d.rev),
      })),
  };
}

/** What Slack can do for a press: every capability the app's actions ask for. */
function slackPort(p: Press, intent: ActionIntent, members: LegalMembers): ActionPort {
  const telling = (text: string) => tell(p, text);
  const { where } = p;
  return {
    // A seller's button acts in its case's thread (or DM); legal's on the case's parent in the legal channel.
    place: {
      team: slackTeam(p.team),
      conversations: [
        dmKey(p.team, where.channel),
        ...(where.thread_ts ? [threadKey(p.team, where.channel, where.thread_ts)] : []),
      ],
      legal: { channel: where.channel, ...(where.thread_ts ? { thread: where.thread_ts } : {}) },
    },
    traits: SLACK_LEGAL,
    tell: async (r) => void (await telling(slackText(r))),
    turn: async (event, caseId) => {
      const r = await turnAndPost(
        p.deps,
        p.client,
        { conversation: intent.where, who: p.user, channel: 'slack', event, caseId },
        where,
        p.user,
      );
      if (intent.action === 'answer' && !r.effects.some((e) => e.type === 'stale')) await markAnswered(p);
    },
    drafts: draftPort(p),
    escalate: { port: escalatePort(p.deps, p.client, p.user, telling), legalChannel: p.deps.legalChannel },
    legal: {
      port: legalPort(p.deps, p.client, telling),
      // Legal's buttons work only for members of the legal channel.
      isLegal: () => members.isMember(p.client, p.user),
      openForm: async (form, caseId) =>
        void (await p.client.views.open({
          trigger_id: p.body.trigger_id,
          view: form === 'question' ? questionModal(caseId) : resolveModal(caseId),
        })),
    },
  };
}

export function registerActions(app: App, deps: SlackDeps, members: LegalMembers): void {
  app.action<BlockAction<ButtonAction>>(/^ipc_/, async ({ ack, body, action, client }) => {
    await ack();
    if (action.action_id.startsWith(ACTION.link)) return; // link buttons open a URL; nothing to do
    const where = whereOf(body);
    const name = actionNameOf(action.action_id);
    const value = decodeValue(action.value);
    const p: Press = {
      deps,
      client,
      body,
      action,
      user: body.user.id,
      where,
      team: body.team?.id ?? body.user.team_id ?? '',
    };
    if (!name || !value) {
      await client.chat.postEphemeral({
        channel: where.channel,
        user: body.user.id,
        text: 'That button is no longer valid. Say "status" in the case thread to see where it stands.',
      });
      return;
    }
    const intent: ActionIntent = {
      kind: 'action',
      actor: { id: p.user },
      where: threadKey(p.team, where.channel, where.thread_ts ?? ''),
      action: name,
      value,
    };
    try {
      await handleAction(appDeps(deps), intent, slackPort(p, intent, members));
    } catch (err) {
      deps.log.error(`${action.action_id} on ${value.c} failed: ${(err as Error).message}`);
      await tell(p, `Sorry: ${userText(err)}`).catch(() => {});
    }
  });
}
