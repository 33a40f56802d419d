import { type CaseState, type Pending, pendingId } from '../model/case-state.js';
import { claimQuestion, claimToConfirm } from '../model/claims.js';
import type { FactKey, Facts } from '../model/facts.js';
import { outcomeReply } from './background.js';
import { nextQuestion } from './flow.js';
import { buildOutcome, type CoreContext, todayFor } from './outcome.js';
import type { Question } from './questions.js';
import type { Reply } from './replies.js';
import type { StepResult } from './step-result.js';

// Moving the case on: the next question that matters, a claim to confirm first, or the decision.

function questionHelp(q: Question, facts: Facts): string | undefined {
  if (q.helpBy) {
    const v = facts[q.helpBy.key];
    const byValue = q.helpBy.values[v ?? 'unknown'];
    if (byValue) return byValue;
  }
  return q.help;
}

export function ask(state: CaseState, q: Question): StepResult {
  const seq = state.seq + 1;
  const reply: Reply = {
    kind: 'question',
    questionId: q.id,
    seq,
    text: q.text,
    help: questionHelp(q, state.facts),
    choices: q.choices.map((c) => ({ value: c.value, label: c.label })),
    freeTextHint: q.freeText?.hint,
    canSkip: q.skippable ?? false,
    canGoBack: state.answered.length > 0,
  };
  return {
    state: { ...state, status: 'open', seq, pending: { kind: 'question', questionId: q.id, seq } },
    replies: [reply],
    effects: [],
  };
}

export function decided(state: CaseState, ctx: CoreContext, now: Date): StepResult {
  const outcome = buildOutcome(
    { facts: state.facts, details: state.details, caseId: state.caseId, today: todayFor(ctx, now) },
    ctx,
  );
  // The background facts come in full once per case: a repeat outcome reads in one screen.
  const shown = outcomeReply({ ...state, status: 'decided', pending: null }, outcome);
  return {
    state: shown.state,
    replies: [shown.reply],
    effects: [{ type: 'outcome_ready', routes: outcome.routes.map((r) => r.id) }],
  };
}

/**
 * Asks the next question that matters, or decides when none is left. A claim read from the seller's words
 * is confirmed first: no draft says it before the seller has seen it said back.
 */
export function advance(state: CaseState, ctx: CoreContext, now: Date): StepResult {
  const claim = claimToConfirm(state);
  if (claim) return askClaim(state, claim);
  const q = nextQuestion(state);
  return q ? ask(state, q) : decided(state, ctx, now);
}

/** "You said X. A dispute will say so to the platform: is that right?" (claims.ts). */
export function askClaim(state: CaseState, key: FactKey): StepResult {
  // Asked again (after "help" or an unclear answer), it keeps its seq: the buttons on screen stay valid.
  const seq = state.pending?.kind === 'claim' ? state.pending.seq : state.seq + 1;
  const pending: Pending = { kind: 'claim', seq };
  const reply: Reply = {
    kind: 'question',
    questionId: pendingId(pending),
    prompt: 'claim',
    seq,
    text: claimQuestion(state, key),
    choices: [
      { value: 'yes', label: 'Yes, that is right' },
      { value: 'no', label: 'No, ask me again' },
    ],
    canSkip: false,
    canGoBack: state.answered.length > 0,
  };
  return {
    state: { ...state, status: 'open', seq, pending },
    replies: [reply],
    effects: [],
  };
}
