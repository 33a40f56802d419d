import { appDeps } from '../../app/app-deps.js';
import { currentDraft, lawyerNoteFor, outcomeOf } from '../../app/case-drafts.js';
import type { EscalatePort } from '../../app/escalate.js';
import type { LegalPort } from '../../app/legal.js';
import type { LegalTraits } from '../../app/legal-words.js';
import { askLabel, type LegalButton, legalPost, outcomeLabel } from '../../domain/conversation/legal-post.js';
import type { Outcome } from '../../domain/conversation/outcome.js';
import { partsText, type Reply } from '../../domain/conversation/replies.js';
import type { CaseRecord, Escalation } from '../../domain/model/case-record.js';
import type { BotTurn, ConversationRef, OutActivity } from './bot-adapter.js';
import { sendAll } from './case-turn.js';
import { legalRef, refOfConversation, threadRef } from './conversation-refs.js';
import {
  actionSets,
  type CardActionJson,
  cardMessages,
  draftCards,
  type Element,
  para,
  submit,
  wordsMessage,
} from './render-cards.js';
import type { TeamsDeps } from './teams-deps.js';

// Escalation to a Teams channel, as in Slack: one post per case in the legal channel (the case at a
// glance and legal's buttons), the lawyer note as a reply in that post's thread, the seller told where
// it is. Each step is recorded on the case when done, so a press after a failure finishes what is
// missing and never posts a finished step again. Teams lets a bot post in a channel only once it has
// been added to the channel's team; until then escalating says so and changes nothing.

const STATUS_ICON: Record<Escalation['status'], string> = {
  open: '🔴',
  acknowledged: '🟡',
  resolved: '✅',
};

/** The post in the legal channel (src/domain/conversation/legal-post.ts), laid out as an Adaptive Card. */
export function legalCard(
  rec: CaseRecord,
  o: Outcome,
  esc: Pick<Escalation, 'status' | 'ackBy' | 'resolvedBy' | 'resolution'>,
  seller: string,
): OutActivity {
  const p = legalPost(rec, o, esc, seller);
  let status = `${STATUS_ICON[p.status.state]} ${p.status.word}`;
  if (p.status.by) status += ` by ${p.status.by}`;
  if (p.status.resolution !== undefined) status += `: ${p.status.resolution}`;
  const body: Element[] = [
    para(`${p.urgent ? 'URGENT · ' : ''}${p.caseId} · ${p.listing} · escalated by ${p.seller}`, {
      weight: 'Bolder',
      ...(p.urgent ? { color: 'Attention' as const } : {}),
    }),
    para(`Routes: ${p.routes.join('; ')}`),
    ...(p.deadline ? [para(`Next deadline: ${p.deadline.label}: ${p.deadline.day}`)] : []),
    para(status, { isSubtle: true }),
  ];
  if (p.buttons.length > 0) {
    const b = { c: rec.id };
    const form = (
      id: 'question' | 'outcome',
      label: string,
      title: string,
      action: 'legal_info' | 'legal_resolve',
    ) => ({
      type: 'Action.ShowCard',
      title,
      card: {
        type: 'AdaptiveCard',
        body: [
          {
            type: 'Input.Text',
            id,
            label,
            isMultiline: true,
            maxLength: 3000,
            isRequired: true,
            errorMessage: 'Write something first.',
          },
        ],
        actions: [submit(action === 'legal_info' ? 'Send to the seller' : 'Resolve', action, b)],
      },
    });
    const button: Record<LegalButton, CardActionJson> = {
      acknowledge: submit('Acknowledge', 'legal_ack', b, { style: 'positive' }),
      request_info: form('question', askLabel(rec.id), 'Request info', 'legal_info'),
      resolve: form('outcome', outcomeLabel(rec.id), 'Resolve', 'legal_resolve'),
    };
    body.push(...actionSets(p.buttons.map((k) => button[k])));
  }
  const [card] = cardMessages(body, p.fallback);
  return card as OutActivity;
}

const messageIdOf = (threadId: string) => /;messageid=([^;]+)/.exec(threadId)?.[1];

/** A Teams deep link to the case's post in the legal channel. */
function deepLink(channel: string, threadId: string, tenant?: string): string {
  const id = messageIdOf(threadId) ?? '0';
  const q = new URLSearchParams({ parentMessageId: id, ...(tenant ? { tenantId: tenant } : {}) });
  return `https://teams.microsoft.com/l/message/${encodeURIComponent(channel)}/${encodeURIComponent(id)}?${q}`;
}

/** Teams' ways with legal's sentences (src/app/legal-words.ts). */
export const TEAMS_LEGAL: LegalTraits = {
  key: 'teams',
  platform: 'Teams',
  legalChannelVar: 'IPCHECK_TEAMS_LEGAL_CHANNEL',
  joinLegal: 'adds ipcheck to that channel’s team',
  sellerPlace: 'chat',
  button: (name) => name,
  wrongLegalThread: 'this_thread',
};

/**
 * One of legal's sentences as a Teams message. A sentence naming a person or carrying their words goes
 * in TextRuns, never markdown (Teams reads a message's `text` as markdown); ipcheck's own, as text.
 */
export function teamsMessage(r: Reply): OutActivity {
  if (r.kind === 'say') return wordsMessage(partsText(r.parts));
  if (r.kind === 'text' || r.kind === 'notice') return { type: 'message', text: r.text };
  throw new Error(`not a sentence: ${r.kind}`);
}

/** Answers in the turn's own conversation (Teams has no message for one person only). */
export const turnTelling = (turn: BotTurn) => ({
  send: async (replies: readonly Reply[]) => {
    for (const r of replies) await turn.send(teamsMessage(r));
  },
  tell: async (r: Reply) => void (await turn.send(teamsMessage(r))),
});

async function sendTo(deps: TeamsDeps, ref: ConversationRef, messages: OutActivity[]): Promise<void> {
  await deps.adapter.continueIn(ref, (t) => sendAll(t, messages));
}

async function tellSellerMessage(deps: TeamsDeps, rec: CaseRecord, message: OutActivity): Promise<boolean> {
  const conv = rec.sellerThread?.channel;
  const ref = conv ? await refOfConversation(appDeps(deps).records, conv) : undefined;
  if (!ref) return false;
  await sendTo(deps, ref, [message]);
  return true;
}

/** Tells the seller's conversation something (a reminder); false when ipcheck has no way to reach it. */
export function tellSeller(deps: TeamsDeps, rec: CaseRecord, message: string): Promise<boolean> {
  return tellSellerMessage(deps, rec, wordsMessage(message));
}

/** Posts in a case's legal thread. */
export async function tellLegal(deps: TeamsDeps, rec: CaseRecord, messages: OutActivity[]): Promise<void> {
  const esc = rec.escalation;
  if (!esc) return;
  const ref = await legalRef(appDeps(deps).records, esc.channel);
  if (!ref) throw new Error(`no reference for the legal channel ${esc.channel}`);
  await sendTo(deps, threadRef(ref, esc.ts), messages);
}

/** The escalation's posts in Teams (the steps and their order: src/app/escalation.ts). */
export function escalatePort(deps: TeamsDeps, turn: BotTurn, who: string): EscalatePort {
  const records = appDeps(deps).records;
  return {
    ...turnTelling(turn),
    parent: async (rec, channel) => {
      const ref = await legalRef(records, channel);
      // Teams lets a bot post in a channel only once it has been added to the channel's team.
      if (!ref) return undefined;
      return deps.adapter.postInChannel(
        ref,
        channel,
        legalCard(rec, outcomeOf(rec, deps), { status: 'open' }, who),
      );
    },
    note: async (rec, esc) => {
      const note = currentDraft(rec, 'lawyer_escalation', deps) ?? lawyerNoteFor(rec, deps);
      await tellLegal(deps, rec, draftCards(note.draft, { caseId: rec.id, rev: 0, readOnly: true }));
      return esc.ts;
    },
    permalink: async (_rec, esc) =>
      deepLink(esc.channel, esc.ts, (await legalRef(records, esc.channel))?.tenantId),
    tellSeller: async (rec, _esc, _retry, message) =>
      (await tellSellerMessage(deps, rec, teamsMessage(message))) ? 'told' : 'none',
  };
}

/** The legal post's id in its thread: the card a button was pressed on, else the thread's root post. */
const parentId = (turn: BotTurn, esc: Escalation) => turn.activity.replyToId ?? messageIdOf(esc.ts) ?? '';

/**
 * Legal's use cases from a press in the case's legal thread (the caller checked it came from there): the
 * thread is the turn's own conversation, the seller's chat is reached by its reference.
 */
export function legalPort(deps: TeamsDeps, turn: BotTurn): LegalPort {
  return {
    ...turnTelling(turn),
    postInLegalThread: async (_rec, reply) => void (await turn.send(teamsMessage(reply))),
    tellSeller: (rec, reply) => tellSellerMessage(deps, rec, teamsMessage(reply)),
    refreshParent: async (rec) => {
      const esc = rec.escalation;
      if (!esc) return;
      await turn.update(parentId(turn, esc), legalCard(rec, outcomeOf(rec, deps), esc, esc.by));
    },
  };
}
