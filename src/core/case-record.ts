import { z } from 'zod';
import { CaseState } from './case-state.js';

// What the case store keeps for one case. The record carries its own schema number so a record written
// by an older ipcheck is migrated on read, and one from a newer ipcheck is reported, never misread.

export const RECORD_SCHEMA = 1;

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
  'legal_resolved',
  'reminder_scheduled',
  'reminder_sent',
  'case_reset',
  'case_closed',
  'conversation_linked',
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
});
export type CaseRecord = z.infer<typeof CaseRecord>;

export type RecordProblem = { kind: 'newer'; schema: number } | { kind: 'damaged'; reason: string };

/** Migrations from schema N to N+1, applied in order on read. Empty while schema 1 is the only one. */
const MIGRATIONS: Record<number, (old: Record<string, unknown>) => Record<string, unknown>> = {};

/** Reads a stored record of any schema: migrated to the current one, or a clear problem. */
export function readRecord(
  raw: unknown,
): { ok: true; record: CaseRecord } | { ok: false; problem: RecordProblem } {
  if (typeof raw !== 'object' || raw === null)
    return { ok: false, problem: { kind: 'damaged', reason: 'not an object' } };
  let rec = raw as Record<string, unknown>;
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
