import type { App, ViewOutput } from '@slack/bolt';
import { CaseConflictError, userText } from '../../../core/errors.js';
import { VIEW, ViewMeta } from '../action-ids.js';
import { sellerWhere } from '../case-ops.js';
import { currentDraft, readEdit, saveDraft } from '../drafts.js';
import { refreshLegalParent } from '../legal.js';
import type { LegalMembers } from '../legal-members.js';
import { postMessages } from '../post.js';
import { draftMessages, escapeMrkdwn } from '../render-block-kit.js';
import type { SlackDeps, WebClient } from '../slack-deps.js';

type Values = ViewOutput['state']['values'];

function meta(view: ViewOutput): ViewMeta | undefined {
  try {
    const r = ViewMeta.safeParse(JSON.parse(view.private_metadata));
    return r.success ? r.data : undefined;
  } catch {
    return undefined;
  }
}

const field = (values: Values, block: string) => (values[block]?.value?.value ?? '').trim();

class DraftChanged extends Error {}

async function saveEdit(
  deps: SlackDeps,
  client: WebClient,
  m: ViewMeta,
  values: Values,
  user: string,
): Promise<void> {
  const kind = m.d ?? 'dispute_reply';
  const { subject, body } = readEdit(values as Parameters<typeof readEdit>[0]);
  const at = deps.clock.now().toISOString();
  const rec = await deps.stores.cases.update(m.c, (cur) => {
    const saved = cur.drafts.find((d) => d.kind === kind);
    // Two people editing at once: the second save is refused rather than silently overwriting the first.
    if ((saved?.rev ?? 0) !== (m.v ?? 0)) throw new DraftChanged();
    return {
      ...saveDraft(cur, { kind, subject, body, rev: (saved?.rev ?? 0) + 1, editedBy: user, editedAt: at }),
      audit: [
        ...cur.audit,
        { at, who: user, action: 'draft_edited', detail: `${kind}: ${subject.slice(0, 200)}` },
      ],
    };
  });
  const where = sellerWhere(rec);
  const d = currentDraft(rec, kind, deps);
  if (where && d) await postMessages(client, where, draftMessages(d.draft, { caseId: rec.id, edited: true }));
}

export function registerViews(app: App, deps: SlackDeps, members: LegalMembers): void {
  app.view(VIEW.draftEdit, async ({ ack, view, body, client }) => {
    const m = meta(view);
    const { subject, body: text } = readEdit(view.state.values as Parameters<typeof readEdit>[0]);
    if (!m)
      return void (await ack({
        response_action: 'errors',
        errors: { subject: 'This form is out of date; close it and press Edit again.' },
      }));
    if (subject === '' || text === '')
      return void (await ack({
        response_action: 'errors',
        errors: { subject: 'The subject and the text cannot be empty.' },
      }));
    try {
      await saveEdit(deps, client, m, view.state.values, body.user.id);
      await ack();
    } catch (err) {
      const msg =
        err instanceof DraftChanged || err instanceof CaseConflictError
          ? 'Someone saved a newer version of this draft meanwhile. Close this form and press Edit again to see it.'
          : `Not saved: ${userText(err)}`;
      await ack({ response_action: 'errors', errors: { subject: msg } });
    }
  });

  app.view(VIEW.legalInfo, async ({ ack, view, body, client }) => {
    const m = meta(view);
    const question = field(view.state.values, 'question');
    if (!m || question === '')
      return void (await ack({
        response_action: 'errors',
        errors: { question: 'Write the question for the seller.' },
      }));
    if (!(await members.isMember(client, body.user.id)))
      return void (await ack({ response_action: 'errors', errors: { question: 'Only legal can do this.' } }));
    await ack();
    const at = deps.clock.now().toISOString();
    const rec = await deps.stores.cases.update(m.c, (cur) =>
      cur.escalation
        ? {
            ...cur,
            escalation: {
              ...cur.escalation,
              infoRequests: [...cur.escalation.infoRequests, { at, by: body.user.id, question }],
            },
            audit: [
              ...cur.audit,
              { at, who: body.user.id, action: 'legal_info_requested', detail: question.slice(0, 500) },
            ],
          }
        : cur,
    );
    const esc = rec.escalation;
    const where = sellerWhere(rec);
    if (where)
      await client.chat.postMessage({
        ...where,
        text: `Legal (<@${body.user.id}>) asks: ${escapeMrkdwn(question)}\nReply in this thread; I will pass your answer to legal.`,
      });
    if (esc)
      await client.chat.postMessage({
        channel: esc.channel,
        thread_ts: esc.ts,
        text: `<@${body.user.id}> asked the seller: ${escapeMrkdwn(question)}`,
      });
  });

  app.view(VIEW.legalResolve, async ({ ack, view, body, client }) => {
    const m = meta(view);
    const outcome = field(view.state.values, 'outcome');
    if (!m || outcome === '')
      return void (await ack({
        response_action: 'errors',
        errors: { outcome: 'Write the outcome the seller will see.' },
      }));
    if (!(await members.isMember(client, body.user.id)))
      return void (await ack({ response_action: 'errors', errors: { outcome: 'Only legal can do this.' } }));
    await ack();
    const at = deps.clock.now().toISOString();
    const rec = await deps.stores.cases.update(m.c, (cur) =>
      cur.escalation
        ? {
            ...cur,
            status: 'closed',
            escalation: {
              ...cur.escalation,
              status: 'resolved',
              resolvedBy: body.user.id,
              resolvedAt: at,
              resolution: outcome,
            },
            audit: [
              ...cur.audit,
              { at, who: body.user.id, action: 'legal_resolved', detail: outcome.slice(0, 1000) },
              { at, who: body.user.id, action: 'case_closed' },
            ],
          }
        : cur,
    );
    await refreshLegalParent(deps, client, rec);
    const esc = rec.escalation;
    if (esc)
      await client.chat.postMessage({
        channel: esc.channel,
        thread_ts: esc.ts,
        text: `Resolved by <@${body.user.id}>: ${escapeMrkdwn(outcome)}`,
      });
    const where = sellerWhere(rec);
    if (where)
      await client.chat.postMessage({
        ...where,
        text: `Legal (<@${body.user.id}>) resolved ${rec.id}: ${escapeMrkdwn(outcome)}\nThe case is closed.`,
      });
  });
}
