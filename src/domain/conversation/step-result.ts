import type { CaseState } from '../model/case-state.js';
import type { Facts } from '../model/facts.js';
import type { Effect, Reply } from './replies.js';

// What every part of the conversation step returns, and the small replies they share.

/**
 * What was read or answered for a message outside the step (a language model, ranked retrieval), passed in
 * as data: the step itself stays pure.
 */
export interface TextHints {
  /** Facts a language model read in the message (contract values, already checked against the message). */
  llmFacts?: Facts;
  /** An answer to a question in the message, shown where a rule-based follow-up answer would be. */
  answer?: Reply;
}

export interface StepResult {
  state: CaseState;
  replies: Reply[];
  effects: Effect[];
}

// What the step reads of one message: a whole pasted notice (the schema's limit for it). Extraction is linear
// in the text's length, ~20 ms for this much.
export const MAX_TEXT = 20_000;

/** Said before what the step goes on to say. */
export function prepend(replies: Reply[], r: StepResult): StepResult {
  return { ...r, replies: [...replies, ...r.replies] };
}

export const infoText = (text: string): Reply => ({ kind: 'text', text, tone: 'info' });
export const errorText = (text: string): Reply => ({ kind: 'text', text, tone: 'error' });
