import type { AuditEntry, CaseRecord } from '../model/case-record.js';
import type { CaseState } from '../model/case-state.js';
import { factWords } from '../model/claims.js';
import { FACT_KEYS } from '../model/facts.js';
import type { Outcome } from './outcome.js';
import type { StepResult } from './step.js';

// What a step changed, as audit entries: who, when, what. Pure: the turn appends them in the same save.

export function auditStep(
  before: CaseState,
  result: StepResult,
  who: string,
  at: string,
  record: CaseRecord,
): AuditEntry[] {
  const after = result.state;
  const out: AuditEntry[] = [];
  const add = (action: AuditEntry['action'], detail?: string) =>
    out.push({ at, who, action, ...(detail ? { detail } : {}) });
  if (result.effects.some((e) => e.type === 'case_reset')) add('case_reset');
  for (const key of FACT_KEYS) {
    const a = before.facts[key];
    const b = after.facts[key];
    if (a === b || key === 'platform') continue;
    if (b === undefined) add('answer_cleared', key);
    else {
      // A claim read from the seller's words is asked back before any draft says it; the file says so.
      const toConfirm = after.unconfirmed?.includes(key)
        ? '; read from the seller’s words, to be confirmed'
        : '';
      add('answer', `${key}=${b} (${factWords(key, b, after.details)}${toConfirm})`);
    }
  }
  for (const key of before.unconfirmed ?? []) {
    const b = after.facts[key];
    if (b !== undefined && b === before.facts[key] && !after.unconfirmed?.includes(key))
      add('answer', `${key}=${b} confirmed by the seller when asked back`);
  }
  const diffsBefore = before.details.differences?.length;
  const diffsAfter = after.details.differences?.length;
  if (diffsAfter !== undefined && diffsAfter !== diffsBefore)
    add('answer', `differences: ${diffsAfter} listed`);
  for (const id of after.skipped) if (!before.skipped.includes(id)) add('answer_skipped', id);
  const outcome = result.replies.find((r) => r.kind === 'outcome');
  if (outcome?.kind === 'outcome') out.push(...auditOutcome(outcome.outcome, who, at, record));
  return out;
}

function lastDetail(record: CaseRecord, action: AuditEntry['action']): string | undefined {
  for (let i = record.audit.length - 1; i >= 0; i--) {
    const e = record.audit[i];
    if (e?.action === action) return e.detail;
  }
  return undefined;
}

/** Routes and drafts are logged when they change, not every time the outcome is shown again. */
function auditOutcome(o: Outcome, who: string, at: string, record: CaseRecord): AuditEntry[] {
  const out: AuditEntry[] = [];
  const routes = o.routes.map((r) => (r.variant === 'always' ? r.id : `${r.id}/${r.variant}`)).join(', ');
  if (routes !== lastDetail(record, 'routes_changed'))
    out.push({ at, who, action: 'routes_changed', detail: routes });
  const drafts = o.drafts.map((d) => d.template).join(', ');
  if (drafts !== '' && drafts !== lastDetail(record, 'draft_created')) {
    out.push({ at, who, action: 'draft_created', detail: drafts });
  }
  return out;
}
