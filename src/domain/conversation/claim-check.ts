import type { CaseState } from '../model/case-state.js';
import { claimToConfirm, confirmClaim } from '../model/claims.js';
import { CLAIM_LEAD, CLAIM_LEAD_YES, CLAIM_NO, CLAIM_YES } from '../reading/vocabulary.js';
import { advance, ask } from './asking.js';
import { clearQuestion } from './case-edits.js';
import { current } from './current.js';
import { isRelevant } from './flow.js';
import { type CoreContext, todayFor } from './outcome.js';
import { questionById } from './questions.js';
import { readTextAnswer } from './read-answer.js';
import type { StepResult } from './step-result.js';

// A claim read from the seller's own words ("we never listed it") is said back before any draft says it
// (claims.ts): this is the seller's answer to "is that right?".

/** Yes: the claim stands. No: it is forgotten, and its question is asked again. */
export function claimAnswer(state: CaseState, yes: boolean, ctx: CoreContext, now: Date): StepResult {
  const key = claimToConfirm(state);
  const open = { ...state, pending: null };
  if (!key) return advance(open, ctx, now);
  if (yes) return advance(confirmClaim(open, key), ctx, now);
  const cleared = clearQuestion(open, key);
  const q = questionById(key);
  return q && isRelevant(q, cleared.facts) && !claimToConfirm(cleared)
    ? ask(cleared, q)
    : advance(cleared, ctx, now);
}

/**
 * Words typed at the confirmation. "yes"/"no" answer it; "yes, we never listed it" confirms; "no, it is
 * ours" (or any other words) drops the claim, and `readAgain` reads the words as the answer to what is
 * asked next (the typed-text step, passed in so the two need not import each other).
 */
export function claimText(
  state: CaseState,
  cmd: string,
  raw: string,
  ctx: CoreContext,
  now: Date,
  readAgain: (state: CaseState, words: string) => StepResult,
): StepResult {
  const key = claimToConfirm(state);
  if (!key) return current({ ...state, pending: null }, ctx, now);
  if (CLAIM_YES.test(cmd)) return claimAnswer(state, true, ctx, now);
  if (CLAIM_NO.test(cmd)) return claimAnswer(state, false, ctx, now);
  const lead = CLAIM_LEAD.exec(cmd);
  const words = lead?.[2] ?? raw;
  const q = questionById(key);
  if (lead && CLAIM_LEAD_YES.test(lead[1] ?? '') && q) {
    const said = readTextAnswer(q, words, todayFor(ctx, now), state.facts);
    if (!said.ok || said.facts[key] === undefined || said.facts[key] === state.facts[key])
      return claimAnswer(state, true, ctx, now);
  }
  const again = claimAnswer(state, false, ctx, now);
  return again.state.pending ? readAgain(again.state, words) : again;
}
