import type { CaseState } from '../model/case-state.js';
import { answerButton } from './answer-button.js';
import { keepSaid, recountResponseDue } from './case-edits.js';
import { change, changeMenu } from './change-menu.js';
import { current } from './current.js';
import { back, help, restart, skip, start } from './navigation.js';
import { type CoreContext, todayFor } from './outcome.js';
import type { StepResult, TextHints } from './step-result.js';
import { isSellerWords, text } from './typed-text.js';

// The conversation step: one event in, the next state, what to say and the effects to run. Each kind of
// event is handled in its own file; this one only dispatches.

export type { StepResult, TextHints } from './step-result.js';
export { isSellerWords } from './typed-text.js';

/** Something a seller did, already translated from its channel. */
export type CoreEvent =
  | { type: 'start'; text?: string; hints?: TextHints }
  | { type: 'text'; text: string; hints?: TextHints }
  | { type: 'answer'; questionId: string; value: string; seq?: number }
  | { type: 'back' }
  | { type: 'change'; questionId?: string }
  | { type: 'skip' }
  | { type: 'restart' }
  | { type: 'help' }
  /** Shows where the case stands (after a resume or a switch), changing nothing. */
  | { type: 'show' };

/** The seller's own words kept on the case with their time (for the lawyer's file). */
function kept(r: StepResult, raw: string | undefined, now: Date): StepResult {
  if (raw === undefined || raw.trim() === '') return r;
  return { ...r, state: keepSaid(r.state, raw, now.toISOString()) };
}

/**
 * The pure conversation step: the next state, what to say, and the effects to run.
 * It never reads the clock, the store or the network; `now` comes from the caller.
 */
export function step(ctx: CoreContext, state: CaseState, event: CoreEvent, now: Date): StepResult {
  const r = stepEvent(ctx, state, event, now);
  if (r.state.facts.noticeDate === state.facts.noticeDate) return r;
  return { ...r, state: recountResponseDue(r.state, todayFor(ctx, now)) };
}

function stepEvent(ctx: CoreContext, state: CaseState, event: CoreEvent, now: Date): StepResult {
  switch (event.type) {
    case 'start':
      return kept(start(state, event.text, ctx, now, event.hints), event.text, now);
    case 'text': {
      const r = text(state, event.text, ctx, now, event.hints);
      return isSellerWords(state, event.text) ? kept(r, event.text, now) : r;
    }
    case 'answer':
      return answerButton(state, event, ctx, now);
    case 'back':
      return back(state, ctx, now);
    case 'change':
      return event.questionId ? change(state, event.questionId) : changeMenu(state);
    case 'skip':
      return skip(state, ctx, now);
    case 'restart':
      return restart(state, ctx, now);
    case 'help':
      return help(state, ctx, now);
    case 'show':
      return state.status === 'new' ? { state, replies: [], effects: [] } : current(state, ctx, now);
  }
}
