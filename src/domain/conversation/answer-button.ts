import { type CaseState, pendingId } from '../model/case-state.js';
import { acceptAnswer } from './accept-answer.js';
import { change } from './change-menu.js';
import { claimAnswer } from './claim-check.js';
import { confirm } from './confirm-update.js';
import { current } from './current.js';
import { type CoreContext, todayFor } from './outcome.js';
import { questionById } from './questions.js';
import { readChoiceValue } from './read-answer.js';
import { errorText, infoText, prepend, type StepResult } from './step-result.js';

/**
 * A button pressed (or its value sent by a channel): taken only when it belongs to what is pending now. A
 * button from an older prompt, or a second click, changes nothing and shows where the case stands.
 */
export function answerButton(
  state: CaseState,
  ev: { questionId: string; value: string; seq?: number },
  ctx: CoreContext,
  now: Date,
): StepResult {
  const pending = state.pending;
  const stale =
    !pending || pendingId(pending) !== ev.questionId || (ev.seq !== undefined && ev.seq !== pending.seq);
  if (stale) {
    const r = prepend(
      [infoText('That question was already answered; here is where the case stands.')],
      current(state, ctx, now),
    );
    return { ...r, effects: [{ type: 'stale' }] };
  }
  if (pending.kind === 'change') return change(state, ev.value);
  if (pending.kind === 'confirm') return confirm(state, ev.value === 'yes', ctx, now);
  if (pending.kind === 'claim') return claimAnswer(state, ev.value === 'yes', ctx, now);
  const q = questionById(pending.questionId);
  if (!q) return current(state, ctx, now);
  const read = readChoiceValue(q, ev.value, todayFor(ctx, now));
  if (!read.ok) return prepend([errorText(read.message)], current(state, ctx, now));
  return acceptAnswer(state, read, false, ctx, now);
}
