import type { CaseState } from '../model/case-state.js';
import type { FactKey } from '../model/facts.js';
import { mergeFacts } from '../reading/llm-facts.js';
import {
  BACK_COMMANDS,
  BACKGROUND_COMMANDS,
  CHANGE_COMMANDS,
  CLAIM_NO,
  CLAIM_YES,
  COMMANDS,
  CONFIRM_NO,
  CONFIRM_YES,
  commandWords,
  HELP_COMMAND_WORDS,
  RESTART_COMMANDS,
  SKIP_COMMANDS,
} from '../reading/vocabulary.js';
import { acceptAnswer, takeWordsOnly } from './accept-answer.js';
import { textAfterDecision } from './after-decision.js';
import { advance } from './asking.js';
import { changeMenu, changeMenuText } from './change-menu.js';
import { claimText } from './claim-check.js';
import { confirm } from './confirm-update.js';
import { current } from './current.js';
import { back, help, restart, skip, start } from './navigation.js';
import { type CoreContext, todayFor } from './outcome.js';
import { questionById } from './questions.js';
import { isBareChoice, readTextAnswer } from './read-answer.js';
import { answerFor, settleRights, withNotice } from './read-message.js';
import { showBackground } from './show-background.js';
import { errorText, infoText, MAX_TEXT, prepend, type StepResult, type TextHints } from './step-result.js';

// What a typed message means: a command, an answer to what is pending (a question, the change menu, the
// update to confirm, the claim to confirm), or news about the case after its decision.

export function text(
  state: CaseState,
  raw: string,
  ctx: CoreContext,
  now: Date,
  hints?: TextHints,
): StepResult {
  const t = raw.slice(0, MAX_TEXT);
  const cmd = commandWords(t);
  if (cmd === '') return current(state, ctx, now);
  if (BACKGROUND_COMMANDS.has(cmd)) return showBackground(state, ctx, now);
  if (state.status === 'new') {
    if (HELP_COMMAND_WORDS.has(cmd)) return help(state, ctx, now);
    return start(state, t, ctx, now, hints);
  }
  if (BACK_COMMANDS.has(cmd)) return back(state, ctx, now);
  if (RESTART_COMMANDS.has(cmd)) return restart(state, ctx, now);
  if (HELP_COMMAND_WORDS.has(cmd)) return help(state, ctx, now);
  if (CHANGE_COMMANDS.has(cmd)) return changeMenu(state);
  if (SKIP_COMMANDS.has(cmd)) return skip(state, ctx, now);
  const pending = state.pending;
  switch (pending?.kind) {
    case 'claim':
      return claimText(state, cmd, t, ctx, now, (s, words) => text(s, words, ctx, now, hints));
    case 'confirm': {
      if (CONFIRM_YES.test(cmd)) return confirm(state, true, ctx, now);
      if (CONFIRM_NO.test(cmd)) return confirm(state, false, ctx, now);
      if (state.status === 'decided')
        return textAfterDecision({ ...state, pending: null, proposal: undefined }, t, ctx, now, hints);
      // Before the decision: the proposal is dropped and the words are read as an answer to the next question.
      const r = advance({ ...state, pending: null, proposal: undefined }, ctx, now);
      return r.state.pending ? text(r.state, raw, ctx, now, hints) : r;
    }
    case 'change':
      return changeMenuText(state, cmd);
  }
  const q = pending ? questionById(pending.questionId) : undefined;
  if (!q) return textAfterDecision(state, t, ctx, now, hints);
  const got = readTextAnswer(q, t, todayFor(ctx, now), state.facts);
  if (!got.ok) {
    const taken = takeWordsOnly(state, raw, got, ctx, now, hints);
    if (taken) return taken;
    const faq = answerFor(t, ctx, state.facts, state.details, hints);
    // Why the words were not taken comes first when it explains them (a verbal OK is no authorization).
    const said = got.aside ? [infoText(got.message), ...(faq ? [faq] : [])] : [faq ?? errorText(got.message)];
    return prepend(said, current(state, ctx, now));
  }
  // The question's own answer is read by the rules; a model's reading only adds the other facts in the words.
  const llm = { ...hints?.llmFacts };
  for (const key of Object.keys(got.facts)) delete llm[key as FactKey];
  const merged = mergeFacts(got.extra, hints?.llmFacts ? llm : undefined).facts;
  // An authorization among the other facts counts only with what it rests on (as in any other message).
  const extra = settleRights(merged, got.details, t, got.facts);
  const answer = { facts: got.facts, details: withNotice(got.details, raw), extra: extra.facts };
  // A typed number or choice is a button press; a sentence is the seller's words, and a claim in it is confirmed.
  return acceptAnswer(state, answer, !isBareChoice(q, t), ctx, now, extra.notes);
}

/**
 * Commands, typed choices ("1", "yes") and menu picks are not the seller's words; everything else is, and is
 * kept on the case with its time (for the lawyer's file), whether or not it answered anything.
 */
export function isSellerWords(state: CaseState, raw: string): boolean {
  const cmd = commandWords(raw);
  if (cmd === '' || COMMANDS.has(cmd) || CHANGE_COMMANDS.has(cmd)) return false;
  const pending = state.pending;
  switch (pending?.kind) {
    case 'confirm':
      return !CONFIRM_YES.test(cmd) && !CONFIRM_NO.test(cmd);
    case 'claim':
      return !CLAIM_YES.test(cmd) && !CLAIM_NO.test(cmd);
    case 'change':
      return false;
  }
  const q = pending ? questionById(pending.questionId) : undefined;
  return !(q && isBareChoice(q, raw));
}
