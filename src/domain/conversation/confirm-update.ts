import { type CaseState, type Pending, pendingId } from '../model/case-state.js';
import { factWords, markClaims } from '../model/claims.js';
import { FACT_KEYS } from '../model/facts.js';
import { advance } from './asking.js';
import { applyFacts } from './case-edits.js';
import { proposedDetailItems } from './describe-details.js';
import type { CoreContext } from './outcome.js';
import { understood } from './said-back.js';
import { legalSignsNotice, urgentIfCourt } from './step-notices.js';
import { infoText, prepend, type StepResult } from './step-result.js';

// Facts that would change the case (said after the decision, or contradicting an earlier answer) wait in
// `proposal`: shown beside what the case says now, and applied only when the seller says yes.

export function confirmMenu(state: CaseState): StepResult {
  const p = state.proposal?.facts ?? {};
  const items = FACT_KEYS.filter((k) => p[k] !== undefined && k !== 'platform').map((k) => {
    const was = state.facts[k];
    const now = factWords(k, p[k] as string, { ...state.details, ...state.proposal?.details });
    return was === undefined ? now : `${now} (the case says: ${factWords(k, was, state.details)})`;
  });
  items.push(...proposedDetailItems(state.details, state.proposal?.details));
  const seq = state.pending?.kind === 'confirm' ? state.pending.seq : state.seq + 1;
  const pending: Pending = { kind: 'confirm', seq };
  return {
    state: { ...state, seq, pending },
    replies: [
      { kind: 'understood', items, hint: 'Nothing is changed until you say so.' },
      {
        kind: 'question',
        questionId: pendingId(pending),
        prompt: 'confirm',
        seq,
        text: 'Update the case with this?',
        choices: [
          { value: 'yes', label: 'Yes, update the case' },
          { value: 'no', label: 'No, keep it as it is' },
        ],
        canSkip: false,
        canGoBack: false,
      },
    ],
    effects: [],
  };
}

export function confirm(state: CaseState, yes: boolean, ctx: CoreContext, now: Date): StepResult {
  const p = state.proposal;
  const cleared = { ...state, pending: null, proposal: undefined };
  if (!yes || !p) {
    const kept = infoText('Kept as it is.');
    // Before the decision, the questions go on.
    if (state.status !== 'decided') return prepend([kept], advance(cleared, ctx, now));
    return { state: cleared, replies: [kept], effects: [] };
  }
  // Shown and agreed to: a claim among them counts as confirmed.
  const next = markClaims(applyFacts(cleared, p.facts, p.details), p.facts, false);
  const u = understood(state, next);
  const r = advance({ ...next, status: 'open' }, ctx, now);
  return prepend(
    [
      ...(u ? [{ ...u, hint: `Updated. ${u.hint}` }] : []),
      ...urgentIfCourt(state.facts, next.facts),
      ...legalSignsNotice(state, next),
    ],
    r,
  );
}
