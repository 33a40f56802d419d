import type { CaseState } from '../model/case-state.js';
import { claimToConfirm } from '../model/claims.js';
import { advance, ask, askClaim, decided } from './asking.js';
import { changeMenu } from './change-menu.js';
import { confirmMenu } from './confirm-update.js';
import type { CoreContext } from './outcome.js';
import { questionById } from './questions.js';
import type { StepResult } from './step-result.js';

/** Re-shows where the case stands, without changing it (for stale buttons, help, and unclear text). */
export function current(state: CaseState, ctx: CoreContext, now: Date): StepResult {
  const pending = state.pending;
  switch (pending?.kind) {
    case 'change':
      return changeMenu(state);
    case 'confirm':
      return confirmMenu(state);
    case 'claim': {
      const claim = claimToConfirm(state);
      return claim ? askClaim(state, claim) : advance({ ...state, pending: null }, ctx, now);
    }
    case 'question': {
      const q = questionById(pending.questionId);
      if (!q) break;
      // Re-asking keeps the same seq so the buttons already on screen stay valid.
      const r = ask({ ...state, seq: state.seq - 1 }, q);
      return { ...r, state };
    }
  }
  if (state.status === 'decided') return { ...decided(state, ctx, now), effects: [] };
  return advance(state, ctx, now);
}
