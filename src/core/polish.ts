import type { DraftKind } from '../drafting/template.js';
import type { AuditEntry, SavedDraft } from './case-record.js';
import { checkPolishedDraft } from './draft-checks.js';
import type { Details } from './facts.js';
import type { CoreContext } from './outcome.js';
import type { CaseRepository, LanguageModel } from './ports.js';
import type { Reply } from './replies.js';

// A language model may reword the drafts of a new outcome, from the case facts only. Each rewrite is checked
// (draft-checks.ts); a rewrite that passes is saved on the case as an edit by the model (so "draft", Slack's
// buttons and Regenerate treat it like any edit), and one that fails, or no answer, leaves the template draft,
// with the reason in the audit trail. One model call per draft.

/** Who a polished draft is "edited by". */
export const POLISHER = 'ipcheck (language model)';

// The lawyer note is not polished: legal works from the facts as recorded, word for word.
const POLISHED_KINDS: readonly DraftKind[] = ['dispute_reply', 'retraction_request', 'plan_of_action'];

export interface PolishDeps {
  ctx: CoreContext;
  cases: CaseRepository;
  llm?: LanguageModel;
}

/** What the model (and the checks) may rely on: the case's facts and details, without the pasted notice. */
function caseDetails(details: Details, ctx: CoreContext): Details {
  const { noticeText: _, ...rest } = { ...ctx.defaults, ...details };
  return rest;
}

/**
 * Polishes the drafts of the outcome in `replies` (when there is one and a model is configured) and returns
 * the replies with the polished drafts in place of the template's.
 */
export async function polishOutcome(
  deps: PolishDeps,
  caseId: string,
  replies: Reply[],
  now: Date,
  onWorking?: () => unknown,
): Promise<Reply[]> {
  const llm = deps.llm;
  const shown = replies.find((r) => r.kind === 'outcome');
  if (!llm || shown?.kind !== 'outcome') return replies;
  const rec = await deps.cases.get(caseId);
  if (!rec) return replies;
  const todo = shown.outcome.drafts.filter((d) => {
    const saved = rec.drafts.find((s) => s.kind === d.kind);
    // A person's edit or a sent draft is theirs: never reworded over.
    return (
      POLISHED_KINDS.includes(d.kind) && !saved?.sentAt && (!saved?.editedAt || saved.editedBy === POLISHER)
    );
  });
  if (todo.length === 0) return replies;
  await onWorking?.();
  const at = now.toISOString();
  const details = caseDetails(rec.state.details, deps.ctx);
  const caseText = JSON.stringify({ ...rec.state.facts, ...details });
  const bodies = new Map<DraftKind, string>();
  const notes: AuditEntry[] = [];
  for (const d of todo) {
    const out = await llm.polishDraft({ draft: d.body, facts: rec.state.facts, details });
    const verdict = out
      ? checkPolishedDraft(d.kind, d.body, out.body, caseText, rec.state.facts.listingId)
      : { ok: false as const, reason: 'the language model did not answer' };
    if (verdict.ok && out) {
      bodies.set(d.kind, out.body.trim());
      notes.push({ at, who: 'system', action: 'draft_polished', detail: d.kind });
    } else if (!verdict.ok) {
      notes.push({
        at,
        who: 'system',
        action: 'draft_polish_rejected',
        detail: `${d.kind}: ${verdict.reason} (the template draft is used)`.slice(0, 2000),
      });
    }
  }
  const kinds = new Set(todo.map((d) => d.kind));
  await deps.cases.update(caseId, (cur) => {
    const drafts: SavedDraft[] = cur.drafts.filter((s) => {
      // An earlier polish of a redone draft goes; a person's edit saved meanwhile stays.
      if (!kinds.has(s.kind)) return true;
      return s.sentAt !== undefined || (s.editedAt !== undefined && s.editedBy !== POLISHER);
    });
    for (const d of todo) {
      const body = bodies.get(d.kind);
      if (body === undefined || drafts.some((s) => s.kind === d.kind)) continue;
      const rev = (cur.drafts.find((s) => s.kind === d.kind)?.rev ?? 0) + 1;
      drafts.push({ kind: d.kind, subject: d.subject, body, rev, editedBy: POLISHER, editedAt: at });
    }
    return { ...cur, drafts, audit: [...cur.audit, ...notes] };
  });
  return replies.map((r) =>
    r.kind === 'outcome'
      ? {
          ...r,
          outcome: {
            ...r.outcome,
            drafts: r.outcome.drafts.map((d) => {
              const body = bodies.get(d.kind);
              return body === undefined
                ? d
                : { ...d, body, placeholders: (body.match(/\[FILL IN:/g) ?? []).length };
            }),
          },
        }
      : r,
  );
}
