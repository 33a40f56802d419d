import type { CaseState } from './case-state.js';
import { type Details, FACT_KEYS, type FactKey, type Facts } from './facts.js';
import { QUESTIONS, questionById } from './questions.js';

// Edits to a case's answers. Each returns a new state; the input state is never mutated.

function questionOfFact(key: FactKey): string {
  // platform is set together with the listing id; both are answered by the listing question.
  return key === 'platform' ? 'listingId' : key;
}

export function withAnswered(state: CaseState, ids: string[]): string[] {
  const rest = state.answered.filter((id) => !ids.includes(id));
  return [...rest, ...ids];
}

/** Applies facts in question order, so "back" after a pre-fill undoes the last question first. */
export function applyFacts(
  state: CaseState,
  facts: Facts,
  details: Details = {},
  overwrite = true,
): CaseState {
  const merged: Record<string, unknown> = { ...state.facts };
  const newly: string[] = [];
  for (const key of FACT_KEYS) {
    const v = facts[key];
    if (v === undefined) continue;
    if (!overwrite && merged[key] !== undefined) continue;
    merged[key] = v;
    newly.push(questionOfFact(key));
  }
  const order = QUESTIONS.map((q) => q.id);
  const ids = [...new Set(newly)].sort((a, b) => order.indexOf(a) - order.indexOf(b));
  const detailIds = details.differences ? ['differences'] : [];
  return {
    ...state,
    facts: merged as Facts,
    details: { ...state.details, ...details },
    answered: withAnswered(state, [...ids, ...detailIds]),
    skipped: state.skipped.filter((id) => !ids.includes(id) && !detailIds.includes(id)),
  };
}

export function clearQuestion(state: CaseState, questionId: string): CaseState {
  const facts: Record<string, unknown> = { ...state.facts };
  const details: Record<string, unknown> = { ...state.details };
  const q = questionById(questionId);
  if (q && 'fact' in q.sets) delete facts[q.sets.fact];
  if (q && 'detail' in q.sets) delete details[q.sets.detail];
  if (questionId === 'listingId') {
    delete facts.platform;
    delete details.marketplace;
  }
  return {
    ...state,
    facts: facts as Facts,
    details: details as Details,
    answered: state.answered.filter((id) => id !== questionId),
    skipped: state.skipped.filter((id) => id !== questionId),
  };
}
