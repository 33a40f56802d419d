import { exportCaseJson, exportCaseMarkdown } from '../domain/conversation/export-case.js';
import type { CaseRecord } from '../domain/model/case-record.js';
import type { AppDeps } from './app-deps.js';
import { outcomeOf } from './case-drafts.js';

// A case as a channel needs it besides a turn: to know whether a thread is a case's, to link a reply to
// the case's legal thread, to export it. The caller's turn or button guard already decided that the case
// may be reached from where it asked (case-scope.ts); these read, never change.

/** A case by id, or undefined. */
export function caseById(app: AppDeps, caseId: string): Promise<CaseRecord | undefined> {
  return app.cases.get(caseId);
}

/** The case a conversation (a thread, a chat, a terminal session) continues, or undefined. */
export function caseOfConversation(app: AppDeps, conversation: string): Promise<CaseRecord | undefined> {
  return app.cases.byConversation(conversation);
}

/** The link to a case's post in the legal channel, once it is escalated (replies show "with legal: …"). */
export async function escalationLink(app: AppDeps, caseId: string | undefined): Promise<string | undefined> {
  const rec = caseId ? await app.cases.get(caseId) : undefined;
  return rec?.escalation?.permalink;
}

/** A case for the lawyer's file: Markdown and JSON, with its outcome once decided. */
export interface CaseExport {
  caseId: string;
  markdown: string;
  json: string;
}

export async function caseExport(app: AppDeps, caseId: string): Promise<CaseExport | undefined> {
  const rec = await app.cases.get(caseId);
  if (!rec) return undefined;
  const outcome = rec.state.status === 'decided' ? outcomeOf(rec, app) : undefined;
  return {
    caseId: rec.id,
    markdown: exportCaseMarkdown(rec, outcome, app.clock.now()),
    json: exportCaseJson(rec, outcome),
  };
}
