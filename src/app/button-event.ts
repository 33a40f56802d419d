import type { CoreEvent } from '../domain/conversation/step.js';
import type { ButtonValue } from './button-value.js';

// The conversation's own buttons (an answer, Skip, Change an answer, Start over) mean the same turn in
// every channel: handleAction (handle-action.ts) asks here which turn a decoded press is.

/** The value a Skip button carries in place of an answer. */
export const SKIP_VALUE = '__skip';

export type ConversationAction = 'answer' | 'change' | 'restart';

/** The turn a conversation button asks for. */
export function buttonEvent(action: ConversationAction, b: ButtonValue): CoreEvent {
  if (action === 'change') return { type: 'change' };
  if (action === 'restart') return { type: 'restart' };
  if (b.v === SKIP_VALUE) return { type: 'skip' };
  return {
    type: 'answer',
    questionId: b.q ?? '',
    value: b.v ?? '',
    ...(b.s !== undefined ? { seq: b.s } : {}),
  };
}
