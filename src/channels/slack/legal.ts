import type { types } from '@slack/bolt';
import { appDeps } from '../../app/app-deps.js';
import { currentDraft, lawyerNoteFor, outcomeOf } from '../../app/case-drafts.js';
import type { EscalatePort } from '../../app/escalate.js';
import type { LegalPort } from '../../app/legal.js';
import type { LegalTraits } from '../../app/legal-words.js';
import { askLabel, type LegalButton, legalPost, outcomeLabel } from '../../domain/conversation/legal-post.js';
import type { Outcome } from '../../domain/conversation/outcome.js';
import { partsText, type Reply } from '../../domain/conversation/replies.js';
import type { CaseRecord, Escalation } from '../../domain/model/case-record.js';
import { ACTION, encodeValue, VIEW } from './action-ids.js';
import { sellerWhere } from './case-ops.js';
import { postText } from './post.js';
import { definitelyNotPosted, findOwnMessage, newestTs, postOnce } from './post-once.js';
import { clip, draftMessages, escapeMrkdwn } from './render-block-kit.js';
import type { SlackDeps, WebClient } from './slack-deps.js';

type Block = types.KnownBlock;

const STATUS_ICON: Record<Escalation['status'], string> = {
  open: ':red_circle:',
  acknowledged: ':large_yellow_circle:',
  resolved: ':white_check_mark:',
};

const BUTTON: Record<LegalButton, { text: string; action_id: string; style?: 'primary' }> = {
  acknowledge: { text: 'Acknowledge', action_id: ACTION.legalAck, style: 'primary' },
  request_info: { text: 'Request info', action_id: ACTION.legalInfo },
  resolve: { text: 'Resolve', action_id: ACTION.legalResolve },
};

/** The parent message in the legal channel (src/domain/conversation/legal-post.ts), laid out in Block Kit. */
export function legalParent(
  rec: CaseRecord,
  o: Outcome,
  esc: Pick<Escalation, 'status' | 'ackBy' | 'resolvedBy' | 'resolution'>,
  seller: string,
): { text: string; blocks: Block[] } {
  const p = legalPost(rec, o, esc, seller);
  let status = `${STATUS_ICON[p.status.state]} ${p.status.word}`;
  if (p.status.by) status += ` by <@${p.status.by}>`;
  if (p.status.resolution !== undefined) status += `: ${escapeMrkdwn(p.status.resolution)}`;
  const blocks: Block[] = [
    {
      type: 'section',
      text: {
        type: 'mrkdwn',
        text: clip(
          `${p.urgent ? ':rotating_light: *URGENT* ' : ''}*${p.caseId}* · ${escapeMrkdwn(p.listing)} · escalated by <@${p.seller}>\n` +
            `*Routes:* ${p.routes.map(escapeMrkdwn).join('; ')}` +
            (p.deadline
              ? `\n*Next deadline:* ${escapeMrkdwn(`${p.deadline.label}: ${p.deadline.day}`)}`
              : ''),
          3000,
        ),
      },
    },
    { type: 'context', elements: [{ type: 'mrkdwn', text: clip(status, 3000) }] },
  ];
  if (p.buttons.length > 0) {
    const value = encodeValue({ c: rec.id });
    blocks.push({
      type: 'actions',
      block_id: 'legal',
      elements: p.buttons.map((b) => {
        const { text, action_id, style } = BUTTON[b];
        return {
          type: 'button' as const,
          text: { type: 'plain_text' as const, text },
          action_id,
          value,
          ...(style ? { style } : {}),
        };
      }),
    });
  }
  return { text: p.fallback, blocks };
}

// A try that posted (or may have posted) the legal parent leaves this mark before posting, so a later
// try knows to look in the legal channel before posting one. Kept far longer than anyone retries. It holds
// the newest message in the channel before the try: the parent, if posted, is after it, so the lookup reads
// the channel from there on, every page, however many messages came since (never a fixed number of pages).
// An older mark (`true`) has no such message: the lookup reads the whole history.
const ATTEMPT_KEEP_MS = 30 * 24 * 3600_000;
const attemptKey = (caseId: string) => `slack:escalation-attempt:${caseId}`;
type Attempt = { after?: string } | true;

/**
 * The legal parent message for a case: the one an earlier try posted (its call failed, or the process
 * stopped, before the case recorded it), else a new one.
 */
async function findOrPostParent(
  deps: SlackDeps,
  client: WebClient,
  rec: CaseRecord,
  channel: string,
  user: string,
): Promise<string> {
  const key = { kind: 'legal_parent', ref: rec.id };
  const tried = await appDeps(deps).records.get<Attempt>(attemptKey(rec.id));
  const earlier = tried === true ? undefined : tried?.after;
  if (tried) {
    const found = await findOwnMessage(client, channel, key, undefined, earlier ? { oldest: earlier } : {});
    if (found) return found;
  }
  // The first try's mark stays: it is older, so a parent of any try is after it.
  const after = tried ? earlier : await newestTs(client, channel);
  if (!tried || tried === true)
    await appDeps(deps).records.set(attemptKey(rec.id), after ? { after } : {}, ATTEMPT_KEEP_MS);
  const parent = legalParent(rec, outcomeOf(rec, deps), { status: 'open' }, user);
  try {
    return await postOnce(client, deps.log, key, { channel, text: parent.text, blocks: parent.blocks });
  } catch (err) {
    // Slack said no (not_in_channel…): nothing was posted, so the next try need not look for it.
    if (definitelyNotPosted(err))
      await appDeps(deps)
        .records.delete(attemptKey(rec.id))
        .catch(() => {});
    throw err;
  }
}

/** The lawyer note in the legal thread, each part once: parts an earlier try posted are not posted again. */
async function postNote(
  deps: SlackDeps,
  client: WebClient,
  rec: CaseRecord,
  esc: Escalation,
  retry: boolean,
): Promise<string> {
  const note = currentDraft(rec, 'lawyer_escalation', deps) ?? lawyerNoteFor(rec, deps);
  const messages = draftMessages(note.draft, { caseId: rec.id, buttons: false });
  let first: string | undefined;
  for (const [part, m] of messages.entries()) {
    const key = { kind: 'lawyer_note', ref: rec.id, part };
    const ts =
      (retry ? await findOwnMessage(client, esc.channel, key, esc.ts) : undefined) ??
      (await postOnce(client, deps.log, key, {
        channel: esc.channel,
        thread_ts: esc.ts,
        text: m.text,
        blocks: m.blocks,
        unfurl_links: false,
      }));
    first ??= ts;
  }
  return first ?? esc.ts;
}

/** Slack's ways with legal's sentences (src/app/legal-words.ts). */
export const SLACK_LEGAL: LegalTraits = {
  key: 'slack',
  platform: 'Slack',
  legalChannelVar: 'IPCHECK_LEGAL_CHANNEL',
  joinLegal: 'invites me there',
  sellerPlace: 'thread',
  button: (name) => `*${name}*`,
  wrongLegalThread: 'not_here',
};

/** One of legal's sentences as Slack text: people mentioned, their words escaped, ours as written. */
export function slackText(r: Reply): string {
  if (r.kind === 'say') return partsText(r.parts, (id) => `<@${id}>`, escapeMrkdwn);
  if (r.kind === 'text' || r.kind === 'notice') return r.text;
  throw new Error(`not a sentence: ${r.kind}`);
}

/** Tells the person who acted, one sentence at a time (an ephemeral message, or a private note). */
const telling = (tell: (text: string) => Promise<unknown>) => ({
  send: async (replies: readonly Reply[]) => {
    for (const r of replies) await tell(slackText(r));
  },
  tell: async (r: Reply) => void (await tell(slackText(r))),
});

/**
 * One parent message per case in the legal channel, with the lawyer-escalation note in its thread, a
 * permalink, and the seller told (the steps and their order: src/app/escalation.ts). A parent whose post
 * failed is looked for before posting another; on a retry, so is each later message.
 */
export function escalatePort(
  deps: SlackDeps,
  client: WebClient,
  user: string,
  tell: (text: string) => Promise<unknown>,
): EscalatePort {
  const records = appDeps(deps).records;
  return {
    ...telling(tell),
    parent: (rec, channel) => findOrPostParent(deps, client, rec, channel, user),
    // The case knows its parent now; the mark has done its job.
    parentRecorded: (id) => records.delete(attemptKey(id)).catch(() => {}),
    note: (rec, esc, retry) => postNote(deps, client, rec, esc, retry),
    permalink: async (_rec, esc) => {
      const permalink = (await client.chat.getPermalink({ channel: esc.channel, message_ts: esc.ts }))
        .permalink;
      if (!permalink) throw new Error('chat.getPermalink answered without a permalink');
      return permalink;
    },
    tellSeller: async (rec, _esc, retry, message) => {
      const where = sellerWhere(rec);
      if (!where) return 'none';
      const key = { kind: 'escalated_note', ref: rec.id };
      // On a retry the earlier try may have posted it although its call failed: look first.
      const found = retry ? await findOwnMessage(client, where.channel, key, where.thread_ts) : undefined;
      return found ?? (await postOnce(client, deps.log, key, { ...where, text: slackText(message) }));
    },
  };
}

/** Legal's thread, the seller's thread and the legal parent, for legal's use cases (src/app/legal.ts). */
export function legalPort(
  deps: SlackDeps,
  client: WebClient,
  tell: (text: string) => Promise<unknown>,
): LegalPort {
  return {
    ...telling(tell),
    postInLegalThread: async (rec, reply) => {
      const esc = rec.escalation;
      if (!esc) throw new Error(`${rec.id} has no legal thread`);
      await postText(client, deps.log, { channel: esc.channel, thread_ts: esc.ts }, slackText(reply));
    },
    tellSeller: async (rec, reply) => {
      const where = sellerWhere(rec);
      if (!where) return false;
      await postText(client, deps.log, where, slackText(reply));
      return true;
    },
    refreshParent: (rec) => refreshLegalParent(deps, client, rec),
  };
}

/** Re-renders the legal parent message after legal acted (status line and remaining buttons). */
async function refreshLegalParent(deps: SlackDeps, client: WebClient, rec: CaseRecord): Promise<void> {
  const esc = rec.escalation;
  if (!esc) return;
  const parent = legalParent(rec, outcomeOf(rec, deps), esc, esc.by);
  await client.chat.update({ channel: esc.channel, ts: esc.ts, text: parent.text, blocks: parent.blocks });
}

/** A one-field modal for legal: the question for the seller, or the outcome note. */
function textModal(
  callbackId: string,
  caseId: string,
  title: string,
  submit: string,
  block: string,
  label: string,
): types.View {
  return {
    type: 'modal',
    callback_id: callbackId,
    private_metadata: JSON.stringify({ c: caseId }),
    title: { type: 'plain_text', text: title },
    submit: { type: 'plain_text', text: submit },
    close: { type: 'plain_text', text: 'Cancel' },
    blocks: [
      {
        type: 'input',
        block_id: block,
        label: { type: 'plain_text', text: label },
        element: { type: 'plain_text_input', action_id: 'value', multiline: true, max_length: 3000 },
      },
    ],
  };
}

export const questionModal = (caseId: string): types.View =>
  textModal(VIEW.legalInfo, caseId, 'Ask the seller', 'Send', 'question', askLabel(caseId));

export const resolveModal = (caseId: string): types.View =>
  textModal(VIEW.legalResolve, caseId, 'Resolve the case', 'Resolve', 'outcome', outcomeLabel(caseId));
