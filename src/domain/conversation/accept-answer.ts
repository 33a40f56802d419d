import type { CaseState } from '../model/case-state.js';
import { markClaims } from '../model/claims.js';
import type { Details, Facts } from '../model/facts.js';
import { advance, ask } from './asking.js';
import { applyFacts } from './case-edits.js';
import { confirmMenu } from './confirm-update.js';
import { nextQuestion } from './flow.js';
import { type CoreContext, todayFor } from './outcome.js';
import { questionById } from './questions.js';
import { answerFor, hasConflicts, read, takeExtra, withNotice } from './read-message.js';
import type { Reply } from './replies.js';
import { disputedNote, understood } from './said-back.js';
import { legalSignsNotice, urgentIfCourt } from './step-notices.js';
import { errorText, infoText, prepend, type StepResult, type TextHints } from './step-result.js';

// An answer to the pending question taken into the case, with the other facts said in the same words.

export function acceptAnswer(
  state: CaseState,
  answer: { facts: Facts; details: Details; extra: Facts },
  fromWords: boolean,
  ctx: CoreContext,
  now: Date,
  notes: Reply[] = [],
): StepResult {
  const answered = markClaims(
    applyFacts({ ...state, pending: null }, answer.facts, {}),
    answer.facts,
    fromWords,
  );
  // Extra facts from the same words only fill gaps; one that contradicts an earlier answer is asked about.
  const taken = takeExtra(answered, answer.extra, answer.details);
  const { state: next, conflicts, detailConflicts } = taken;
  // Read from a sentence, the answer itself is said back too; a button press is not.
  const u = understood(fromWords ? state : answered, next);
  const said = [
    ...(u ? [u] : []),
    ...notes,
    ...urgentIfCourt(state.facts, next.facts),
    ...legalSignsNotice(state, next),
  ];
  if (hasConflicts(taken))
    return prepend(said, confirmMenu({ ...next, proposal: { facts: conflicts, details: detailConflicts } }));
  return prepend(said, advance(next, ctx, now));
}

/**
 * Words that do not answer the pending question may still say other things ("the complaint came
 * yesterday, complaint ID 881…"): those are taken, and the question is asked again (its buttons stay valid).
 * Undefined when the words say nothing new.
 */
export function takeWordsOnly(
  state: CaseState,
  raw: string,
  why: { message: string; aside?: boolean },
  ctx: CoreContext,
  now: Date,
  hints?: TextHints,
): StepResult | undefined {
  const pending = state.pending;
  if (pending?.kind !== 'question') return undefined;
  const q = questionById(pending.questionId);
  if (!q || q.freeText?.kind === 'list') return undefined;
  const { ex, disputed, notes } = read(
    raw,
    todayFor(ctx, now),
    { noticeDate: state.facts.noticeDate },
    hints,
  );
  // The question's own fact was not read for a reason ("no, it's ours" says two things): it stays asked.
  const others: Record<string, unknown> = { ...ex.facts };
  if ('fact' in q.sets) delete others[q.sets.fact];
  const taken = takeExtra(state, others as Facts, withNotice(ex.details, raw));
  const { state: next, conflicts, detailConflicts } = taken;
  const u = understood(state, next);
  const twoWays = disputedNote(disputed, next);
  if (!u && !hasConflicts(taken) && twoWays.length === 0) return undefined;
  // A date question's message says what was wrong ("Nov 20 is when the TRO was issued"); a generic
  // "I did not catch that" would contradict what was just understood.
  const faq = answerFor(raw, ctx, next.facts, next.details, hints);
  // Why the question's own answer was not taken, when that is worth saying beside what was.
  const whyNot = why.aside
    ? [infoText(why.message)]
    : q.freeText?.kind === 'date'
      ? [errorText(why.message)]
      : notes;
  const said = [
    ...(u ? [u] : []),
    ...twoWays,
    ...urgentIfCourt(state.facts, next.facts),
    ...legalSignsNotice(state, next),
    ...(why.aside ? [...whyNot, ...(faq ? [faq] : [])] : faq ? [faq] : whyNot),
  ];
  if (hasConflicts(taken))
    return prepend(
      said,
      confirmMenu({ ...next, pending: null, proposal: { facts: conflicts, details: detailConflicts } }),
    );
  const again = nextQuestion(next);
  if (again?.id !== q.id) return prepend(said, advance({ ...next, pending: null }, ctx, now));
  // The same question again, with the same seq: the buttons already on screen stay valid.
  const r = ask({ ...next, seq: pending.seq - 1 }, q);
  return prepend(said, { ...r, state: { ...r.state, seq: Math.max(r.state.seq, state.seq) } });
}
