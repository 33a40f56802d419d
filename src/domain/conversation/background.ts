import type { CaseState } from '../model/case-state.js';
import type { Citation } from '../model/knowledge-base.js';
import type { Outcome } from './outcome.js';
import type { Reply } from './replies.js';

// The sourced background facts behind an outcome's routes (knowledge/domain-facts.md, `supporting` on each
// route). They are long, and the same on every outcome of a case: a case shows each one in full once (its
// first outcome, or the first that needs it), and after that only a line saying how to see them again
// ("background", vocabulary.ts), so a repeat outcome (after a change, a resume, help) reads in one screen.
// Which ones a case has shown is kept on its state (`backgroundShown`).

/** The outcome's background facts, each once, in route order. */
export function backgroundOf(o: Outcome): Citation[] {
  const seen = new Map<string, Citation>();
  for (const r of o.routes) for (const c of r.supporting) if (!seen.has(c.ref)) seen.set(c.ref, c);
  return [...seen.values()];
}

/** `refs` added to what the case has shown (the field left out when nothing was ever shown). */
export function markShown(state: CaseState, refs: readonly string[]): CaseState {
  const before = state.backgroundShown ?? [];
  const added = refs.filter((r) => !before.includes(r));
  if (added.length === 0) return state;
  return { ...state, backgroundShown: [...before, ...added] };
}

/**
 * The outcome as a reply: the background facts this case has shown before are named in the reply, so the
 * renderer leaves them out and says how to see them; the rest are shown, and from now on count as shown.
 */
export function outcomeReply(state: CaseState, outcome: Outcome): { state: CaseState; reply: Reply } {
  const refs = backgroundOf(outcome).map((c) => c.ref);
  const before = (state.backgroundShown ?? []).filter((r) => refs.includes(r));
  return {
    state: markShown(state, refs),
    reply: { kind: 'outcome', outcome, ...(before.length > 0 ? { backgroundShown: before } : {}) },
  };
}

/** The answer to "background": the decision's sourced facts in full, or why there are none (yet). */
export function backgroundReply(outcome: Outcome | undefined): Reply {
  if (!outcome)
    return {
      kind: 'text',
      tone: 'info',
      text: 'The background (the sourced facts behind a decision) comes with the decision: I still need a few answers first.',
    };
  const facts = backgroundOf(outcome);
  if (facts.length === 0)
    return {
      kind: 'text',
      tone: 'info',
      text: 'This decision rests on the guidance quoted with each step; there are no further sourced facts behind it.',
    };
  return {
    kind: 'faq',
    text: 'Background: the sourced facts behind this decision (where one says unconfirmed, check the live rule).',
    citations: facts,
  };
}
