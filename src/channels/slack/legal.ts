import type { types } from '@slack/bolt';
import { escalated, withPermalink } from '../../core/case-actions.js';
import type { CaseRecord, Escalation } from '../../core/case-record.js';
import { formatDay } from '../../core/dates.js';
import { nextDeadline } from '../../core/deadlines.js';
import type { Outcome } from '../../core/outcome.js';
import { ACTION, encodeValue, VIEW } from './action-ids.js';
import { sellerWhere } from './case-ops.js';
import { currentDraft, lawyerNoteFor, outcomeOf } from './drafts.js';
import { postMessages } from './post.js';
import { clip, draftMessages, escapeMrkdwn } from './render-block-kit.js';
import type { SlackDeps, WebClient } from './slack-deps.js';

type Block = types.KnownBlock;

const STATUS_LINE: Record<Escalation['status'], string> = {
  open: ':red_circle: Waiting for legal',
  acknowledged: ':large_yellow_circle: Acknowledged',
  resolved: ':white_check_mark: Resolved',
};

function nextDeadlineText(o: Outcome): string | undefined {
  const d = nextDeadline(o.deadlines);
  return d ? `${d.label}: *${formatDay(d.date)}*` : undefined;
}

/** The parent message in the legal channel: the case at a glance, its status, and legal's buttons. */
export function legalParent(
  rec: CaseRecord,
  o: Outcome,
  esc: Pick<Escalation, 'status' | 'ackBy' | 'resolvedBy' | 'resolution'>,
  seller: string,
): { text: string; blocks: Block[] } {
  const f = rec.state.facts;
  const urgent = o.routes.some((r) => r.urgent);
  const listing = f.listingId ? `${f.platform ?? ''} listing ${f.listingId}` : 'listing not given yet';
  const deadline = nextDeadlineText(o);
  let status = STATUS_LINE[esc.status];
  if (esc.status === 'acknowledged' && esc.ackBy) status += ` by <@${esc.ackBy}>`;
  if (esc.status === 'resolved' && esc.resolvedBy)
    status += ` by <@${esc.resolvedBy}>: ${escapeMrkdwn(esc.resolution ?? '')}`;
  const blocks: Block[] = [
    {
      type: 'section',
      text: {
        type: 'mrkdwn',
        text: clip(
          `${urgent ? ':rotating_light: *URGENT* ' : ''}*${rec.id}* · ${escapeMrkdwn(listing)} · escalated by <@${seller}>\n` +
            `*Routes:* ${o.routes.map((r) => escapeMrkdwn(r.title)).join('; ')}` +
            (deadline ? `\n*Next deadline:* ${escapeMrkdwn(deadline.replace(/\*/g, ''))}` : ''),
          3000,
        ),
      },
    },
    { type: 'context', elements: [{ type: 'mrkdwn', text: clip(status, 3000) }] },
  ];
  if (esc.status !== 'resolved') {
    const v = encodeValue({ c: rec.id });
    blocks.push({
      type: 'actions',
      block_id: 'legal',
      elements: [
        ...(esc.status === 'open'
          ? [
              {
                type: 'button' as const,
                text: { type: 'plain_text' as const, text: 'Acknowledge' },
                action_id: ACTION.legalAck,
                value: v,
                style: 'primary' as const,
              },
            ]
          : []),
        {
          type: 'button',
          text: { type: 'plain_text', text: 'Request info' },
          action_id: ACTION.legalInfo,
          value: v,
        },
        {
          type: 'button',
          text: { type: 'plain_text', text: 'Resolve' },
          action_id: ACTION.legalResolve,
          value: v,
        },
      ],
    });
  }
  return { text: `${urgent ? 'URGENT: ' : ''}${rec.id} escalated to legal (${listing})`, blocks };
}

export type EscalateResult = { kind: 'escalated' | 'already'; permalink?: string } | { kind: 'no_channel' };

/**
 * One parent message per case in the legal channel, with the lawyer-escalation note in its thread. The
 * caller holds a claim on the case's escalation, so a double click or a second instance cannot post twice.
 */
export async function escalate(
  deps: SlackDeps,
  client: WebClient,
  caseId: string,
  user: string,
): Promise<EscalateResult> {
  const channel = deps.legalChannel;
  if (!channel) return { kind: 'no_channel' };
  const rec = await deps.stores.cases.get(caseId);
  if (!rec) throw new Error(`case ${caseId} not found`);
  if (rec.escalation)
    return { kind: 'already', ...(rec.escalation.permalink ? { permalink: rec.escalation.permalink } : {}) };
  const o = outcomeOf(rec, deps);
  const parent = legalParent(rec, o, { status: 'open' }, user);
  const posted = await client.chat.postMessage({ channel, text: parent.text, blocks: parent.blocks });
  const ts = posted.ts as string;
  // Record the legal thread the moment it exists: if a later step fails, a retry finds the escalation
  // and does not post a second parent message.
  const at = deps.clock.now().toISOString();
  await deps.stores.cases.update(caseId, (cur) => escalated(cur, { who: user, at }, { channel, ts }));
  const note = currentDraft(rec, 'lawyer_escalation', deps) ?? lawyerNoteFor(rec, deps);
  await postMessages(
    client,
    { channel, thread_ts: ts },
    draftMessages(note.draft, { caseId, buttons: false }),
  );
  const permalink = (await client.chat.getPermalink({ channel, message_ts: ts })).permalink;
  if (permalink) {
    await deps.stores.cases.update(caseId, (cur) => withPermalink(cur, permalink));
  }
  const where = sellerWhere(rec);
  if (where) {
    await client.chat.postMessage({
      ...where,
      text: `Escalated to legal${permalink ? `: ${permalink}` : '.'} Legal's questions and answers will appear here.`,
    });
  }
  return { kind: 'escalated', ...(permalink ? { permalink } : {}) };
}

/** Re-renders the legal parent message after legal acted (status line and remaining buttons). */
export async function refreshLegalParent(deps: SlackDeps, client: WebClient, rec: CaseRecord): Promise<void> {
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
  textModal(
    VIEW.legalInfo,
    caseId,
    'Ask the seller',
    'Send',
    'question',
    `What do you need from the seller for ${caseId}?`,
  );

export const resolveModal = (caseId: string): types.View =>
  textModal(
    VIEW.legalResolve,
    caseId,
    'Resolve the case',
    'Resolve',
    'outcome',
    `Outcome for ${caseId} (the seller will see it)`,
  );
