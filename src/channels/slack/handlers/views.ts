import type { App, ViewOutput } from '@slack/bolt';
import { DraftChangedError, draftEdited, infoRequested, resolved } from '../../../core/case-actions.js';
import type { CaseRecord } from '../../../core/case-record.js';
import { CaseConflictError, userText } from '../../../core/errors.js';
import { VIEW, ViewMeta } from '../action-ids.js';
import { sellerWhere } from '../case-ops.js';
import { currentDraft, readEdit } from '../drafts.js';
import { refreshLegalParent } from '../legal.js';
import type { LegalMembers } from '../legal-members.js';
import { postMessages } from '../post.js';
import { draftMessages, escapeMrkdwn } from '../render-block-kit.js';
import type { SlackDeps } from '../slack-deps.js';

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

/** Saves an edit under the case lock; a form older than the saved draft is refused, not applied. */
async function saveEdit(deps: SlackDeps, m: ViewMeta, values: Values, user: string): Promise<CaseRecord> {
  const kind = m.d ?? 'dispute_reply';
  const { subject, body } = readEdit(values as Parameters<typeof readEdit>[0]);
  const at = deps.clock.now().toISOString();
  return deps.stores.cases.update(m.c, (cur) =>
    draftEdited(cur, { who: user, at }, kind, { subject, body }, m.v ?? 0),
  );
}

const formError = (block: string, text: string) => ({
  response_action: 'errors' as const,
  errors: { [block]: text },
});

interface LegalForm {
  callback: string;
  /** The input block holding the text. */
  block: string;
  empty: string;
  /** The case change, and what the seller's and the legal thread are told. */
  apply: (cur: CaseRecord, text: string, user: string, at: string) => CaseRecord;
  tellSeller: (rec: CaseRecord, text: string, user: string) => string;
  tellLegal: (text: string, user: string) => string;
}

const LEGAL_FORMS: LegalForm[] = [
  {
    callback: VIEW.legalInfo,
    block: 'question',
    empty: 'Write the question for the seller.',
    apply: (cur, question, user, at) => infoRequested(cur, { who: user, at }, question),
    tellSeller: (_rec, q, user) =>
      `Legal (<@${user}>) asks: ${escapeMrkdwn(q)}\nReply in this thread; I will pass your answer to legal.`,
    tellLegal: (q, user) => `<@${user}> asked the seller: ${escapeMrkdwn(q)}`,
  },
  {
    callback: VIEW.legalResolve,
    block: 'outcome',
    empty: 'Write the outcome the seller will see.',
    apply: (cur, outcome, user, at) => resolved(cur, { who: user, at }, outcome),
    tellSeller: (rec, o, user) =>
      `Legal (<@${user}>) resolved ${rec.id}: ${escapeMrkdwn(o)}\nThe case is closed.`,
    tellLegal: (o, user) => `Resolved by <@${user}>: ${escapeMrkdwn(o)}`,
  },
];

function registerLegalForm(app: App, deps: SlackDeps, members: LegalMembers, form: LegalForm): void {
  app.view(form.callback, async ({ ack, view, body, client }) => {
    const m = meta(view);
    const text = field(view.state.values, form.block);
    const user = body.user.id;
    if (!m || text === '') return void (await ack(formError(form.block, form.empty)));
    if (!(await members.isMember(client, user)))
      return void (await ack(formError(form.block, 'Only legal can do this.')));
    await ack();
    try {
      const rec = await deps.stores.cases.update(m.c, (cur) =>
        form.apply(cur, text, user, deps.clock.now().toISOString()),
      );
      if (form.callback === VIEW.legalResolve) await refreshLegalParent(deps, client, rec);
      const esc = rec.escalation;
      if (esc)
        await client.chat.postMessage({
          channel: esc.channel,
          thread_ts: esc.ts,
          text: form.tellLegal(text, user),
        });
      const where = sellerWhere(rec);
      if (where) await client.chat.postMessage({ ...where, text: form.tellSeller(rec, text, user) });
    } catch (err) {
      // The modal is already closed: say what happened privately in the legal channel, so legal knows.
      deps.log.error(`${form.callback} on ${m.c} failed: ${(err as Error).message}`);
      const channel = (await deps.stores.cases.get(m.c).catch(() => undefined))?.escalation?.channel;
      if (channel)
        await client.chat
          .postEphemeral({ channel, user, text: `Sorry, that did not go through: ${userText(err)}` })
          .catch(() => {});
    }
  });
}

export function registerViews(app: App, deps: SlackDeps, members: LegalMembers): void {
  app.view(VIEW.draftEdit, async ({ ack, view, body, client }) => {
    const m = meta(view);
    const { subject, body: text } = readEdit(view.state.values as Parameters<typeof readEdit>[0]);
    if (!m)
      return void (await ack(
        formError('subject', 'This form is out of date; close it and press Edit again.'),
      ));
    if (subject === '' || text === '')
      return void (await ack(formError('subject', 'The subject and the text cannot be empty.')));
    let rec: CaseRecord;
    try {
      rec = await saveEdit(deps, m, view.state.values, body.user.id);
    } catch (err) {
      const msg =
        err instanceof DraftChangedError || err instanceof CaseConflictError
          ? 'Someone saved a newer version of this draft meanwhile. Close this form and press Edit again to see it.'
          : `Not saved: ${userText(err)}`;
      return void (await ack(formError('subject', msg)));
    }
    // Saved: close the modal now (Slack's 3 seconds), then show the new version in the thread.
    await ack();
    const where = sellerWhere(rec);
    const d = currentDraft(rec, m.d ?? 'dispute_reply', deps);
    if (where && d) {
      await postMessages(client, where, draftMessages(d.draft, { caseId: rec.id, edited: true })).catch(
        (err: Error) => deps.log.error(`posting the edited draft of ${rec.id} failed: ${err.message}`),
      );
    }
  });
  for (const form of LEGAL_FORMS) registerLegalForm(app, deps, members, form);
}
