import { type CaseState, newCase } from '../model/case-state.js';
import { markClaims } from '../model/claims.js';
import { listingRefMessage } from '../reading/listing-ref.js';
import { advance, ask } from './asking.js';
import { applyFacts, clearQuestion, withAnswered } from './case-edits.js';
import { current } from './current.js';
import { type CoreContext, todayFor } from './outcome.js';
import { questionById } from './questions.js';
import { answerFor, read, withNotice } from './read-message.js';
import { DISCLAIMER, HELP_COMMANDS, HELP_TEXT, type Reply } from './replies.js';
import { disputedNote, understood } from './said-back.js';
import { legalSignsNotice, urgentIfCourt } from './step-notices.js';
import { errorText, infoText, prepend, type StepResult, type TextHints } from './step-result.js';

// Moving around the case: starting (with the seller's first words), starting over, back, skip, and help.

export function start(
  state: CaseState,
  text: string | undefined,
  ctx: CoreContext,
  now: Date,
  hints?: TextHints,
): StepResult {
  // The sequence carries on over a start-over: a button shown before it must not match a new question.
  const fresh = { ...newCase(state.caseId), seq: state.seq };
  const replies: Reply[] = [{ kind: 'notice', text: DISCLAIMER }];
  let next: CaseState = { ...fresh, disclaimerShown: true, status: 'open' };
  if (text && text.trim() !== '') {
    const { ex, disputed, notes } = read(text, todayFor(ctx, now), {}, hints);
    const before = next;
    next = markClaims(applyFacts(next, ex.facts, withNotice(ex.details, text)), ex.facts, true);
    const u = understood(before, next);
    if (u) replies.push(u);
    replies.push(...notes);
    replies.push(...disputedNote(disputed, next));
    replies.push(...urgentIfCourt({}, next.facts), ...legalSignsNotice(before, next));
    if (!ex.facts.listingId && ex.listingProblems[0])
      replies.push(errorText(listingRefMessage(ex.listingProblems[0])));
    const faq = answerFor(text, ctx, next.facts, next.details, hints);
    if (faq) replies.push(faq);
  }
  return prepend(replies, advance(next, ctx, now));
}

/** The case started over: its answers are gone (the turn records the reset). */
export function restart(state: CaseState, ctx: CoreContext, now: Date): StepResult {
  const r = start(state, undefined, ctx, now);
  return { ...r, effects: [{ type: 'case_reset' }, ...r.effects] };
}

export function back(state: CaseState, ctx: CoreContext, now: Date): StepResult {
  const last = state.answered[state.answered.length - 1];
  if (!last) return prepend([infoText('There is no answer to go back to yet.')], current(state, ctx, now));
  const cleared = clearQuestion({ ...state, pending: null }, last);
  const q = questionById(last);
  return q ? ask(cleared, q) : advance(cleared, ctx, now);
}

export function skip(state: CaseState, ctx: CoreContext, now: Date): StepResult {
  const pending = state.pending;
  const q = pending?.kind === 'question' ? questionById(pending.questionId) : undefined;
  if (!q?.skippable) {
    return prepend(
      [errorText('This question cannot be skipped: the decision depends on it.')],
      current(state, ctx, now),
    );
  }
  const next = {
    ...state,
    pending: null,
    skipped: [...state.skipped, q.id],
    answered: withAnswered(state, [q.id]),
  };
  return advance(next, ctx, now);
}

export function help(state: CaseState, ctx: CoreContext, now: Date): StepResult {
  const reply: Reply = { kind: 'help', text: HELP_TEXT, commands: HELP_COMMANDS };
  if (state.status === 'new') return { state, replies: [reply], effects: [] };
  return prepend([reply], current(state, ctx, now));
}
