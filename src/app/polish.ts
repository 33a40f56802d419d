import { type CoreContext, outcomeOfRecord } from '../domain/conversation/outcome.js';
import type { Reply } from '../domain/conversation/replies.js';
import type { DraftKind } from '../domain/drafting/template.js';
import { checkPolishedDraft } from '../domain/grounding/draft-checks.js';
import type { AuditEntry, CaseRecord, SavedDraft } from '../domain/model/case-record.js';
import type { Details } from '../domain/model/facts.js';
import type { CaseRepository, LanguageModel } from './ports.js';

// A language model may reword the drafts of a new outcome, from the case facts only. Each rewrite is checked
// (draft-checks.ts); a rewrite that passes is saved on the case as an edit by the model (so "draft", Slack's
// buttons and Regenerate treat it like any edit), with a hash of the template body it was made from: when
// the template changes later (a store name added), the rewrite is stale and dropped, and the template is
// shown. A rewrite that fails, or no answer, leaves the template draft, with the reason in the audit trail.
// One model call per draft, all of an outcome's drafts at once, so they share one time budget.

/** Who a polished draft is "edited by". */
export const POLISHER = 'ipcheck (language model)';

// The lawyer note is not polished: legal works from the facts as recorded, word for word.
const POLISHED_KINDS: readonly DraftKind[] = ['dispute_reply', 'retraction_request', 'plan_of_action'];

export interface PolishDeps {
  ctx: CoreContext;
  cases: CaseRepository;
  llm?: LanguageModel;
}

interface TemplateDraft {
  kind: DraftKind;
  subject: string;
  body: string;
}

/** A short, stable hash of a template body (FNV-1a, 32 bits): enough to tell that the template changed. */
export function bodyHash(body: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < body.length; i++) {
    h ^= body.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}

/** A model's rewrite made from another template body than today's (a sent draft is never stale: it went out). */
export function isStalePolish(saved: SavedDraft | undefined, templateBody: string | undefined): boolean {
  return (
    saved?.editedBy === POLISHER &&
    !saved.sentAt &&
    templateBody !== undefined &&
    saved.polishedFrom !== bodyHash(templateBody)
  );
}

/** Whether a draft may be reworded: a kind the model polishes, not sent, and not edited by a person. */
function polishable(rec: CaseRecord, kind: DraftKind): boolean {
  const saved = rec.drafts.find((s) => s.kind === kind);
  return POLISHED_KINDS.includes(kind) && !saved?.sentAt && (!saved?.editedAt || saved.editedBy === POLISHER);
}

/** Whether a draft is not polished yet (or its polish is stale): "draft …" may polish it. */
export function needsPolish(rec: CaseRecord, d: TemplateDraft): boolean {
  const saved = rec.drafts.find((s) => s.kind === d.kind);
  return polishable(rec, d.kind) && (saved?.editedBy !== POLISHER || isStalePolish(saved, d.body));
}

/** What the model (and the checks) may rely on: the case's facts and details, without the pasted notice. */
function caseDetails(details: Details, ctx: CoreContext): Details {
  const { noticeText: _, ...rest } = { ...ctx.defaults, ...details };
  return rest;
}

/**
 * Polishes `drafts` of the case (the template drafts as built now), all at once: the calls run in parallel,
 * each within the model's configured timeout, so together they take one budget, not one per draft. Saves
 * each rewrite that passes its checks and returns the polished bodies by kind.
 */
export async function polishDrafts(
  deps: PolishDeps,
  caseId: string,
  drafts: TemplateDraft[],
  now: Date,
  onWorking?: () => unknown,
): Promise<Map<DraftKind, string>> {
  const bodies = new Map<DraftKind, string>();
  const llm = deps.llm;
  const rec = await deps.cases.get(caseId);
  if (!llm || !rec) return bodies;
  const todo = drafts.filter((d) => polishable(rec, d.kind));
  if (todo.length === 0) return bodies;
  await onWorking?.();
  const at = now.toISOString();
  const details = caseDetails(rec.state.details, deps.ctx);
  const caseText = JSON.stringify({ ...rec.state.facts, ...details });
  const outs = await Promise.all(
    todo.map((d) => llm.polishDraft({ draft: d.body, facts: rec.state.facts, details })),
  );
  const notes: AuditEntry[] = [];
  todo.forEach((d, i) => {
    const out = outs[i];
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
  });
  const kinds = new Set(todo.map((d) => d.kind));
  await deps.cases.update(caseId, (cur) => {
    const saved: SavedDraft[] = cur.drafts.filter((s) => {
      // An earlier polish of a redone draft goes; a person's edit saved meanwhile stays.
      if (!kinds.has(s.kind)) return true;
      return s.sentAt !== undefined || (s.editedAt !== undefined && s.editedBy !== POLISHER);
    });
    for (const d of todo) {
      const body = bodies.get(d.kind);
      if (body === undefined || saved.some((s) => s.kind === d.kind)) continue;
      const rev = (cur.drafts.find((s) => s.kind === d.kind)?.rev ?? 0) + 1;
      saved.push({
        kind: d.kind,
        subject: d.subject,
        body,
        rev,
        editedBy: POLISHER,
        editedAt: at,
        polishedFrom: bodyHash(d.body),
      });
    }
    return { ...cur, drafts: saved, audit: [...cur.audit, ...notes] };
  });
  return bodies;
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
  const shown = replies.find((r) => r.kind === 'outcome');
  if (!deps.llm || shown?.kind !== 'outcome') return replies;
  const bodies = await polishDrafts(deps, caseId, shown.outcome.drafts, now, onWorking);
  if (bodies.size === 0) return replies;
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

/**
 * Drops the model's rewrites whose template has changed since (a detail the seller added after the
 * decision): the template is shown again, and the audit trail says why. Saved once, under the case lock.
 */
export async function dropStalePolish(
  deps: PolishDeps,
  rec: CaseRecord,
  now: Date,
): Promise<CaseRecord | undefined> {
  if (rec.state.status !== 'decided' || !rec.drafts.some((s) => s.editedBy === POLISHER)) return undefined;
  const templates = (r: CaseRecord) => {
    const o = outcomeOfRecord(r, deps.ctx, now);
    return new Map([...o.drafts, ...o.optionalDrafts].map((d) => [d.kind, d.body]));
  };
  if (!rec.drafts.some((s) => isStalePolish(s, templates(rec).get(s.kind)))) return undefined;
  const at = now.toISOString();
  return deps.cases.update(rec.id, (cur) => {
    const built = templates(cur);
    const stale = cur.drafts.filter((s) => isStalePolish(s, built.get(s.kind)));
    if (stale.length === 0) return cur;
    return {
      ...cur,
      drafts: cur.drafts.filter((s) => !stale.includes(s)),
      audit: [
        ...cur.audit,
        ...stale.map((s) => ({
          at,
          who: 'system',
          action: 'draft_polish_dropped' as const,
          detail: `${s.kind}: the case details changed since the language model reworded it; the template draft is used`,
        })),
      ],
    };
  });
}
