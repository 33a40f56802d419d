import { appDeps } from '../../app/app-deps.js';
import { caseExport, escalationLink } from '../../app/case-lookup.js';
import { caseInTeam, slackTeam } from '../../app/case-scope.js';
import { runTurn, type TurnInput, type TurnResult } from '../../app/turn.js';
import { turnDeps } from '../../app/turn-deps.js';
import type { CaseRecord } from '../../domain/model/case-record.js';
import { postReplies, type Where } from './post.js';
import type { SlackDeps, WebClient } from './slack-deps.js';

/** The Slack workspace (team id) of a conversation key `slack:T…:…`, if it is a Slack one. */
export const teamOf = (conversation: string): string | undefined => /^slack:([^:]+):/.exec(conversation)?.[1];

/**
 * A case that lives in another Slack workspace (an org-wide install serves several from one store), or in
 * Teams, is neither shown nor changed here (the rule: src/app/case-scope.ts). Cases opened in the terminal
 * stay reachable, as they are from the CLI.
 */
export function otherWorkspace(rec: CaseRecord, team: string): boolean {
  return !caseInTeam(rec, slackTeam(team));
}

/** Runs one conversation turn and posts what it says where the seller is talking. */
export async function turnAndPost(
  deps: SlackDeps,
  client: WebClient,
  input: TurnInput,
  where: Where,
  user: string,
  /** Called once the turn is saved, before anything is posted (a failed post must not undo or redo it). */
  onSaved?: () => Promise<void>,
): Promise<TurnResult> {
  // While a language model reads or answers free text, the seller sees at once that something is happening
  // (privately; not awaited, so a slow Slack call never delays the answer).
  const working = () => {
    client.chat
      .postEphemeral({
        channel: where.channel,
        user,
        ...(where.thread_ts ? { thread_ts: where.thread_ts } : {}),
        text: 'Working on it…',
      })
      .catch(() => {});
  };
  // "status IPC-0042", "open IPC-0042", "cases" typed here reach only this workspace's cases: the turn's
  // case scope (src/app/case-scope.ts) answers another workspace's id like one that does not exist.
  const r = await runTurn(turnDeps(deps), { onWorking: working, ...input });
  await onSaved?.();
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
  const escalatedTo = await escalationLink(appDeps(deps), r.caseId);
  await postReplies(client, deps.log, where, r.replies, {
    caseId: r.caseId ?? '',
    ...(escalatedTo ? { escalatedTo } : {}),
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
  const file = await caseExport(appDeps(deps), caseId);
  if (!file) return;
  await client.filesUploadV2({
    channel_id: where.channel,
    ...(where.thread_ts ? { thread_ts: where.thread_ts } : {}),
    initial_comment: `Case ${file.caseId} for the lawyer's file (Markdown and JSON).`,
    file_uploads: [
      { filename: `${file.caseId}.md`, content: file.markdown },
      { filename: `${file.caseId}.json`, content: file.json },
    ],
  });
}

/** Where a case's seller conversation is, for posting news from legal or reminders. */
export function sellerWhere(rec: CaseRecord): Where | undefined {
  const t = rec.sellerThread;
  if (!t) return undefined;
  return { channel: t.channel, ...(t.ts ? { thread_ts: t.ts } : {}) };
}
