import { z } from 'zod';
import { CaseState } from './case-state.js';
import { DraftKind } from './draft-kind.js';

// What the case store keeps for one case. The record carries its own schema number so a record written
// by an older ipcheck is migrated on read, and one from a newer ipcheck is reported, never misread.

export const RECORD_SCHEMA = 2;

export const AuditAction = z.enum([
  'case_opened',
  'answer',
  'answer_cleared',
  'answer_skipped',
  'routes_changed',
  'draft_created',
  'draft_edited',
  'draft_sent',
  'escalated',
  'legal_acknowledged',
  'legal_info_requested',
  'legal_info_answered',
  'legal_resolved',
  'reminder_scheduled',
  'reminder_sent',
  'case_reset',
  'case_closed',
  'conversation_linked',
  /** A language model's answer to a question was not shown: why (a citation that did not check out, …). */
  'answer_withheld',
  /** A language model rewrote a draft and the checks passed. */
  'draft_polished',
  /** A language model's rewrite of a draft failed a check: the template draft is used, and this says why. */
  'draft_polish_rejected',
  /** A polished draft was made from a template that has changed since (a detail added): the template is used. */
  'draft_polish_dropped',
]);
export type AuditAction = z.infer<typeof AuditAction>;

export const AuditEntry = z.object({
  at: z.string(),
  /** A user id (Slack/Teams), "terminal:<user>", "cli" or "system". */
  who: z.string(),
  action: AuditAction,
  detail: z.string().max(2000).optional(),
});
export type AuditEntry = z.infer<typeof AuditEntry>;

/** A draft a person edited or marked as sent. Drafts nobody touched are rebuilt from the case each time. */
export const SavedDraft = z.object({
  kind: DraftKind,
  subject: z.string().max(1000),
  body: z.string().max(20_000),
  /** Increments on every save: a stale edit modal is refused instead of overwriting a newer edit. */
  rev: z.number().int().nonnegative(),
  editedBy: z.string().optional(),
  editedAt: z.string().optional(),
  sentBy: z.string().optional(),
  sentAt: z.string().optional(),
  /** For a language model's rewrite: a hash of the template body it was made from (polish.ts). */
  polishedFrom: z.string().max(64).optional(),
});
export type SavedDraft = z.infer<typeof SavedDraft>;

export const InfoRequest = z.object({
  at: z.string(),
  by: z.string(),
  question: z.string().max(3000),
  answer: z.string().max(4000).optional(),
  answeredBy: z.string().optional(),
  answeredAt: z.string().optional(),
});

/** The case's one thread in the legal channel, and where legal stands on it. */
export const Escalation = z.object({
  at: z.string(),
  by: z.string(),
  channel: z.string(),
  ts: z.string(),
  permalink: z.string().optional(),
  /**
   * The steps after the parent message, each recorded when done, so an escalation that stopped midway
   * is finished by a retry (never redone): the lawyer note posted in the legal thread (its first
   * message), and the seller told where the legal thread is. Records from before these were kept have
   * neither; their permalink says the escalation was finished.
   */
  noteTs: z.string().optional(),
  sellerToldTs: z.string().optional(),
  status: z.enum(['open', 'acknowledged', 'resolved']),
  ackBy: z.string().optional(),
  ackAt: z.string().optional(),
  infoRequests: z.array(InfoRequest),
  resolvedBy: z.string().optional(),
  resolvedAt: z.string().optional(),
  resolution: z.string().max(3000).optional(),
});
export type Escalation = z.infer<typeof Escalation>;

/** Where the seller's conversation lives in its channel (Slack: channel + thread), for posting back. */
export const ThreadRef = z.object({
  team: z.string().optional(),
  channel: z.string(),
  ts: z.string().optional(),
});
export type ThreadRef = z.infer<typeof ThreadRef>;

export const CaseRecord = z.object({
  schema: z.literal(RECORD_SCHEMA),
  id: z.string().regex(/^IPC-\d{4,}$/),
  /** Increments on every save: the compare-and-set token. */
  version: z.number().int().nonnegative(),
  status: z.enum(['open', 'closed']),
  channel: z.string(),
  openedBy: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** Conversation keys (terminal session, Slack thread, Teams conversation) that continue this case. */
  conversations: z.array(z.string()),
  state: CaseState,
  audit: z.array(AuditEntry),
  drafts: z.array(SavedDraft),
  escalation: Escalation.optional(),
  sellerThread: ThreadRef.optional(),
});
export type CaseRecord = z.infer<typeof CaseRecord>;

export type RecordProblem = { kind: 'newer'; schema: number } | { kind: 'damaged'; reason: string };

/** Migrations from schema N to N+1, applied in order on read. */
const MIGRATIONS: Record<number, (old: Record<string, unknown>) => Record<string, unknown>> = {
  // Schema 2 (Slack) keeps edited and sent drafts, the legal escalation and the seller's thread on the case.
  1: (old) => ({ ...old, schema: 2, drafts: [] }),
};

/** Reads a stored record of any schema: migrated to the current one, or a clear problem. */
export function readRecord(
  raw: unknown,
): { ok: true; record: CaseRecord } | { ok: false; problem: RecordProblem } {
  if (typeof raw !== 'object' || raw === null)
    return { ok: false, problem: { kind: 'damaged', reason: 'not an object' } };
  let rec = raw as Record<string, unknown>;
  if (rec.schema !== undefined && typeof rec.schema !== 'number') {
    return {
      ok: false,
      problem: { kind: 'damaged', reason: `schema must be a number, not ${JSON.stringify(rec.schema)}` },
    };
  }
  let schema = typeof rec.schema === 'number' ? rec.schema : 0;
  if (schema > RECORD_SCHEMA) return { ok: false, problem: { kind: 'newer', schema } };
  while (schema < RECORD_SCHEMA) {
    const up = MIGRATIONS[schema];
    if (!up) return { ok: false, problem: { kind: 'damaged', reason: `no migration from schema ${schema}` } };
    rec = up(rec);
    schema += 1;
  }
  const parsed = CaseRecord.safeParse(rec);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return {
      ok: false,
      problem: { kind: 'damaged', reason: `${issue?.path.join('.') || 'record'}: ${issue?.message}` },
    };
  }
  return { ok: true, record: parsed.data };
}

export function formatCaseId(n: number): string {
  return `IPC-${String(n).padStart(4, '0')}`;
}

export function isCaseId(s: string): boolean {
  return /^IPC-\d{4,}$/i.test(s.trim());
}
