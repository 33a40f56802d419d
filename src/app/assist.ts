import { type CoreContext, todayFor } from '../domain/conversation/outcome.js';
import type { Reply } from '../domain/conversation/replies.js';
import { isSellerWords, type TextHints } from '../domain/conversation/step.js';
import { isQuestionText, matchFollowUp } from '../domain/decision/follow-ups.js';
import { checkAnswer, notCoveredReply, quotedPassages } from '../domain/grounding/grounding.js';
import type { CaseState } from '../domain/model/case-state.js';
import type { Details, Facts } from '../domain/model/facts.js';
import { isLitigation, signsWith } from '../domain/model/litigation.js';
import type { GivenSection } from '../domain/model/llm-contract.js';
import { extractFacts } from '../domain/reading/extract.js';
import { sanitizeLlmFacts } from '../domain/reading/llm-facts.js';
import type { LanguageModel } from './ports.js';

// What is read or answered for a seller's free text outside the pure step, then handed to the step as data:
// a language model's reading of the facts, or an answer to a question from the guidance. At most one model
// call per message, and none for buttons, typed choices or commands.

/** Sections handed to the model for a question: the best few, above a floor that means "about this". */
const SECTIONS_GIVEN = 4;
// BM25 score under which a section shares only a stray word with the question (measured on the real
// knowledge: on-topic questions score 4 and up, unrelated ones under 2.5).
export const MIN_SCORE = 3;
// Under this many words a message is a short answer ("yes?", "trademark?"), not a question for the guidance.
const MIN_QUESTION_WORDS = 3;

export interface AssistDeps {
  ctx: CoreContext;
  llm?: LanguageModel;
}

export interface Assisted {
  hints: TextHints;
  /** Why a model's answer was not shown, for the case's audit trail. */
  withheld?: string;
}

function words(text: string): number {
  const latin = text.match(/[A-Za-z0-9]+/g)?.length ?? 0;
  const han = text.match(/\p{Script=Han}/gu)?.length ?? 0;
  return latin + Math.ceil(han / 2);
}

/** A question for the guidance: asked within a case, and not one a firm rule answers already. */
export function isGuidanceQuestion(state: CaseState, text: string): boolean {
  return (
    state.status !== 'new' &&
    words(text) >= MIN_QUESTION_WORDS &&
    isQuestionText(text) &&
    !matchFollowUp(text, state.facts, state.details)
  );
}

/**
 * Reads or answers a free-text message before the step. `onWorking` is called just before a model call, so
 * the channel can show that something is happening.
 */
export async function assistText(
  deps: AssistDeps,
  state: CaseState,
  text: string,
  now: Date,
  onWorking?: () => unknown,
): Promise<Assisted> {
  if (!isSellerWords(state, text)) return { hints: {} };
  const today = todayFor(deps.ctx, now);
  if (isGuidanceQuestion(state, text)) {
    return answerQuestion(deps, text, questionFacts(state.facts, text, today), state.details, onWorking);
  }
  if (!deps.llm) return { hints: {} };
  await onWorking?.();
  const out = await deps.llm.readFacts({ text, today });
  return { hints: out ? { llmFacts: sanitizeLlmFacts(out, text, today) } : {} };
}

/**
 * The facts a question is answered with: the case's, plus what the rules read in the question. The saved
 * facts win, except for a court case or a letter: "we were just served with a TRO, what should we do with
 * the photos?" in a platform-complaint case is a court case already (the stricter notice counts).
 */
export function questionFacts(saved: Facts, text: string, today: string): Facts {
  const read = extractFacts(text.slice(0, 20_000), today).facts;
  const facts: Facts = { ...read, ...saved };
  if (!isLitigation(saved) && isLitigation(read)) facts.notice = read.notice;
  else if (saved.notice === 'rights_holder_letter' && read.notice === 'court_or_tro')
    facts.notice = read.notice;
  return facts;
}

async function answerQuestion(
  deps: AssistDeps,
  question: string,
  facts: Facts,
  details: Details,
  onWorking?: () => unknown,
): Promise<Assisted> {
  // The question's own legal signs ("a law firm emailed us too") count for the preservation rule at once.
  const withSigns = signsWith(details, question);
  const { kb, retriever } = deps.ctx;
  const hits = (retriever?.search(question, SECTIONS_GIVEN) ?? []).filter((h) => h.score >= MIN_SCORE);
  // No section is about this: nothing to ground an answer on, so no model is asked.
  if (hits.length === 0) return { hints: { answer: notCoveredReply() } };
  if (!deps.llm) return { hints: { answer: quotedPassages(hits, facts, kb, withSigns) } };
  const sections: GivenSection[] = hits.map((h, i) => ({
    n: i + 1,
    ref: h.section.ref,
    title: h.section.title,
    text: h.section.text,
  }));
  await onWorking?.();
  const out = await deps.llm.answer({ question, facts, sections });
  // The model did not answer (slow, down, garbage): the passages are quoted as without one.
  if (!out) return { hints: { answer: quotedPassages(hits, facts, kb, withSigns) } };
  const verdict = checkAnswer(out, sections, facts, kb, { details, question });
  if (verdict.ok) return { hints: { answer: verdict.reply } };
  const answer: Reply = notCoveredReply();
  return { hints: { answer }, withheld: verdict.reason };
}
