import { currentDraft, lawyerNoteFor, outcomeOf } from '../../app/case-drafts.js';
import { type EscalateResult, runEscalation } from '../../app/escalation.js';
import { spreadLegalNews } from '../../app/legal-news.js';
import { updateIfChanged } from '../../app/update-if-changed.js';
import { acknowledged, infoRequested, resolved } from '../../domain/conversation/case-actions.js';
import type { Outcome } from '../../domain/conversation/outcome.js';
import { nextDeadline } from '../../domain/decision/deadlines.js';
import type { CaseRecord, Escalation } from '../../domain/model/case-record.js';
import { formatDay } from '../../domain/model/dates.js';
import type { BotTurn, ConversationRef, OutActivity } from './bot-adapter.js';
import type { Submit } from './card-data.js';
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
import { type TeamsDeps, whoOf } from './teams-deps.js';

// Escalation to a Teams channel, as in Slack: one post per case in the legal channel (the case at a
// glance and legal's buttons), the lawyer note as a reply in that post's thread, the seller told where
// it is. Each step is recorded on the case when done, so a press after a failure finishes what is
// missing and never posts a finished step again. Teams lets a bot post in a channel only once it has
// been added to the channel's team; until then escalating says so and changes nothing.

const STATUS_LINE: Record<Escalation['status'], string> = {
  open: '🔴 Waiting for legal',
  acknowledged: '🟡 Acknowledged',
  resolved: '✅ Resolved',
};

/** The post in the legal channel: summary, routes, next deadline, status, and legal's buttons. */
export function legalCard(
  rec: CaseRecord,
  o: Outcome,
  esc: Pick<Escalation, 'status' | 'ackBy' | 'resolvedBy' | 'resolution'>,
  seller: string,
): OutActivity {
  const f = rec.state.facts;
  const urgent = o.routes.some((r) => r.urgent);
  const listing = f.listingId ? `${f.platform ?? ''} listing ${f.listingId}` : 'listing not given yet';
  const d = nextDeadline(o.deadlines);
  let status = STATUS_LINE[esc.status];
  if (esc.status === 'acknowledged' && esc.ackBy) status += ` by ${esc.ackBy}`;
  if (esc.status === 'resolved' && esc.resolvedBy) status += ` by ${esc.resolvedBy}: ${esc.resolution ?? ''}`;
  const body: Element[] = [
    para(`${urgent ? 'URGENT · ' : ''}${rec.id} · ${listing} · escalated by ${seller}`, {
      weight: 'Bolder',
      ...(urgent ? { color: 'Attention' as const } : {}),
    }),
    para(`Routes: ${o.routes.map((r) => r.title).join('; ')}`),
    ...(d ? [para(`Next deadline: ${d.label}: ${formatDay(d.date)}`)] : []),
    para(status, { isSubtle: true }),
  ];
  if (esc.status !== 'resolved') {
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
    const actions: CardActionJson[] = [
      ...(esc.status === 'open' ? [submit('Acknowledge', 'legal_ack', b, { style: 'positive' })] : []),
      form('question', `What do you need from the seller for ${rec.id}?`, 'Request info', 'legal_info'),
      form('outcome', `Outcome for ${rec.id} (the seller will see it)`, 'Resolve', 'legal_resolve'),
    ];
    body.push(...actionSets(actions));
  }
  const [card] = cardMessages(body, `${urgent ? 'URGENT: ' : ''}${rec.id} escalated to legal (${listing})`);
  return card as OutActivity;
}

export type { EscalateResult };

const messageIdOf = (threadId: string) => /;messageid=([^;]+)/.exec(threadId)?.[1];

/** A Teams deep link to the case's post in the legal channel. */
function deepLink(channel: string, threadId: string, tenant?: string): string {
  const id = messageIdOf(threadId) ?? '0';
  const q = new URLSearchParams({ parentMessageId: id, ...(tenant ? { tenantId: tenant } : {}) });
  return `https://teams.microsoft.com/l/message/${encodeURIComponent(channel)}/${encodeURIComponent(id)}?${q}`;
}

// Every legal message names a person or carries their words: TextRuns, never markdown.
const text = (t: string): OutActivity => wordsMessage(t);

async function sendTo(deps: TeamsDeps, ref: ConversationRef, messages: OutActivity[]): Promise<void> {
  await deps.adapter.continueIn(ref, (t) => sendAll(t, messages));
}

/** Tells the seller's conversation something (legal's news); false when ipcheck has no way to reach it. */
export async function tellSeller(deps: TeamsDeps, rec: CaseRecord, message: string): Promise<boolean> {
  const conv = rec.sellerThread?.channel;
  const ref = conv ? await refOfConversation(deps.stores.kv, conv) : undefined;
  if (!ref) return false;
  await sendTo(deps, ref, [text(message)]);
  return true;
}

/** Posts in a case's legal thread. */
export async function tellLegal(deps: TeamsDeps, rec: CaseRecord, messages: OutActivity[]): Promise<void> {
  const esc = rec.escalation;
  if (!esc) return;
  const ref = await legalRef(deps.stores.kv, esc.channel);
  if (!ref) throw new Error(`no reference for the legal channel ${esc.channel}`);
  await sendTo(deps, threadRef(ref, esc.ts), messages);
}

/** The caller holds the case's escalation claim, so two presses or two instances do not run this at once. */
export function escalate(deps: TeamsDeps, caseId: string, who: string): Promise<EscalateResult> {
  return runEscalation({ ...deps, cases: deps.stores.cases }, caseId, who, {
    parent: async (rec, channel) => {
      const ref = await legalRef(deps.stores.kv, channel);
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
      deepLink(esc.channel, esc.ts, (await legalRef(deps.stores.kv, esc.channel))?.tenantId),
    tellSeller: async (rec, esc) => {
      const told = await tellSeller(
        deps,
        rec,
        `${rec.id} is escalated to legal: ${esc.permalink}\nLegal's questions and answers will appear here.`,
      );
      return told ? 'told' : 'none';
    },
  });
}

/** The legal post's id in its thread: the card a button was pressed on, else the thread's root post. */
const parentId = (turn: BotTurn, esc: Escalation) => turn.activity.replyToId ?? messageIdOf(esc.ts) ?? '';

async function refreshCard(deps: TeamsDeps, turn: BotTurn, rec: CaseRecord): Promise<void> {
  const esc = rec.escalation;
  if (!esc) return;
  await turn.update(parentId(turn, esc), legalCard(rec, outcomeOf(rec, deps), esc, esc.by));
}

/** Legal's three buttons. The caller checked the press came from this case's own legal thread. */
export async function legalAction(deps: TeamsDeps, turn: BotTurn, s: Submit): Promise<void> {
  const who = whoOf(turn.activity);
  const a = { who, at: deps.clock.now().toISOString() };
  const say = (t: string) => turn.send(text(t));
  const cases = deps.stores.cases;
  const before = await cases.get(s.b.c);
  const esc0 = before?.escalation;
  if (!before || !esc0) return void (await say('That case is not with legal, so nothing was changed.'));
  if (esc0.status === 'resolved')
    return void (await say(
      `${before.id} was already resolved by ${esc0.resolvedBy ?? 'legal'}, so nothing was changed.`,
    ));
  if (s.ipc === 'legal_ack') {
    const { rec, changed } = await updateIfChanged(cases, s.b.c, (cur) => acknowledged(cur, a));
    if (!changed)
      return void (await say(
        `${rec.id} was already acknowledged by ${rec.escalation?.ackBy ?? 'legal'}, so nothing was posted again.`,
      ));
    await spreadNews(
      deps,
      turn,
      rec,
      'acknowledged',
      `Acknowledged by ${who}.`,
      `Legal (${who}) acknowledged ${rec.id} and is on it.`,
    );
    return;
  }
  const written = (s.ipc === 'legal_info' ? s.question : s.outcome)?.trim() ?? '';
  if (!written) return void (await say('Write the text in the box first; nothing was changed.'));
  if (s.ipc === 'legal_info') {
    const rec = await cases.update(s.b.c, (cur) => infoRequested(cur, a, written));
    await say(`${who} asked the seller: ${written}`);
    const told = await tellSeller(
      deps,
      rec,
      `Legal (${who}) asks about ${rec.id}: ${written}\nReply here: your next message goes to legal.`,
    );
    if (!told) await say('I could not reach the seller’s conversation; please contact them directly.');
    return;
  }
  const { rec, changed } = await updateIfChanged(cases, s.b.c, (cur) => resolved(cur, a, written));
  if (!changed) return void (await say(`${rec.id} was already resolved, so nothing was changed.`));
  await spreadNews(
    deps,
    turn,
    rec,
    'resolved',
    `Resolved by ${who}: ${written}`,
    `Legal (${who}) resolved ${rec.id}: ${written}\nThe case is closed.`,
  );
}

/**
 * After legal's change is recorded: the legal thread and the seller are told, then the legal post is
 * re-rendered, each on its own (shared/legal-news.ts); the lawyer reads what could not be done.
 */
async function spreadNews(
  deps: TeamsDeps,
  turn: BotTurn,
  rec: CaseRecord,
  done: string,
  toLegal: string,
  toSeller: string,
): Promise<void> {
  const trouble = await spreadLegalNews(
    {
      caseId: rec.id,
      done,
      notices: [
        { who: 'this legal thread', post: () => turn.send(text(toLegal)) },
        {
          who: 'the seller',
          post: async () => {
            if (!(await tellSeller(deps, rec, toSeller)))
              throw new Error('no way to reach the seller’s conversation');
          },
        },
      ],
      refreshParent: () => refreshCard(deps, turn, rec),
    },
    (line) => deps.log.warn(line),
  );
  if (trouble) await turn.send(text(trouble)).catch(() => {});
}

/** Why a legal button may not act here: it must be pressed in the case's own legal thread. */
export function legalPlaceRefusal(rec: CaseRecord | undefined, conversationId: string): string | undefined {
  const esc = rec?.escalation;
  if (!rec || !esc) return 'That button does not belong to a case with legal, so nothing was changed.';
  return esc.ts === conversationId
    ? undefined
    : 'That button does not belong to this thread, so nothing was changed.';
}
