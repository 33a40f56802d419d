import { type CaseState, type Pending, pendingId } from '../model/case-state.js';
import { factWords } from '../model/claims.js';
import { ask } from './asking.js';
import { clearQuestion } from './case-edits.js';
import { type Question, questionById } from './questions.js';
import { errorText, infoText, prepend, type StepResult } from './step-result.js';

// "change": the menu of answered questions, and the one picked asked again.

export function changeMenu(state: CaseState): StepResult {
  const answeredQs = state.answered
    .map((id) => questionById(id))
    .filter((q): q is Question => q !== undefined);
  if (answeredQs.length === 0) {
    return { state, replies: [infoText('Nothing has been answered yet.')], effects: [] };
  }
  const choices = answeredQs.map((q) => {
    let value = 'skipped';
    if ('fact' in q.sets) {
      const v = state.facts[q.sets.fact];
      if (v !== undefined) value = factWords(q.sets.fact, v, state.details);
    } else if (state.details.differences) {
      value = `${state.details.differences.length} differences`;
    }
    return { value: q.id, label: `${q.text} (${value})` };
  });
  const seq = state.pending?.kind === 'change' ? state.pending.seq : state.seq + 1;
  const pending: Pending = { kind: 'change', seq };
  return {
    state: { ...state, seq, pending },
    replies: [
      {
        kind: 'question',
        questionId: pendingId(pending),
        prompt: 'change',
        seq,
        text: 'Which answer do you want to change?',
        choices,
        canSkip: false,
        canGoBack: false,
      },
    ],
    effects: [],
  };
}

/** The answer to `questionId` cleared and its question asked again. */
export function change(state: CaseState, questionId: string): StepResult {
  const q = questionById(questionId);
  if (!q || !state.answered.includes(questionId)) {
    return prepend([errorText('That answer cannot be changed; pick one from the list.')], changeMenu(state));
  }
  return ask(clearQuestion({ ...state, pending: null }, questionId), q);
}

/** Words typed at the menu: its number, or a question's id; anything else shows the menu again. */
export function changeMenuText(state: CaseState, cmd: string): StepResult {
  const menu = changeMenu(state);
  const first = menu.replies[0];
  const choices = first?.kind === 'question' ? first.choices : [];
  const n = Number(cmd);
  const picked = Number.isInteger(n) ? choices[n - 1] : choices.find((c) => c.value.toLowerCase() === cmd);
  if (picked) return change(state, picked.value);
  return prepend([errorText(`Pick 1 to ${choices.length}.`)], menu);
}
