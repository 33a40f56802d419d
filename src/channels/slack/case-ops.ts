import type { CaseRecord } from '../../core/case-record.js';
import { runTurn, type TurnInput, type TurnResult } from '../../core/turn.js';
import { exportCaseJson, exportCaseMarkdown } from '../../render/export-case.js';
import { outcomeOf } from './drafts.js';
import { postReplies, type Where } from './post.js';
import type { SlackDeps, WebClient } from './slack-deps.js';

export function turnDeps(deps: SlackDeps) {
  return { ctx: deps.ctx, cases: deps.stores.cases, reminders: deps.stores.reminders, clock: deps.clock };
}

/** Runs one conversation turn and posts what it says where the seller is talking. */
export async function turnAndPost(
  deps: SlackDeps,
  client: WebClient,
  input: TurnInput,
  where: Where,
  user: string,
): Promise<TurnResult> {
  const r = await runTurn(turnDeps(deps), input);
  if (r.effects.some((e) => e.type === 'stale')) {
    // A double click or an old button: say so to that person only; the thread already shows the case.
    await client.chat.postEphemeral({
      channel: where.channel,
      user,
      ...(where.thread_ts ? { thread_ts: where.thread_ts } : {}),
      text: 'That question was already answered; the thread shows where the case stands.',
    });
    return r;
  }
  const rec = r.caseId ? await deps.stores.cases.get(r.caseId) : undefined;
  await postReplies(client, where, r.replies, {
    caseId: r.caseId ?? '',
    ...(rec?.escalation?.permalink ? { escalatedTo: rec.escalation.permalink } : {}),
  });
  for (const e of r.effects) {
    if (e.type === 'export') await uploadExport(deps, client, e.caseId, where);
  }
  return r;
}

/** The lawyer's-file export, as two files in the thread. */
export async function uploadExport(
  deps: SlackDeps,
  client: WebClient,
  caseId: string,
  where: Where,
): Promise<void> {
  const rec = await deps.stores.cases.get(caseId);
  if (!rec) return;
  const outcome = rec.state.status === 'decided' ? outcomeOf(rec, deps) : undefined;
  await client.filesUploadV2({
    channel_id: where.channel,
    ...(where.thread_ts ? { thread_ts: where.thread_ts } : {}),
    initial_comment: `Case ${rec.id} for the lawyer's file (Markdown and JSON).`,
    file_uploads: [
      { filename: `${rec.id}.md`, content: exportCaseMarkdown(rec, outcome, deps.clock.now()) },
      { filename: `${rec.id}.json`, content: exportCaseJson(rec, outcome) },
    ],
  });
}

/** Where a case's seller conversation is, for posting news from legal or reminders. */
export function sellerWhere(rec: CaseRecord): Where | undefined {
  const t = rec.sellerThread;
  if (!t) return undefined;
  return { channel: t.channel, ...(t.ts ? { thread_ts: t.ts } : {}) };
}
