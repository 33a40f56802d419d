import { type CoreContext, type Outcome, outcomeOfRecord } from '../domain/conversation/outcome.js';
import { buildLawyerNote, type Draft } from '../domain/drafting/build-drafts.js';
import type { DraftKind } from '../domain/drafting/template.js';
import type { CaseRecord, SavedDraft } from '../domain/model/case-record.js';
import { isStalePolish } from './polish.js';
import type { Clock } from './ports.js';

// The outcome and drafts of a stored case as a channel shows them (Slack and Teams alike).

export interface CaseDeps {
  ctx: CoreContext;
  clock: Clock;
}

export function outcomeOf(rec: CaseRecord, deps: CaseDeps): Outcome {
  return outcomeOfRecord(rec, deps.ctx, deps.clock.now());
}

const countPlaceholders = (s: string) => (s.match(/\[FILL IN:/g) ?? []).length;

/** The draft as the team last saw it: their edited text when there is one, else the template's. */
export function currentDraft(
  rec: CaseRecord,
  kind: DraftKind,
  deps: CaseDeps,
): { draft: Draft; saved?: SavedDraft } | undefined {
  const saved = rec.drafts.find((d) => d.kind === kind);
  const o = outcomeOf(rec, deps);
  const built = [...o.drafts, ...o.optionalDrafts].find((d) => d.kind === kind);
  // A language model's rewrite of an older template (a detail added since) gives way to the template.
  if (saved && (saved.editedAt || saved.sentAt) && !isStalePolish(saved, built?.body)) {
    const draft: Draft = {
      kind,
      template: built?.template ?? 'edited',
      subject: saved.subject,
      body: saved.body,
      placeholders: countPlaceholders(`${saved.subject}\n${saved.body}`),
    };
    return { draft, saved };
  }
  return built ? { draft: built, ...(saved ? { saved } : {}) } : undefined;
}

/** The lawyer-escalation note even for routes that do not call for one (the seller chose to escalate). */
export function lawyerNoteFor(rec: CaseRecord, deps: CaseDeps): { draft: Draft } {
  const o = outcomeOf(rec, deps);
  const draft = buildLawyerNote(
    {
      facts: o.facts,
      details: o.details,
      routes: o.routes,
      deadlines: o.deadlines,
      actions: o.actions,
      caseId: rec.id,
    },
    deps.ctx.templates,
  );
  return { draft };
}
