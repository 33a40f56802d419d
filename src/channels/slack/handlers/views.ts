import type { App, ViewOutput } from '@slack/bolt';
import { appDeps } from '../../../app/app-deps.js';
import { caseById } from '../../../app/case-lookup.js';
import { slackTeam } from '../../../app/case-scope.js';
import { DRAFT_WORDS } from '../../../app/draft-words.js';
import { saveDraft } from '../../../app/drafts.js';
import { ALREADY_SUBMITTED as ALREADY_SUBMITTED_REPLY, formOnce } from '../../../app/form-claim.js';
import { requestInfo, resolve } from '../../../app/legal.js';
import { LEGAL_WORDS } from '../../../app/legal-words.js';
import type { Reply } from '../../../domain/conversation/replies.js';
import type { CaseRecord } from '../../../domain/model/case-record.js';
import { VIEW, ViewMeta } from '../action-ids.js';
import { otherWorkspace, sellerWhere } from '../case-ops.js';
import { readEdit } from '../drafts.js';
import { answerForm, type FormAck, type Verdict } from '../form-ack.js';
import { legalPort, SLACK_LEGAL, slackText } from '../legal.js';
import type { LegalMembers } from '../legal-members.js';
import { postMessages } from '../post.js';
import { draftMessages, escapeMrkdwn } from '../render-block-kit.js';
import type { SlackDeps, WebClient } from '../slack-deps.js';

type Values = ViewOutput['state']['values'];

interface Submission {
  view: ViewOutput;
  user: { id: string; team_id?: string };
  team: { id: string } | null;
}

function meta(view: ViewOutput): ViewMeta | undefined {
  try {
    const r = ViewMeta.safeParse(JSON.parse(view.private_metadata));
    return r.success ? r.data : undefined;
  } catch {
    return undefined;
  }
}

const field = (values: Values, block: string) => (values[block]?.value?.value ?? '').trim();
const teamOfBody = (body: Submission) => body.team?.id ?? body.user.team_id ?? '';

const formError = (block: string, text: string) => ({
  response_action: 'errors' as const,
  errors: { [block]: text },
});

const refuse = (block: string, text: string): Verdict => ({ ok: false, block, text });

export const ALREADY_SUBMITTED = slackText(ALREADY_SUBMITTED_REPLY);

/** A modal (its view.id) is applied at most once: the app's form claim (src/app/form-claim.ts). */
const onceForm = (deps: SlackDeps, viewId: string, block: string, work: () => Promise<Verdict>) =>
  formOnce(appDeps(deps).claims, `slack:view:${viewId}`, () => refuse(block, ALREADY_SUBMITTED), work);

/** Tells `user` privately, in a channel they can see; the last resort is the log. */
async function tellPrivately(
  deps: SlackDeps,
  client: WebClient,
  user: string,
  where: { channel: string; thread_ts?: string } | undefined,
  text: string,
): Promise<void> {
  if (!where) return void deps.log.warn(`could not tell ${user}: ${text}`);
  await client.chat.postEphemeral({ ...where, user, text });
}

interface LegalForm {
  callback: string;
  /** The input block holding the text. */
  block: string;
  empty: Reply;
  /** The app's use case: its refusal, or the news to spread once the form is answered. */
  run: typeof requestInfo;
}

const LEGAL_FORMS: LegalForm[] = [
  { callback: VIEW.legalInfo, block: 'question', empty: LEGAL_WORDS.emptyQuestion, run: requestInfo },
  {
    callback: VIEW.legalResolve,
    block: 'outcome',
    empty: LEGAL_WORDS.emptyOutcome,
    run: (app, port, _traits, w) => resolve(app, port, w),
  },
];

/** Where legal sees private notes about a case: its legal thread, or the legal channel. */
function legalWhere(deps: SlackDeps, rec: CaseRecord | undefined) {
  const esc = rec?.escalation;
  if (esc) return { channel: esc.channel, thread_ts: esc.ts };
  return deps.legalChannel ? { channel: deps.legalChannel } : undefined;
}

/** Legal's forms (Request info, Resolve): decoded here, decided by the app (src/app/legal.ts). */
function registerLegalForm(app: App, deps: SlackDeps, members: LegalMembers, form: LegalForm): void {
  app.view(form.callback, async ({ ack, view, body, client }) => {
    const m = meta(view);
    const text = field(view.state.values, form.block);
    const user = body.user.id;
    if (!m)
      return void (await ack(
        formError(form.block, 'This form is out of date; close it and press the button again.'),
      ));
    if (text === '') return void (await ack(formError(form.block, slackText(form.empty))));
    let rec: CaseRecord | undefined;
    // Said privately where legal sees it: the case's legal thread.
    const port = legalPort(deps, client, (t) => tellPrivately(deps, client, user, legalWhere(deps, rec), t));
    const writing = { caseId: m.c, who: user, text, team: slackTeam(teamOfBody(body as Submission)) };
    const work = () =>
      onceForm(deps, view.id, form.block, async (): Promise<Verdict> => {
        if (!(await members.isMember(client, user)))
          return refuse(form.block, slackText(LEGAL_WORDS.onlyLegal));
        const r = await form.run(appDeps(deps), port, SLACK_LEGAL, writing);
        rec = r.rec;
        // Recorded: the news goes out once the form is answered (src/app/legal-news.ts).
        return r.ok ? { ok: true, after: r.spread } : refuse(form.block, slackText(r.refusal));
      });
    // Refused after the modal closed: say why, and hand the text back so nothing is lost.
    const late = (v: Extract<Verdict, { ok: false }>) =>
      tellPrivately(
        deps,
        client,
        user,
        legalWhere(deps, rec),
        `${v.text}\nWhat you wrote for ${m.c}:\n${escapeMrkdwn(text)}`,
      );
    await answerForm(ack as FormAck, form.block, work, late, deps.log);
  });
}

function registerDraftEdit(app: App, deps: SlackDeps): void {
  app.view(VIEW.draftEdit, async ({ ack, view, body, client }) => {
    const m = meta(view);
    const values = view.state.values as Parameters<typeof readEdit>[0];
    const { subject, body: text } = readEdit(values);
    const user = body.user.id;
    if (!m)
      return void (await ack(
        formError('subject', 'This form is out of date; close it and press Edit again.'),
      ));
    if (subject === '' || text === '')
      return void (await ack(formError('subject', slackText(DRAFT_WORDS.empty('form')))));
    let rec: CaseRecord | undefined;
    const work = () =>
      onceForm(deps, view.id, 'subject', async (): Promise<Verdict> => {
        const r = await saveDraft(appDeps(deps), {
          caseId: m.c,
          kind: m.d,
          who: user,
          subject,
          body: text,
          fromRev: m.v ?? 0,
          place: 'form',
          team: slackTeam(teamOfBody(body as Submission)),
        });
        rec = r.rec;
        if (!r.ok) return refuse('subject', slackText(r.refusal));
        const saved = r.shown;
        return {
          ok: true,
          // The modal has no message to update: the saved draft is posted in the seller's thread.
          after: async () => {
            const where = sellerWhere(r.rec);
            if (where && saved)
              await postMessages(
                client,
                deps.log,
                where,
                draftMessages(saved.draft, { caseId: saved.caseId, edited: true }),
              );
          },
        };
      });
    // The seller's thread of the case, to hand the text back in: a save that failed before it could say
    // where the case stands reads it now (only this workspace's case: another's is as good as none).
    const sellerThread = async () => {
      const now = rec ?? (await caseById(appDeps(deps), m.c).catch(() => undefined));
      return now && !otherWorkspace(now, teamOfBody(body as Submission)) ? sellerWhere(now) : undefined;
    };
    const late = async (v: Extract<Verdict, { ok: false }>) =>
      tellPrivately(
        deps,
        client,
        user,
        await sellerThread(),
        `Your edit of ${m.c} was not saved: ${v.text}\nYour text, so nothing is lost:\n*${escapeMrkdwn(subject)}*\n${escapeMrkdwn(text)}`,
      );
    await answerForm(ack as FormAck, 'subject', work, late, deps.log);
  });
}

export function registerViews(app: App, deps: SlackDeps, members: LegalMembers): void {
  registerDraftEdit(app, deps);
  for (const form of LEGAL_FORMS) registerLegalForm(app, deps, members, form);
}
