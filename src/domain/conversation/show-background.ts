import type { CaseState } from '../model/case-state.js';
import { backgroundOf, backgroundReply, markShown } from './background.js';
import { current } from './current.js';
import { buildOutcome, type CoreContext, todayFor } from './outcome.js';
import { prepend, type StepResult } from './step-result.js';

/**
 * "background": the sourced facts behind the decision, in full, without the whole outcome again. Before the
 * decision it says they come with it, and asks what is pending again; a menu open after the decision (change,
 * confirm) is shown again under them.
 */
export function showBackground(state: CaseState, ctx: CoreContext, now: Date): StepResult {
  if (state.status !== 'decided') {
    const said = backgroundReply(undefined);
    return state.status === 'new'
      ? { state, replies: [said], effects: [] }
      : prepend([said], current(state, ctx, now));
  }
  const outcome = buildOutcome(
    { facts: state.facts, details: state.details, caseId: state.caseId, today: todayFor(ctx, now) },
    ctx,
  );
  const shown = markShown(
    state,
    backgroundOf(outcome).map((c) => c.ref),
  );
  const said = backgroundReply(outcome);
  return state.pending
    ? prepend([said], current(shown, ctx, now))
    : { state: shown, replies: [said], effects: [] };
}
